/**
 * The only importer of @tanstack/react-table (v9): it keeps the column state (sorting, column
 * and global filters, visibility, order, width and resizing) and drives the headers. It is given
 * no rows (`manualSorting`, `manualFiltering`): building 100,000 Row objects and sorting and
 * filtering them through getValue took most of the first render, sort and keystroke time, so
 * the rows are ordered by row-order.ts over precomputed keys instead.
 */
import {
  columnFilteringFeature,
  columnOrderingFeature,
  columnResizingFeature,
  columnSizingFeature,
  columnVisibilityFeature,
  createColumnHelper,
  filterFn_includesString,
  globalFilteringFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type Updater,
} from '@tanstack/react-table';
import type { Dispatch, SetStateAction } from 'react';
import type { DocumentRow } from '../../../shared/ipc/workspace-types';
import { documentColumns } from './document-columns';
import type { SortRule } from './row-order';
import type { TableLayout } from './table-settings';

const features = tableFeatures({
  rowSortingFeature,
  columnFilteringFeature,
  globalFilteringFeature,
  columnVisibilityFeature,
  columnOrderingFeature,
  columnSizingFeature,
  columnResizingFeature,
  // Registered so a cleared filter box removes its filter; the filtering itself is row-order.ts.
  filterFns: { includesString: filterFn_includesString },
});

const helper = createColumnHelper<typeof features, DocumentRow>();

/**
 * At module scope for a stable identity. With no rows react-table cannot guess the first sort
 * direction from the values, so it is set: ascending, except numbers (the version) descending.
 */
const columns = helper.columns(
  documentColumns.map((column) =>
    helper.accessor(column.value, {
      id: column.id,
      header: column.header,
      size: column.size,
      sortDescFirst: column.sort === 'number',
      enableColumnFilter: column.filterText !== undefined,
      filterFn: 'includesString',
    }),
  ),
);

const noRows: DocumentRow[] = [];

function apply<T>(updater: Updater<T>, previous: T): T {
  return typeof updater === 'function' ? (updater as (old: T) => T)(previous) : updater;
}

/** The react-table instance over the remembered layout. */
export function useDocumentTable(
  layout: TableLayout,
  setLayout: Dispatch<SetStateAction<TableLayout>>,
) {
  return useTable({
    features,
    columns,
    data: noRows,
    manualSorting: true,
    manualFiltering: true,
    enableMultiSort: true,
    columnResizeMode: 'onChange',
    state: {
      columnVisibility: { ...layout.columnVisibility },
      columnOrder: [...layout.columnOrder],
      columnSizing: { ...layout.columnSizing },
    },
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
}

export type DocumentTableInstance = ReturnType<typeof useDocumentTable>;

/** The sort rules and filter needles the table's state holds. */
export function rowQueryOf(table: DocumentTableInstance): {
  sorting: readonly SortRule[];
  columnNeedles: readonly (readonly [string, string])[];
  globalNeedle: string;
} {
  const { sorting, columnFilters, globalFilter } = table.state;
  return {
    sorting: (sorting ?? []).map(({ id, desc }) => ({ id, desc })),
    columnNeedles: (columnFilters ?? []).map(
      ({ id, value }) => [id, String(value ?? '').toLowerCase()] as const,
    ),
    globalNeedle: typeof globalFilter === 'string' ? globalFilter.toLowerCase() : '',
  };
}
