/**
 * THE document table (issue 6, item 3): the one component that uses @tanstack/react-table (v9),
 * virtualised with @tanstack/react-virtual so 100,000 rows keep under 100 row elements in the
 * DOM. Sorting, a global and per-column filters, column visibility, order and width remembered
 * in localStorage, keyboard navigation (arrows, Home/End, PageUp/PageDown; Enter opens; Space
 * selects), multi-select, status chips, the identity-code badge and CSV export of what is shown.
 * A div grid with ARIA grid roles, because absolutely positioned virtual rows break <table>.
 */
import {
  columnFilteringFeature,
  columnOrderingFeature,
  columnResizingFeature,
  columnSizingFeature,
  columnVisibilityFeature,
  constructFilterFn,
  createColumnHelper,
  createFilteredRowModel,
  createSortedRowModel,
  filterFn_includesString,
  globalFilteringFeature,
  rowSelectionFeature,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  sortFn_text,
  tableFeatures,
  useTable,
  type RowSelectionState,
  type Updater,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { DocumentRow, RowStatus } from '../../../shared/ipc/workspace-types';
import { downloadText, toCsv } from './csv';
import { rowTextOf } from './row-text';
import { readLayout, writeLayout, type TableLayout } from './table-settings';

/**
 * "Filter all columns" as one `includes` per row on the cached row text: lower-casing every cell
 * of 100,000 rows on each keystroke took the keystroke past its 100 ms budget. The table offers
 * the global filter to the title column only (see getColumnCanGlobalFilter), once per row.
 */
const filterFn_anyColumnText = constructFilterFn({
  filter: (_value: unknown, needle: string, row: { original: DocumentRow }) =>
    rowTextOf(row.original).includes(needle),
  resolveFilterValue: (value: unknown) => String(value).toLowerCase(),
  autoRemove: (value: unknown) => !value,
});

const features = tableFeatures({
  rowSortingFeature,
  columnFilteringFeature,
  globalFilteringFeature,
  columnVisibilityFeature,
  columnOrderingFeature,
  columnSizingFeature,
  columnResizingFeature,
  rowSelectionFeature,
  sortedRowModel: createSortedRowModel(),
  filteredRowModel: createFilteredRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, text: sortFn_text, basic: sortFn_basic },
  filterFns: { includesString: filterFn_includesString, anyColumnText: filterFn_anyColumnText },
});

const statusLabels: Record<RowStatus, string> = {
  current: 'current',
  replaced: 'replaced',
  invalidated: 'invalidated',
};

const column = createColumnHelper<typeof features, DocumentRow>();

/**
 * Column definitions at module scope (stable identity for the table). Sort functions are named:
 * the automatic choice is the natural (alphanumeric) sort, which is several times slower on
 * 100,000 rows; ISO dates and identity codes sort correctly as plain strings, titles and names
 * case-insensitively, and only OIDs need the natural order (…10.9 before …10.10).
 */
const columns = column.columns([
  column.accessor('status', {
    id: 'status',
    sortFn: 'basic',
    header: 'Status',
    size: 110,
    filterFn: 'includesString',
    cell: (info) => (
      <span className={`status-chip status-${info.getValue()}`}>
        {statusLabels[info.getValue()]}
      </span>
    ),
  }),
  column.accessor((row) => (row.identityProblems.length > 0 ? 'problem' : ''), {
    id: 'identity',
    header: 'Test data',
    size: 100,
    filterFn: 'includesString',
    cell: (info) =>
      info.row.original.identityProblems.length > 0 ? (
        <span
          className="identity-badge"
          title={info.row.original.identityProblems.join('\n')}
          aria-label={`Identity code problem: ${info.row.original.identityProblems.join(' ')}`}
        >
          ⚠ not test data
        </span>
      ) : null,
  }),
  column.accessor('title', {
    id: 'title',
    sortFn: 'text',
    header: 'Title',
    size: 280,
    filterFn: 'includesString',
  }),
  column.accessor('date', {
    id: 'date',
    sortFn: 'basic',
    header: 'Date',
    size: 170,
    filterFn: 'includesString',
    cell: (info) => info.getValue().replace('T', ' ').slice(0, 19),
  }),
  column.accessor('patient', {
    id: 'patient',
    sortFn: 'basic',
    header: 'Patient',
    size: 120,
    filterFn: 'includesString',
  }),
  column.accessor('register', {
    id: 'register',
    sortFn: 'text',
    header: 'Register',
    size: 200,
    filterFn: 'includesString',
  }),
  column.accessor('view', {
    id: 'view',
    sortFn: 'text',
    header: 'View',
    size: 200,
    filterFn: 'includesString',
  }),
  column.accessor((row) => row.versionNumber ?? 0, {
    id: 'version',
    header: 'Version',
    size: 80,
    sortFn: 'basic',
    enableColumnFilter: false,
    cell: (info) => info.row.original.versionNumber ?? '',
  }),
  column.accessor('documentId', {
    id: 'documentId',
    sortFn: 'alphanumeric',
    header: 'Document id',
    size: 260,
    filterFn: 'includesString',
  }),
  column.accessor('setId', {
    id: 'setId',
    sortFn: 'alphanumeric',
    header: 'Set id',
    size: 260,
    filterFn: 'includesString',
  }),
  column.accessor('organisation', {
    id: 'organisation',
    sortFn: 'text',
    header: 'Organisation',
    size: 220,
    filterFn: 'includesString',
  }),
]);

