/**
 * The rows the table shows, as row indices in display order: keys per set of rows, the sorted
 * order per sort, the matches per filter (narrowed from the previous matches while the user types
 * on), each recomputed only when its own input changes. Row texts for "Filter all columns" are
 * built in idle time once the table is shown, in slices short enough not to block scrolling.
 */
import { useEffect, useMemo } from 'react';
import type { DocumentRow } from '../../../shared/ipc/workspace-types';
import { ColumnKeys } from './column-keys';
import {
  isEmptyFilter,
  matchingRows,
  narrows,
  shownOrder,
  sortedOrder,
  type RowFilter,
  type SortRule,
} from './row-order';

/** Remembers the last filter and its matches, so the next keystroke tests only those. */
class FilterCache {
  private last: { filter: RowFilter; matches: Uint32Array } | undefined;

  constructor(private readonly keys: ColumnKeys) {}

  matches(filter: RowFilter): Uint32Array | undefined {
    if (isEmptyFilter(filter)) return undefined;
    const candidates =
      this.last && narrows(this.last.filter, filter) ? this.last.matches : undefined;
    const matches = matchingRows(this.keys, filter, candidates);
    this.last = { filter, matches };
    return matches;
  }
}

const sliceMs = 8;

/** Runs `run` with a time budget when the page is idle (or after 2 s of never being idle). */
function whenIdle(run: (budgetMs: number) => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    // Within the idle period left before the next frame, so a scroll frame is not delayed.
    const handle = requestIdleCallback(
      (deadline) =>
        run(deadline.didTimeout ? sliceMs : Math.min(sliceMs, deadline.timeRemaining())),
      { timeout: 2000 },
    );
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(() => run(sliceMs), 16);
  return () => clearTimeout(handle);
}

export interface ShownRows {
  readonly keys: ColumnKeys;
  /** Row indices into `rows`, in display order. */
  readonly order: Uint32Array;
}

export function useShownRows(
  rows: readonly DocumentRow[],
  sorting: readonly SortRule[],
  columnNeedles: readonly (readonly [string, string])[],
  globalNeedle: string,
): ShownRows {
  const keys = useMemo(() => new ColumnKeys(rows), [rows]);
  const cache = useMemo(() => new FilterCache(keys), [keys]);

  useEffect(() => {
    let cancel = whenIdle(function slice(budgetMs) {
      if (!keys.prepare(budgetMs)) cancel = whenIdle(slice);
    });
    return () => cancel();
  }, [keys]);

  // Keyed by content: the table's state arrays may be new objects with the same rules.
  const sortKey = JSON.stringify(sorting);
  const filterKey = JSON.stringify([columnNeedles, globalNeedle]);
  const sorted = useMemo(
    () => sortedOrder(keys, JSON.parse(sortKey) as SortRule[]),
    [keys, sortKey],
  );
  const matches = useMemo(() => {
    const [needles, global] = JSON.parse(filterKey) as [[string, string][], string];
    return cache.matches({ columns: new Map(needles.filter(([, n]) => n !== '')), global });
  }, [cache, filterKey]);
  const order = useMemo(() => shownOrder(sorted, matches), [sorted, matches]);
  return { keys, order };
}
