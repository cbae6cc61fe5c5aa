/**
 * Listed documents of one setId that carry the same version number (review 11, finding 1: the
 * sandbox plants seed-doc-53 as a second version 1 of seed-doc-50's set, seed-doc-453 of
 * seed-doc-451's). A setId's versions must differ, so each such row gets a sentence naming the
 * others; found from the rows alone, reading nothing more.
 */
import type { DocumentRow } from './workspace-types';

/** resourceId → the sentence for that row, for every row that shares its setId and version. */
export function duplicateVersions(rows: readonly DocumentRow[]): ReadonlyMap<string, string> {
  const groups = new Map<string, DocumentRow[]>();
  for (const row of rows) {
    if (!row.setId || row.versionNumber === undefined) continue;
    const key = `${row.setId}\n${row.versionNumber}`;
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  const found = new Map<string, string>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    for (const row of group) {
      const others = group
        .filter((other) => other !== row)
        .map((other) => other.documentId || other.resourceId);
      const documents = others.length === 1 ? 'document' : 'documents';
      const shared = `Version ${row.versionNumber} of set ${row.setId}`;
      found.set(row.resourceId, `${shared} is also used by ${documents} ${others.join(', ')}.`);
    }
  }
  return found;
}