const columnIds = columns.map((definition) => definition.id ?? '');
const rowHeight = 32;

function apply<T>(updater: Updater<T>, previous: T): T {
  return typeof updater === 'function' ? (updater as (old: T) => T)(previous) : updater;
}

export interface DocumentTableProps {
  readonly rows: readonly DocumentRow[];
  readonly onOpen: (row: DocumentRow) => void;
  /** Called with the selected rows whenever the selection changes. */
  readonly onSelectionChange?: (rows: readonly DocumentRow[]) => void;
  readonly storage?: Storage;
}

export function DocumentTable({ rows, onOpen, onSelectionChange, storage }: DocumentTableProps) {
  const store = storage ?? window.localStorage;
  const [layout, setLayout] = useState<TableLayout>(() => readLayout(store, columnIds));
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const [activeIndex, setActiveIndex] = useState(0);
  const data = useMemo(() => [...rows], [rows]);

  useEffect(() => writeLayout(store, layout), [store, layout]);

  const table = useTable({
    features,
    columns,
    data,
    getRowId: (row) => row.resourceId,
    enableMultiSort: true,
    columnResizeMode: 'onChange',
    globalFilterFn: 'anyColumnText',
    getColumnCanGlobalFilter: (candidate) => candidate.id === 'title',
    state: {
      rowSelection,
      columnVisibility: { ...layout.columnVisibility },
      columnOrder: [...layout.columnOrder],
      columnSizing: { ...layout.columnSizing },
    },
    onRowSelectionChange: (updater) => setRowSelection((old) => apply(updater, old)),
    onColumnVisibilityChange: (updater) =>
      setLayout((old) => ({
        ...old,
        columnVisibility: apply(updater, { ...old.columnVisibility }),
      })),
    onColumnOrderChange: (updater) =>
      setLayout((old) => ({ ...old, columnOrder: apply(updater, [...old.columnOrder]) })),
    onColumnSizingChange: (updater) =>
      setLayout((old) => ({ ...old, columnSizing: apply(updater, { ...old.columnSizing }) })),
  });

  const shownRows = table.getRowModel().rows;
  const scrollRef = useRef<HTMLDivElement>(null);
  // The project does not run the React Compiler; the virtualiser's functions are used as-is.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: shownRows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 10,
  });

  const selected = table.getSelectedRowModel().rows;
  useEffect(() => {
    onSelectionChange?.(selected.map((row) => row.original));
  }, [selected, onSelectionChange]);

  const active = Math.min(activeIndex, Math.max(0, shownRows.length - 1));
  const activeRow = shownRows[active];
  const visibleColumns = table.getVisibleLeafColumns();
  const totalWidth = visibleColumns.reduce((sum, c) => sum + c.getSize(), 40);

  function moveTo(index: number): void {
    const next = Math.max(0, Math.min(shownRows.length - 1, index));
    setActiveIndex(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 320) / rowHeight) - 1);
    const moves: Record<string, number> = {
      ArrowDown: active + 1,
      ArrowUp: active - 1,
      PageDown: active + page,
      PageUp: active - page,
      Home: 0,
      End: shownRows.length - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      moveTo(target);
    } else if (event.key === 'Enter' && activeRow) {
      event.preventDefault();
      onOpen(activeRow.original);
    } else if (event.key === ' ' && activeRow) {
      event.preventDefault();
      activeRow.toggleSelected();
    }
  }

  function exportCsv(): void {
    const exported = visibleColumns.filter((c) => c.id !== 'identity');
    const header = [...exported.map((c) => String(c.columnDef.header)), 'Identity problems'];
    const lines = shownRows.map((row) => [
      ...exported.map((c) => String(row.getValue(c.id) ?? '')),
      row.original.identityProblems.join(' '),
    ]);
    downloadText('documents.csv', toCsv(header, lines));
  }

  function moveColumn(id: string, by: -1 | 1): void {
    const order = table.getAllLeafColumns().map((c) => c.id);
    const from = order.indexOf(id);
    const to = from + by;
    if (from < 0 || to < 0 || to >= order.length) return;
    order.splice(to, 0, ...order.splice(from, 1));
    table.setColumnOrder(order);
  }

  const globalFilter = typeof table.state.globalFilter === 'string' ? table.state.globalFilter : '';

  return (
    <div className="document-table" data-row-count={shownRows.length}>
      <div className="table-toolbar">
        <label className="table-filter">
          Filter all columns{' '}
          <input
            type="search"
            value={globalFilter}
            onChange={(event) => table.setGlobalFilter(event.target.value)}
          />
        </label>
        <span className="muted" role="status">
          {shownRows.length === rows.length
            ? `${rows.length} documents`
            : `${shownRows.length} of ${rows.length} documents`}
          {selected.length > 0 ? `, ${selected.length} selected` : ''}
        </span>
        <span className="app-header-spacer" />
        <details className="column-menu">
          <summary>Columns</summary>
          <ul>
            {table.getAllLeafColumns().map((c) => (
              <li key={c.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={c.getIsVisible()}
                    onChange={c.getToggleVisibilityHandler()}
                  />{' '}
                  {String(c.columnDef.header)}
                </label>
                <button
                  type="button"
                  aria-label={`Move ${String(c.columnDef.header)} left`}
                  onClick={() => moveColumn(c.id, -1)}
                >
                  ←
                </button>
                <button
                  type="button"
                  aria-label={`Move ${String(c.columnDef.header)} right`}
                  onClick={() => moveColumn(c.id, 1)}
                >
                  →
                </button>
              </li>
            ))}
          </ul>
          <button
            type="button"
            onClick={() => setLayout({ columnVisibility: {}, columnOrder: [], columnSizing: {} })}
          >
            Reset layout
          </button>
        </details>
        <button type="button" onClick={exportCsv} disabled={shownRows.length === 0}>
          Export CSV
        </button>
      </div>
      <div
        ref={scrollRef}
        className="table-scroll"
        role="grid"
        aria-label="Documents"
        aria-rowcount={shownRows.length + 1}
        aria-multiselectable="true"
        tabIndex={0}
        aria-activedescendant={activeRow ? `doc-row-${activeRow.id}` : undefined}
        onKeyDown={onKeyDown}
      >
        <div className="table-head" role="rowgroup" style={{ width: totalWidth }}>
          {table.getHeaderGroups().map((group) => (
            <div key={group.id} role="row" aria-rowindex={1} className="table-row header-row">
              <div role="columnheader" className="table-cell select-cell">
                <input
                  type="checkbox"
                  aria-label="Select all shown documents"
                  checked={table.getIsAllRowsSelected()}
                  onChange={table.getToggleAllRowsSelectedHandler()}
                  tabIndex={-1}
                />
              </div>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                return (
                  <div
                    key={header.id}
                    role="columnheader"
                    className="table-cell"
                    style={{ width: header.getSize() }}
                    aria-sort={
                      sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'
                    }
                  >
                    <button
                      type="button"
                      className="sort-button"
                      onClick={header.column.getToggleSortingHandler()}
                      title="Sort (Shift adds a second sort)"
                    >
                      <table.FlexRender header={header} />
                      <span aria-hidden="true">
                        {sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}
                      </span>
                    </button>
                    {header.column.getCanFilter() && (
                      <input
                        className="column-filter"
                        type="search"
                        aria-label={`Filter ${String(header.column.columnDef.header)}`}
                        value={String(header.column.getFilterValue() ?? '')}
                        onChange={(event) => header.column.setFilterValue(event.target.value)}
                        onKeyDown={(event) => event.stopPropagation()}
                      />
                    )}
                    <span
                      className="resize-handle"
                      aria-hidden="true"
                      onMouseDown={header.getResizeHandler()}
                      onTouchStart={header.getResizeHandler()}
                    />
                  </div>
                );
              })}
            </div>
          ))}
        </div>
        <div
          className="table-body"
          role="rowgroup"
          style={{ height: virtualizer.getTotalSize(), width: totalWidth }}
        >
          {virtualizer.getVirtualItems().map((item) => {
            const row = shownRows[item.index];
            if (!row) return null;
            const isActive = item.index === active;
            return (
              <div
                key={row.id}
                id={`doc-row-${row.id}`}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={row.getIsSelected()}
                data-status={row.original.status}
                className={`table-row${isActive ? ' is-active' : ''}${row.getIsSelected() ? ' is-selected' : ''}`}
                style={{ transform: `translateY(${item.start}px)`, height: rowHeight }}
                onClick={() => setActiveIndex(item.index)}
                onDoubleClick={() => onOpen(row.original)}
              >
                <div role="gridcell" className="table-cell select-cell">
                  <input
                    type="checkbox"
                    aria-label={`Select ${row.original.title || row.original.documentId}`}
                    checked={row.getIsSelected()}
                    onChange={row.getToggleSelectedHandler()}
                    tabIndex={-1}
                  />
                </div>
                {row.getVisibleCells().map((cell) => (
                  <div
                    key={cell.id}
                    role="gridcell"
                    className="table-cell"
                    style={{ width: cell.column.getSize() }}
                  >
                    <table.FlexRender cell={cell} />
                  </div>
                ))}
              </div>
            );
          })}
        </div>
        {shownRows.length === 0 && (
          <p className="muted table-empty">
            {rows.length === 0 ? 'No documents found.' : 'No documents match the filters.'}
          </p>
        )}
      </div>
    </div>
  );
}
