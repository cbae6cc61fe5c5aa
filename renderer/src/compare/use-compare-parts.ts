/**
 * The parts of a comparison the view fetches after the compare answer (main keeps them): the
 * canonical lines by range as rows show them (line-cache.ts), and the narrative word diff when
 * the Narrative mode is first opened. Keeping them out of the answer keeps it small enough to
 * parse without a long task on the UI thread.
 */
import { startTransition, useEffect, useMemo, useState } from 'react';
import type { ArchivistApi } from '../../../shared/ipc/contract';
import {
  maxNarrativeRowsPerRequest,
  type ComparedDocuments,
} from '../../../shared/ipc/compare-types';
import type { NarrativeComparison } from '../../../shared/narrative-diff/narrative-diff';
import type { AppError } from '../../../shared/result';
import { afterPaint } from './after-paint';
import { createLineCache, type ShownLines } from './line-cache';

/** Both sides' lines, or undefined when main kept none (very large documents). */
export function useShownLines(
  api: ArchivistApi,
  compared: ComparedDocuments,
): ShownLines | undefined {
  const [version, setVersion] = useState(0);
  const { compareId, hasLines, result } = compared;
  const cache = useMemo(
    () =>
      hasLines
        ? createLineCache(
            compareId,
            { left: result.content.leftLines, right: result.content.rightLines },
            (request) => api.getCompareLines(request),
            // A transition: arriving lines re-render the rows in view without blocking input.
            () => startTransition(() => setVersion((n) => n + 1)),
          )
        : undefined,
    [api, compareId, hasLines, result],
  );
  // A new object per arrival, so the diff view renders the rows again with the new lines.
  return useMemo(
    () => (cache && version >= 0 ? { left: cache.left, right: cache.right } : undefined),
    [cache, version],
  );
}

export type NarrativeLoad =
  | { readonly state: 'idle' | 'loading' }
  | { readonly state: 'ready'; readonly narrative?: NarrativeComparison }
  | { readonly state: 'failed'; readonly error: AppError };

/**
 * The narrative diff, fetched page by page (each answer parsed in its own task) the first time
 * `isShown` is true, and shown when all of it is there.
 */
export function useNarrative(
  api: ArchivistApi,
  compared: ComparedDocuments,
  isShown: boolean,
): NarrativeLoad {
  const { compareId, hasNarrative } = compared;
  const [answer, setAnswer] = useState<{ id: string; load: NarrativeLoad }>({
    id: '',
    load: { state: 'idle' },
  });
  const wanted = isShown && hasNarrative && answer.id !== compareId;
  useEffect(() => {
    if (!wanted) return;
    let isCurrent = true;
    const settle = (load: NarrativeLoad) => {
      if (isCurrent) startTransition(() => setAnswer({ id: compareId, load }));
    };
    void fetchNarrative(api, compareId, () => isCurrent).then(settle);
    return () => {
      isCurrent = false;
    };
  }, [api, compareId, wanted]);
  if (!hasNarrative) return { state: 'ready' };
  if (answer.id === compareId) return answer.load;
  return { state: isShown ? 'loading' : 'idle' };
}

async function fetchNarrative(
  api: ArchivistApi,
  compareId: string,
  isCurrent: () => boolean,
): Promise<NarrativeLoad> {
  const rows: NarrativeComparison['rows'][number][] = [];
  for (;;) {
    const page = await api.getCompareNarrative({
      compareId,
      start: rows.length,
      count: maxNarrativeRowsPerRequest,
    });
    if (!page.ok) return { state: 'failed', error: page.error };
    const { narrative } = page.value;
    if (!narrative) return { state: 'ready' };
    for (const row of narrative.rows) rows.push(row);
    if (rows.length >= narrative.total || narrative.rows.length === 0 || !isCurrent())
      return {
        state: 'ready',
        narrative: { rows, changedRows: narrative.changedRows, notes: narrative.notes },
      };
  }
}

/** How long the diff waits for its first rows' lines before it is drawn with placeholders. */
export const maxLinesWaitMs = 3000;

/**
 * False for the first paint of a new comparison, true once that paint is done and `isReady` (the
 * lines of the first rows are there), and from then on for this `key`: the diff is drawn after
 * the rest of the view, so the first layout of a large comparison is two shorter tasks instead of
 * one long one, and its rows are laid out once with their text instead of first with a
 * placeholder (issue 7). Lines that take longer than `maxLinesWaitMs` are drawn as placeholders.
 */
export function useAfterFirstPaint(key: string, isReady: boolean): boolean {
  const [paintedKey, setPaintedKey] = useState<string | undefined>(undefined);
  const isDrawn = paintedKey === key;
  const [waitedKey, setWaitedKey] = useState<string | undefined>(undefined);
  const mayDraw = isReady || waitedKey === key;
  useEffect(() => {
    if (isDrawn || mayDraw) return;
    const timer = setTimeout(() => setWaitedKey(key), maxLinesWaitMs);
    return () => clearTimeout(timer);
  }, [key, isDrawn, mayDraw]);
  useEffect(() => {
    if (isDrawn || !mayDraw) return;
    return afterPaint(() => setPaintedKey(key));
  }, [key, isDrawn, mayDraw]);
  return isDrawn;
}
