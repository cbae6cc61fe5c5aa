/**
 * `archivist search`'s text table: a heading, a line naming the columns, then one line per
 * document with its date, status, version, title, document id and resource id. The version
 * column tells the versions of one setId apart at a glance (review 9, defect 12: the text had
 * none, only `--json` carried `versionNumber`). Columns are padded to their longest value so the
 * ids line up; nothing is cut, since a script or a tester may copy an id from any line.
 */
import type { DocumentRow } from '../../../shared/ipc/workspace-types';

const headings = ['Date', 'Status', 'Version', 'Title', 'Document id', '[resource id]'] as const;

/** One row's cells, in the order of `headings`; an unknown version or date shows "-". */
function cellsOf(row: DocumentRow): readonly string[] {
  return [
    row.date.slice(0, 10) || '-',
    row.status,
    row.versionNumber === undefined ? '-' : String(row.versionNumber),
    row.title || '(untitled)',
    row.documentId || '-',
    `[${row.resourceId}]`,
  ];
}

/**
 * "3 documents of HETU in at"; under a --limit the patient had more than, "first 8 documents …"
 * and that more exist, so a limited list does not read as the patient's total (review 10).
 */
export function searchHeading(found: {
  readonly count: number;
  readonly patient: string;
  readonly env: string;
  readonly moreExist: boolean;
}): string {
  const { count, patient, env, moreExist } = found;
  const documents = `${count} ${count === 1 ? 'document' : 'documents'} of ${patient} in ${env}`;
  return moreExist ? `first ${documents}; more exist (leave out --limit to list all)` : documents;
}

/** The table as lines, the heading first; the column line only when there are rows. */
export function searchTextLines(heading: string, rows: readonly DocumentRow[]): string[] {
  if (rows.length === 0) return [heading];
  const table = [headings, ...rows.map(cellsOf)];
  const widths = headings.map((_, column) =>
    Math.max(...table.map((cells) => cells[column]?.length ?? 0)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  return [heading, ...table.map(line)];
}
