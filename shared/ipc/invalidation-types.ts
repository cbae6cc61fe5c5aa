/**
 * What the invalidation channels carry (issue 5 service, issue 6 dialog): the preflight of a set
 * (findings, the exact Provenance payload, the confirmation token), progress while it runs, and
 * the read-back outcome per document. The invalidation service (electron/services/invalidation)
 * answers in these same types, so the workspace returns its values as they are.
 */
import type { EnvironmentProfile } from '../environments/profile';
import type { InvalidationState } from '../invalidation/audit-records';
import type { PreflightFinding } from '../invalidation/preflight';
import type { InvalidationProvenance } from '../invalidation/provenance';
import type { InvalidationReason } from '../invalidation/reasons';
import type { AppError } from '../result';

/** Where a run goes: what the dialog and the dry run name before anything is sent. */
export type InvalidationEnvironment = Pick<
  EnvironmentProfile,
  'displayName' | 'kind' | 'baseUrl' | 'isTestEnvironment'
>;

/** The document's last invalidation attempt in this environment, as the audit journal has it. */
export interface LastInvalidationAttempt {
  /** When the attempt was recorded (ISO, UTC). */
  readonly recorded: string;
  readonly requestId: string;
  /** Its last outcome; absent when none was recorded (still running, or the run ended early). */
  readonly state?: InvalidationState;
  readonly message?: string;
}

/** One document after preflight. */
export interface InvalidationPreviewDocument {
  readonly resourceId: string;
  readonly title?: string;
  readonly status?: string;
  readonly hetu?: string;
  readonly findings: readonly PreflightFinding[];
  readonly lastAttempt?: LastInvalidationAttempt;
  /** The exact payload; the real run stamps its own `recorded` time and request id. */
  readonly provenance: InvalidationProvenance;
}

/** A set after preflight: one confirmation covers exactly these documents. */
export interface InvalidationPreview {
  readonly environment: string;
  readonly environmentDetails: InvalidationEnvironment;
  readonly documents: readonly InvalidationPreviewDocument[];
  readonly environmentFindings: readonly PreflightFinding[];
  /** False when any finding blocks: then nothing in the set may be sent. */
  readonly isAllowed: boolean;
  /** What the operator types to confirm: the document id, or `set-<n>-<digest>`. */
  readonly confirmationToken: string;
}

/** How one document ended, as read back from the environment. */
export interface InvalidationOutcome {
  readonly resourceId: string;
  readonly state: InvalidationState;
  readonly message: string;
  readonly requestId?: string;
  readonly provenanceId?: string;
  readonly attemptSequence?: number;
  readonly outcomeSequence?: number;
  readonly sendError?: AppError;
  readonly auditError?: string;
}

export interface InvalidationRunResult {
  readonly runId: string;
  readonly outcomes: readonly InvalidationOutcome[];
  /** True when every document ended `invalidated`. */
  readonly isComplete: boolean;
  readonly stoppedAt?: string;
}

export interface InvalidationPreflightRequest {
  readonly profileId: string;
  readonly resourceIds: readonly string[];
}

export interface InvalidationRunRequest {
  readonly profileId: string;
  /** Chosen by the window, so it can match progress events to its run. */
  readonly runId: string;
  readonly resourceIds: readonly string[];
  readonly reason: InvalidationReason;
  /** The document id or set token, as the operator typed it. */
  readonly confirmation: string;
}

/** Progress of one run, tagged with its id. */
export type InvalidationProgressEvent = { readonly runId: string } & (
  | {
      readonly stage: 'reading';
      readonly resourceId: string;
      readonly index: number;
      readonly total: number;
    }
  | { readonly stage: 'sending'; readonly resourceId: string; readonly requestId: string }
  | { readonly stage: 'verifying'; readonly resourceId: string; readonly requestId: string }
  | { readonly stage: 'done'; readonly outcome: InvalidationOutcome }
);
