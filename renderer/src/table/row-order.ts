/**
 * Which rows the table shows, in which order, as arrays of row indices: a sort is a counting sort
 * by precomputed ranks (stable, so a multi-sort is one pass per column, the last column first,
 * and ties keep the rows' original order), a filter keeps the rows whose lower-cased texts
 * include every needle (row-search.ts). Pure functions over ColumnKeys, so they are tested
 * without a browser.
 */
import type { DocumentRow } from '../../../shared/ipc/workspace-types';
import type { ColumnKeys, ColumnRanks } from './column-keys';
import { columnById, type DocumentColumn } from './document-columns';
import { columnScope, rowScope } from './row-search';

export interface SortRule {
  readonly id: string;
  readonly desc: boolean;
}

/** Lower-cased needles: per column id, and `global` for "Filter all columns". */
export interface RowFilter {
  readonly columns: ReadonlyMap<string, string>;
  readonly global: string;
}

function identity(count: number): Uint32Array {
  const order = new Uint32Array(count);
  for (let index = 0; index < count; index += 1) order[index] = index;
  return order;
}

/** One stable counting-sort pass of `order` by the ranks. */
function countingPass(order: Uint32Array, { ranks, distinct }: ColumnRanks, desc: boolean) {
  const starts = new Uint32Array(distinct + 1);
  for (let index = 0; index < order.length; index += 1) {
    const rank = ranks[order[index]!]!;
    starts[(desc ? distinct - 1 - rank : rank) + 1]! += 1;
  }
  for (let rank = 1; rank <= distinct; rank += 1) starts[rank]! += starts[rank - 1]!;
  const sorted = new Uint32Array(order.length);
  for (let index = 0; index < order.length; index += 1) {
    const row = order[index]!;
    const rank = ranks[row]!;
    const slot = desc ? distinct - 1 - rank : rank;
    sorted[starts[slot]!] = row;
    starts[slot]! += 1;
  }
  return sorted;
}

/** Row indices in the order the sort rules give (unknown column ids are ignored). */
export function sortedOrder(keys: ColumnKeys, rules: readonly SortRule[]): Uint32Array {
  let order = identity(keys.count);
  for (let index = rules.length - 1; index >= 0; index -= 1) {
    const rule = rules[index]!;
    const column = columnById.get(rule.id);
    if (column) order = countingPass(order, keys.ranksOf(column), rule.desc);
  }
  return order;
}

export function isEmptyFilter(filter: RowFilter): boolean {
  return filter.global === '' && filter.columns.size === 0;
}

/**
 * True when every row `next` keeps is also kept by `previous` (each needle of `previous` is
 * inside the same column's needle of `next`), so `next` need only test `previous`'s matches:
 * typing one more letter tests the rows left, not all 100,000.
 */
export function narrows(previous: RowFilter, next: RowFilter): boolean {
  if (!next.global.includes(previous.global)) return false;
  for (const [id, needle] of previous.columns)
    if (!(next.columns.get(id) ?? '').includes(needle)) return false;
  return true;
}

/**
 * Keeps the rows whose value of a column without a filter box includes the needle, as the old
 * per-column texts did: nothing in the app sets such a filter, but react-table's state can hold one.
 */
function keepByValue(
  rows: readonly DocumentRow[],
  column: DocumentColumn,
  needle: string,
  candidates: Uint32Array,
): number {
  let count = 0;
  for (let index = 0; index < candidates.length; index += 1) {
    const row = candidates[index]!;
    if (String(column.value(rows[row]!)).toLowerCase().includes(needle)) candidates[count++] = row;
  }
  return count;
}

/** Indices (ascending) of the rows the filter keeps, testing only `candidates` when given. */
export function matchingRows(
  keys: ColumnKeys,
  filter: RowFilter,
  candidates?: Uint32Array,
): Uint32Array {
  const kept = candidates ? candidates.slice() : identity(keys.count);
  let count = kept.length;
  // Each needle narrows the rows still in, compacting `kept` in place.
  if (filter.global !== '')
    count = keys.search.keep(filter.global, rowScope, kept.subarray(0, count), kept);
  for (const [id, needle] of filter.columns) {
    const column = columnById.get(id);
    if (!column || needle === '') continue;
    const scope = columnScope(id);
    const left = kept.subarray(0, count);
    count = scope
      ? keys.search.keep(needle, scope, left, kept)
      : keepByValue(keys.rows, column, needle, left);
  }
  return kept.slice(0, count);
}

/** The sorted order restricted to the matching rows. */
export function shownOrder(order: Uint32Array, matches: Uint32Array | undefined): Uint32Array {
  if (!matches) return order;
  const isKept = new Uint8Array(order.length);
  for (let index = 0; index < matches.length; index += 1) isKept[matches[index]!] = 1;
  const shown = new Uint32Array(matches.length);
  let count = 0;
  for (let index = 0; index < order.length; index += 1)
    if (isKept[order[index]!] === 1) shown[count++] = order[index]!;
  return shown;
}
