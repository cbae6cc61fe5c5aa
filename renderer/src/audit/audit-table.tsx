/**
 * The Audit tab's table (review 11, finding 6). An invalidation attempt is recorded as "success"
 * before the request goes out, so its row shows the outcome of the record that closes it, and
 * the two rows link to each other. Times are local with their offset; the document id keeps
 * whole words (it may break only after "DocumentReference/"), the request id on its own line.
 */
import type { AuditListRow } from '../../../shared/audit/list-row';
import { localTimeParts } from './local-time';
import './audit-table.css';

export const actions = { E: 'query', R: 'read', U: 'update', C: 'create', D: 'delete' } as const;
export const outcomes = {
  '0': 'success',
  '4': 'minor failure',
  '8': 'serious failure',
  '12': 'major failure',
} as const;
/**
 * Kinds the action's word already says; others (export, configuration, …) are named instead:
 * an export is an E (execute) in BALP, but "query" would misname it.
 */
const genericKinds = new Set(['search', 'read', 'create', 'delete']);

const rowId = (sequence: number) => `audit-record-${sequence}`;
const outcomeWord = (code: string) => outcomes[code as keyof typeof outcomes] ?? code;

function actionText(row: AuditListRow): string {
  // Only invalidations are recorded as updates; "update" alone does not say so.
  const kind =
    row.kind === 'update'
      ? 'invalidation'
      : genericKinds.has(row.kind)
        ? (actions[row.action as keyof typeof actions] ?? row.kind)
        : row.kind;
  return `${row.action} ${kind}${row.link ? ` ${row.link.role}` : ''}`;
}

/** A link to another record of the list, or its number when the filters left it out. */
function RecordLink({
  label,
  sequence,
  present,
}: {
  readonly label: string;
  readonly sequence: number;
  readonly present: boolean;
}) {
  if (!present) return <span className="muted">{`${label} #${sequence} (not listed)`}</span>;
  return (
    <button
      type="button"
      className="audit-record-link"
      onClick={() => {
        const target = document.getElementById(rowId(sequence));
        target?.scrollIntoView({ block: 'center' });
        target?.focus();
      }}
    >
      {`${label} #${sequence}`}
    </button>
  );
}

function OutcomeCell({
  row,
  listed,
}: {
  readonly row: AuditListRow;
  readonly listed: ReadonlySet<number>;
}) {
  const { link } = row;
  if (link?.role === 'attempt') {
    if (!link.closedBy) return <span>no outcome recorded</span>;
    const { sequence, outcome } = link.closedBy;
    return (
      <>
        <span>{outcomeWord(outcome)}</span>
        <RecordLink label="outcome:" sequence={sequence} present={listed.has(sequence)} />
      </>
    );
  }
  return (
    <>
      <span>{outcomeWord(row.outcome)}</span>
      {link?.role === 'outcome' && (
        <RecordLink label="attempt" sequence={link.attempt} present={listed.has(link.attempt)} />
      )}
    </>
  );
}

function DocumentCell({ row }: { readonly row: AuditListRow }) {
  return (
    <>
      {row.documents.map((id) => {
        const slash = id.indexOf('/') + 1;
        return (
          <code key={id} className="audit-document-id">
            {id.slice(0, slash)}
            {slash > 0 && <wbr />}
            {id.slice(slash)}
          </code>
        );
      })}
      {row.requestId && (
        <span className="audit-request-id muted">
          request <code>{row.requestId}</code>
        </span>
      )}
    </>
  );
}

function RecordedCell({ recorded }: { readonly recorded: string }) {
  const parts = localTimeParts(recorded);
  if (!parts) return <>{recorded}</>;
  return (
    <time dateTime={recorded} title={`${recorded} (UTC)`}>
      <span>{parts.date}</span> <span>{parts.time}</span>
    </time>
  );
}

export function AuditTable({ rows }: { readonly rows: readonly AuditListRow[] }) {
  const listed = new Set(rows.map((row) => row.sequence));
  return (
    <div className="audit-table-wrap">
      <table className="audit-table" aria-label="Audit records">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Recorded (local time)</th>
            <th scope="col">Action</th>
            <th scope="col">Outcome</th>
            <th scope="col">Operator</th>
            <th scope="col">Patient</th>
            <th scope="col">Document</th>
            <th scope="col">Environment</th>
            <th scope="col">Detail</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.sequence}
              id={rowId(row.sequence)}
              tabIndex={-1}
              data-action={row.action}
              data-sequence={row.sequence}
            >
              <td>{row.sequence}</td>
              <td className="audit-recorded">
                <RecordedCell recorded={row.recorded} />
              </td>
              <td>{actionText(row)}</td>
              <td className="audit-outcome">
                <OutcomeCell row={row} listed={listed} />
              </td>
              <td>{row.operator}</td>
              <td className="audit-nowrap">{row.patient}</td>
              <td className="audit-document">
                <DocumentCell row={row} />
              </td>
              <td>{row.environment}</td>
              <td className="audit-detail">
                {row.detailLines.map((line, index) => (
                  <span key={index}>{line}</span>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
