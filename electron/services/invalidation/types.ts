/**
 * The invalidation service's vocabulary: what it needs (an environment connection, the profile
 * and its calendar, a clock, the audit trail) and what it answers. Plain JSON values, so the UI
 * can carry them across IPC as they are.
 */
import type { AuditContext } from '../../../shared/audit/builders';
import type { ChainedRecord } from '../../../shared/audit/canonical';
import type { AuditEvent } from '../../../shared/audit/event';
import type { EnvironmentCalendar } from '../../../shared/environments/calendar';
import type { EnvironmentProfile } from '../../../shared/environments/profile';
import type { InvalidationReason } from '../../../shared/invalidation/reasons';
import type { Result } from '../../../shared/result';
import type { Appended } from '../audit/journal';
import type { EnvironmentConnection } from '../environments/connection';
import type { InvalidationControl } from './control';
import type {
  InvalidationOutcome,
  InvalidationPreview,
  InvalidationPreviewDocument,
} from '../../../shared/ipc/invalidation-types';

/** Where the records go: durable before `record` resolves, or an error (nothing may happen). */
export interface InvalidationAudit {
  readonly context: AuditContext;
  readonly record: (event: AuditEvent, refused: string) => Promise<Result<Appended>>;
  /**
   * Appends at once, synchronously, when the journal is held open; a caller that must end now
   * (a second Ctrl-C) records an attempt's outcome through it. Absent or `err` otherwise.
   */
  readonly recordNow?: (event: AuditEvent) => Result<Appended>;
  /**
   * The journal's update (U) records, oldest first: preflight finds earlier attempts on a
   * document in them. Absent: no history is checked.
   */
  readonly history?: () => readonly ChainedRecord[];
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
  /** Stops a run between documents, or abandons it at once (the command line's Ctrl-C). */
  readonly control?: InvalidationControl;
  readonly onProgress?: (progress: InvalidationProgress) => void;
}

// The shapes the dialog receives are the service's own: one definition, in shared/ipc.
export type PreparedDocument = InvalidationPreviewDocument;
export type PreparedSet = InvalidationPreview;
export type DocumentOutcome = InvalidationOutcome;

export interface BatchOutcome {
  readonly outcomes: readonly DocumentOutcome[];
  /** True when every document ended `invalidated`. */
  readonly isComplete: boolean;
  /** The document whose failure stopped the batch, if one did. */
  readonly stoppedAt?: string;
  /** True when the caller stopped the run (`InvalidationControl.stop`) before it ended. */
  readonly isInterrupted?: boolean;
}

export interface InvalidationOrder {
  readonly reason: InvalidationReason;
  /** The document id (one document) or the set token, as the operator typed it. */
  readonly confirmation: string | undefined;
}
