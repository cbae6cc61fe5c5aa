/**
 * A line diff that stays fast on any input (issue 7, "Content diff"). Lines are interned to ids;
 * lines unique in both sides anchor the alignment (patience style, longest increasing run), then
 * each region between anchors is solved the same way; where no unique line exists, the rarest
 * shared line anchors it (histogram style); only small regions reach Myers. A work budget bounds
 * the whole run: a region it cannot afford becomes one replaced block (coarser but correct) and
 * a note says so. TOOLCHAIN.md "Diff" has the measurements behind this design.
 */
import { myersInto, type ChangeBlock } from './myers';
import { keepShape } from '../keep-shape';

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
/** A rarest-line anchor is used only when it occurs at most this often (git histogram's limit). */
const maxHistogramOccurrences = 64;
/** Work one Myers call may do on a region without anchors. */
const myersRegionWork = 2_000_000;
const maxMyersEdits = 2048;

/** Interns `count` lines of each list from `head` on into id arrays over one dictionary. */
function internMiddles(
  left: readonly string[],
  right: readonly string[],
  head: number,
  n: number,
  m: number,
): { a: Int32Array; b: Int32Array; distinct: number } {
  const ids = new Map<string, number>();
  const a = new Int32Array(n);
  const b = new Int32Array(m);
  for (let i = 0; i < n; i++) {
    const line = left[head + i]!;
    let id = ids.get(line);
    if (id === undefined) {
      id = ids.size;
      ids.set(line, id);
    }
    a[i] = id;
  }
  // Most right lines stand where the left's did, give or take the lines inserted or deleted so
  // far: the left line at the same offset is tried first, as one string comparison, and only a
  // line not found there is looked up (hashing it). A line unique on the left gives the new
  // offset; a repeated one (`</td>`) could stand anywhere, so it leaves the offset as it is.
  const leftDistinct = ids.size;
  const uniqueAt = new Int32Array(leftDistinct).fill(-1);
  for (let i = 0; i < n; i++) {
    const id = a[i]!;
    uniqueAt[id] = uniqueAt[id] === -1 ? i : -2;
  }
  let offset = 0;
  for (let j = 0; j < m; j++) {
    const line = right[head + j]!;
    const k = j + offset;
    if (k >= 0 && k < n && left[head + k] === line) {
      b[j] = a[k]!;
      continue;
    }
    let id = ids.get(line);
    if (id === undefined) {
      id = ids.size;
      ids.set(line, id);
    } else if (id < leftDistinct && uniqueAt[id]! >= 0) offset = uniqueAt[id]! - j;
    b[j] = id;
  }
  return { a, b, distinct: ids.size };
}

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
  const scratch = new Scratch(distinct);
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

/** A stack of numbers in a typed array that grows (regions are pushed as four numbers). */
class NumberStack {
  // Small at first (a typed array of up to 64 bytes lives in the heap, a bigger one outside it):
  // the narrative diff runs this diff on thousands of short token lists.
  private values = new Int32Array(16);
  size = 0;

  push(a0: number, a1: number, b0: number, b1: number): void {
    if (this.size + 4 > this.values.length) {
      const grown = new Int32Array(2 * this.values.length);
      grown.set(this.values);
      this.values = grown;
    }
    const values = this.values;
    values[this.size] = a0;
    values[this.size + 1] = a1;
    values[this.size + 2] = b0;
    values[this.size + 3] = b1;
    this.size += 4;
  }

  pop(): number {
    return this.values[--this.size]!;
  }
}

/** An Int32Array of at least `size` values: `kept` when it is big enough. */
function atLeast(kept: Int32Array<ArrayBuffer>, size: number): Int32Array<ArrayBuffer> {
  return kept.length >= size ? kept : new Int32Array(Math.max(size, 2 * kept.length));
}

/**
 * Tables reused across the regions of one diff (reset after each use, so each region costs its
 * size). Per id, interleaved so one lookup touches one cache line: its count on the left, its
 * count on the right and its last position on the right.
 */
class Scratch {
  readonly stack = new NumberStack();
  /** Made when a region first needs anchors (most diffs of short lists never do). */
  private counts: Int32Array | undefined;
  /** Anchor candidates (left and right positions) and the patience sort's tables. */
  private left = new Int32Array(0);
  private right = new Int32Array(0);
  private tails = new Int32Array(0);
  private previous = new Int32Array(0);

