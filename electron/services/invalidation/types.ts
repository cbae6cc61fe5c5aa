/**
 * The invalidation service's vocabulary: what it needs (an environment connection, the profile
 * and its calendar, a clock, the audit trail) and what it answers. Plain JSON values, so the UI
 * can carry them across IPC as they are.
 */
import type { AuditContext } from '../../../shared/audit/builders';
import type { AuditEvent } from '../../../shared/audit/event';
import type { EnvironmentCalendar } from '../../../shared/environments/calendar';
import type { EnvironmentProfile } from '../../../shared/environments/profile';
import type { InvalidationState } from '../../../shared/invalidation/audit-records';
import type { PreflightFinding } from '../../../shared/invalidation/preflight';
import type { InvalidationProvenance } from '../../../shared/invalidation/provenance';
import type { InvalidationReason } from '../../../shared/invalidation/reasons';
import type { AppError, Result } from '../../../shared/result';
import type { Appended } from '../audit/journal';
import type { EnvironmentConnection } from '../environments/connection';

/** Where the records go: durable before `record` resolves, or an error (nothing may happen). */
export interface InvalidationAudit {
  readonly context: AuditContext;
  readonly record: (event: AuditEvent, refused: string) => Promise<Result<Appended>>;
}

/** Where the service is in its work; the UI shows it, tests use it to time their faults. */
export type InvalidationProgress =
  | {
      readonly stage: 'reading';
      readonly resourceId: string;
      readonly index: number;
      readonly total: number;
    }
  | { readonly stage: 'sending'; readonly resourceId: string; readonly requestId: string }
  /** The request came back (or failed); the document and its Provenance are read back now. */
  | { readonly stage: 'verifying'; readonly resourceId: string; readonly requestId: string }
  | { readonly stage: 'done'; readonly outcome: DocumentOutcome };

export interface InvalidationDeps {
  readonly profile: EnvironmentProfile;
  readonly connection: EnvironmentConnection;
  /** The environment's calendar (fault-testing and outage windows). */
  readonly calendar: EnvironmentCalendar;
  readonly now: () => Date;
  readonly audit: InvalidationAudit;
  /** `Archivist <version>`: named as the agent when the profile has no operator. */
  readonly application: string;
  /** A fresh UUID per attempt (default crypto.randomUUID). */
  readonly newRequestId?: () => string;
  /** Cancels reads and the send; a cancelled send is still read back (its fate is unknown). */
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: InvalidationProgress) => void;
}

/** One document after preflight: what was found and the Provenance that would be sent. */
export interface PreparedDocument {
  readonly resourceId: string;
  readonly title?: string;
  /** DocumentReference.status at preflight; absent when the environment refused before reading. */
  readonly status?: string;
  /** The patient's identity code, for the audit records. */
  readonly hetu?: string;
  readonly findings: readonly PreflightFinding[];
  /** The exact payload, except that the real run stamps its own `recorded` and request id. */
  readonly provenance: InvalidationProvenance;
}

/** A set after preflight: one confirmation covers exactly these documents. */
export interface PreparedSet {
  readonly environment: string;
  readonly documents: readonly PreparedDocument[];
  /** Findings about the environment itself (test flag, calendar). */
  readonly environmentFindings: readonly PreflightFinding[];
  /** False when any finding blocks: then nothing in the set is sent. */
  readonly isAllowed: boolean;
  /** What the operator types to confirm: the document id, or `set-<n>-<digest>`. */
  readonly confirmationToken: string;
}

/** How one document ended. */
export interface DocumentOutcome {
  readonly resourceId: string;
  readonly state: InvalidationState;
  readonly message: string;
  readonly requestId?: string;
  /** The Provenance this request created, when the read-back found it. */
  readonly provenanceId?: string;
  /** Journal sequences of the attempt and its outcome records. */
  readonly attemptSequence?: number;
  readonly outcomeSequence?: number;
  /** The send's error, when it failed (env-ambiguous-write, env-timeout, …). */
  readonly sendError?: AppError;
  /** Set when the outcome could not be written to the journal (it is still reported here). */
  readonly auditError?: string;
}

export interface BatchOutcome {
  readonly outcomes: readonly DocumentOutcome[];
  /** True when every document ended `invalidated`. */
  readonly isComplete: boolean;
  /** The document whose failure stopped the batch, if one did. */
  readonly stoppedAt?: string;
}

export interface InvalidationOrder {
  readonly reason: InvalidationReason;
  /** The document id (one document) or the set token, as the operator typed it. */
  readonly confirmation: string | undefined;
}
