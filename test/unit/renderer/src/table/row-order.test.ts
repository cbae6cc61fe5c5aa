import { describe, expect, it } from 'vitest';
import { ColumnKeys } from '../../../../../renderer/src/table/column-keys';
import {
  matchingRows,
  narrows,
  shownOrder,
  sortedOrder,
  type RowFilter,
} from '../../../../../renderer/src/table/row-order';
import type { DocumentRow } from '../../../../../shared/ipc/workspace-types';

function row(id: number, fields: Partial<DocumentRow>): DocumentRow {
  return {
    resourceId: `doc-${id}`,
    documentId: `1.2.246.10.${id}`,
    setId: `1.2.246.11.${id}`,
    title: `Title ${id}`,
    date: '2024-01-01T00:00:00Z',
    patient: '010101-900X',
    register: 'public',
    view: 'YLE',
    organisation: 'Testisairaala',
    status: 'current',
    identityProblems: [],
    ...fields,
  };
}

const rows: DocumentRow[] = [
  row(0, { title: 'beta', date: '2024-03-01T10:00:00Z', versionNumber: 2, documentId: '1.2.10' }),
  row(1, { title: 'Alpha', date: '2023-12-31T23:59:59Z', versionNumber: 1, documentId: '1.2.9' }),
  row(2, {
    title: 'alpha',
    date: '2024-03-01T10:00:00Z',
    status: 'replaced',
    documentId: '1.2.100',
  }),
  row(3, { title: 'Gamma', date: '2022-06-15T08:00:00Z', versionNumber: 3, documentId: '1.2.9' }),
];

const ids = (order: Uint32Array) => Array.from(order, (index) => rows[index]?.resourceId);
const filter = (global: string, columns: [string, string][] = []): RowFilter => ({
  global,
  columns: new Map(columns),
});

describe('sortedOrder', () => {
  it('keeps the rows in their order with no rules, and ignores unknown columns', () => {
    const keys = new ColumnKeys(rows);
    expect(ids(sortedOrder(keys, []))).toEqual(['doc-0', 'doc-1', 'doc-2', 'doc-3']);
    expect(ids(sortedOrder(keys, [{ id: 'nope', desc: false }]))).toEqual(
      ids(sortedOrder(keys, [])),
    );
  });

  it('sorts ISO dates as strings both ways, ties keeping the original order', () => {
    const keys = new ColumnKeys(rows);
    expect(ids(sortedOrder(keys, [{ id: 'date', desc: false }]))).toEqual([
      'doc-3',
      'doc-1',
      'doc-0',
      'doc-2',
    ]);
    expect(ids(sortedOrder(keys, [{ id: 'date', desc: true }]))).toEqual([
      'doc-0',
      'doc-2',
      'doc-1',
      'doc-3',
    ]);
  });

  it('sorts titles case-insensitively, versions as numbers (missing as 0) and OIDs naturally', () => {
    const keys = new ColumnKeys(rows);
    expect(ids(sortedOrder(keys, [{ id: 'title', desc: false }]))).toEqual([
      'doc-1',
      'doc-2',
      'doc-0',
      'doc-3',
    ]);
    expect(ids(sortedOrder(keys, [{ id: 'version', desc: true }]))).toEqual([
      'doc-3',
      'doc-0',
      'doc-1',
      'doc-2',
    ]);
    expect(ids(sortedOrder(keys, [{ id: 'documentId', desc: false }]))).toEqual([
      'doc-1',
      'doc-3',
      'doc-0',
      'doc-2',
    ]);
  });

  it('sorts by a second rule within ties of the first', () => {
    const keys = new ColumnKeys(rows);
    const order = sortedOrder(keys, [
      { id: 'date', desc: true },
      { id: 'title', desc: false },
    ]);
    expect(ids(order)).toEqual(['doc-2', 'doc-0', 'doc-1', 'doc-3']);
  });

  it('sorts 100,000 rows the same as a comparison sort of the values', () => {
    const many = Array.from({ length: 100_000 }, (_, index) =>
      row(index, { patient: `p${(index * 7919) % 1000}`, title: `T${(index * 104729) % 5000}` }),
    );
    const keys = new ColumnKeys(many);
    const order = sortedOrder(keys, [
      { id: 'patient', desc: false },
      { id: 'title', desc: true },
    ]);
    const expected = many
      .map((_, index) => index)
      .sort((a, b) => {
        const [x, y] = [many[a]!, many[b]!];
        if (x.patient !== y.patient) return x.patient < y.patient ? -1 : 1;
        const [s, t] = [x.title.toLowerCase(), y.title.toLowerCase()];
        return s === t ? a - b : s < t ? 1 : -1;
      });
    expect(Array.from(order)).toEqual(expected);
  });
});

describe('matchingRows and shownOrder', () => {
  it('matches "Filter all columns" in any column as shown, lower-cased', () => {
    const keys = new ColumnKeys(rows);
    expect(ids(matchingRows(keys, filter('alpha')))).toEqual(['doc-1', 'doc-2']);
    expect(ids(matchingRows(keys, filter('2024-03-01 10:00')))).toEqual(['doc-0', 'doc-2']);
    expect(ids(matchingRows(keys, filter('2024-03-01t10')))).toEqual([]);
    expect(ids(matchingRows(keys, filter('no such text')))).toEqual([]);
  });

  it('combines column filters with the global filter, all of them must match', () => {
    const keys = new ColumnKeys(rows);
    expect(ids(matchingRows(keys, filter('alpha', [['status', 'repl']])))).toEqual(['doc-2']);
    expect(ids(matchingRows(keys, filter('', [['date', '2024-03']])))).toEqual(['doc-0', 'doc-2']);
  });

  it('matches a column without a filter box by its value, as text', () => {
    const keys = new ColumnKeys(rows);
    expect(ids(matchingRows(keys, filter('', [['version', '2']])))).toEqual(['doc-0']);
    expect(ids(matchingRows(keys, filter('', [['version', '0']])))).toEqual(['doc-2']);
    expect(ids(matchingRows(keys, filter('', [['nope', 'x']])))).toEqual(
      ids(Uint32Array.of(0, 1, 2, 3)),
    );
  });

  it('tests only the candidates it is given, and keeps the sorted order when showing', () => {
    const keys = new ColumnKeys(rows);
    expect(ids(matchingRows(keys, filter('a'), Uint32Array.of(2, 3)))).toEqual(['doc-2', 'doc-3']);
    const order = sortedOrder(keys, [{ id: 'title', desc: true }]);
    // Descending, with the two "alpha" titles in their original order.
    expect(ids(shownOrder(order, matchingRows(keys, filter('a'))))).toEqual([
      'doc-3',
      'doc-0',
      'doc-1',
      'doc-2',
    ]);
    expect(shownOrder(order, undefined)).toBe(order);
  });

  it('knows when a filter only narrows the previous one', () => {
    expect(narrows(filter('het'), filter('hete'))).toBe(true);
    expect(narrows(filter('hete'), filter('het'))).toBe(false);
    expect(narrows(filter('', [['title', 'a']]), filter('', [['title', 'al']]))).toBe(true);
    expect(narrows(filter('', [['title', 'a']]), filter('', []))).toBe(false);
    expect(narrows(filter(''), filter('', [['view', 'y']]))).toBe(true);
  });
});
