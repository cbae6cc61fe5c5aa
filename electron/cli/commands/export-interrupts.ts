/**
 * Ctrl-C and SIGTERM while `archivist compare` makes a report (review 10, finding 9). Once the
 * export event is durable, ending at once would leave the journal claiming a report that was
 * never written (a PDF takes seconds to print, a large report to write). So the interrupt then
 * records the export as failed, says so in one line, and ends as the signal would; before the
 * event, or once the report has reached its target, it ends at once like any command. A second
 * interrupt while the failure is being recorded ends at once too.
 */
import { endBySignal, sayNow, takeOverInterrupts } from '../interruption';

const prefix = 'archivist compare';

export interface ExportInterrupts {
  /** exportReport's onRecorded: from here an interrupt records the export as failed. */
  readonly onRecorded: (recordFailure: (message: string) => Promise<void>) => void;
  /** The delivery ended (written, or its failure recorded by exportReport): nothing to add. */
  readonly settled: () => void;
  /** Gives the signals back to the command line's default. */
  readonly release: () => void;
}

/** Takes SIGINT and SIGTERM over for one report export; `release()` when it is done. */
export function watchExportInterrupts(): ExportInterrupts {
  let recordFailure: ((message: string) => Promise<void>) | undefined;
  const release = takeOverInterrupts((signal) => {
    const record = recordFailure;
    recordFailure = undefined;
    if (!record) {
      sayNow(`${prefix}: interrupted`);
      endBySignal(signal);
      return;
    }
    sayNow(
      `${prefix}: interrupted before the report was written; recording the export as failed in the audit journal (interrupt again to stop at once).`,
    );
    const end = () => endBySignal(signal);
    record('interrupted before the report was written').then(end, end);
  });
  return {
    onRecorded: (record) => {
      recordFailure = record;
    },
    settled: () => {
      recordFailure = undefined;
    },
    release,
  };
}
