/**
 * Finds a document in another environment by its document id (review 9, defect 2: on real AT
 * and TK each server assigns its own resource ids, so `env:tk:<AT's id>` names nothing). It is a
 * search like the table's (search-documents.ts), so the audit trail records it as every search is
 * recorded; the matches come newest first, for the tester to choose among when there are several.
 */
import type { AuditContext } from '../../../shared/audit/builders';
import type { EnvironmentProfile } from '../../../shared/environments/profile';
import type { SameDocumentMatches } from '../../../shared/ipc/same-document';
import type { DocumentRow } from '../../../shared/ipc/workspace-types';
import { err, ok, type Result } from '../../../shared/result';
import type { EnvironmentConnection } from '../environments/connection';
import { searchDocuments } from './search-documents';

export const sameDocumentNotFound = 'same-document-not-found';

/** Newest first by the stored date; rows without a date last, the resource id breaking ties. */
function newestFirst(left: DocumentRow, right: DocumentRow): number {
  const time = (row: DocumentRow) => Date.parse(row.date) || 0;
  return time(right) - time(left) || left.resourceId.localeCompare(right.resourceId);
}

/** The documents with this document id in `profile`'s environment; none found is an error. */
export async function findSameDocument(
  home: string,
  connection: EnvironmentConnection,
  context: AuditContext,
  profile: Pick<EnvironmentProfile, 'id' | 'displayName'>,
  documentId: string,
): Promise<Result<SameDocumentMatches>> {
  const environment = profile.displayName;
  const found = await searchDocuments(home, connection, context, {
    searchId: 'same-document',
    query: { documentId },
    onProgress: () => undefined,
    signal: new AbortController().signal,
  });
  if (!found.ok)
    return {
      ok: false,
      error: { ...found.error, message: `${environment}: ${found.error.message}` },
    };
  if (found.value.rows.length === 0)
    return err(
      sameDocumentNotFound,
      `${environment} has no document with the document id ${documentId}: it was never stored there, or under another id.`,
    );
  const matches = [...found.value.rows].sort(newestFirst);
  return ok({ profileId: profile.id, environment, matches });
}
