/**
 * How a caller ends an invalidation run early (the command line's Ctrl-C). Every attempt in the
 * journal must get exactly one outcome (issue 5's write-ahead rule), so neither way leaves one
 * open: `stop()` lets the document in flight end and be read back and sends nothing more;
 * `abandon()`, for a caller that must end at once, first records the open attempt's outcome as
 * unknown, synchronously, before the caller exits.
 */
import { err, type Result } from '../../../shared/result';
import type { Appended } from '../audit/journal';

/** Records the open attempt's outcome now, as unknown with `message`. */
type CloseAttempt = (message: string) => Result<Appended>;

/**
 * What `abandon()` found: the attempt it closed (and how the record went); an attempt whose
 * outcome is being recorded right now (the caller lets that finish); or no attempt open.
 */
export type Abandoned =
  | { readonly kind: 'closed'; readonly resourceId: string; readonly recorded: Result<Appended> }
  | { readonly kind: 'recording'; readonly resourceId: string }
  | { readonly kind: 'none' };

export class InvalidationControl {
  #isStopped = false;
  #isAbandoned = false;
  #open: { readonly resourceId: string; readonly close: CloseAttempt } | undefined;
  /** The document whose attempt or outcome record is being written now. */
  #writing: string | undefined;

  /** True once `stop()` or `abandon()` was called: no further document is sent. */
  get isStopped(): boolean {
    return this.#isStopped;
  }

  /** True once `abandon()` was called: the service records nothing more for the run. */
  get isAbandoned(): boolean {
    return this.#isAbandoned;
  }

  /** Sends no further document; the one in flight still ends and is read back. */
  stop(): void {
    this.#isStopped = true;
  }

  /**
   * Ends the run's bookkeeping now: the open attempt, if any, gets its outcome (unknown,
   * `message`) synchronously. The caller exits right after; a send or read-back still pending
   * records nothing when (if ever) it ends.
   */
  abandon(message: (resourceId: string) => string): Abandoned {
    this.#isStopped = true;
    // Ending while a record is written could leave an attempt without its outcome, and two
    // outcomes for one attempt would be as wrong as none: the record being written goes first.
    if (this.#writing !== undefined) return { kind: 'recording', resourceId: this.#writing };
    this.#isAbandoned = true;
    const open = this.#open;
    this.#open = undefined;
    if (!open) return { kind: 'none' };
    const recorded = open.close(message(open.resourceId));
    return { kind: 'closed', resourceId: open.resourceId, recorded };
  }

  /** The service: `resourceId`'s attempt record is being written. */
  recordingAttempt(resourceId: string): void {
    this.#writing = resourceId;
  }

  /** The service: `resourceId`'s attempt is durable and awaits its outcome. */
  opened(resourceId: string, close: CloseAttempt): void {
    this.#writing = undefined;
    this.#open = { resourceId, close };
  }

  /** The service: the open attempt's outcome is being recorded the normal way. */
  recordingOutcome(): void {
    this.#writing = this.#open?.resourceId;
    this.#open = undefined;
  }

  /** The service: the record being written is done (or failed); no attempt is open. */
  closed(): void {
    this.#writing = undefined;
  }
}

/** The `recordNow` of an audit that cannot append synchronously. */
export function cannotRecordNow(): Result<Appended> {
  return err('audit-unavailable', 'the audit journal was not held open');
}
