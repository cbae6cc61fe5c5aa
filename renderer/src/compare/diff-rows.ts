/**
 * The compare view's rows, built from the comparison without touching the DOM: unchanged regions
 * collapsed to a few lines of context around each change with an expander between, changes as
 * aligned line pairs (side by side) or as removed-then-added lines (inline), and a change that an
 * ignore rule hides as one placeholder row until its rule is revealed. Pure, so it is unit-tested
 * and cheap enough to rebuild on every toggle.
 */
import type { ContentChange } from '../../../shared/compare/content-changes';

/** Lines of unchanged context kept on each side of a change. */
export const contextLines = 3;
/** A region is collapsed only when it would hide at least this many lines. */
export const minCollapsed = 4;

/** One change of the view, in line order; `hiddenBy` is set for changes an ignore rule hides. */
export interface ViewChange {
  readonly change: ContentChange;
  /** Stable within one comparison: reviewed marks and the change list use it. */
  readonly key: string;
  readonly hiddenBy?: string;
}

export type DiffRow =
  | { readonly kind: 'same'; readonly left: number; readonly right: number }
  | {
      readonly kind: 'collapsed';
      /** Identifies the region for its expander. */
      readonly region: string;
      readonly left: number;
      readonly right: number;
      readonly count: number;
    }
  /** Unchanged lines the workspace did not send (very large documents). */
  | { readonly kind: 'unsent'; readonly count: number }
  | {
      readonly kind: 'change';
      readonly change: number;
      /** Index of the pair inside the change (removed[k] against added[k]). */
      readonly pair: number;
      readonly left?: number;
      readonly right?: number;
      readonly side: 'both' | 'removed' | 'added';
    }
  | { readonly kind: 'omitted'; readonly change: number; readonly count: number }
  | { readonly kind: 'hidden'; readonly change: number; readonly rule: string };

export interface RowOptions {
  readonly mode: 'side-by-side' | 'inline';
  /** Whether the canonical lines were sent (else unchanged regions cannot be shown). */
  readonly hasLines: boolean;
  readonly leftLines: number;
  readonly rightLines: number;
  /** Regions (by DiffRow.region) the user expanded. */
  readonly expanded: ReadonlySet<string>;
  /** Rules whose hidden changes the user revealed. */
  readonly revealed: ReadonlySet<string>;
}

/** All changes, shown and hidden, in line order, with stable keys. */
export function viewChanges(
  shown: readonly ContentChange[],
  hidden: readonly (ContentChange & { readonly hiddenBy: string })[],
): ViewChange[] {
  return [
    ...shown.map((change) => ({ change })),
    ...hidden.map((change) => ({ change, hiddenBy: change.hiddenBy })),
  ]
    .sort(
      (a, b) =>
        a.change.leftStart - b.change.leftStart || a.change.rightStart - b.change.rightStart,
    )
    .map((entry) => ({ ...entry, key: `${entry.change.leftStart}:${entry.change.rightStart}` }));
}

function pushUnchanged(
  rows: DiffRow[],
  left: number,
  right: number,
  count: number,
  options: RowOptions,
  where: { isFirst: boolean; isLast: boolean },
): void {
  if (count <= 0) return;
  if (!options.hasLines) {
    rows.push({ kind: 'unsent', count });
    return;
  }
  const region = `${left}:${right}`;
  const before = where.isFirst ? 0 : contextLines;
  const after = where.isLast ? 0 : contextLines;
  const collapsed = count - before - after;
  if (collapsed < minCollapsed || options.expanded.has(region)) {
    for (let k = 0; k < count; k++) rows.push({ kind: 'same', left: left + k, right: right + k });
    return;
  }
  for (let k = 0; k < before; k++) rows.push({ kind: 'same', left: left + k, right: right + k });
  rows.push({
    kind: 'collapsed',
    region,
    left: left + before,
    right: right + before,
    count: collapsed,
  });
  for (let k = count - after; k < count; k++)
    rows.push({ kind: 'same', left: left + k, right: right + k });
}

function pushChange(
  rows: DiffRow[],
  index: number,
  view: ViewChange,
  mode: RowOptions['mode'],
): void {
  const { change } = view;
  const removed = change.removed.length;
  const added = change.added.length;
  if (mode === 'side-by-side') {
    for (let k = 0; k < Math.max(removed, added); k++)
      rows.push({
        kind: 'change',
        change: index,
        pair: k,
        ...(k < removed ? { left: change.leftStart + k } : {}),
        ...(k < added ? { right: change.rightStart + k } : {}),
        side: k < removed && k < added ? 'both' : k < removed ? 'removed' : 'added',
      });
  } else {
    for (let k = 0; k < removed; k++)
      rows.push({
        kind: 'change',
        change: index,
        pair: k,
        left: change.leftStart + k,
        side: 'removed',
      });
    for (let k = 0; k < added; k++)
      rows.push({
        kind: 'change',
        change: index,
        pair: k,
        right: change.rightStart + k,
        side: 'added',
      });
  }
  if (change.omittedLines)
    rows.push({ kind: 'omitted', change: index, count: change.omittedLines });
}

/** The rows of the diff, and for each change the row it starts at (-1 when it has none). */
export function buildRows(
  changes: readonly ViewChange[],
  options: RowOptions,
): { rows: DiffRow[]; changeRows: number[] } {
  const rows: DiffRow[] = [];
  const changeRows: number[] = [];
  let left = 0;
  let right = 0;
  changes.forEach((view, index) => {
    const { change } = view;
    pushUnchanged(rows, left, right, change.leftStart - left, options, {
      isFirst: left === 0 && right === 0,
      isLast: false,
    });
    changeRows.push(rows.length);
    if (view.hiddenBy !== undefined && !options.revealed.has(view.hiddenBy))
      rows.push({ kind: 'hidden', change: index, rule: view.hiddenBy });
    else pushChange(rows, index, view, options.mode);
    left = change.leftEnd;
    right = change.rightEnd;
  });
  pushUnchanged(rows, left, right, options.leftLines - left, options, {
    isFirst: changes.length === 0,
    isLast: true,
  });
  return { rows, changeRows };
}

/** Changes the user can step through: shown ones, and hidden ones whose rule is revealed. */
export function navigableChanges(
  changes: readonly ViewChange[],
  revealed: ReadonlySet<string>,
): number[] {
  const out: number[] = [];
  changes.forEach((view, index) => {
    if (view.hiddenBy === undefined || revealed.has(view.hiddenBy)) out.push(index);
  });
  return out;
}

/** The next (or previous) navigable change after `current` (-1: before the first); wraps around. */
export function stepChange(
  navigable: readonly number[],
  current: number,
  direction: 1 | -1,
): number | undefined {
  if (navigable.length === 0) return undefined;
  if (direction === 1) return navigable.find((index) => index > current) ?? navigable[0];
  for (let k = navigable.length - 1; k >= 0; k--) if (navigable[k]! < current) return navigable[k];
  return navigable[navigable.length - 1];
}
