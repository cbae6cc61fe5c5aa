/**
 * The fetching phase of a comparison (shared/ipc/compare-progress.ts): which sides are still
 * being fetched from their environments. Both sides are fetched at the same time, so the phase
 * names both until one arrives, then the other. A local file is read from disk in a moment and is
 * not a phase of its own.
 */
import type { ComparePhase, FetchedSide } from '../../../shared/ipc/compare-progress';
import type { CompareRequest } from '../../../shared/ipc/compare-types';

type Side = 'left' | 'right';

/** Tells the fetching phase now (when a side comes from an environment), and again as each arrives. */
export function fetchingPhases(
  request: CompareRequest,
  onPhase: (phase: ComparePhase) => void,
): { readonly done: (side: Side) => void } {
  const fetching = new Map<Side, FetchedSide>();
  for (const side of ['left', 'right'] as const) {
    const ref = request[side];
    if ('profileId' in ref)
      fetching.set(side, { side, profileId: ref.profileId, resourceId: ref.resourceId });
  }
  const tell = (): void => {
    if (fetching.size > 0) onPhase({ kind: 'fetching', sides: [...fetching.values()] });
  };
  tell();
  return {
    done(side) {
      if (fetching.delete(side)) tell();
    },
  };
}
