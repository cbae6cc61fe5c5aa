/**
 * The bridge as the pages get it: every call that reads from an environment (opening a document,
 * its versions, a comparison, looking for the same document elsewhere) refreshes the overview
 * once it answers, so the switcher's connection state follows what the page shows (review 9,
 * defect 11: "not contacted yet" beside a comparison, "connected" beside "cannot reach"). The
 * workspace notes each outcome (connection-pool.ts); the overview only has to be asked again.
 * Searches already refresh through the search page's onEnvironmentAnswered.
 */
import { useMemo } from 'react';
import type { ArchivistApi } from '../../../shared/ipc/contract';

const environmentReads = [
  'openDocument',
  'getVersions',
  'compareDocuments',
  'findSameDocument',
] as const satisfies readonly (keyof ArchivistApi)[];

/** `api` with `onAnswered` called after each environment read settles, whatever its outcome. */
export function withEnvironmentAnswers(api: ArchivistApi, onAnswered: () => void): ArchivistApi {
  const wrapped: Record<string, unknown> = { ...api };
  for (const method of environmentReads) {
    const call = api[method] as (request: never) => Promise<unknown>;
    wrapped[method] = (request: never) => call(request).finally(onAnswered);
  }
  return wrapped as unknown as ArchivistApi;
}

/** The same, kept stable while `api` and `onAnswered` are, so pages do not run their reads again. */
export function useEnvironmentAnswers(
  api: ArchivistApi | undefined,
  onAnswered: () => void,
): ArchivistApi | undefined {
  return useMemo(() => api && withEnvironmentAnswers(api, onAnswered), [api, onAnswered]);
}
