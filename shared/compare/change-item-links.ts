/**
 * Which change-list items describe which content change, prepared once per comparison so the list
 * can follow next/previous change (issue 7: "a change list panel linked to the panes"). An item
 * points at the change changeForItem (renderer line-mapping.ts) picks for it: the nearest by
 * source line, preferring changes under the item's canonical path. The report links its change
 * list to its "Change N" anchors with the same code, so both point at the same change. Asking that for every item scans every
 * change per item (5,000 items by thousands of changes on a large pair), so here the changes are
 * sorted by source line once, per side and per item path, and each item is a binary search. The
 * work comes as a generator of small steps, so the view can spread it over tasks.
 */
import type { ContentChange } from './content-changes';
import { changeOfModelPath, groupByElement } from './model-path-links';

/**
 * A content change as linking reads it: the compare view's (diff-rows.ts ViewChange) and the
 * report's (its Change N anchors) both have this shape.
 */
export interface LinkableChange {
  readonly change: Pick<
    ContentChange,
    'path' | 'leftSourceLine' | 'rightSourceLine' | 'removed' | 'added'
  >;
}

/** What an item needs to be linked: the fields changeForItem reads. */
export interface LinkableItem {
  readonly pathKind: 'canonical' | 'model';
  readonly path: string;
  readonly leftLine?: number;
  readonly rightLine?: number;
}

/** Both ways between items and changes (change indexes as in the view's `changes`). */
export interface ItemLinks<T> {
  readonly changeOfItem: ReadonlyMap<T, number>;
  /** The items of each change, in the list's order; a change no item points at is absent. */
  readonly itemsOfChange: ReadonlyMap<number, readonly T[]>;
}

/** changeForItem's penalty for a change outside the item's path (kept the same here). */
const outsidePenalty = 1_000_000;
/** Units of work (changes or items) between two yields. */
const stepSize = 256;

/** Change indexes with a source line on one side, sorted by (line, index). */
interface SideIndex {
  readonly lines: readonly number[];
  readonly indexes: readonly number[];
}

interface Nearest {
  readonly distance: number;
  readonly index: number;
}

/**
 * The side index of the changes `of` (ascending), a few thousand changes a step. Source lines
 * nearly always grow with the canonical lines, so the sort is skipped when they are in order: a
 * sort of 100,000 pairs was a 300 ms step.
 */
function* sideIndex(
  changes: readonly LinkableChange[],
  of: readonly number[],
  side: 'left' | 'right',
): Generator<void, SideIndex, void> {
  const key = side === 'left' ? 'leftSourceLine' : 'rightSourceLine';
  let lines: number[] = [];
  let indexes: number[] = [];
  let isSorted = true;
  for (let k = 0; k < of.length; k++) {
    const index = of[k]!;
    const line = changes[index]!.change[key];
    if (k % (stepSize * 16) === stepSize * 16 - 1) yield;
    if (line === undefined) continue;
    if (lines.length > 0 && line < lines[lines.length - 1]!) isSorted = false;
    lines.push(line);
    indexes.push(index);
  }
  if (!isSorted) {
    const order = indexes.map((_, k) => k);
    order.sort((a, b) => lines[a]! - lines[b]! || indexes[a]! - indexes[b]!);
    yield;
    lines = order.map((k) => lines[k]!);
    indexes = order.map((k) => indexes[k]!);
  }
  return { lines, indexes };
}

