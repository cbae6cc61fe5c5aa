/**
 * Aligning two lists of sections or entries for the change list: greedy passes of decreasing
 * strictness (each pass linear through a key index), and which aligned pairs changed order
 * (everything outside the longest common order was moved).
 */
import { diffLineArrays } from './line-diff';

/** One item from each side. */
export type Pair<T> = readonly [T, T];

/**
 * Greedy alignment in passes of decreasing strictness; leftovers stay unmatched. Used marks are
 * byte arrays and a key seen once waits as a bare index (a list only when it repeats): twenty
 * thousand sections made a set entry and an array each, which cost more than the keys.
 */
export function align<T>(
  left: readonly T[],
  right: readonly T[],
  keys: readonly ((item: T) => string | undefined)[],
) {
  const pairs: Pair<T>[] = [];
  const usedLeft = new Uint8Array(left.length);
  const usedRight = new Uint8Array(right.length);
  pairSamePrefix(left, right, keys[0], pairs, usedLeft, usedRight);
  for (const key of keys) {
    // Once either side is used up, the looser passes can find nothing more.
    if (pairs.length === left.length || pairs.length === right.length) break;
    // Unused right items by key, in order: each pass is linear, not a search per item.
    const waiting = new Map<string, number | number[]>();
    for (let j = 0; j < right.length; j++) {
      if (usedRight[j] === 1) continue;
      const value = key(right[j]!);
      if (value === undefined) continue;
      const known = waiting.get(value);
      if (known === undefined) waiting.set(value, j);
      else if (typeof known === 'number') waiting.set(value, [known, j]);
      else known.push(j);
    }
    // How many of a repeated key's right items are taken.
    const taken = new Map<string, number>();
    for (let i = 0; i < left.length; i++) {
      if (usedLeft[i] === 1) continue;
      const wanted = key(left[i]!);
      const known = wanted === undefined ? undefined : waiting.get(wanted);
      if (wanted === undefined || known === undefined) continue;
      let j: number | undefined;
      if (typeof known === 'number') {
        j = known;
        waiting.delete(wanted);
      } else {
        const at = taken.get(wanted) ?? 0;
        j = known[at];
        if (j === undefined) continue;
        taken.set(wanted, at + 1);
      }
      usedLeft[i] = 1;
      usedRight[j] = 1;
      pairs.push([left[i]!, right[j]!]);
    }
  }
  return {
    pairs,
    removed: left.filter((_, i) => usedLeft[i] === 0),
    added: right.filter((_, j) => usedRight[j] === 0),
  };
}

/**
 * Pairs the leading items whose first-pass keys are equal at each place, as that pass would:
 * the k-th item with a key meets the k-th on the other side, and those met in the prefix. The
 * sections before the first one added, removed or moved are then paired without map entries.
 */
function pairSamePrefix<T>(
  left: readonly T[],
  right: readonly T[],
  key: ((item: T) => string | undefined) | undefined,
  pairs: Pair<T>[],
  usedLeft: Uint8Array,
  usedRight: Uint8Array,
): void {
  if (key === undefined) return;
  const count = Math.min(left.length, right.length);
  for (let i = 0; i < count; i++) {
    const value = key(left[i]!);
    if (value === undefined || value !== key(right[i]!)) return;
    usedLeft[i] = 1;
    usedRight[i] = 1;
    pairs.push([left[i]!, right[i]!]);
  }
}

/** Elements whose positions in both lists keep their order; the others were moved. */
export function movedOf<T extends { index: number }>(pairs: readonly Pair<T>[]): Set<Pair<T>> {
  const ordered = [...pairs].sort((x, y) => x[0].index - y[0].index);
  // Mostly the right side keeps the order too: then nothing moved, and there is nothing to diff.
  let isInOrder = true;
  for (let i = 1; i < ordered.length && isInOrder; i++)
    isInOrder = ordered[i - 1]![1].index < ordered[i]![1].index;
  if (isInOrder) return new Set();
  const rightOrder = ordered.map((pair) => String(pair[1].index).padStart(8, '0'));
  const sorted = [...rightOrder].sort();
  // The pairs in the longest common order stay; everything else moved.
  const kept = diffLineArrays(rightOrder, sorted);
  const moved = new Set<Pair<T>>();
  for (const block of kept.blocks)
    for (let i = block.leftStart; i < block.leftEnd; i++) moved.add(ordered[i]!);
  return moved;
}

/**
 * The moved pairs in runs that moved together (consecutive on both sides), each run under its
 * first pair: a block of sections moved as one is then one item, not one per section.
 */
export function movedRuns<T extends { index: number }>(
  moved: ReadonlySet<Pair<T>>,
): Map<Pair<T>, Pair<T>[]> {
  const runs = new Map<Pair<T>, Pair<T>[]>();
  let run: Pair<T>[] = [];
  for (const pair of [...moved].sort((x, y) => x[0].index - y[0].index)) {
    const last = run[run.length - 1];
    if (last && pair[0].index === last[0].index + 1 && pair[1].index === last[1].index + 1)
      run.push(pair);
    else {
      run = [pair];
      runs.set(pair, run);
    }
  }
  return runs;
}
