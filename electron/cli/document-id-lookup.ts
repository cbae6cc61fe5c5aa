/**
 * The DocumentReference an env: reference's id names when it is not a resource id (review 10,
 * finding 2): a pipeline knows the document id its system wrote (the CDA `ClinicalDocument/id`,
 * `root` or `root^extension`), not the id the server assigned. It is looked up as the app finds
 * "the same document in another environment" (find-same-document.ts): a search by identifier,
 * audited as every search is. Several matches are not guessed between: the command names them.
 */
import type { AuditContext } from '../../shared/audit/builders';
import type { EnvironmentProfile } from '../../shared/environments/profile';
import type { DocumentRow } from '../../shared/ipc/workspace-types';
import { err, ok, type Result } from '../../shared/result';
import {
  environmentErrorCodes,
  type EnvironmentConnection,
} from '../services/environments/connection';
import { findSameDocument, sameDocumentNotFound } from '../services/workspace/find-same-document';

/** A FHIR resource id (FHIR R4 datatypes.html#id); anything else can only be a document id. */
const fhirResourceId = /^[A-Za-z0-9.-]{1,64}$/;

/** Whether `id` could be read as a resource id at all (`root^extension` and long OIDs cannot). */
export function couldBeResourceId(id: string): boolean {
  return fhirResourceId.test(id);
}

/** "at-doc-52 (version 2, current, 2026-01-02)": enough to choose one and type it. */
function described(row: DocumentRow): string {
  const details = [
    ...(row.versionNumber === undefined ? [] : [`version ${row.versionNumber}`]),
    row.status,
    ...(row.date ? [row.date.slice(0, 10)] : []),
  ];
  return `${row.resourceId} (${details.join(', ')})`;
}

/**
 * The resource id of the one document with this document id in `profile`'s environment. None is
 * `env-not-found`, told as neither kind of id matching, with where to find the ids; several are
 * named (newest first) for the caller to pick one by resource id.
 */
export async function resourceIdOfDocument(
  home: string,
  connection: EnvironmentConnection,
  context: AuditContext,
  profile: Pick<EnvironmentProfile, 'id' | 'displayName'>,
  documentId: string,
): Promise<Result<string>> {
  const found = await findSameDocument(home, connection, context, profile, documentId);
  if (!found.ok) {
    if (found.error.code !== sameDocumentNotFound) return { ok: false, error: found.error };
    return err(
      environmentErrorCodes.notFound,
      `${profile.displayName} has no document whose resource id or document id is ${documentId}; archivist search --env ${profile.id} --patient HETU lists both ids of a patient's documents.`,
    );
  }
  const [only, ...others] = found.value.matches;
  if (only && others.length === 0) return ok(only.resourceId);
  return err(
    'document-id-ambiguous',
    `${found.value.matches.length} documents in ${profile.displayName} have the document id ${documentId}: ${found.value.matches.map(described).join(', ')}; give one as env:${profile.id}:<resource id>.`,
  );
}
