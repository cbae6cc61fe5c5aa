/**
 * The workspace overview (profiles, connection states, calendars, sample patients), loaded at
 * start and refreshed every minute and on demand, so the calendar banner and the connection
 * states follow what the services know.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ArchivistApi } from '../../../shared/ipc/contract';
import type { WorkspaceOverview } from '../../../shared/ipc/workspace-types';
import type { AppError } from '../../../shared/result';

export type OverviewState =
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly overview: WorkspaceOverview; readonly loadedAt: number }
  | { readonly state: 'failed'; readonly error: AppError };

const refreshMs = 60_000;

export function useOverview(api: ArchivistApi | undefined): {
  overview: OverviewState;
  refresh: () => void;
} {
  const [overview, setOverview] = useState<OverviewState>({ state: 'loading' });
  const [generation, setGeneration] = useState(0);
  const refresh = useCallback(() => setGeneration((n) => n + 1), []);

  useEffect(() => {
    if (!api) return;
    let isCurrent = true;
    void api.getWorkspace().then((result) => {
      if (!isCurrent) return;
      setOverview((previous) =>
        result.ok
          ? { state: 'ready', overview: result.value, loadedAt: Date.now() }
          : previous.state === 'ready'
            ? previous
            : { state: 'failed', error: result.error },
      );
    });
    const timer = window.setTimeout(refresh, refreshMs);
    return () => {
      isCurrent = false;
      window.clearTimeout(timer);
    };
  }, [api, generation, refresh]);

  return { overview, refresh };
}

/** A clock that ticks every `everyMs`, for countdowns. */
export function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}
