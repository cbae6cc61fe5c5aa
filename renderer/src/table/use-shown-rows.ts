/**
 * The rows the table shows, as row indices in display order: keys per set of rows, the sorted
 * order per sort, the matches per filter (narrowed from the previous matches while the user types
 * on), each recomputed only when its own input changes. The search text and the columns' ranks
 * are built in background tasks once the table is shown, each short enough not to block scrolling.
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

/** Work per background task: a few blocks of the search text or steps of a column's ranks. */
const sliceMs = 5;

/** Chromium's task scheduler (https://wicg.github.io/scheduling-apis/); not yet in lib.dom. */
interface TaskScheduler {
  postTask(
    run: () => void,
    options: { priority: 'background'; signal: AbortSignal },
  ): Promise<void>;
}

/**
 * Runs `step` with a time budget in background tasks until it returns true; returns a cancel
 * function. Not requestIdleCallback: a callback asked for inside an idle period runs in the next
 * one, so short slices used about a fifth of the idle time (in Chromium, 8 ms slices did 218 ms of
 * work in an idle second, 5 ms background tasks 983 ms), and a keystroke a second after the
 * table was shown still found the row texts unbuilt (issue 6). Background tasks run after
 * input, rendering and every other task waiting.
 */
function inBackground(step: (budgetMs: number) => boolean): () => void {
  const scheduler = (globalThis as { scheduler?: TaskScheduler }).scheduler;
  const controller = new AbortController();
  const run = () => {
    if (!controller.signal.aborted && !step(sliceMs)) post();
  };
  const post = () => {
    if (scheduler)
      scheduler.postTask(run, { priority: 'background', signal: controller.signal }).catch(
        // Rejected only when cancelled: the table's rows changed or it was unmounted.
        () => undefined,
      );
    else setTimeout(run, 0);
  };
  post();
  return () => controller.abort();
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

  useEffect(() => inBackground((budgetMs) => keys.prepare(budgetMs)), [keys]);

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
