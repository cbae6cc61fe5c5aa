/**
 * The content diff, virtualised (@tanstack/react-virtual) so a diff of any length renders only
 * the rows in view. Side by side, both documents are columns of one scrolled list, so the panes
 * always scroll together line for line; inline, removed lines come before added ones. Text is
 * React text nodes only; changed words are <del>/<ins> and every changed line carries a −/+
 * marker, so meaning never rests on colour.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef } from 'react';
import type { DiffRow, ViewChange } from './diff-rows';
import { changeOfRow, MemoDiffRow } from './diff-row';
import type { ShownLines } from './line-cache';
import { lineOfRow, rowOfLine } from './line-mapping';
import { measureWithoutLayout, observePaneWithoutLayout } from './measure-row';
import { revealInWindow } from './reveal-in-window';
import { useAttached, useSlicedRows } from './use-sliced-rows';

export interface DiffViewProps {
  readonly rows: readonly DiffRow[];
  readonly changes: readonly ViewChange[];
  readonly lines?: ShownLines;
  readonly mode: 'side-by-side' | 'inline';
  readonly currentChange: number;
  /** The row the current change starts at, or -1: switching mode returns there. */
  readonly currentRow: number;
  readonly reviewed: ReadonlySet<string>;
  /** Scroll this row into view whenever `scrollRequest.seq` changes. */
  readonly scrollRequest: { readonly row: number; readonly seq: number };
  readonly onExpand: (region: string) => void;
  readonly onReveal: (rule: string) => void;
  readonly onToggleReviewed: (change: number) => void;
}

const estimatedRowHeight = 20;
/** New rows created per frame: about a third of a screen (use-sliced-rows.ts). */
const rowsPerSlice = 12;

/** Moves the focus from inside the pane (a row's button) to the pane itself. */
function keepFocusInPane(pane: HTMLElement | null): void {
  const focused = document.activeElement;
  if (pane && focused !== pane && focused instanceof Node && pane.contains(focused))
    pane.focus({ preventScroll: true });
}

export function DiffView(props: DiffViewProps) {
  const { rows, changes, lines, mode } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  // The pane mounts empty and gets its rows once attached, a slice a frame (use-sliced-rows.ts).
  const isAttached = useAttached();
  // The project does not run the React Compiler; the virtualiser's functions are used as-is.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: isAttached ? rows.length : 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => estimatedRowHeight,
    measureElement: measureWithoutLayout(estimatedRowHeight),
    observeElementRect: observePaneWithoutLayout,
    overscan: 8,
    // The profile of a 2 MB pair showed the virtualiser's measurements re-rendering the view with
    // flushSync inside React's commit (~150 ms in one task); plain re-renders are scheduled
    // instead. The first guess of the pane's size is half a screen: creating and laying out the
    // first rows was itself a long task, so the rest follow in the next render, once the pane's
    // real size is observed.
    useFlushSync: false,
    initialRect: { width: 1200, height: 320 },
  });
  const { row: requestedRow, seq } = props.scrollRequest;

  useEffect(() => {
    if (seq === 0) return;
    // A button inside a row (a reviewed mark) may scroll out and be unmounted by the virtualiser,
    // which would drop the keyboard focus on the page's body: the pane keeps it instead.
    const pane = scrollRef.current;
    keepFocusInPane(pane);
    virtualizer.scrollToIndex(requestedRow, { align: 'center' });
    // The pane alone scrolling left the change below the fold: the page follows (issue 7).
    return pane ? revealInWindow(pane, requestedRow) : undefined;
  }, [seq, requestedRow, virtualizer]);

  // An expander or a hidden row's reveal button is replaced by the rows it stood for; the focus
  // it had goes to the pane, so the keyboard stays in the diff (else it fell back to the body).
  const { onExpand, onReveal } = props;
  const expand = useCallback(
    (region: string) => {
      keepFocusInPane(scrollRef.current);
      onExpand(region);
    },
    [onExpand],
  );
  const reveal = useCallback(
    (rule: string) => {
      keepFocusInPane(scrollRef.current);
      onReveal(rule);
    },
    [onReveal],
  );

  // Switching mode keeps the place: the current change, else the line that was at the top.
  const place = useRef<{ side: 'left' | 'right'; line: number } | undefined>(undefined);
  const previousMode = useRef(mode);
  const { currentRow } = props;
  useEffect(() => {
    if (previousMode.current === mode) return;
    previousMode.current = mode;
    const saved = place.current;
    const row = currentRow >= 0 ? currentRow : saved ? rowOfLine(rows, saved.side, saved.line) : 0;
    virtualizer.scrollToIndex(row, { align: currentRow >= 0 ? 'center' : 'start' });
  }, [mode, rows, currentRow, virtualizer]);
  const items = virtualizer.getVirtualItems();
  const shownItems = useSlicedRows(items, rowsPerSlice);
  const first = items[0]?.index ?? 0;
  useEffect(() => {
    if (previousMode.current === mode) place.current = lineOfRow(rows[first]) ?? place.current;
  }, [first, rows, mode]);

  return (
    <div
      ref={scrollRef}
      className={`diff-scroll diff-${mode}`}
      role="table"
      aria-label="Content differences"
      aria-rowcount={rows.length}
      tabIndex={0}
    >
      <div className="diff-rows" style={{ height: virtualizer.getTotalSize() }}>
        {shownItems.map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          const change = changeOfRow(row);
          const view = row.kind === 'change' ? changes[row.change] : undefined;
          return (
            <MemoDiffRow
              key={item.key}
              row={row}
              index={item.index}
              start={item.start}
              mode={mode}
              isCurrent={change >= 0 && change === props.currentChange}
              view={view}
              isReviewed={view !== undefined && props.reviewed.has(view.key)}
              leftLine={row.kind === 'same' ? lines?.left.at(row.left) : undefined}
              rightLine={
                row.kind === 'same' && mode === 'side-by-side'
                  ? lines?.right.at(row.right)
                  : undefined
              }
              measureElement={virtualizer.measureElement}
              onExpand={expand}
              onReveal={reveal}
              onToggleReviewed={props.onToggleReviewed}
            />
          );
        })}
      </div>
    </div>
  );
}
