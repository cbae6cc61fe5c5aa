/**
 * Ctrl-C and SIGTERM during `archivist invalidate` (review 10, finding 1). Before anything is
 * sent the command ends at once as other commands do (nothing sent). Once a request may be on
 * its way, ending would leave an attempt without an outcome while the server may have
 * invalidated the document: the first interrupt says so on stderr, lets the request in flight end
 * (aborting it would race the server, whose read-back could then say "not invalidated" a moment
 * before it is), reads the document back, records the outcome and sends nothing more. A second
 * interrupt ends at once, after recording the open attempt's outcome as unknown, synchronously.
 */
import type { HomeAudit } from '../../services/invalidation/audit';
import type { InvalidationControl } from '../../services/invalidation/control';
import type { InvalidationProgress } from '../../services/invalidation/types';
import { endBySignal, sayNow, takeOverInterrupts, type InterruptSignal } from '../interruption';

const prefix = 'archivist invalidate';
const again = '(interrupt again to stop at once)';

/** The outcome recorded for an attempt whose read-back a second interrupt cut off. */
const cutOffMessage = () => 'interrupted before the read-back: check before trying again';

export interface InvalidationInterrupts {
  /** The service's progress: where an interrupt finds the run. */
  readonly onProgress: (progress: InvalidationProgress) => void;
  /** From here a request may be sent: an interrupt stops the run instead of ending the process. */
  readonly startSending: () => void;
  /** True once a request was sent (or was about to be). */
  readonly hasSent: () => boolean;
  /** After an interrupt before anything was sent: one line, then end as the signal would. */
  readonly endUnsent: () => void;
  /** Gives the signals back (to the command line's default: one line, end by the signal). */
  readonly release: () => void;
}

/** Takes SIGINT and SIGTERM over for one run of the command; `release()` when it is done. */
export function watchInvalidationInterrupts(
  control: InvalidationControl,
  audit: HomeAudit,
): InvalidationInterrupts {
  let isSending = false;
  let hasSent = false;
  let first: InterruptSignal | undefined;
  let where: { readonly stage: 'sending' | 'verifying'; readonly resourceId: string } | undefined;
  const unsentLine = `${prefix}: interrupted before anything was sent; nothing was invalidated.`;

  const stop = (signal: InterruptSignal) => {
    first = signal;
    control.stop();
    // Held from now to the end: a second interrupt must be able to record synchronously.
    void audit.hold();
    const target = where && `DocumentReference/${where.resourceId}`;
    sayNow(
      where?.stage === 'sending'
        ? `${prefix}: interrupted: letting the request for ${target} finish, then reading it back ${again}.`
        : where?.stage === 'verifying'
          ? `${prefix}: interrupted: reading back ${target}, then stopping ${again}.`
          : `${prefix}: interrupted: nothing more will be sent ${again}.`,
    );
  };

  const endNow = () => {
    const abandoned = control.abandon(cutOffMessage);
    if (abandoned.kind === 'recording') {
      sayNow(
        `${prefix}: interrupted again: the record of DocumentReference/${abandoned.resourceId} is being written; stopping right after.`,
      );
      return;
    }
    if (abandoned.kind === 'closed') {
      const target = `DocumentReference/${abandoned.resourceId}`;
      sayNow(
        abandoned.recorded.ok
          ? `${prefix}: interrupted again before the read-back ended: whether ${target} was invalidated is not known (recorded as unknown, audit record ${abandoned.recorded.value.sequence}); check it before trying again.`
          : `${prefix}: interrupted again before the read-back ended: whether ${target} was invalidated is not known, and the outcome could not be recorded (${abandoned.recorded.error.message}); check it before trying again.`,
      );
    } else sayNow(`${prefix}: interrupted again: stopped.`);
    audit.release();
    process.exit(1);
  };

  const release = takeOverInterrupts((signal) => {
    if (!isSending) {
      sayNow(unsentLine);
      return endBySignal(signal);
    }
    if (first === undefined) stop(signal);
    else endNow();
  });

  return {
    onProgress(progress) {
      if (progress.stage === 'sending' || progress.stage === 'verifying') {
        where = { stage: progress.stage, resourceId: progress.resourceId };
        hasSent = true;
      } else if (progress.stage === 'done') where = undefined;
    },
    startSending: () => {
      isSending = true;
    },
    hasSent: () => hasSent,
    endUnsent() {
      sayNow(unsentLine);
      release();
      audit.release();
      if (first) endBySignal(first);
    },
    release,
  };
}