  constructor(private readonly distinct: number) {}

  /**
   * Finds a region's anchors (lines unique on both sides, longest increasing run of them, else
   * every pairing of the rarest shared line) and pushes the regions between them so that the
   * leftmost is popped first; false when there are none.
   */
  pushBetweenAnchors(
    a: Int32Array,
    b: Int32Array,
    a0: number,
    a1: number,
    b0: number,
    b1: number,
  ): boolean {
    const counts = (this.counts ??= new Int32Array(3 * this.distinct));
    for (let i = a0; i < a1; i++) counts[3 * a[i]!]!++;
    for (let j = b0; j < b1; j++) {
      const at = 3 * b[j]!;
      counts[at + 1]!++;
      counts[at + 2] = j;
    }
    // Room for every unique pair, and for every occurrence of a rarest line.
    const most = Math.max(Math.min(a1 - a0, b1 - b0), maxHistogramOccurrences);
    const left = (this.left = atLeast(this.left, most));
    const right = (this.right = atLeast(this.right, most));
    let unique = 0;
    let rarest = -1;
    let rarestCount = Infinity;
    for (let i = a0; i < a1; i++) {
      const at = 3 * a[i]!;
      const inA = counts[at]!;
      const inB = counts[at + 1]!;
      if (inB === 0) continue;
      if (inA === 1 && inB === 1) {
        left[unique] = i;
        right[unique++] = counts[at + 2]!;
      } else if (inA + inB < rarestCount && Math.max(inA, inB) <= maxHistogramOccurrences) {
        rarest = a[i]!;
        rarestCount = inA + inB;
      }
    }
    for (let i = a0; i < a1; i++) counts[3 * a[i]!] = 0;
    for (let j = b0; j < b1; j++) counts[3 * b[j]! + 1] = 0;
    if (unique > 0) this.pushRun(this.longestIncreasing(unique), a0, a1, b0, b1);
    else if (rarest !== -1)
      this.pushRun(this.pairOccurrences(a, b, a0, a1, b0, b1, rarest), a0, a1, b0, b1);
    return unique > 0 || rarest !== -1;
  }

  /**
   * The longest run of candidates whose right positions increase (patience sorting,
   * O(k log k)), as its last candidate; `previous` links each to the one before it.
   */
  private longestIncreasing(count: number): number {
    const right = this.right;
    const tails = (this.tails = atLeast(this.tails, count));
    const previous = (this.previous = atLeast(this.previous, count));
    let length = 0;
    for (let i = 0; i < count; i++) {
      const value = right[i]!;
      let low = 0;
      let high = length;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (right[tails[middle]!]! < value) low = middle + 1;
        else high = middle;
      }
      previous[i] = low > 0 ? tails[low - 1]! : -1;
      tails[low] = i;
      if (low === length) length++;
    }
    return tails[length - 1]!;
  }

  /** The k-th occurrence of `id` on the left paired with its k-th on the right, as a run. */
  private pairOccurrences(
    a: Int32Array,
    b: Int32Array,
    a0: number,
    a1: number,
    b0: number,
    b1: number,
    id: number,
  ): number {
    const { left, right } = this;
    let count = 0;
    for (let i = a0; i < a1; i++) if (a[i] === id) left[count++] = i;
    let paired = 0;
    for (let j = b0; j < b1 && paired < count; j++) if (b[j] === id) right[paired++] = j;
    const previous = (this.previous = atLeast(this.previous, paired));
    for (let k = 0; k < paired; k++) previous[k] = k - 1;
    return paired - 1;
  }

  /**
   * Pushes the regions around a run of anchors (given by its last candidate, linked back by
   * `previous`), walking it from its end so that the leftmost region is popped first.
   */
  private pushRun(last: number, a0: number, a1: number, b0: number, b1: number): void {
    const { left, right, previous, stack } = this;
    let end0 = a1;
    let end1 = b1;
    for (let k = last; k >= 0; k = previous[k]!) {
      stack.push(left[k]! + 1, end0, right[k]! + 1, end1);
      end0 = left[k]!;
      end1 = right[k]!;
    }
    stack.push(a0, end0, b0, end1);
  }
}

// The shapes of the diff's tables outlive every comparison (see keepShape).
keepShape(new Scratch(0));

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
