/**
 * Priming: a seeded document's attachment size and hash need its CDA bytes, and writing one
 * (RSA-2048 signature included) takes ~1.3 ms, so a first page of 50 never-served documents cost
 * ~65 ms on its own. After the sandbox listens, every patient's first page in each order the
 * search offers (insertion order, `_sort=date`, `_sort=-date`) is prepared in the background, the
 * signatures on libuv's thread pool, and its JSON written once, so those pages are a slice of an
 * index and cached text joined. Documents
 * further down, or reached through other filters, are still written when first served.
 */
import { patientInDateOrder } from './patient-index';
import { resourceJson } from './resource-json';
import { latest, type DocumentEntry, type SandboxStore } from './store';

/** The page size priming covers: the search's default `_count`. */
export const primedPageSize = 50;

/**
 * Signatures in flight at once. libuv's default pool has 4 threads and file system calls (the
 * audit journal's fdatasync, persistence) share it, so one is left free; on 2 cores, 3 signing
 * threads and the main thread writing the documents keep both busy anyway.
 */
const inFlight = 3;

/** The entries on each patient's first page in every order, each once, ordered by patient. */
export function firstPageEntries(store: SandboxStore, pageSize = primedPageSize): DocumentEntry[] {
  const seen = new Set<DocumentEntry>();
  for (const [patientKey, entries] of store.byPatient)
    for (const view of [
      patientInDateOrder(store.dateIndex, patientKey, '-date'),
      entries,
      patientInDateOrder(store.dateIndex, patientKey, 'date'),
    ])
      for (const entry of view.slice(0, pageSize)) seen.add(entry);
  return [...seen];
}

/** What priming did: documents prepared, and whether it was stopped before the end. */
export interface PrimingOutcome {
  readonly prepared: number;
  readonly isStopped: boolean;
}

/**
 * Prepares the facts of the seeded documents on every first page; `shouldStop` is asked before
 * each document (the sandbox closing). A document that cannot be prepared is left to be written
 * when served, where its error surfaces as before.
 */
export async function primeFirstPages(
  store: SandboxStore,
  shouldStop: () => boolean,
): Promise<PrimingOutcome> {
  const queue = firstPageEntries(store);
  let next = 0;
  let prepared = 0;
  let isStopped = false;
  const lane = async (): Promise<void> => {
    while (next < queue.length) {
      if (shouldStop()) {
        isStopped = true;
        return;
      }
      const entry = queue[next++];
      if (!entry) continue;
      try {
        const prepare = store.seedDocuments.get(entry.id)?.prepareFacts;
        if (prepare) {
          await prepare();
          prepared += 1;
        }
        // Written once here, the page itself is then cached strings joined (resource-json.ts).
        resourceJson(latest(entry));
      } catch {
        // Served later through the synchronous path, which reports the failure to the client.
      }
    }
  };
  await Promise.all(Array.from({ length: inFlight }, lane));
  return { prepared, isStopped };
}
