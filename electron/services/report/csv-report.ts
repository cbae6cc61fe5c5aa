/**
 * The CSV report: one row per change (area, path, left, right, rule), after a "document" row of
 * both sides' stored status when a side came from an environment; shown changes first and
 * then the ones the ignore profile hid, named by rule. Metadata values are in the change list's
 * words (describe-value.ts), not the JSON report's structured form: a cell is read by a person.
 * RFC 4180: comma-separated, CRLF line ends, fields quoted when they hold a comma, quote or line
 * break, quotes doubled. Cells that a spreadsheet would read as a formula are prefixed with an
 * apostrophe (OWASP "CSV Injection").
 */
import { describeReportedValue } from '../../../shared/compare/describe-value';
import { storedStatusLabel, type StoredStatus } from '../../../shared/compare/metadata-status';
import type { ReportHiddenChange, ReportModel } from '../../../shared/report/report-model';

export const csvHeader = ['area', 'path', 'left', 'right', 'rule'] as const;

/** Characters that make Excel, LibreOffice or Sheets evaluate a cell (OWASP CSV Injection). */
const formulaStart = /^[=+\-@\t\r]/;

/** One field, guarded against formula injection and quoted per RFC 4180 when needed. */
export function csvField(value: string): string {
  const guarded = formulaStart.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

function line(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

/** A hidden change's two values; metadata ones in words like the shown ones. */
function hiddenValues(change: ReportHiddenChange): [string, string] {
  if (change.area !== 'metadata') return [change.left ?? '', change.right ?? ''];
  return [describeReportedValue(change.left) ?? '', describeReportedValue(change.right) ?? ''];
}

/** Each side's stored status, when a side came from an environment (a local file has none). */
function storedStatusRows(model: ReportModel): string[] {
  const { left, right } = model.documents;
  if (left.storedStatus === undefined && right.storedStatus === undefined) return [];
  const text = (status: StoredStatus | undefined) => (status ? storedStatusLabel(status) : '');
  return [
    line(['document', 'storedStatus', text(left.storedStatus), text(right.storedStatus), '']),
  ];
}

/** The CSV body (without the manifest line integrity.ts appends). */
export function reportCsv(model: ReportModel): string {
  const rows: string[] = [line(csvHeader), ...storedStatusRows(model)];
  for (const change of model.metadataChanges)
    rows.push(
      line([
        'metadata',
        change.path,
        describeReportedValue(change.left, change.leftLabel) ?? '',
        describeReportedValue(change.right, change.rightLabel) ?? '',
        '',
      ]),
    );
  for (const change of model.changes)
    rows.push(
      line([
        `change list: ${change.group}`,
        change.path,
        change.left ?? '',
        change.right ?? '',
        '',
      ]),
    );
  for (const change of model.content.changes)
    rows.push(
      line(['content', change.path, change.removed.join('\n'), change.added.join('\n'), '']),
    );
  for (const change of model.hidden.changes)
    rows.push(line([change.area, change.path, ...hiddenValues(change), change.rule]));
  return rows.join('');
}
