/**
 * A small bounded Myers O(ND) diff over interned ids (Int32Array ranges). Myers is quadratic when
 * the edit distance D is large (TOOLCHAIN.md "Diff": jsdiff's diffLines took 412 s on unrelated
 * documents), so callers give it only small regions between anchors and a cap on D: past the cap
 * it returns undefined and the caller degrades to a coarser, still correct, block.
 */

/** One non-equal region: left lines [leftStart, leftEnd) became right lines [rightStart, rightEnd). */
export interface ChangeBlock {
  readonly leftStart: number;
  readonly leftEnd: number;
  readonly rightStart: number;
  readonly rightEnd: number;
}

/** A range of interned ids to compare: a[aStart, aEnd) against b[bStart, bEnd). */
export interface IdRange {
  readonly a: Int32Array;
  readonly aStart: number;
  readonly aEnd: number;
  readonly b: Int32Array;
  readonly bStart: number;
  readonly bEnd: number;
}

/** Work Myers does for a range with at most `maxD` edits (used to charge the caller's budget). */
export function myersCost(range: IdRange, maxD: number): number {
  return (maxD + 1) * (range.aEnd - range.aStart + range.bEnd - range.bStart + 1);
}

/**
 * The shortest edit script of a range as change blocks (absolute indices, in order), or
 * undefined when it needs more than `maxD` insertions plus deletions. The frontier of each step d
 * is kept in one flat array (row d at d², 2d + 1 values): a slice per step was most of the cost
 * of the many small word and region diffs.
 */
export function myersBlocks(range: IdRange, maxD: number): ChangeBlock[] | undefined {
  const { a, aStart, b, bStart } = range;
  const n = range.aEnd - aStart;
  const m = range.bEnd - bStart;
  const max = Math.min(n + m, maxD);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  let trace = new Int32Array(Math.min((max + 1) * (max + 1), 1024));
  for (let d = 0; d <= max; d++) {
    const rowEnd = (d + 1) * (d + 1);
    if (rowEnd > trace.length) {
      const grown = new Int32Array(
        Math.min((max + 1) * (max + 1), Math.max(rowEnd, 2 * trace.length)),
      );
      grown.set(trace);
      trace = grown;
    }
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!);
      let x = down ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[aStart + x] === b[bStart + y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        saveRow(trace, v, offset, d);
        return backtrack(trace, d, n, m, aStart, bStart);
      }
    }
    saveRow(trace, v, offset, d);
  }
  return undefined;
}

/** Copies frontier row d (diagonals -d..d) to d² in the trace (a loop: a view per row cost more). */
function saveRow(trace: Int32Array, v: Int32Array, offset: number, d: number): void {
  const from = offset - d;
  const to = d * d;
  for (let k = 0; k <= 2 * d; k++) trace[to + k] = v[from + k]!;
}

/**
 * Walks the saved frontiers back from (n, m) at step `last` and merges adjacent edits into
 * blocks. Row d of `trace` holds diagonal k at d² + k + d.
 */
function backtrack(
  trace: Int32Array,
  last: number,
  n: number,
  m: number,
  aStart: number,
  bStart: number,
): ChangeBlock[] {
  // Edit e (in reverse order) is at (editX[e], editY[e]), an insertion when isInsert[e] is 1.
  const editX = new Int32Array(last);
  const editY = new Int32Array(last);
  const isInsert = new Uint8Array(last);
  let x = n;
  let y = m;
  for (let d = last; d > 0; d--) {
    const row = (d - 1) * (d - 1) + d - 1;
    const k = x - y;
    const down = k === -d || (k !== d && trace[row + k - 1]! < trace[row + k + 1]!);
    const previousK = down ? k + 1 : k - 1;
    const previousX = trace[row + previousK]!;
    const previousY = previousX - previousK;
    editX[last - d] = previousX;
    editY[last - d] = previousY;
    isInsert[last - d] = down ? 1 : 0;
    x = previousX;
    y = previousY;
  }
  const blocks: ChangeBlock[] = [];
  let current:
    { leftStart: number; leftEnd: number; rightStart: number; rightEnd: number } | undefined;
  for (let e = last - 1; e >= 0; e--) {
    // Position just before this edit on both sides.
    const left = aStart + editX[e]!;
    const right = bStart + editY[e]!;
    if (!current || current.leftEnd !== left || current.rightEnd !== right) {
      if (current) blocks.push(current);
      current = { leftStart: left, leftEnd: left, rightStart: right, rightEnd: right };
    }
    if (isInsert[e] === 1) current.rightEnd++;
    else current.leftEnd++;
  }
  if (current) blocks.push(current);
  return blocks;
}
