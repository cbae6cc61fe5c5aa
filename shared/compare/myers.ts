/**
 * A small bounded Myers O(ND) diff over interned ids (Int32Array ranges). Myers is quadratic when
 * the edit distance D is large (TOOLCHAIN.md "Diff": jsdiff's diffLines took 412 s on unrelated
 * documents), so callers give it only small regions between anchors and a cap on D: past the cap
 * it reports failure and the caller degrades to a coarser, still correct, block.
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

/**
 * Frontier buffers kept between calls, up to this many values each. A diff of unrelated
 * documents makes tens of thousands of small Myers calls; a fresh typed array per call lives
 * outside the heap, and a hundred megabytes of those made V8 run a full collection of the
 * whole comparison's heap in the middle of the line diff (most of its time at 20 MB). Bigger
 * buffers are made for the call that needs them and then dropped.
 */
const keptBufferValues = 1 << 16;
let keptFrontier = new Int32Array(1024);
let keptTrace = new Int32Array(4096);

/**
 * The shortest edit script of a range as change blocks (absolute indices, in order), or
 * undefined when it needs more than `maxD` insertions plus deletions.
 */
export function myersBlocks(range: IdRange, maxD: number): ChangeBlock[] | undefined {
  const blocks: ChangeBlock[] = [];
  const { a, aStart, aEnd, b, bStart, bEnd } = range;
  return myersInto(a, aStart, aEnd, b, bStart, bEnd, maxD, blocks) ? blocks : undefined;
}

/**
 * Appends the shortest edit script of a[aStart, aEnd) against b[bStart, bEnd) to `out` and
 * returns true, or returns false (appending nothing) when it needs more than `maxD` edits.
 * The frontier of each step d is kept in one flat trace (row d at d², 2d + 1 values).
 */
export function myersInto(
  a: Int32Array,
  aStart: number,
  aEnd: number,
  b: Int32Array,
  bStart: number,
  bEnd: number,
  maxD: number,
  out: ChangeBlock[],
): boolean {
  const n = aEnd - aStart;
  const m = bEnd - bStart;
  const max = Math.min(n + m, maxD);
  const offset = max + 1;
  const v = frontier(2 * max + 3);
  // Step 0 reads the diagonal above it as 0; every later step reads only the previous step's.
  v[offset + 1] = 0;
  const traceSize = (max + 1) * (max + 1);
  let trace = keptTrace;
  for (let d = 0; d <= max; d++) {
    const rowEnd = (d + 1) * (d + 1);
    if (rowEnd > trace.length) trace = grownTrace(trace, Math.min(traceSize, 2 * rowEnd), d * d);
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
        backtrack(trace, d, n, m, aStart, bStart, out);
        return true;
      }
    }
    saveRow(trace, v, offset, d);
  }
  return false;
}

/** A frontier of at least `size` values (the kept one when it is big enough). */
function frontier(size: number): Int32Array {
  if (size <= keptFrontier.length) return keptFrontier;
  const made = new Int32Array(size);
  if (size <= keptBufferValues) keptFrontier = made;
  return made;
}

/** A bigger trace holding the first `used` values of `trace`. */
function grownTrace(trace: Int32Array, size: number, used: number): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(size);
  grown.set(trace.subarray(0, used));
  if (size <= keptBufferValues) keptTrace = grown;
  return grown;
}

/** Copies frontier row d (diagonals -d..d) to d² in the trace (a loop: a view per row cost more). */
function saveRow(trace: Int32Array, v: Int32Array, offset: number, d: number): void {
  const from = offset - d;
  const to = d * d;
  for (let k = 0; k <= 2 * d; k++) trace[to + k] = v[from + k]!;
}

/**
 * Walks the saved frontiers back from (n, m) at step `last`, merging adjacent edits into blocks
 * as it goes (adjacency does not depend on the direction of the walk), and appends the blocks
 * to `out` in order. Row d of `trace` holds diagonal k at d² + k + d.
 */
function backtrack(
  trace: Int32Array,
  last: number,
  n: number,
  m: number,
  aStart: number,
  bStart: number,
  out: ChangeBlock[],
): void {
  const first = out.length;
  let current: { leftStart: number; leftEnd: number; rightStart: number; rightEnd: number } = {
    leftStart: -1,
    leftEnd: -1,
    rightStart: -1,
    rightEnd: -1,
  };
  let x = n;
  let y = m;
  for (let d = last; d > 0; d--) {
    const row = (d - 1) * (d - 1) + d - 1;
    const k = x - y;
    const down = k === -d || (k !== d && trace[row + k - 1]! < trace[row + k + 1]!);
    const previousK = down ? k + 1 : k - 1;
    const previousX = trace[row + previousK]!;
    const previousY = previousX - previousK;
    // The edit at (previousX, previousY) ends at (endX, endY): one line further on its side.
    const left = aStart + previousX;
    const right = bStart + previousY;
    const endLeft = down ? left : left + 1;
    const endRight = down ? right + 1 : right;
    if (current.leftStart === endLeft && current.rightStart === endRight) {
      current.leftStart = left;
      current.rightStart = right;
    } else {
      current = { leftStart: left, leftEnd: endLeft, rightStart: right, rightEnd: endRight };
      out.push(current);
    }
    x = previousX;
    y = previousY;
  }
  // The walk went from the end backwards: put this call's blocks in order.
  for (let i = first, j = out.length - 1; i < j; i++, j--) {
    const swap = out[i]!;
    out[i] = out[j]!;
    out[j] = swap;
  }
}
