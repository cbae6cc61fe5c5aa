/**
 * The table toolbar's "Check listed documents" (review 11, finding 1): reading every CDA on every
 * search is too slow for large lists, so the contents are read only when asked, with progress
 * "N of M" and a Stop. The problems column's header says what it covers (problemsCoverage).
 */
import type { DocumentRow } from '../../../shared/ipc/workspace-types';
import type { CheckProgress } from '../search/use-document-check';

export interface TableCheck {
  readonly progress: CheckProgress;
  /** Starts a check of these rows (the ones the table lists, in its order). */
  readonly start: (listed: readonly DocumentRow[]) => void;
  readonly stop: () => void;
}

/** What the problems column covers, for its header. */
export function problemsCoverage({ phase, done, total }: CheckProgress): string {
  switch (phase) {
    case 'idle':
      return 'from the DocumentReference';
    case 'running':
      return 'checking contents…';
    case 'stopped':
      return `checked: contents of ${done} of ${total}`;
    case 'done':
      return 'checked: contents';
  }
}

function progressText({ phase, done, total }: CheckProgress): string {
  if (phase === 'running') return `Checking contents… ${done} of ${total}`;
  if (phase === 'stopped') return `Check stopped after ${done} of ${total}.`;
  if (phase === 'done') return `Contents of ${total} documents checked.`;
  return '';
}

export function CheckControls({
  check,
  onStart,
  canStart,
}: {
  readonly check: TableCheck;
  readonly onStart: () => void;
  readonly canStart: boolean;
}) {
  const isRunning = check.progress.phase === 'running';
  return (
    <>
      {isRunning ? (
        <>
          <progress
            max={check.progress.total}
            value={check.progress.done}
            aria-label="Check progress"
          />
          <button type="button" onClick={check.stop}>
            Stop
          </button>
        </>
      ) : (
        <button
          type="button"
          onClick={onStart}
          disabled={!canStart}
          title="Reads each listed document's contents (each read is recorded in the audit trail)"
        >
          Check listed documents
        </button>
      )}
      <span className="muted" role="status">
        {progressText(check.progress)}
      </span>
    </>
  );
}
