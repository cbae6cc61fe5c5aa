/**
 * Runs the search the route asks for: one at a time, with streamed progress, cancellable; a new
 * query or leaving the page cancels the one in flight, so its late answer never overwrites.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArchivistApi } from '../../../shared/ipc/contract';
import type { DocumentRow, SearchQuery } from '../../../shared/ipc/workspace-types';
import type { AppError } from '../../../shared/result';

export type SearchState =
  | { readonly state: 'idle' }
  | { readonly state: 'running'; readonly fetched: number; readonly total?: number }
  | { readonly state: 'done'; readonly rows: readonly DocumentRow[] }
  | { readonly state: 'failed'; readonly error: AppError };

function newSearchId(): string {
  return crypto.randomUUID();
}

export function useDocumentSearch(
  api: ArchivistApi,
  profileId: string,
  /** The query as JSON (a stable dependency); '' when there is nothing to search. */
  queryKey: string,
  onFinished: (result: { ok: boolean }) => void,
): { search: SearchState; cancel: () => void; retry: () => void } {
  const [attempt, setAttempt] = useState(0);
  // Answers are kept with the search they belong to; anything else is still running.
  const runKey = `${attempt}:${queryKey}`;
  const [answer, setAnswer] = useState<{ key: string; search: SearchState }>({
    key: '',
    search: { state: 'idle' },
  });
  const running = useRef<string | undefined>(undefined);
  const finishedRef = useRef(onFinished);
  useEffect(() => {
    finishedRef.current = onFinished;
  }, [onFinished]);

  useEffect(() => {
    if (queryKey === '') return;
    const query = JSON.parse(queryKey) as SearchQuery;
    const searchId = newSearchId();
    running.current = searchId;
    const key = `${attempt}:${queryKey}`;
    const unsubscribe = api.onSearchProgress((progress) => {
      if (progress.searchId !== searchId || running.current !== searchId) return;
      setAnswer({
        key,
        search: {
          state: 'running',
          fetched: progress.fetched,
          ...(progress.total === undefined ? {} : { total: progress.total }),
        },
      });
    });
    void api.searchDocuments({ profileId, searchId, query }).then((result) => {
      if (running.current !== searchId) return;
      running.current = undefined;
      setAnswer({
        key,
        search: result.ok
          ? { state: 'done', rows: result.value.rows }
          : { state: 'failed', error: result.error },
      });
      finishedRef.current({ ok: result.ok });
    });
    return () => {
      unsubscribe();
      if (running.current === searchId) {
        running.current = undefined;
        void api.cancelSearch({ searchId });
      }
    };
  }, [api, profileId, queryKey, attempt]);

  const cancel = useCallback(() => {
    const searchId = running.current;
    if (searchId) void api.cancelSearch({ searchId });
  }, [api]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const search: SearchState =
    queryKey === ''
      ? { state: 'idle' }
      : answer.key === runKey
        ? answer.search
        : { state: 'running', fetched: 0 };
  return { search, cancel, retry };
}
