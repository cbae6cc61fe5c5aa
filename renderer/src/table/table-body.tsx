/**
 * The virtualised rows: only those in view plus `overscan` above and below are in the page. Its
 * own component so a scroll frame re-renders this list (and only the rows entering it), not the
 * toolbar and headers. Rows have one fixed height, so nothing is measured while scrolling.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo } from 'react';
import type { DocumentRow } from '../../../shared/ipc/workspace-types';
import { DocumentRowView, rowHeight, type ShownColumn } from './document-row';
import { SlotPool } from './slot-pool';

export interface TableBodyProps {
  /** The scrolling grid element, once it is in the page. */
  readonly grid: HTMLElement | null;
  readonly rows: readonly DocumentRow[];
  /** Row indices into `rows`, in display order. */
  readonly order: Uint32Array;
  readonly columns: readonly ShownColumn[];
  readonly width: number;
  readonly activeIndex: number;
  readonly selected: ReadonlySet<string>;
  readonly onActivate: (index: number) => void;
  readonly onOpen: (row: DocumentRow) => void;
  readonly onToggle: (resourceId: string) => void;
}

export function TableBody(props: TableBodyProps) {
  const { grid, rows, order, activeIndex, selected } = props;
  // The project does not run the React Compiler; the virtualiser's functions are used as-is.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: order.length,
    getScrollElement: () => grid,
    estimateSize: () => rowHeight,
    overscan: 10,
    // Rows render in React's own task after the scroll event, not inside it: the frame that
    // scrolls and the one that lays out the new rows are then two tasks, not one long one, and
    // the 10 rows of overscan cover the moved distance at ordinary scrolling speeds.
    useFlushSync: false,
  });
  const pool = useMemo(() => new SlotPool(), []);
  const items = virtualizer.getVirtualItems();
  const slots = pool.assign(items.map((item) => item.index));
  // Its own compositing layer (will-change), so a scroll frame repaints the rows that came into
  // view rather than the whole visible grid (half the paint calls in a trace of 100 frames).
  return (
    <div
      className="table-body"
      role="rowgroup"
      style={{ height: order.length * rowHeight, width: props.width, willChange: 'transform' }}
    >
      {items.map(({ index }, position) => {
        const row = rows[order[index] ?? -1];
        if (!row) return null;
        return (
          <DocumentRowView
            key={slots[position]}
            row={row}
            index={index}
            columns={props.columns}
            isActive={index === activeIndex}
            isSelected={selected.has(row.resourceId)}
            onActivate={props.onActivate}
            onOpen={props.onOpen}
            onToggle={props.onToggle}
          />
        );
      })}
    </div>
  );
}
