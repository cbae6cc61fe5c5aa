/**
 * The Audit tab: the journal as a table, newest first (audit-table.tsx), with filters by
 * patient, document, kind, operator, action, outcome and time (kept in the address), `verify`
 * with its result, and Export (JSON or CSV of the filtered records, through main's save dialog;
 * audit-export.tsx).
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { AuditFilter } from '../../../shared/audit/filter';
import type { ArchivistApi } from '../../../shared/ipc/contract';
import type { AuditListResult, AuditVerifyResult } from '../../../shared/ipc/workspace-types';
import type { AppError } from '../../../shared/result';
import { ErrorNotice } from '../components/error-notice';
import { AuditExport } from './audit-export';
import { actions, AuditTable, outcomes } from './audit-table';

type Load =
  | { state: 'loading' }
  | { state: 'ready'; list: AuditListResult }
  | { state: 'failed'; error: AppError };

const filterKeys = [
  'patient',
  'document',
  'kind',
  'operator',
  'action',
  'outcome',
  'from',
  'to',
] as const;
/** What a team lead asks for, by the kind of record (kindOf in shared/audit/filter). */
const kinds = {
  update: 'invalidations',
  read: 'reads',
  search: 'searches',
  export: 'exports',
  configuration: 'configuration',
  login: 'connections',
} as const;

const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/**
 * A day picked in the form is a local day, as the table shows times; the journal compares UTC
 * ISO strings, so the day's first or last local millisecond is converted to UTC.
 */
function dayBound(key: 'from' | 'to', day: string): string {
  return new Date(`${day}T${key === 'from' ? '00:00:00.000' : '23:59:59.999'}`).toISOString();
}

function filterOf(raw: Readonly<Record<string, string>>): AuditFilter {
  const filter: Record<string, string> = {};
  for (const key of filterKeys) {
    const value = raw[key]?.trim();
    if (!value) continue;
    filter[key] = isDate(value) && (key === 'from' || key === 'to') ? dayBound(key, value) : value;
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

  /** A select of `options`; with `showCode` each reads "CODE label" as the journal codes it. */
  const choice = (
    key: (typeof filterKeys)[number],
    label: string,
    options: Readonly<Record<string, string>>,
    showCode = false,
  ) => (
    <label className="form-field">
      <span>{label}</span>
      <select
        value={fields[key] ?? ''}
        onChange={(event) => setFields((old) => ({ ...old, [key]: event.target.value }))}
      >
        <option value="">any</option>
        {Object.entries(options).map(([code, text]) => (
          <option key={code} value={code}>
            {showCode ? `${code} ${text}` : text}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <section className="audit-page" aria-labelledby="audit-heading">
      <h2 id="audit-heading">Audit trail</h2>
      <form className="search-form" aria-label="Filter the audit trail" onSubmit={submit}>
        {input('patient', 'Patient (hetu)')}
        {input('document', 'Document id')}
        {choice('kind', 'Kind', kinds)}
        {input('operator', 'Operator')}
        {choice('action', 'Action', actions, true)}
        {choice('outcome', 'Outcome', outcomes, true)}
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
          <AuditTable rows={load.list.rows} />
        </>
      )}
    </section>
  );
}
