/**
 * Aligning two lists of sections or entries for the change list: greedy passes of decreasing
 * strictness (each pass linear through a key index), and which aligned pairs changed order
 * (everything outside the longest common order was moved).
 */
import { diffLineArrays } from './line-diff';

/** One item from each side. */
export type Pair<T> = readonly [T, T];

/** Greedy alignment in passes of decreasing strictness; leftovers stay unmatched. */
export function align<T>(
  left: readonly T[],
  right: readonly T[],
  keys: readonly ((item: T) => string | undefined)[],
) {
  const pairs: Pair<T>[] = [];
  const usedLeft = new Set<number>();
  const usedRight = new Set<number>();
  for (const key of keys) {
    // Once either side is used up, the looser passes can find nothing more.
    if (pairs.length === left.length || pairs.length === right.length) break;
    // Unused right items by key, in order: each pass is linear, not a search per item.
    const waiting = new Map<string, number[]>();
    right.forEach((candidate, j) => {
      const value = usedRight.has(j) ? undefined : key(candidate);
      if (value === undefined) return;
      const list = waiting.get(value);
      if (list) list.push(j);
      else waiting.set(value, [j]);
    });
    const next = new Map<string, number>();
    left.forEach((item, i) => {
      if (usedLeft.has(i)) return;
      const wanted = key(item);
      const list = wanted === undefined ? undefined : waiting.get(wanted);
      if (wanted === undefined || !list) return;
      const at = next.get(wanted) ?? 0;
      const j = list[at];
      if (j === undefined) return;
      next.set(wanted, at + 1);
      usedLeft.add(i);
      usedRight.add(j);
      pairs.push([item, right[j]!]);
    });
  }
  return {
    pairs,
    removed: left.filter((_, i) => !usedLeft.has(i)),
    added: right.filter((_, j) => !usedRight.has(j)),
  };
}

/** Elements whose positions in both lists keep their order; the others were moved. */
export function movedOf<T extends { index: number }>(pairs: readonly Pair<T>[]): Set<Pair<T>> {
  const ordered = [...pairs].sort((x, y) => x[0].index - y[0].index);
  const rightOrder = ordered.map((pair) => String(pair[1].index).padStart(8, '0'));
  const sorted = [...rightOrder].sort();
  // The pairs in the longest common order stay; everything else moved.
  const kept = diffLineArrays(rightOrder, sorted);
  const moved = new Set<Pair<T>>();
  for (const block of kept.blocks)
    for (let i = block.leftStart; i < block.leftEnd; i++) moved.add(ordered[i]!);
  return moved;
}
