/**
 * The anchors of the line diff (see line-diff.ts): lines unique on both sides, aligned by the
 * longest run of them in the same order (patience style), else every pairing of the rarest
 * shared line (histogram style). The regions between anchors go back on the diff's stack of
 * regions, which lives here with the tables the search reuses.
 */
import { keepShape } from '../keep-shape';

/** A rarest-line anchor is used only when it occurs at most this often (git histogram's limit). */
const maxHistogramOccurrences = 64;

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
export class AnchorScratch {
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
keepShape(new AnchorScratch(0));
