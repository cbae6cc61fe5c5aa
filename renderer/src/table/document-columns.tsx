/**
 * The document table's columns as plain data: what each shows, how it sorts and what its filter
 * searches. The table sorts and filters these itself over precomputed keys (column-keys.ts), so
 * react-table only keeps the column state; table-instance.ts turns these into its definitions.
 */
import type { ReactNode } from 'react';
import type { DocumentRow, RowStatus } from '../../../shared/ipc/workspace-types';

/**
 * How a column orders its values (the sort functions react-table offered before): `plain` by
 * UTF-16 code units (ISO dates and identity codes sort correctly that way), `text`
 * case-insensitively, `natural` with digit runs as numbers (…10.9 before …10.10), `number`.
 */
export type SortKind = 'plain' | 'text' | 'natural' | 'number';

export interface DocumentColumn {
  readonly id: string;
  readonly header: string;
  /** Default width in pixels. */
  readonly size: number;
  readonly sort: SortKind;
  /** The column's value: what it sorts by and what CSV export writes. */
  readonly value: (row: DocumentRow) => string | number;
  /** What the column's filter searches, as shown; absent when the column has no filter. */
  readonly filterText?: (row: DocumentRow) => string;
  /** The cell's content; the value as text when absent. */
  readonly cell?: (row: DocumentRow) => ReactNode;
}

const statusLabels: Record<RowStatus, string> = {
  current: 'current',
  replaced: 'replaced',
  invalidated: 'invalidated',
};

/**
 * "2024-05-06T08:53:11Z" as the Date column shows it, so what is seen can be typed: the first
 * "T" a space, cut after the seconds. Slices, not `replace`, which took a sixth of building the
 * search text for 100,000 rows.
 */
export function shownDate(row: DocumentRow): string {
  const date = row.date;
  const t = date.indexOf('T');
  return t < 0 || t >= 19 ? date.slice(0, 19) : `${date.slice(0, t)} ${date.slice(t + 1, 19)}`;
}

const identityMark = (row: DocumentRow): string =>
  row.identityProblems.length > 0 ? 'problem' : '';

function text(
  id: string,
  header: string,
  size: number,
  sort: SortKind,
  pick: (row: DocumentRow) => string,
): DocumentColumn {
  return { id, header, size, sort, value: pick, filterText: pick };
}

export const documentColumns: readonly DocumentColumn[] = [
  {
    ...text('status', 'Status', 110, 'plain', (row) => row.status),
    cell: (row) => (
      <span className={`status-chip status-${row.status}`}>{statusLabels[row.status]}</span>
    ),
  },
  {
    ...text('identity', 'Test data', 100, 'plain', identityMark),
    cell: (row) =>
      row.identityProblems.length > 0 ? (
        <span
          className="identity-badge"
          title={row.identityProblems.join('\n')}
          aria-label={`Identity code problem: ${row.identityProblems.join(' ')}`}
        >
          ⚠ not test data
        </span>
      ) : null,
  },
  text('title', 'Title', 280, 'text', (row) => row.title),
  {
    ...text('date', 'Date', 170, 'plain', (row) => row.date),
    filterText: shownDate,
    cell: shownDate,
  },
  text('patient', 'Patient', 120, 'plain', (row) => row.patient),
  text('register', 'Register', 200, 'text', (row) => row.register),
  text('view', 'View', 200, 'text', (row) => row.view),
  {
    id: 'version',
    header: 'Version',
    size: 80,
    sort: 'number',
    value: (row) => row.versionNumber ?? 0,
    cell: (row) => row.versionNumber ?? '',
  },
  text('documentId', 'Document id', 260, 'natural', (row) => row.documentId),
  text('setId', 'Set id', 260, 'natural', (row) => row.setId),
  text('organisation', 'Organisation', 220, 'text', (row) => row.organisation),
];

export const columnIds: readonly string[] = documentColumns.map((column) => column.id);

export const columnById: ReadonlyMap<string, DocumentColumn> = new Map(
  documentColumns.map((column) => [column.id, column]),
);
