/**
 * The cells of one diff row: line numbers, a −/+ marker that says in text what colour also
 * shows, and changed words as <del>/<ins>. React text nodes only. The document's lines are
 * marked Finnish (lang), the markers and notes stay in the interface's English.
 */
import type { ReactNode } from 'react';
import type { WordSegment } from '../../../shared/compare/word-diff';
import { markedRuns } from '../../../shared/compare/word-marks';
import type { DiffRow, ViewChange } from './diff-rows';
import { movedNote } from '../../../shared/compare/content-moves';
import { defaultContentLanguage } from '../../../shared/documents/content-language';

/** One side of a word diff: changed runs as <del> or <ins>, the indentation never marked. */
function Segments({
  segments,
  side,
}: {
  segments: readonly WordSegment[];
  side: 'left' | 'right';
}) {
  return (
    <>
      {markedRuns(segments, side).map((run, index) =>
        !run.isChanged ? (
          <span key={index}>{run.text}</span>
        ) : side === 'left' ? (
          <del key={index}>{run.text}</del>
        ) : (
          <ins key={index}>{run.text}</ins>
        ),
      )}
    </>
  );
}

function ChangedText({
  view,
  pair,
  side,
  line,
}: {
  view: ViewChange;
  pair: number;
  side: 'left' | 'right';
  line: number | undefined;
}) {
  const text = side === 'left' ? view.change.removed[pair] : view.change.added[pair];
  const words = view.change.words?.[pair];
  const moved = line === undefined ? undefined : movedNote(view.change, side, line);
  return (
    <>
      <span lang={defaultContentLanguage}>
        {words ? <Segments segments={words} side={side} /> : text}
      </span>
      {moved && <span className="diff-moved"> {moved}</span>}
    </>
  );
}

/** A line number and its text; `hasText` shows text on a row that has no number on this side. */
export function Cell({
  line,
  marker,
  hasText = line !== undefined,
  children,
}: {
  readonly line: number | undefined;
  readonly marker: '-' | '+' | ' ';
  readonly hasText?: boolean;
  readonly children?: ReactNode;
}) {
  const label = marker === '-' ? 'removed' : marker === '+' ? 'added' : undefined;
  const kind = marker === '-' ? ' is-removed' : marker === '+' ? ' is-added' : '';
  return (
    <>
      <span role="cell" className="diff-number">
        {line === undefined ? '' : line + 1}
      </span>
      <span role="cell" className={`diff-text${kind}${hasText ? '' : ' is-empty'}`}>
        {hasText && (
          <span className="diff-marker" aria-label={label}>
            {marker}
          </span>
        )}
        {children}
      </span>
    </>
  );
}

/** A changed row: the reviewed toggle on its change's first row, then the changed text. */
export function ChangeCells({
  row,
  view,
  mode,
  isReviewed,
  onToggleReviewed,
}: {
  readonly row: Extract<DiffRow, { kind: 'change' }>;
  readonly view: ViewChange;
  readonly mode: 'side-by-side' | 'inline';
  readonly isReviewed: boolean;
  readonly onToggleReviewed: (change: number) => void;
}) {
  const isFirst =
    row.pair === 0 &&
    (mode === 'side-by-side' || row.side !== 'added' || view.change.removed.length === 0);
  const review = (
    <span role="cell" className="diff-review">
      {isFirst && (
        <button
          type="button"
          className={`review-toggle${isReviewed ? ' is-reviewed' : ''}`}
          aria-pressed={isReviewed}
          aria-label={`Reviewed: change ${row.change + 1}`}
          title="Mark this change reviewed (r)"
          onClick={() => onToggleReviewed(row.change)}
        >
          {isReviewed ? '✓' : '○'}
        </button>
      )}
    </span>
  );
  if (mode === 'side-by-side')
    return (
      <>
        {review}
        <Cell line={row.left} marker={row.left === undefined ? ' ' : '-'}>
          {row.left !== undefined && (
            <ChangedText view={view} pair={row.pair} side="left" line={row.left} />
          )}
        </Cell>
        <Cell line={row.right} marker={row.right === undefined ? ' ' : '+'}>
          {row.right !== undefined && (
            <ChangedText view={view} pair={row.pair} side="right" line={row.right} />
          )}
        </Cell>
      </>
    );
  // Inline: the left number, then the right number with the text (blank on the other side's line).
  const side = row.side === 'removed' ? 'left' : 'right';
  return (
    <>
      {review}
      <span role="cell" className="diff-number">
        {row.left === undefined ? '' : row.left + 1}
      </span>
      <Cell line={row.right} hasText marker={side === 'left' ? '-' : '+'}>
        <ChangedText
          view={view}
          pair={row.pair}
          side={side}
          line={side === 'left' ? row.left : row.right}
        />
      </Cell>
    </>
  );
}
