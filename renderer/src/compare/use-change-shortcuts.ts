/**
 * The comparison's keys (compare-shortcuts.ts): next and previous change, and marking the
 * current change reviewed. They are off in the Narrative mode, which has no content diff.
 */
import { useEffect } from 'react';
import { compareShortcut } from './compare-shortcuts';

export function useChangeShortcuts({
  isOff,
  step,
  current,
  toggleReviewed,
}: {
  readonly isOff: boolean;
  readonly step: (direction: 1 | -1) => void;
  /** The current change's index, or -1 when none is current (nothing to mark). */
  readonly current: number;
  readonly toggleReviewed: (index: number) => void;
}): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isOff) return;
      const target = event.target instanceof HTMLElement ? event.target : null;
      const isModalOpen = document.querySelector('dialog:modal') !== null;
      const shortcut = compareShortcut(event, target, isModalOpen);
      if (shortcut === 'next') step(1);
      else if (shortcut === 'previous') step(-1);
      else if (shortcut === 'review' && current >= 0) toggleReviewed(current);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [step, current, toggleReviewed, isOff]);
}
