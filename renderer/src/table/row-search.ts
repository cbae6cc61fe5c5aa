/**
 * What the filters search, for all rows at once: every filterable value lower-cased, row after
 * row, each value followed by a line break, in one string per block of rows, with an Int32Array
 * of where each value starts. A keystroke is then a few native `indexOf` scans over these strings
 * instead of one `includes` per row over 100,000 row strings, and building it is one `join` and
 * one `toLowerCase` per block instead of 100,000 concatenations and `toLowerCase` calls (issue 6:
 * in Chromium it takes about two thirds of the CPU time the old row texts took, still most of a
 * keystroke that comes before it is built, so the table builds it first, in background tasks).
 *
 * A row's span (its values joined by line breaks) is exactly what "Filter all columns" searched
 * before (rowTextOf), and a value's span what a column's filter searched, so a match is a hit
 * that starts and ends inside the span: the same answers, also for needles with line breaks.
 */
import type { DocumentRow } from '../../../shared/ipc/workspace-types';
import { documentColumns, type DocumentColumn } from './document-columns';

/** The columns with a filter, in the order a row's text joins them. */
export const searchedColumns: readonly DocumentColumn[] = documentColumns.filter(
  (column) => column.filterText !== undefined,
);

const picks = searchedColumns.map((column) => column.filterText!);
const width = picks.length;
const separator = '\n';

/** Rows per block, a power of two: one block builds in about 2 ms, a short background task. */
const blockBits = 11;
export const blockRows = 1 << blockBits;

interface Block {
  readonly text: string;
  /** Start of each value (row * width + column slot) in `text`, then `text.length`. */
  readonly starts: Int32Array;
}

/** Where each part starts when they are joined with one separator after each. */
function startsOf(parts: readonly string[]): Int32Array {
  const starts = new Int32Array(parts.length + 1);
  let at = 0;
  for (let index = 0; index < parts.length; index += 1) {
    starts[index] = at;
    at += parts[index]!.length + 1;
  }
  starts[parts.length] = at;
  return starts;
}

function buildBlock(rows: readonly DocumentRow[], first: number, end: number): Block {
  const parts: string[] = new Array<string>((end - first) * width);
  const starts = new Int32Array(parts.length + 1);
  let [part, at] = [0, 0];
  for (let index = first; index < end; index += 1) {
    const row = rows[index]!;
    for (let slot = 0; slot < width; slot += 1) {
      const value = picks[slot]!(row);
      parts[part] = value;
      starts[part++] = at;
      at += value.length + 1;
    }
  }
  starts[part] = at;
  const raw = parts.join(separator) + separator;
  const text = raw.toLowerCase();
  // No lower-case mapping shortens a string and only U+0130 (İ) lengthens one (to "i̇"): equal
  // lengths mean every value kept its length, otherwise each value is lower-cased on its own.
  if (text.length === raw.length) return { text, starts };
  const lowered = parts.map((value) => value.toLowerCase());
  return { text: lowered.join(separator) + separator, starts: startsOf(lowered) };
}

/** Which part of a row a needle must lie in: the whole row, or one column's value. */
export type SearchScope =
  { readonly kind: 'row' } | { readonly kind: 'column'; readonly slot: number };

export const rowScope: SearchScope = { kind: 'row' };

/** The scope of a column's filter, or undefined for a column without one. */
export function columnScope(id: string): SearchScope | undefined {
  const slot = searchedColumns.findIndex((column) => column.id === id);
  return slot < 0 ? undefined : { kind: 'column', slot };
}

export class RowSearch {
  private readonly blocks: Block[] = [];

  constructor(private readonly rows: readonly DocumentRow[]) {}

  /** True when every block is built. */
  get isBuilt(): boolean {
    return this.blocks.length << blockBits >= this.rows.length;
  }

  /** Builds the next block; false when there was none left to build. */
  buildNext(): boolean {
    if (this.isBuilt) return false;
    const first = this.blocks.length << blockBits;
    this.blocks.push(buildBlock(this.rows, first, Math.min(this.rows.length, first + blockRows)));
    return true;
  }

  /** A row's searched text (its values, lower-cased, joined by line breaks). */
  rowText(row: number): string {
    this.buildAll();
    const block = this.blocks[row >>> blockBits]!;
    const local = (row & (blockRows - 1)) * width;
    return block.text.slice(block.starts[local]!, block.starts[local + width]! - 1);
  }

  /**
   * Writes to `out` the rows of `candidates` (ascending) whose scope contains `needle`, and
   * returns how many. `out` may be `candidates` itself: a row is written at or before the place
   * it was read from.
   */
  keep(needle: string, scope: SearchScope, candidates: Uint32Array, out: Uint32Array): number {
    this.buildAll();
    const length = needle.length;
    const [startSlot, endSlot] = scope.kind === 'row' ? [0, width] : [scope.slot, scope.slot + 1];
    let count = 0;
    let blockIndex = -1;
    let block: Block | undefined;
    // The first hit at or after the last place searched: reused while it lies ahead, so the
    // scans of one block never cover the same text twice.
    let hit = -1;
    for (let index = 0; index < candidates.length; index += 1) {
      const row = candidates[index]!;
      const rowBlock = row >>> blockBits;
      if (rowBlock !== blockIndex) {
        blockIndex = rowBlock;
        block = this.blocks[rowBlock]!;
        hit = -1;
      }
      const local = (row & (blockRows - 1)) * width;
      const from = block!.starts[local + startSlot]!;
      const to = block!.starts[local + endSlot]! - 1;
      if (hit < from) {
        hit = block!.text.indexOf(needle, from);
        if (hit < 0) hit = Infinity;
      }
      if (hit + length <= to) out[count++] = row;
    }
    return count;
  }

  private buildAll(): void {
    while (this.buildNext());
  }
}
