/**
 * A line diff that stays fast on any input (issue 7, "Content diff"). Lines are interned to ids;
 * lines unique in both sides anchor the alignment (patience style, longest increasing run), then
 * each region between anchors is solved the same way; where no unique line exists, the rarest
 * shared line anchors it (histogram style); only small regions reach Myers. A work budget bounds
 * the whole run: a region it cannot afford becomes one replaced block (coarser but correct) and
 * a note says so. TOOLCHAIN.md "Diff" has the measurements behind this design.
 */
import { myersBlocks, myersCost, type ChangeBlock, type IdRange } from './myers';

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

/**
 * One dictionary of lines → ids, filled as lines are made (the canonical writer interns each line
 * as it writes it, so no second pass hashes them). A repeated line is stored once: later copies
 * are dropped young instead of surviving as long as the comparison.
 */
export class LineInterner {
  private readonly ids = new Map<string, number>();
  /** The first instance of each distinct line, by id. */
  private readonly distinctLines: string[] = [];
  /** See family. */
  private readonly families = new Map<string, Map<string, number>>();

  /** How many distinct lines so far (every id is below this). */
  get size(): number {
    return this.distinctLines.length;
  }

  /** The id of a line, new or known. */
  intern(line: string): number {
    let id = this.ids.get(line);
    if (id === undefined) {
      id = this.distinctLines.length;
      this.ids.set(line, id);
      this.distinctLines.push(line);
    }
    return id;
  }

  /** The stored instance of an interned line. */
  line(id: number): string {
    return this.distinctLines[id]!;
  }

  /**
   * The ids of one family of lines by the part of them that varies (for the canonical writer, the
   * lines `<name>text</name>` of one tag and depth, by text). A family's lines are added with
   * `add`, never hashed whole: the caller promises that one family and part always make the
   * same line and that no other line, of any family or interned, ever equals it.
   */
  family(key: string): Map<string, number> {
    let members = this.families.get(key);
    if (members === undefined) {
      members = new Map();
      this.families.set(key, members);
    }
    return members;
  }

  /** A new id for a line of a family (see family). */
  add(line: string): number {
    return this.distinctLines.push(line) - 1;
  }
}

