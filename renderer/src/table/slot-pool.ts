/**
 * Stable React keys for the virtualised rows that reuse the keys of rows scrolled out of view, so
 * a row coming into view updates the elements of one that left instead of creating new ones. A
 * profile of scrolling 100,000 rows showed the time going to removing and creating row elements
 * (removeChild, createElement, checkbox set-up and their style recalculation), not to React.
 */
export class SlotPool {
  private slotOf = new Map<number, number>();
  private slotCount = 0;

  /** A key for each index shown now; an index that stays in view keeps its key. */
  assign(indices: readonly number[]): number[] {
    const previous = this.slotOf;
    const next = new Map<number, number>();
    for (const index of indices) {
      const slot = previous.get(index);
      if (slot !== undefined) next.set(index, slot);
    }
    const taken = new Set(next.values());
    const free: number[] = [];
    for (const slot of previous.values()) if (!taken.has(slot)) free.push(slot);
    for (const index of indices) {
      if (next.has(index)) continue;
      next.set(index, free.pop() ?? this.slotCount++);
    }
    this.slotOf = next;
    return indices.map((index) => next.get(index) ?? -1);
  }
}
