/**
 * The rank of each row's value in a column's order (equal values share a rank), built in small
 * steps: each builder is a generator that yields after a few milliseconds of work, so the table
 * can build every column's ranks in idle time after it is shown and the first sort by a column is
 * one counting sort. A sort that comes before the idle work is done runs the builder to the end.
 */
import type { DocumentRow } from '../../../shared/ipc/workspace-types';
import type { DocumentColumn } from './document-columns';
import { naturalKey } from './natural-key';

/** Each row's rank in a column's order, and how many distinct ranks there are. */
export interface ColumnRanks {
  readonly ranks: Uint32Array;
  readonly distinct: number;
}

export type RankSteps = Generator<undefined, ColumnRanks, undefined>;

/** Rows handled between two yields. */
const step = 4096;

function sortKey(column: DocumentColumn, row: DocumentRow): string {
  const value = column.sortValue ? column.sortValue(row) : String(column.value(row));
  if (column.sort === 'plain') return value;
  const lower = value.toLowerCase();
  return column.sort === 'natural' ? naturalKey(lower) : lower;
}

/** Row indices sorted by key: sorted runs of `step` rows, then merged pairwise. */
function* sortedIndices(keys: readonly string[]): Generator<undefined, Uint32Array, undefined> {
  const count = keys.length;
  let from = new Uint32Array(count);
  for (let index = 0; index < count; index += 1) from[index] = index;
  const compare = (a: number, b: number) =>
    keys[a]! < keys[b]! ? -1 : keys[a] === keys[b] ? 0 : 1;
  for (let start = 0; start < count; start += step) {
    from.subarray(start, Math.min(count, start + step)).sort(compare);
    yield;
  }
  let to = new Uint32Array(count);
  for (let width = step; width < count; width *= 2) {
    for (let low = 0; low < count; low += 2 * width) {
      const middle = Math.min(count, low + width);
      const high = Math.min(count, low + 2 * width);
      let [left, right, out] = [low, middle, low];
      while (left < middle && right < high) {
        to[out++] = keys[from[right]!]! < keys[from[left]!]! ? from[right++]! : from[left++]!;
        if (out % step === 0) yield;
      }
      while (left < middle) to[out++] = from[left++]!;
      while (right < high) to[out++] = from[right++]!;
    }
    [from, to] = [to, from];
  }
  return from;
}

/** Ranks by sorting the row indices themselves: fastest when most values differ (titles, OIDs). */
function* rankByRows(keys: readonly string[]): RankSteps {
  const order = yield* sortedIndices(keys);
  const ranks = new Uint32Array(keys.length);
  let rank = 0;
  for (let position = 0; position < order.length; position += 1) {
    const row = order[position]!;
    if (position > 0 && keys[row] !== keys[order[position - 1]!]) rank += 1;
    ranks[row] = rank;
    if (position % step === step - 1) yield;
  }
  return { ranks, distinct: keys.length === 0 ? 0 : rank + 1 };
}

/** Ranks through a Map of distinct values: 10× faster than sorting rows when they are few. */
function* rankByValues(keys: readonly string[]): RankSteps {
  const idOf = new Map<string, number>();
  const values: string[] = [];
  const ids = new Uint32Array(keys.length);
  for (let index = 0; index < keys.length; index += 1) {
    const key = keys[index]!;
    let id = idOf.get(key);
    if (id === undefined) {
      id = values.length;
      values.push(key);
      idOf.set(key, id);
    }
    ids[index] = id;
    if (index % step === step - 1) yield;
  }
  const byValue = values.map((_, id) => id).sort((a, b) => (values[a]! < values[b]! ? -1 : 1));
  const rankOfId = new Uint32Array(values.length);
  byValue.forEach((id, rank) => (rankOfId[id] = rank));
  const ranks = new Uint32Array(keys.length);
  for (let index = 0; index < keys.length; index += 1) ranks[index] = rankOfId[ids[index]!]!;
  return { ranks, distinct: values.length };
}

function* sortKeys(
  rows: readonly DocumentRow[],
  pick: (row: DocumentRow) => string,
): Generator<undefined, string[], undefined> {
  const keys: string[] = [];
  for (let index = 0; index < rows.length; index += 1) {
    keys.push(pick(rows[index]!));
    if (index % step === step - 1) yield;
  }
  return keys;
}

/**
 * Whether nearly all of 2,000 rows spread evenly over the keys differ: the first rows alone
 * mislead (the first 1,000 dates can all differ in a column of 2,000 distinct dates).
 */
function mostlyDistinct(keys: readonly string[]): boolean {
  const stride = Math.max(1, Math.floor(keys.length / 2000));
  const sample = new Set<string>();
  let sampled = 0;
  for (let index = 0; index < keys.length; index += stride, sampled += 1) sample.add(keys[index]!);
  return sample.size > 0.9 * sampled;
}

/** The steps that rank one column of these rows. */
export function* rankSteps(rows: readonly DocumentRow[], column: DocumentColumn): RankSteps {
  const keys =
    column.sort === 'number'
      ? // Version numbers: zero-padded so code-unit order is numeric order.
        yield* sortKeys(rows, (row) => String(Number(column.value(row)) || 0).padStart(16, '0'))
      : yield* sortKeys(rows, (row) => sortKey(column, row));
  return mostlyDistinct(keys) ? yield* rankByRows(keys) : yield* rankByValues(keys);
}

/** Runs the steps to the end. */
export function finish<T>(steps: Generator<undefined, T, undefined>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
