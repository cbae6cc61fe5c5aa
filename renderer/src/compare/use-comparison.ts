/**
 * Runs one comparison through the bridge and cancels it when the view goes away or asks for
 * another one, so leaving the view never leaves the workspace fetching and comparing for nobody.
 * The last comparison that answered is held: the page shows it while a chosen local file is
 * tried, and going back to it after the file failed shows it again without comparing again.
 */
import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import type { ArchivistApi } from '../../../shared/ipc/contract';
import type { ComparePhase } from '../../../shared/ipc/compare-progress';
import type { CompareSideRef, ComparedDocuments } from '../../../shared/ipc/compare-types';
import type { AppError } from '../../../shared/result';

export type ComparisonLoad =
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly compared: ComparedDocuments }
  | { readonly state: 'failed'; readonly error: AppError };

type ReadyLoad = Extract<ComparisonLoad, { state: 'ready' }>;

function newCompareId(): string {
  return `cmp-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

export function useComparison(
  api: ArchivistApi,
  left: CompareSideRef,
  right: CompareSideRef,
  ignoreProfile: string,
): {
  load: ComparisonLoad;
  retry: () => void;
  cancel: () => void;
  /** The last comparison that answered, whichever sides it had. */
  held: ComparedDocuments | undefined;
  /** What the comparison under way is doing, once main said (undefined before, and when not loading). */
  phase: ComparePhase | undefined;
} {
  const [attempt, setAttempt] = useState(0);
  // Sides are objects from the address: compare them by value. Answers are kept with the run
  // they belong to; anything else is still loading.
  const key = JSON.stringify([left, right, ignoreProfile]);
  const runKey = `${attempt}:${key}`;
  const [answer, setAnswer] = useState<{ key: string; load: ComparisonLoad }>({
    key: '',
    load: { state: 'loading' },
  });
  const [held, setHeld] = useState<{ key: string; load: ReadyLoad }>();
  const heldKey = useRef<string | undefined>(undefined);
  const running = useRef<string | undefined>(undefined);
  const runningKey = useRef('');
  const [phase, setPhase] = useState<{ key: string; phase: ComparePhase }>();

  // One subscription for the page's life, open before the first comparison starts.
  useEffect(
    () =>
      api.onCompareProgress((progress) => {
        if (progress.compareId === running.current)
          setPhase({ key: runningKey.current, phase: progress.phase });
      }),
    [api],
  );

  useEffect(() => {
    const thisRun = `${attempt}:${key}`;
    if (heldKey.current === thisRun) return;
    const [l, r, ignore] = JSON.parse(key) as [CompareSideRef, CompareSideRef, string];
    const compareId = newCompareId();
    running.current = compareId;
    runningKey.current = thisRun;
    void api
      .compareDocuments({ compareId, left: l, right: r, ignoreProfile: ignore })
      .then((result) => {
        if (running.current !== compareId) return;
        running.current = undefined;
        // A transition: React renders a large comparison in slices that yield to input and
        // painting, instead of one long task on the UI thread.
        const load: ComparisonLoad = result.ok
          ? { state: 'ready', compared: result.value }
          : { state: 'failed', error: result.error };
        if (load.state === 'ready') heldKey.current = thisRun;
        startTransition(() => {
          setAnswer({ key: thisRun, load });
          if (load.state === 'ready') setHeld({ key: thisRun, load });
        });
      });
    return () => {
      if (running.current === compareId) {
        running.current = undefined;
        void api.cancelCompare({ compareId });
      }
    };
  }, [api, key, attempt]);

  const cancel = useCallback(() => {
    const compareId = running.current;
    if (compareId) void api.cancelCompare({ compareId });
  }, [api]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const load: ComparisonLoad =
    answer.key === runKey ? answer.load : held?.key === runKey ? held.load : { state: 'loading' };
  const shownPhase = load.state === 'loading' && phase?.key === runKey ? phase.phase : undefined;
  return { load, retry, cancel, held: held?.load.compared, phase: shownPhase };
}
