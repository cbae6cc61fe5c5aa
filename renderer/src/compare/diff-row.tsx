/**
 * One row of the content diff, memoised: the view draws its rows a slice per frame
 * (use-sliced-rows.ts), and each slice, line arrival or step to a change renders the view again.
 * Unmemoised, every row on screen rendered again each time (compare-row-renders.spec.ts); now a
 * row renders only when what it shows changed. Its props are values or stable references for
 * that: the row's own line states (line-cache.ts keeps them), booleans, and callbacks the view
 * keeps with useCallback.
 */
import { memo } from 'react';
import { defaultContentLanguage } from '../../../shared/documents/content-language';
import type { DiffRow, ViewChange } from './diff-rows';
import { Cell, ChangeCells } from './diff-cells';
import { lineText, type LineState } from './line-cache';

export interface DiffRowViewProps {
  readonly row: DiffRow;
  readonly index: number;
  /** The row's offset in the pane, from the virtualiser. */
  readonly start: number;
  readonly mode: 'side-by-side' | 'inline';
  readonly isCurrent: boolean;
  /** The change a changed row belongs to. */
  readonly view: ViewChange | undefined;
  readonly isReviewed: boolean;
  /** An unchanged row's lines (undefined: not sent, or not this kind of row). */
  readonly leftLine: LineState | undefined;
  readonly rightLine: LineState | undefined;
  /** The virtualiser's callback ref: it measures the row and watches its size. */
  readonly measureElement: (element: HTMLDivElement | null) => void;
  readonly onExpand: (region: string) => void;
  readonly onReveal: (rule: string) => void;
  readonly onToggleReviewed: (change: number) => void;
}

// One formatter for every row: `Number.toLocaleString('en')` builds a new one per call, about
// 0.1 ms each on a loaded machine.
const numbers = new Intl.NumberFormat('en');

/** A line's text, or (still loading, or failed) a muted sentence in its place. */
function LineText({ state }: { state: LineState | undefined }) {
  if (!state) return null;
  return state.kind === 'text' ? (
    <span lang={defaultContentLanguage}>{state.text}</span>
  ) : (
    <span className={`diff-line-${state.kind} muted`}>{lineText(state)}</span>
  );
}

type CellProps = Omit<DiffRowViewProps, 'index' | 'start' | 'isCurrent' | 'measureElement'>;

function RowCells(props: CellProps) {
  const { row, mode } = props;
  switch (row.kind) {
    case 'same':
      return mode === 'side-by-side' ? (
        <>
          <span role="cell" className="diff-review" />
          <Cell line={row.left} marker=" ">
            <LineText state={props.leftLine} />
          </Cell>
          <Cell line={row.right} marker=" ">
            <LineText state={props.rightLine} />
          </Cell>
        </>
      ) : (
        <>
          <span role="cell" className="diff-review" />
          <span role="cell" className="diff-number">
            {row.left + 1}
          </span>
          <Cell line={row.right} marker=" ">
            <LineText state={props.leftLine} />
          </Cell>
        </>
      );
    case 'collapsed':
      return (
        <span role="cell" className="diff-wide">
          <button
            type="button"
            className="diff-expander"
            onClick={() => props.onExpand(row.region)}
          >
            Show {numbers.format(row.count)} unchanged lines (left {row.left + 1}–
            {row.left + row.count}, right {row.right + 1}–{row.right + row.count})
          </button>
        </span>
      );
    case 'unsent':
      return (
        <span role="cell" className="diff-wide muted">
          {numbers.format(row.count)} unchanged lines (not sent for documents this large)
        </span>
      );
    case 'omitted':
      return (
        <span role="cell" className="diff-wide muted">
          {numbers.format(row.count)} more changed lines are not shown
        </span>
      );
    case 'hidden':
      return (
        <span role="cell" className="diff-wide diff-hidden">
          1 difference hidden by rule <code>{row.rule}</code>{' '}
          <button type="button" className="small-button" onClick={() => props.onReveal(row.rule)}>
            Reveal rule {row.rule}
          </button>
        </span>
      );
    case 'change':
      return props.view ? (
        <ChangeCells
          row={row}
          view={props.view}
          mode={mode}
          isReviewed={props.isReviewed}
          onToggleReviewed={props.onToggleReviewed}
        />
      ) : null;
  }
}

/** The change a row belongs to, or -1. */
export function changeOfRow(row: DiffRow): number {
  return row.kind === 'change' || row.kind === 'hidden' || row.kind === 'omitted' ? row.change : -1;
}

function DiffRowView({ index, start, isCurrent, measureElement, ...cells }: DiffRowViewProps) {
  const { row } = cells;
  const change = changeOfRow(row);
  return (
    <div
      ref={measureElement}
      data-index={index}
      role="row"
      aria-rowindex={index + 1}
      aria-current={isCurrent ? 'true' : undefined}
      data-change={change >= 0 ? change + 1 : undefined}
      className={`diff-row diff-row-${row.kind}${isCurrent ? ' is-current' : ''}`}
      style={{ transform: `translateY(${start}px)` }}
    >
      <RowCells {...cells} />
    </div>
  );
}

/** Whether two rows show the same thing: `buildRows` makes new row objects on every rebuild. */
function isSameRow(a: DiffRow, b: DiffRow): boolean {
  if (a === b) return true;
  const keys = Object.keys(a) as (keyof DiffRow)[];
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

function arePropsEqual(a: DiffRowViewProps, b: DiffRowViewProps): boolean {
  for (const key of Object.keys(a) as (keyof DiffRowViewProps)[])
    if (key === 'row' ? !isSameRow(a.row, b.row) : a[key] !== b[key]) return false;
  return true;
}

export const MemoDiffRow = memo(DiffRowView, arePropsEqual);
