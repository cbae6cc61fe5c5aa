/**
 * "Check listed documents": reads the listed documents' contents one at a time (the
 * environment's limits apply to each read, and Stop takes effect before the next one) and keeps
 * what each answered. A failed read becomes that row's note; the check goes on. A new search
 * (new rows) or leaving the page ends a running check and forgets its results; Stop keeps them.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ArchivistApi } from '../../../shared/ipc/contract';
import type { DocumentRow, RowContentCheck } from '../../../shared/ipc/workspace-types';
import { duplicateVersions } from '../../../shared/ipc/duplicate-versions';

export type CheckPhase = 'idle' | 'running' | 'stopped' | 'done';

export interface CheckProgress {
  readonly phase: CheckPhase;
  readonly done: number;
  readonly total: number;
}

export interface DocumentCheck {
  readonly progress: CheckProgress;
  /** The rows with what the check found merged in; the same array when nothing is checked. */
  readonly rows: readonly DocumentRow[];
  readonly start: (listed: readonly DocumentRow[]) => void;
  readonly stop: () => void;
}

interface CheckState {
  readonly forRows: readonly DocumentRow[];
  readonly progress: CheckProgress;
  readonly results: ReadonlyMap<string, RowContentCheck>;
}

const noResults: ReadonlyMap<string, RowContentCheck> = new Map();
const idle = (forRows: readonly DocumentRow[]): CheckState => ({
  forRows,
  progress: { phase: 'idle', done: 0, total: 0 },
  results: noResults,
});

/** Results reach the table at most this often: each update rebuilds the table's sort keys. */
const flushEveryMs = 250;

export function useDocumentCheck(
  api: ArchivistApi,
  profileId: string,
  searchRows: readonly DocumentRow[],
  onFinished: () => void,
): DocumentCheck {
  // What a check found, kept with the rows it was for: other rows (a new search) show none of it.
  const [state, setState] = useState<CheckState>(() => idle(searchRows));
  // The run in progress; ending it (Stop, new rows, unmounting) marks it so its reads stop.
  const active = useRef<{ isEnded: boolean; found: Map<string, RowContentCheck> } | undefined>(
    undefined,
  );
  // Stop needs the active run's progress and results: its closure is kept here.
  const stopRun = useRef<() => void>(() => undefined);
  useEffect(
    () => () => {
      if (active.current) active.current.isEnded = true;
      active.current = undefined;
    },
    [searchRows, profileId],
  );

  const start = useCallback(
    (listed: readonly DocumentRow[]) => {
      if (active.current) active.current.isEnded = true;
      const mine = { isEnded: false, found: new Map<string, RowContentCheck>() };
      active.current = mine;
      const forRows = searchRows;
      const total = listed.length;
      // While this run is active the state is for its rows: a new search ends it first.
      const update = (progress: CheckProgress, withResults: boolean) =>
        setState((old) => ({
          forRows,
          progress,
          results: withResults ? new Map(mine.found) : old.results,
        }));
      setState({ forRows, progress: { phase: 'running', done: 0, total }, results: new Map() });
      const duplicates = duplicateVersions(listed);
      void (async () => {
        let flushed = Date.now();
        for (const [index, row] of listed.entries()) {
          const answer = await api.checkDocument({ profileId, resourceId: row.resourceId });
          if (mine.isEnded) return;
          const duplicate = duplicates.get(row.resourceId);
          mine.found.set(row.resourceId, {
            problems: [
              ...(answer.ok ? answer.value.problems : []),
              ...(duplicate ? [duplicate] : []),
            ],
            ...(answer.ok ? {} : { note: answer.error.message }),
          });
          const isDue = Date.now() - flushed >= flushEveryMs;
          if (isDue) flushed = Date.now();
          update({ phase: 'running', done: index + 1, total }, isDue);
        }
        active.current = undefined;
        update({ phase: 'done', done: total, total }, true);
        onFinished();
      })();
      stopRun.current = () => {
        mine.isEnded = true;
        active.current = undefined;
        update({ phase: 'stopped', done: mine.found.size, total }, true);
        onFinished();
      };
    },
    [api, profileId, searchRows, onFinished],
  );
  /** Ends the run before its next read; what was read so far stays shown. */
  const stop = useCallback(() => {
    if (active.current) stopRun.current();
  }, []);

  const current = state.forRows === searchRows ? state : idle(searchRows);
  const { results } = current;
  const rows = useMemo(
    () =>
      results.size === 0
        ? searchRows
        : searchRows.map((row) => {
            const check = results.get(row.resourceId);
            return check ? { ...row, contentCheck: check } : row;
          }),
    [searchRows, results],
  );
  return { progress: current.progress, rows, start, stop };
}