/** The first position whose line is at least `line`. */
function lowerBound(lines: readonly number[], line: number): number {
  let low = 0;
  let high = lines.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (lines[middle]! < line) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The smallest distance to `line`, and the lowest change index at that distance. */
function nearestOnSide(side: SideIndex, line: number | undefined): Nearest | undefined {
  if (line === undefined || side.lines.length === 0) return undefined;
  const above = lowerBound(side.lines, line);
  const candidates: Nearest[] = [];
  if (above < side.lines.length)
    candidates.push({ distance: side.lines[above]! - line, index: side.indexes[above]! });
  if (above > 0) {
    // The lowest index among the changes on the nearest line below sits first in its run.
    const first = lowerBound(side.lines, side.lines[above - 1]!);
    candidates.push({ distance: line - side.lines[first]!, index: side.indexes[first]! });
  }
  return best(candidates);
}

function best(candidates: readonly (Nearest | undefined)[]): Nearest | undefined {
  let found: Nearest | undefined;
  for (const candidate of candidates) {
    if (!candidate) continue;
    if (
      !found ||
      candidate.distance < found.distance ||
      (candidate.distance === found.distance && candidate.index < found.index)
    )
      found = candidate;
  }
  return found;
}

interface PathIndex {
  readonly left: SideIndex;
  readonly right: SideIndex;
}

function nearest(index: PathIndex, item: LinkableItem): Nearest | undefined {
  return best([
    nearestOnSide(index.left, item.leftLine),
    nearestOnSide(index.right, item.rightLine),
  ]);
}

/**
 * Links `items` to `changes` a few at a time: each `next()` does about `stepSize` units of work,
 * and the generator returns the links when done. Same answers as changeForItem for every item.
 */
export function* linkItemSteps<T extends LinkableItem>(
  changes: readonly LinkableChange[],
  items: readonly T[],
): Generator<void, ItemLinks<T>, void> {
  const changeOfItem = new Map<T, number>();
  const itemsOfChange = new Map<number, T[]>();
  const link = (item: T, index: number): void => {
    changeOfItem.set(item, index);
    const linked = itemsOfChange.get(index);
    if (linked) linked.push(item);
    else itemsOfChange.set(index, [item]);
  };
  if (changes.length === 0) return { changeOfItem, itemsOfChange };
  const ofModelItem = yield* linkModelItems(changes, items);
  if (!items.some((item) => item.pathKind === 'canonical')) {
    for (const item of items) {
      const index = ofModelItem.get(item);
      if (index !== undefined) link(item, index);
    }
    return { changeOfItem, itemsOfChange };
  }
  const stripped: string[] = [];
  for (const view of changes) {
    stripped.push(view.change.path.replace(/\[\d+\]/g, ''));
    if (stripped.length % stepSize === 0) yield;
  }
  const every = changes.map((_, index) => index);
  const all: PathIndex = {
    left: yield* sideIndex(changes, every, 'left'),
    right: yield* sideIndex(changes, every, 'right'),
  };
  const byPath = new Map<string, PathIndex>();
  for (const item of items) {
    if (item.pathKind !== 'canonical' || byPath.has(item.path)) continue;
    const under: number[] = [];
    for (let index = 0; index < changes.length; index++) {
      if (stripped[index]!.startsWith(item.path)) under.push(index);
      if (index % (stepSize * 8) === stepSize * 8 - 1) yield;
    }
    byPath.set(item.path, {
      left: yield* sideIndex(changes, under, 'left'),
      right: yield* sideIndex(changes, under, 'right'),
    });
    yield;
  }
  let done = 0;
  for (const item of items) {
    if (++done % stepSize === 0) yield;
    const ofModel = ofModelItem.get(item);
    if (ofModel !== undefined) link(item, ofModel);
    const underIndex = byPath.get(item.path);
    if (item.pathKind !== 'canonical' || !underIndex) continue;
    const inside = nearest(underIndex, item);
    const overall = nearest(all, item);
    // The nearest change overall competes with the penalty when it is outside the item's path.
    const outside =
      overall && !stripped[overall.index]!.startsWith(item.path)
        ? { distance: overall.distance + outsidePenalty, index: overall.index }
        : undefined;
    const found = best([inside, outside]);
    if (found) link(item, found.index);
  }
  return { changeOfItem, itemsOfChange };
}

/**
 * Links header and metadata items (model paths, no source lines) to the content change on the
 * element their field lives in (model-path-links.ts): "id changed" to /ClinicalDocument/id, and
 * "title changed" to that change too when title's line is inside it.
 */
function* linkModelItems<T extends LinkableItem>(
  changes: readonly LinkableChange[],
  items: readonly T[],
): Generator<void, Map<T, number>, void> {
  const links = new Map<T, number>();
  if (!items.some((item) => item.pathKind === 'model')) return links;
  const byElement = new Map<string, number[]>();
  // Counted in lines: a header change's lines are read for the elements they touch.
  let work = 0;
  for (let index = 0; index < changes.length; index++) {
    const { change } = changes[index]!;
    groupByElement(byElement, change, index);
    work += 1 + change.removed.length + change.added.length;
    if (work >= stepSize * 16) {
      work = 0;
      yield;
    }
  }
  const pathOf = (index: number) => changes[index]!.change.path;
  let done = 0;
  for (const item of items) {
    if (item.pathKind !== 'model') continue;
    if (++done % 16 === 0) yield;
    const index = changeOfModelPath(item.path, byElement, pathOf);
    if (index !== undefined) links.set(item, index);
  }
  return links;
}

/** All the links at once (tests, and small comparisons). */
export function linkItems<T extends LinkableItem>(
  changes: readonly LinkableChange[],
  items: readonly T[],
): ItemLinks<T> {
  const steps = linkItemSteps(changes, items);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
