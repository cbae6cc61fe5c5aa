/**
 * `archivist search --check`'s text: after the table, what reading each listed document found
 * (the app's problems column after "Check listed documents"), one line per problem, so a tester
 * can copy the resource id into `archivist show`.
 */
import type { DocumentRow } from '../../../shared/ipc/workspace-types';

export function checkTextLines(rows: readonly DocumentRow[]): string[] {
  const lines = rows.flatMap((row) => {
    const check = row.contentCheck;
    const problems = [...row.identityProblems, ...(check?.problems ?? [])];
    return [
      ...problems.map((problem) => `  [${row.resourceId}] ${problem}`),
      ...(check?.note ? [`  [${row.resourceId}] not read: ${check.note}`] : []),
    ];
  });
  const heading = `Problems (checked: contents of ${rows.length} ${rows.length === 1 ? 'document' : 'documents'})`;
  return lines.length === 0 ? [`${heading}: none found`] : [`${heading}:`, ...lines];
}
