/**
 * THE document table (issue 6, item 3), virtualised so 100,000 rows keep under 100 row elements
 * in the DOM. Sorting, a global and per-column filters, column visibility, order and width
 * remembered in localStorage, keyboard navigation (arrows, Home/End, PageUp/PageDown; Enter
 * opens; Space selects), multi-select, status chips, the problems column with its "Check listed
 * documents" (check-controls.tsx) and CSV export of what is shown. A div grid with ARIA grid
 * roles, because absolutely positioned virtual rows break <table>. react-table keeps the column
 * state (table-instance.ts); the rows are sorted and filtered over precomputed keys
 * (use-shown-rows.ts) and drawn by table-body.tsx.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { DocumentRow } from '../../../shared/ipc/workspace-types';
import { CheckControls, problemsCoverage, type TableCheck } from './check-controls';
import { ColumnMenu } from './column-menu';
import { downloadText, toCsv } from './csv';
import { columnById, columnIds, defaultLayout } from './document-columns';
import { rowHeight, type ShownColumn } from './document-row';
import { rowProblems } from './problems-cell';
import { TableBody } from './table-body';
import { TableHeader } from './table-header';
import { rowQueryOf, useDocumentTable } from './table-instance';
import { readLayout, writeLayout, type TableLayout } from './table-settings';
import { useRowSelection } from './use-row-selection';
import { useShownRows } from './use-shown-rows';

export interface DocumentTableProps {
  readonly rows: readonly DocumentRow[];
  readonly onOpen: (row: DocumentRow) => void;
  /** Called with the selected rows whenever the selection changes. */
  readonly onSelectionChange?: (rows: readonly DocumentRow[]) => void;
  readonly storage?: Storage;
  /** "Check listed documents" and what the problems column covers; absent: no check offered. */
  readonly check?: TableCheck;
}

const idleCheck = { phase: 'idle', done: 0, total: 0 } as const;

/** Scrolls the grid just enough to show the row at `index` below the sticky header. */
function scrollRowIntoView(grid: HTMLElement, headHeight: number, index: number): void {
  const top = index * rowHeight;
  if (top < grid.scrollTop) grid.scrollTop = top;
  else if (top + rowHeight + headHeight > grid.scrollTop + grid.clientHeight)
    grid.scrollTop = top + rowHeight + headHeight - grid.clientHeight;
}

