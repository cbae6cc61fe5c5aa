/**
 * The document table's remembered layout (issue 6: "column visibility, order and width
 * remembered"): kept in localStorage, read defensively because anything there may be stale or
 * edited by hand; an unreadable value falls back to the defaults.
 */

export interface TableLayout {
  readonly columnVisibility: Readonly<Record<string, boolean>>;
  readonly columnOrder: readonly string[];
  readonly columnSizing: Readonly<Record<string, number>>;
}

export const tableLayoutKey = 'archivist.document-table.layout.v1';

export const emptyLayout: TableLayout = { columnVisibility: {}, columnOrder: [], columnSizing: {} };

function isRecordOf<T>(
  value: unknown,
  check: (item: unknown) => item is T,
): value is Record<string, T> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every(check)
  );
}

const isBoolean = (item: unknown): item is boolean => typeof item === 'boolean';
const isWidth = (item: unknown): item is number =>
  typeof item === 'number' && Number.isFinite(item) && item >= 40 && item <= 2000;

/**
 * Reads the layout, keeping only known column ids, over `defaults`: a column the stored layout
 * says nothing about keeps its default visibility (a layout stored before a column was hidden by
 * default hides it too).
 */
export function readLayout(
  storage: Storage,
  knownColumns: readonly string[],
  defaults: TableLayout = emptyLayout,
): TableLayout {
  let raw: unknown;
  try {
    raw = JSON.parse(storage.getItem(tableLayoutKey) ?? 'null');
  } catch {
    return defaults;
  }
  if (typeof raw !== 'object' || raw === null) return defaults;
  const known = new Set(knownColumns);
  const { columnVisibility, columnOrder, columnSizing } = raw as Record<string, unknown>;
  const keep = <T>(record: Record<string, T>) =>
    Object.fromEntries(Object.entries(record).filter(([id]) => known.has(id)));
  return {
    columnVisibility: {
      ...defaults.columnVisibility,
      ...(isRecordOf(columnVisibility, isBoolean) ? keep(columnVisibility) : {}),
    },
    columnOrder: Array.isArray(columnOrder)
      ? columnOrder.filter((id): id is string => typeof id === 'string' && known.has(id))
      : [],
    columnSizing: isRecordOf(columnSizing, isWidth) ? keep(columnSizing) : {},
  };
}

export function writeLayout(storage: Storage, layout: TableLayout): void {
  try {
    storage.setItem(tableLayoutKey, JSON.stringify(layout));
  } catch {
    // A full or disabled storage only costs the remembered layout.
  }
}