/** Interns two line lists into id arrays over one shared dictionary. */
export function internLines(
  left: readonly string[],
  right: readonly string[],
): { a: Int32Array; b: Int32Array; distinct: number } {
  const ids = new Map<string, number>();
  const intern = (lines: readonly string[]): Int32Array => {
    const out = new Int32Array(lines.length);
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      let id = ids.get(line);
      if (id === undefined) {
        id = ids.size;
        ids.set(line, id);
      }
      out[i] = id;
    }
    return out;
  };
  const a = intern(left);
  const b = intern(right);
  return { a, b, distinct: ids.size };
}

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
  for (let j = 0; j < m; j++) {
    const line = right[head + j]!;
    let id = ids.get(line);
    if (id === undefined) {
      id = ids.size;
      ids.set(line, id);
    }
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
  if (n + m <= smallRegionLines)
    diff = {
      blocks: myersBlocks({ a, aStart: 0, aEnd: n, b, bStart: 0, bEnd: m }, n + m)!,
      notes: [],
      isCoarse: false,
    };
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

interface Region {
  readonly a0: number;
  readonly a1: number;
  readonly b0: number;
  readonly b1: number;
}

type Anchor = readonly [number, number];

/** Diffs two id arrays whose ids are below `distinct`. */
export function diffIds(
  a: Int32Array,
  b: Int32Array,
  distinct: number,
  options: LineDiffOptions = {},
): LineDiff {
  const scratch = new Scratch(distinct);
  let budget = options.workBudget ?? defaultWorkBudget(a.length, b.length);
  const blocks: ChangeBlock[] = [];
  const coarse = { regions: 0, left: 0, right: 0 };
  const emit = (r: Region): void => {
    blocks.push({ leftStart: r.a0, leftEnd: r.a1, rightStart: r.b0, rightEnd: r.b1 });
  };
  const stack: Region[] = [{ a0: 0, a1: a.length, b0: 0, b1: b.length }];
  while (stack.length > 0) {
    const region = trim(a, b, stack.pop()!);
    const n = region.a1 - region.a0;
    const m = region.b1 - region.b0;
    if (n === 0 && m === 0) continue;
    if (n === 0 || m === 0) {
      emit(region);
      continue;
    }
    const range: IdRange = {
      a,
      aStart: region.a0,
      aEnd: region.a1,
      b,
      bStart: region.b0,
      bEnd: region.b1,
    };
    if (n + m <= smallRegionLines) {
      budget -= myersCost(range, n + m);
      blocks.push(...myersBlocks(range, n + m)!);
      continue;
    }
    budget -= 3 * (n + m);
    if (budget < 0) {
      addCoarse(coarse, n, m);
      emit(region);
      continue;
    }
    const anchors = scratch.anchors(a, b, region);
    if (anchors.length > 0) {
      pushBetweenAnchors(stack, region, anchors);
      continue;
    }
    const maxD = Math.min(n + m, maxMyersEdits, Math.floor(myersRegionWork / (n + m)));
    const cost = myersCost(range, maxD);
    const solved = cost <= budget ? myersBlocks(range, maxD) : undefined;
    budget -= cost;
    if (solved) blocks.push(...solved);
    else {
      addCoarse(coarse, n, m);
      emit(region);
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

/** Drops the equal prefix and suffix of a region. */
function trim(a: Int32Array, b: Int32Array, region: Region): Region {
  let { a0, a1, b0, b1 } = region;
  while (a0 < a1 && b0 < b1 && a[a0] === b[b0]) {
    a0++;
    b0++;
  }
  while (a1 > a0 && b1 > b0 && a[a1 - 1] === b[b1 - 1]) {
    a1--;
    b1--;
  }
  return { a0, a1, b0, b1 };
}

/** Pushes the regions between anchors so that the leftmost is popped first. */
function pushBetweenAnchors(stack: Region[], region: Region, anchors: readonly Anchor[]): void {
  const regions: Region[] = [];
  let a0 = region.a0;
  let b0 = region.b0;
  for (const [ai, bi] of anchors) {
    regions.push({ a0, a1: ai, b0, b1: bi });
    a0 = ai + 1;
    b0 = bi + 1;
  }
  regions.push({ a0, a1: region.a1, b0, b1: region.b1 });
  for (let i = regions.length - 1; i >= 0; i--) stack.push(regions[i]!);
}

/** Counting arrays reused across regions (reset after each use, so each region costs its size). */
class Scratch {
  private readonly countA: Int32Array;
  private readonly countB: Int32Array;
  private readonly positionB: Int32Array;

  constructor(distinct: number) {
    this.countA = new Int32Array(distinct);
    this.countB = new Int32Array(distinct);
    this.positionB = new Int32Array(distinct);
  }

  /** Anchors of a region: unique-in-both lines in increasing order, else the rarest shared line. */
  anchors(a: Int32Array, b: Int32Array, r: Region): Anchor[] {
    const { countA, countB, positionB } = this;
    for (let i = r.a0; i < r.a1; i++) countA[a[i]!]!++;
    for (let j = r.b0; j < r.b1; j++) {
      const id = b[j]!;
      countB[id]!++;
      positionB[id] = j;
    }
    const unique: Anchor[] = [];
    let rarest = -1;
    let rarestCount = Infinity;
    for (let i = r.a0; i < r.a1; i++) {
      const id = a[i]!;
      const inA = countA[id]!;
      const inB = countB[id]!;
      if (inB === 0) continue;
      if (inA === 1 && inB === 1) unique.push([i, positionB[id]!]);
      else if (inA + inB < rarestCount && Math.max(inA, inB) <= maxHistogramOccurrences) {
        rarest = id;
        rarestCount = inA + inB;
      }
    }
    for (let i = r.a0; i < r.a1; i++) countA[a[i]!] = 0;
    for (let j = r.b0; j < r.b1; j++) countB[b[j]!] = 0;
    if (unique.length > 0) return longestIncreasing(unique);
    return rarest === -1 ? [] : pairOccurrences(a, b, r, rarest);
  }
}

/** The k-th occurrence of `id` on the left paired with its k-th occurrence on the right. */
function pairOccurrences(a: Int32Array, b: Int32Array, r: Region, id: number): Anchor[] {
  const left: number[] = [];
  const right: number[] = [];
  for (let i = r.a0; i < r.a1; i++) if (a[i] === id) left.push(i);
  for (let j = r.b0; j < r.b1; j++) if (b[j] === id) right.push(j);
  const count = Math.min(left.length, right.length);
  const anchors: Anchor[] = [];
  for (let k = 0; k < count; k++) anchors.push([left[k]!, right[k]!]);
  return anchors;
}

/** The longest subsequence whose right positions increase (patience sorting, O(k log k)). */
function longestIncreasing(pairs: readonly Anchor[]): Anchor[] {
  const tails: number[] = [];
  const previous = new Int32Array(pairs.length);
  for (let i = 0; i < pairs.length; i++) {
    const value = pairs[i]![1];
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (pairs[tails[middle]!]![1] < value) low = middle + 1;
      else high = middle;
    }
    previous[i] = low > 0 ? tails[low - 1]! : -1;
    tails[low] = i;
  }
  const result: Anchor[] = new Array<Anchor>(tails.length);
  let index = tails.length > 0 ? tails[tails.length - 1]! : -1;
  for (let k = tails.length - 1; k >= 0; k--) {
    result[k] = pairs[index]!;
    index = previous[index]!;
  }
  return result;
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
