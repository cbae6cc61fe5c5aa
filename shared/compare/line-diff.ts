/**
 * A line diff that stays fast on any input (issue 7, "Content diff"). Lines are interned to ids;
 * lines unique in both sides anchor the alignment (patience style, longest increasing run), then
 * each region between anchors is solved the same way; where no unique line exists, the rarest
 * shared line anchors it (histogram style); only small regions reach Myers. A work budget bounds
 * the whole run: a region it cannot afford becomes one replaced block (coarser but correct) and
 * a note says so. TOOLCHAIN.md "Diff" has the measurements behind this design.
 */
import { internMiddles } from './intern-middles';
import { AnchorScratch } from './line-anchors';
import { myersInto, type ChangeBlock } from './myers';

export type { ChangeBlock } from './myers';

/** Tuning of one diff run. */
export interface LineDiffOptions {
  /** Abstract work units (about one per line looked at); default 60 × total lines + 2,000,000. */
  readonly workBudget?: number;
}

/** The edit script: every non-equal block in order; everything between blocks is equal. */
export interface LineDiff {
  readonly blocks: readonly ChangeBlock[];
  /** Tester-readable notes, e.g. that some regions were too different to align line by line. */
  readonly notes: readonly string[];
  /** True when at least one region was emitted as a coarse replaced block. */
  readonly isCoarse: boolean;
}

/** Regions up to this many lines in total always go to Myers (cheap at any edit distance). */
const smallRegionLines = 128;
/** Work one Myers call may do on a region without anchors. */
const myersRegionWork = 2_000_000;
const maxMyersEdits = 2048;

/**
 * Diffs two lists of lines. The equal head and tail are found by comparing the strings, so only
 * the middle is interned, and a small middle goes straight to Myers (as diffIds would send it):
 * the change list diffs thousands of small narratives that mostly agree, and word diffs are
 * the same call over tokens.
 */
export function diffLineArrays(
  left: readonly string[],
  right: readonly string[],
  options: LineDiffOptions = {},
): LineDiff {
  let head = 0;
  while (head < left.length && head < right.length && left[head] === right[head]) head++;
  let tail = 0;
  while (
    tail < left.length - head &&
    tail < right.length - head &&
    left[left.length - 1 - tail] === right[right.length - 1 - tail]
  )
    tail++;
  const n = left.length - head - tail;
  const m = right.length - head - tail;
  if (n === 0 || m === 0)
    return {
      blocks:
        n + m === 0
          ? []
          : [{ leftStart: head, leftEnd: head + n, rightStart: head, rightEnd: head + m }],
      notes: [],
      isCoarse: false,
    };
  const { a, b, distinct } = internMiddles(left, right, head, n, m);
  let diff: LineDiff;
  if (n + m <= smallRegionLines) {
    const blocks: ChangeBlock[] = [];
    myersInto(a, 0, n, b, 0, m, n + m, blocks);
    diff = { blocks, notes: [], isCoarse: false };
  }
  // The budget is the whole input's, as if the head and tail had been trimmed inside diffIds.
  else
    diff = diffIds(a, b, distinct, {
      workBudget: options.workBudget ?? defaultWorkBudget(left.length, right.length),
    });
  if (head === 0) return diff;
  return {
    ...diff,
    blocks: diff.blocks.map((block) => ({
      leftStart: block.leftStart + head,
      leftEnd: block.leftEnd + head,
      rightStart: block.rightStart + head,
      rightEnd: block.rightEnd + head,
    })),
  };
}

function defaultWorkBudget(leftLines: number, rightLines: number): number {
  return 60 * (leftLines + rightLines) + 2_000_000;
}

/**
 * Diffs two id arrays whose ids are below `distinct`. Regions wait on a stack of plain numbers
 * and anchors are found in reused typed arrays: an object per region or anchor pair was most of
 * what a diff of unrelated documents allocated (issue 7).
 */
export function diffIds(
  a: Int32Array,
  b: Int32Array,
  distinct: number,
  options: LineDiffOptions = {},
): LineDiff {
  const scratch = new AnchorScratch(distinct);
  const stack = scratch.stack;
  let budget = options.workBudget ?? defaultWorkBudget(a.length, b.length);
  const blocks: ChangeBlock[] = [];
  const coarse = { regions: 0, left: 0, right: 0 };
  const emit = (a0: number, a1: number, b0: number, b1: number): void => {
    blocks.push({ leftStart: a0, leftEnd: a1, rightStart: b0, rightEnd: b1 });
  };
  stack.push(0, a.length, 0, b.length);
  while (stack.size > 0) {
    let b1 = stack.pop();
    let b0 = stack.pop();
    let a1 = stack.pop();
    let a0 = stack.pop();
    // The equal head and tail of the region are not part of it.
    while (a0 < a1 && b0 < b1 && a[a0] === b[b0]) {
      a0++;
      b0++;
    }
    while (a1 > a0 && b1 > b0 && a[a1 - 1] === b[b1 - 1]) {
      a1--;
      b1--;
    }
    const n = a1 - a0;
    const m = b1 - b0;
    if (n === 0 && m === 0) continue;
    if (n === 0 || m === 0) {
      emit(a0, a1, b0, b1);
      continue;
    }
    if (n + m <= smallRegionLines) {
      budget -= (n + m + 1) * (n + m + 1);
      myersInto(a, a0, a1, b, b0, b1, n + m, blocks);
      continue;
    }
    budget -= 3 * (n + m);
    if (budget < 0) {
      addCoarse(coarse, n, m);
      emit(a0, a1, b0, b1);
      continue;
    }
    if (scratch.pushBetweenAnchors(a, b, a0, a1, b0, b1)) continue;
    const maxD = Math.min(n + m, maxMyersEdits, Math.floor(myersRegionWork / (n + m)));
    const cost = (maxD + 1) * (n + m + 1);
    const isSolved = cost <= budget && myersInto(a, a0, a1, b, b0, b1, maxD, blocks);
    budget -= cost;
    if (!isSolved) {
      addCoarse(coarse, n, m);
      emit(a0, a1, b0, b1);
    }
  }
  return {
    blocks,
    notes: coarse.regions > 0 ? [coarseNote(coarse)] : [],
    isCoarse: coarse.regions > 0,
  };
}

function addCoarse(
  coarse: { regions: number; left: number; right: number },
  n: number,
  m: number,
): void {
  coarse.regions++;
  coarse.left += n;
  coarse.right += m;
}

function coarseNote(coarse: { regions: number; left: number; right: number }): string {
  const where = coarse.regions === 1 ? '1 region' : `${coarse.regions} regions`;
  return `${where} (${coarse.left} left and ${coarse.right} right lines) had too little in common to align line by line within the work budget, so each is shown as one replaced block.`;
}

/** Applies an edit script: the left lines with every block replaced by its right lines. */
export function applyBlocks<T>(
  left: readonly T[],
  right: readonly T[],
  blocks: readonly ChangeBlock[],
): T[] {
  const out: T[] = [];
  let at = 0;
  for (const block of blocks) {
    for (let i = at; i < block.leftStart; i++) out.push(left[i]!);
    for (let j = block.rightStart; j < block.rightEnd; j++) out.push(right[j]!);
    at = block.leftEnd;
  }
  for (let i = at; i < left.length; i++) out.push(left[i]!);
  return out;
}
