/**
 * The Audit tab: the journal as a table, newest first, with filters by patient, document,
 * action, outcome and time (kept in the address), `verify` with its result, and Export (JSON
 * or CSV of the filtered records, through main's save dialog; audit-export.tsx).
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { AuditFilter } from '../../../shared/audit/filter';
import type { ArchivistApi } from '../../../shared/ipc/contract';
import type { AuditListResult, AuditVerifyResult } from '../../../shared/ipc/workspace-types';
import type { AppError } from '../../../shared/result';
import { ErrorNotice } from '../components/error-notice';
import { AuditExport } from './audit-export';

type Load =
  | { state: 'loading' }
  | { state: 'ready'; list: AuditListResult }
  | { state: 'failed'; error: AppError };

const filterKeys = ['patient', 'document', 'action', 'outcome', 'from', 'to'] as const;
const actions = { E: 'query', R: 'read', U: 'update', C: 'create', D: 'delete' } as const;
/**
 * Kinds the action's word already says; others (export, configuration, …) are named instead:
 * an export is an E (execute) in BALP, but "query" would misname it.
 */
const genericKinds = new Set(['search', 'read', 'update', 'create', 'delete']);
const outcomes = {
  '0': 'success',
  '4': 'minor failure',
  '8': 'serious failure',
  '12': 'major failure',
} as const;

function filterOf(raw: Readonly<Record<string, string>>): AuditFilter {
  const filter: Record<string, string> = {};
  for (const key of filterKeys) {
    const value = raw[key]?.trim();
    if (!value) continue;
    filter[key] =
      key === 'to' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T23:59:59.999Z` : value;
  }
  return filter;
}

export function AuditPage({
  api,
  filter,
  onFilter,
}: {
  readonly api: ArchivistApi;
  readonly filter: Readonly<Record<string, string>>;
  readonly onFilter: (filter: Record<string, string>) => void;
}) {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [verify, setVerify] = useState<AuditVerifyResult | AppError | undefined>(undefined);
  const [fields, setFields] = useState<Record<string, string>>({ ...filter });
  const filterKey = JSON.stringify(filterOf(filter));
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let isCurrent = true;
    void api.listAudit({ filter: JSON.parse(filterKey) as AuditFilter }).then((result) => {
      if (isCurrent)
        setLoad(
          result.ok
            ? { state: 'ready', list: result.value }
            : { state: 'failed', error: result.error },
        );
    });
    return () => {
      isCurrent = false;
    };
  }, [api, filterKey, generation]);

  function submit(event: FormEvent): void {
    event.preventDefault();
    onFilter(Object.fromEntries(Object.entries(fields).filter(([, value]) => value.trim() !== '')));
  }

  const input = (key: (typeof filterKeys)[number], label: string, type = 'text') => (
    <label className="form-field">
      <span>{label}</span>
      <input
        type={type}
        value={fields[key] ?? ''}
        onChange={(event) => setFields((old) => ({ ...old, [key]: event.target.value }))}
      />
    </label>
  );

  return (
    <section className="audit-page" aria-labelledby="audit-heading">
      <h2 id="audit-heading">Audit trail</h2>
      <form className="search-form" aria-label="Filter the audit trail" onSubmit={submit}>
        {input('patient', 'Patient (hetu)')}
        {input('document', 'Document id')}
        <label className="form-field">
          <span>Action</span>
          <select
            value={fields.action ?? ''}
            onChange={(event) => setFields((old) => ({ ...old, action: event.target.value }))}
          >
            <option value="">any</option>
            {Object.entries(actions).map(([code, label]) => (
              <option key={code} value={code}>{`${code} ${label}`}</option>
            ))}
          </select>
        </label>
        <label className="form-field">
          <span>Outcome</span>
          <select
            value={fields.outcome ?? ''}
            onChange={(event) => setFields((old) => ({ ...old, outcome: event.target.value }))}
          >
            <option value="">any</option>
            {Object.entries(outcomes).map(([code, label]) => (
              <option key={code} value={code}>{`${code} ${label}`}</option>
            ))}
          </select>
        </label>
        {input('from', 'From', 'date')}
        {input('to', 'To', 'date')}
        <div className="form-actions">
          <button type="submit" className="primary-button">
            Filter
          </button>
          <button
            type="button"
            onClick={() => {
              setVerify(undefined);
              void api
                .verifyAudit()
                .then((result) => setVerify(result.ok ? result.value : result.error));
            }}
          >
            Verify the journal
          </button>
        </div>
      </form>
      <AuditExport
        api={api}
        filter={JSON.parse(filterKey) as AuditFilter}
        onExported={() => setGeneration((n) => n + 1)}
      />
      {verify && (
        <p
          role="status"
          className={'isIntact' in verify && verify.isIntact ? 'verify-ok' : 'verify-bad'}
        >
          {verify.message}
        </p>
      )}
      {load.state === 'loading' && (
        <p className="muted" role="status">
          Reading the journal…
        </p>
      )}
      {load.state === 'failed' && <ErrorNotice error={load.error} />}
      {load.state === 'ready' && (
        <>
          <p className="muted" role="status">
            {load.list.rows.length} record(s)
            {load.list.isTruncated ? ' (the newest; narrow the filters to see older ones)' : ''}.
          </p>
          <div className="audit-table-wrap">
            <table className="audit-table" aria-label="Audit records">
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">Recorded</th>
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
                {load.list.rows.map((row) => (
                  <tr key={row.sequence} data-action={row.action}>
                    <td>{row.sequence}</td>
                    <td>{row.recorded.replace('T', ' ').slice(0, 19)}</td>
                    <td>
                      {row.action}{' '}
                      {genericKinds.has(row.kind)
                        ? (actions[row.action as keyof typeof actions] ?? row.kind)
                        : row.kind}
                    </td>
                    <td>{outcomes[row.outcome as keyof typeof outcomes] ?? row.outcome}</td>
                    <td>{row.operator}</td>
                    <td>{row.patient}</td>
                    <td>
                      <code>{row.document}</code>
                    </td>
                    <td>{row.environment}</td>
                    <td>{row.detail}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
