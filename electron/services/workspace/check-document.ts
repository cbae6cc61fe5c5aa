/**
 * One document of the table's "Check listed documents": read through the same path the document
 * view uses (openDocument: the environment's limits and breaker, a BALP read record durable
 * before the answer, the same findings), then only the findings go back, not the text.
 */
import type { AuditContext } from '../../../shared/audit/builders';
import type { DocumentMetadata } from '../../../shared/documents/model';
import type { DocumentCheck } from '../../../shared/ipc/document-check';
import { duplicateVersions } from '../../../shared/ipc/duplicate-versions';
import { formatIdentityProblem } from '../../../shared/ipc/identity-problems';
import type { DocumentRow } from '../../../shared/ipc/workspace-types';
import { ok, type Result } from '../../../shared/result';
import type { EnvironmentConnection } from '../environments/connection';
import { openDocument } from './open-document';

/** Identity codes in the parsed contents that are not valid test codes, as sentences. */
export function identityCodeProblems(metadata: DocumentMetadata): string[] {
  return metadata.identityCodes
    .filter((finding) => !finding.valid || !finding.isTestCode)
    .map(formatIdentityProblem);
}

export async function checkDocument(
  home: string,
  connection: EnvironmentConnection,
  context: AuditContext,
  input: { readonly profileId: string; readonly resourceId: string },
): Promise<Result<DocumentCheck>> {
  const opened = await openDocument(home, connection, context, input);
  if (!opened.ok) return opened;
  // The document view's findings (DocumentReference vs header, unknown codes, a missing service
  // event id: document-findings.ts) are the same for the table.
  const { metadata, findings } = opened.value;
  return ok({
    resourceId: input.resourceId,
    problems: [...identityCodeProblems(metadata), ...findings.map((finding) => finding.message)],
  });
}

/**
 * `archivist search --check`: every row's contents read in turn, as the app's "Check listed
 * documents" does, with setId versions used twice among the rows; a failed read is the row's note.
 */
export async function checkRows(
  home: string,
  connection: EnvironmentConnection,
  context: AuditContext,
  input: { readonly profileId: string; readonly rows: readonly DocumentRow[] },
  onProgress: (done: number, total: number) => void,
): Promise<DocumentRow[]> {
  const duplicates = duplicateVersions(input.rows);
  const checked: DocumentRow[] = [];
  for (const row of input.rows) {
    const answer = await checkDocument(home, connection, context, {
      profileId: input.profileId,
      resourceId: row.resourceId,
    });
    const duplicate = duplicates.get(row.resourceId);
    const problems = [
      ...(answer.ok ? answer.value.problems : []),
      ...(duplicate ? [duplicate] : []),
    ];
    const contentCheck = { problems, ...(answer.ok ? {} : { note: answer.error.message }) };
    checked.push({ ...row, contentCheck });
    onProgress(checked.length, input.rows.length);
  }
  return checked;
}
