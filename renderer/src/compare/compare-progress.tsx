/**
 * The line a comparison under way shows: its current phase in words, the elapsed seconds and
 * Cancel. Screen readers hear the phase through a polite live region, and only a phase that
 * lasted `settleMs`: the seconds would be read every second, and a small pair's phases pass in
 * milliseconds, which would queue a string of stale announcements.
 */
import { useEffect, useState } from 'react';
import { ElapsedSeconds } from './elapsed-seconds';

/** How long a phase is shown before it is announced. */
export const settleMs = 1000;

/** `text` once it has stayed the same for `delayMs`; '' until then. */
function useSettledText(text: string, delayMs: number): string {
  const [settled, setSettled] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setSettled(text), delayMs);
    return () => clearTimeout(timer);
  }, [text, delayMs]);
  return settled;
}

export function CompareProgress({
  phaseText,
  onCancel,
}: {
  readonly phaseText: string;
  readonly onCancel: () => void;
}) {
  const announced = useSettledText(phaseText, settleMs);
  return (
    <p className="compare-progress">
      {/* Hidden from screen readers: the live region below says the same once it settled. */}
      <span className="compare-phase" aria-hidden="true">
        {phaseText}
      </span>{' '}
      <ElapsedSeconds />{' '}
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
      <span role="status" className="compare-phase-announced">
        {announced}
      </span>
    </p>
  );
}
