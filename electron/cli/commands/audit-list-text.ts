/**
 * The text of `archivist audit list`: one line of aligned columns a record (when, what, where,
 * who), then its patient, document and detail indented below, wrapped at 120 columns (review 10,
 * finding 6: the environment had no column, and one line a record ran past 200 columns). Ids and
 * free text get lines of their own instead of being cut; CSV and JSON keep every field whole.
 */
import type { AuditRow } from '../../../shared/audit/filter';
import { printable } from '../command';

const width = 120;
const indent = '     ';
/** Longer names are cut with "…" in the column: the display name of a profile can be long. */
const caps = { environment: 22, operator: 30 } as const;

const columns = [
  'seq',
  'recorded',
  'kind',
  'action',
  'outcome',
  'environment',
  'operator',
] as const;
type Column = (typeof columns)[number];

function cut(text: string, cap: number): string {
  return text.length > cap ? `${text.slice(0, cap - 1)}…` : text;
}

function cellsOf(row: AuditRow): Record<Column, string> {
  return {
    seq: String(row.sequence),
    recorded: row.recorded,
    kind: row.kind,
    action: row.action,
    outcome: row.outcome,
    // An empty cell would shift the eye to the next column: a local file has no environment.
    environment: cut(printable(row.environment), caps.environment) || '-',
    operator: cut(printable(row.operator), caps.operator) || '-',
  };
}

/**
 * `text` in lines of at most `width` columns after `indent`, broken at spaces; an id is never
 * split. A newline in a typed comment would break the layout: control characters show as '?'.
 */
function wrapped(text: string): string[] {
  const room = width - indent.length;
  const lines: string[] = [];
  let line = '';
  for (const word of printable(text).split(' ')) {
    if (line !== '' && line.length + 1 + word.length > room) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines.map((part) => `${indent}${part}`);
}

/** The whole listing: a header line, then each record's lines, oldest first. */
export function formatAuditList(rows: readonly AuditRow[]): string {
  const cells = rows.map(cellsOf);
  const widths = columns.map((column) =>
    Math.max(column.length, ...cells.map((cell) => cell[column].length)),
  );
  const line = (values: readonly string[]) =>
    values
      .map((value, index) =>
        index === values.length - 1 ? value : value.padEnd(widths[index] ?? 0),
      )
      .join('  ');
  const out = [line(columns)];
  rows.forEach((row, index) => {
    const cell = cells[index];
    if (cell) out.push(line(columns.map((column) => cell[column])));
    const about = [
      ...(row.patient ? [`patient ${row.patient}`] : []),
      ...(row.document ? [`document ${row.document}`] : []),
    ];
    if (about.length > 0) out.push(...wrapped(about.join('  ')));
    if (row.detail) out.push(...wrapped(row.detail));
  });
  return `${out.join('\n')}\n`;
}
