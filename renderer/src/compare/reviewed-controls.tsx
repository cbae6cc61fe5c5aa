/**
 * Clearing a comparison's reviewed marks (issue 7): a button that names how many go, then an
 * Undo that lasts until the view is left. The focus follows from one button to the other, so a
 * keyboard user is never left on a button that has gone.
 */
import { useEffect, useRef } from 'react';
import { counted } from './hidden-rules';
import type { MarksKeeping } from './reviewed-persistence';

/** The one-line note when marks will not survive quitting the app, or undefined when they will. */
export function keepingNote(keeping: MarksKeeping): string | undefined {
  switch (keeping) {
    case 'lasting':
      return undefined;
    case 'session-no-storage':
      return 'Reviewed marks last for this session only: the storage for them is full or turned off.';
    case 'session-identity-code':
      return 'Reviewed marks of this comparison last for this session only: its address looks like it holds an identity code, which is never saved.';
  }
}

export function ReviewedControls({
  markCount,
  clearedCount,
  onClear,
  onUndo,
}: {
  /** Every mark of this comparison, under any ignore profile: what Clear takes away. */
  readonly markCount: number;
  /** How many marks the last clear took away, while it can be undone. */
  readonly clearedCount: number | undefined;
  readonly onClear: () => void;
  readonly onUndo: () => void;
}) {
  const clearRef = useRef<HTMLButtonElement>(null);
  const undoRef = useRef<HTMLButtonElement>(null);
  const focusNext = useRef<'clear' | 'undo' | undefined>(undefined);
  useEffect(() => {
    const target = focusNext.current === 'undo' ? undoRef.current : clearRef.current;
    if (focusNext.current && target) target.focus();
    focusNext.current = undefined;
  });
  return (
    <>
      {markCount > 0 && (
        <button
          type="button"
          ref={clearRef}
          onClick={() => {
            focusNext.current = 'undo';
            onClear();
          }}
        >
          Clear reviewed marks ({markCount})
        </button>
      )}
      {clearedCount !== undefined && (
        <>
          <span role="status" className="reviewed-cleared">
            {`Cleared ${counted(clearedCount, 'reviewed mark', 'reviewed marks')}.`}
          </span>
          <button
            type="button"
            ref={undoRef}
            onClick={() => {
              focusNext.current = 'clear';
              onUndo();
            }}
          >
            Undo clearing
          </button>
        </>
      )}
    </>
  );
}