export function DocumentTable({
  rows,
  onOpen,
  onSelectionChange,
  storage,
  check,
}: DocumentTableProps) {
  const store = storage ?? window.localStorage;
  const [layout, setLayout] = useState<TableLayout>(() =>
    readLayout(store, columnIds, defaultLayout),
  );
  const [activeIndex, setActiveIndex] = useState(0);
  useEffect(() => writeLayout(store, layout), [store, layout]);

  const table = useDocumentTable(layout, setLayout);
  const query = rowQueryOf(table);
  const { order } = useShownRows(rows, query.sorting, query.columnNeedles, query.globalNeedle);
  const { selected, toggle, toggleAll } = useRowSelection(rows, onSelectionChange);

  // The grid element in state, not only a ref: the body's virtualiser looks for it in a layout
  // effect that runs before a parent's ref is attached, and would render no rows in the first frame.
  const [grid, setGrid] = useState<HTMLDivElement | null>(null);
  const active = Math.min(activeIndex, Math.max(0, order.length - 1));
  const activeRow = rows[order[active] ?? -1];

  // Stable while the layout is unchanged, so memoised rows skip re-rendering.
  const visible = table.getVisibleLeafColumns().map((c) => `${c.id}:${c.getSize()}`);
  const columnsKey = visible.join(',');
  const shownColumns = useMemo(
    () =>
      columnsKey.split(',').flatMap((entry): ShownColumn[] => {
        const [id = '', width = '0'] = entry.split(':');
        const column = columnById.get(id);
        return column ? [{ column, width: Number(width) }] : [];
      }),
    [columnsKey],
  );
  const totalWidth = shownColumns.reduce((sum, c) => sum + c.width, 40);

  const latestOpen = useRef(onOpen);
  useEffect(() => {
    latestOpen.current = onOpen;
  }, [onOpen]);
  const open = useCallback((row: DocumentRow) => latestOpen.current(row), []);

  const shownIds = useCallback(
    () => Array.from(order, (index) => rows[index]?.resourceId ?? ''),
    [order, rows],
  );
  const allSelected = useMemo(
    () => order.length > 0 && order.every((index) => selected.has(rows[index]?.resourceId ?? '')),
    [order, rows, selected],
  );

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    const page = Math.max(1, Math.floor((grid?.clientHeight ?? 320) / rowHeight) - 1);
    const moves: Record<string, number> = {
      ArrowDown: active + 1,
      ArrowUp: active - 1,
      PageDown: active + page,
      PageUp: active - page,
      Home: 0,
      End: order.length - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      const next = Math.max(0, Math.min(order.length - 1, target));
      setActiveIndex(next);
      const head = grid?.querySelector<HTMLElement>('.table-head');
      if (grid) scrollRowIntoView(grid, head?.offsetHeight ?? 0, next);
    } else if (event.key === 'Enter' && activeRow) {
      event.preventDefault();
      onOpen(activeRow);
    } else if (event.key === ' ' && activeRow) {
      event.preventDefault();
      toggle(activeRow.resourceId);
    }
  }

  function exportCsv(): void {
    const exported = shownColumns.filter((c) => c.column.id !== 'identity');
    const header = [...exported.map((c) => c.column.header), 'Problems', 'Contents not read'];
    const lines = Array.from(order, (index) => {
      const row = rows[index]!;
      const problems = rowProblems(row).join(' ');
      return [
        ...exported.map((c) => String(c.column.value(row))),
        problems,
        row.contentCheck?.note ?? '',
      ];
    });
    downloadText('documents.csv', toCsv(header, lines));
  }

  return (
    <div className="document-table" data-row-count={order.length}>
      <div className="table-toolbar">
        <label className="table-filter">
          Filter all columns{' '}
          <input
            type="search"
            value={typeof table.state.globalFilter === 'string' ? table.state.globalFilter : ''}
            onChange={(event) => table.setGlobalFilter(event.target.value)}
          />
        </label>
        <span className="muted" role="status">
          {order.length === rows.length
            ? `${rows.length} documents`
            : `${order.length} of ${rows.length} documents`}
          {selected.size > 0 ? `, ${selected.size} selected` : ''}
        </span>
        {check && (
          <CheckControls
            check={check}
            canStart={order.length > 0}
            onStart={() => check.start(Array.from(order, (index) => rows[index]!))}
          />
        )}
        <span className="app-header-spacer" />
        <ColumnMenu table={table} onReset={() => setLayout(defaultLayout)} />
        <button type="button" onClick={exportCsv} disabled={order.length === 0}>
          Export CSV
        </button>
      </div>
      <div
        ref={setGrid}
        className="table-scroll"
        role="grid"
        aria-label="Documents"
        aria-rowcount={order.length + 1}
        aria-multiselectable="true"
        tabIndex={0}
        aria-activedescendant={activeRow ? `doc-row-${activeRow.resourceId}` : undefined}
        onKeyDown={onKeyDown}
      >
        <TableHeader
          table={table}
          width={totalWidth}
          allSelected={allSelected}
          notes={{ identity: problemsCoverage(check?.progress ?? idleCheck) }}
          onToggleAll={() => toggleAll(shownIds())}
        />
        <TableBody
          grid={grid}
          rows={rows}
          order={order}
          columns={shownColumns}
          width={totalWidth}
          activeIndex={active}
          selected={selected}
          onActivate={setActiveIndex}
          onOpen={open}
          onToggle={toggle}
        />
        {order.length === 0 && (
          <p className="muted table-empty">
            {rows.length === 0 ? 'No documents found.' : 'No documents match the filters.'}
          </p>
        )}
      </div>
      {activeRow && (
        // The ids the columns cut, whole, for the row the keyboard is on (the mouse has tooltips).
        <p className="active-row-ids muted">
          Document id {activeRow.documentId || '–'} · set id {activeRow.setId || '–'}
        </p>
      )}
    </div>
  );
}
