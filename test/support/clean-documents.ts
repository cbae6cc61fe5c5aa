/**
 * The documents of a seed catalogue an invalidation test may use up: current, with no planted
 * problem, so no preflight refuses them. Each test takes its own, so none depends on another
 * having (or not having) invalidated a document first.
 */
import type { SeedCatalog } from '../../electron/sandbox/seed/seed-types';

/** The resource ids of the catalogue's current documents without a planted problem. */
export function cleanDocumentIds(catalog: SeedCatalog): string[] {
  return catalog.documents
    .filter((d) => d.documentReference.status === 'current' && d.problems.length === 0)
    .map((d) => d.documentReference.id);
}

/** Hands those ids out one at a time ('' once they run out). */
export function cleanDocumentTaker(catalog: SeedCatalog): () => string {
  const ids = cleanDocumentIds(catalog);
  let next = 0;
  return () => ids[next++] ?? '';
}
