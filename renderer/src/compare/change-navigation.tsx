/**
 * The toolbar that steps through the content changes (issue 7: F7 / Shift+F7, n / p), says
 * where the tester is, and holds the reviewed marks' controls (given as children).
 */
import type { ReactNode } from 'react';

export function ChangeNavigation({
  changeCount,
  position,
  currentPath,
  onStep,
  children,
}: {
  /** How many content changes can be stepped through. */
  readonly changeCount: number;
  /** The current change's place among them, or -1 before the first step. */
  readonly position: number;
  readonly currentPath: string | undefined;
  readonly onStep: (direction: 1 | -1) => void;
  readonly children: ReactNode;
}) {
  return (
    <div className="compare-navigation" role="toolbar" aria-label="Changes">
      <button type="button" onClick={() => onStep(-1)} disabled={changeCount === 0}>
        Previous change (Shift+F7, p)
      </button>
      <button type="button" onClick={() => onStep(1)} disabled={changeCount === 0}>
        Next change (F7, n)
      </button>
      <span role="status" className="change-position">
        {changeCount === 0
          ? 'No content changes to step through.'
          : position < 0
            ? `${changeCount} content changes.`
            : `Change ${position + 1} of ${changeCount}: ${currentPath ?? ''}`}
      </span>
      {children}
    </div>
  );
}
