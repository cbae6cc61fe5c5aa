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
 * undefined when it needs more than `maxD` insertions plus deletions.
 */
export function myersBlocks(range: IdRange, maxD: number): ChangeBlock[] | undefined {
  const { a, aStart, b, bStart } = range;
  const n = range.aEnd - aStart;
  const m = range.bEnd - bStart;
  const max = Math.min(n + m, maxD);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
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
        trace.push(v.slice(offset - d, offset + d + 1));
        return backtrack(trace, n, m, aStart, bStart);
      }
    }
    trace.push(v.slice(offset - d, offset + d + 1));
  }
  return undefined;
}

/** Walks the saved frontiers back from (n, m) and merges adjacent edits into blocks. */
function backtrack(
  trace: readonly Int32Array[],
  n: number,
  m: number,
  aStart: number,
  bStart: number,
): ChangeBlock[] {
  // Edits in reverse order: [isInsert, index on its side].
  const edits: { isInsert: boolean; x: number; y: number }[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d > 0; d--) {
    const previous = trace[d - 1]!;
    const k = x - y;
    const at = (diagonal: number): number => previous[diagonal + d - 1]!;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const previousK = down ? k + 1 : k - 1;
    const previousX = at(previousK);
    const previousY = previousX - previousK;
    edits.push({ isInsert: down, x: previousX, y: previousY });
    x = previousX;
    y = previousY;
  }
  const blocks: ChangeBlock[] = [];
  let current:
    { leftStart: number; leftEnd: number; rightStart: number; rightEnd: number } | undefined;
  for (let i = edits.length - 1; i >= 0; i--) {
    const edit = edits[i]!;
    // Position just before this edit on both sides.
    const left = aStart + edit.x;
    const right = bStart + edit.y;
    if (!current || current.leftEnd !== left || current.rightEnd !== right) {
      if (current) blocks.push(current);
      current = { leftStart: left, leftEnd: left, rightStart: right, rightEnd: right };
    }
    if (edit.isInsert) current.rightEnd++;
    else current.leftEnd++;
  }
  if (current) blocks.push(current);
  return blocks;
}
