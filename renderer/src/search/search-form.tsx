/**
 * The search form (issue 6, item 2): personal identity code validated as it is typed (the
 * reason is shown beside the field and the search is refused until it is fixed), document OID,
 * setId, service event id, date range, register, view and status. Submitting changes the
 * address, so the search is addressable and a reload repeats it.
 */
import { useId, useState, type FormEvent } from 'react';
import type { SearchQuery } from '../../../shared/ipc/workspace-types';
import { hetuFeedback } from './hetu-check';

type Fields = Record<keyof SearchQuery, string>;

const emptyFields: Fields = {
  patient: '',
  documentId: '',
  setId: '',
  serviceEventId: '',
  from: '',
  to: '',
  register: '',
  view: '',
  status: '',
};

function fieldsOf(query: SearchQuery): Fields {
  return { ...emptyFields, ...query };
}

function queryOf(fields: Fields): SearchQuery {
  const query: Record<string, string> = {};
  for (const [key, value] of Object.entries(fields)) {
    const trimmed = value.trim();
    if (trimmed) query[key] = key === 'patient' ? trimmed.toUpperCase() : trimmed;
  }
  return query as SearchQuery;
}

const registers = [
  ['', 'any register'],
  ['1', '1 separate storage'],
  ['2', '2 public healthcare'],
  ['3', '3 private healthcare'],
  ['4', '4 occupational health'],
  ['7', "7 patient's own documents"],
  ['10', '10 private practitioner'],
] as const;

export function SearchForm({
  initial,
  onSearch,
}: {
  readonly initial: SearchQuery;
  readonly onSearch: (query: SearchQuery) => void;
}) {
  const [fields, setFields] = useState<Fields>(() => fieldsOf(initial));
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const id = useId();
  const feedback = hetuFeedback(fields.patient);
  const set = (key: keyof SearchQuery) => (value: string) => {
    setProblem(undefined);
    setFields((old) => ({ ...old, [key]: value }));
  };

  function submit(event: FormEvent): void {
    event.preventDefault();
    if (feedback.kind === 'refused' || feedback.kind === 'incomplete') {
      setProblem(`The identity code is refused: ${feedback.message}`);
      return;
    }
    const query = queryOf(fields);
    if (Object.keys(query).length === 0) {
      setProblem('Give at least one search field: a patient, a document or a date.');
      return;
    }
    onSearch(query);
  }

  const text = (key: keyof SearchQuery, label: string, placeholder = '') => (
    <label className="form-field">
      <span>{label}</span>
      <input
        value={fields[key]}
        placeholder={placeholder}
        onChange={(event) => set(key)(event.target.value)}
        spellCheck={false}
      />
    </label>
  );

  return (
    <form className="search-form" aria-label="Search documents" onSubmit={submit} noValidate>
      <label className="form-field form-field-wide">
        <span>Personal identity code (hetu)</span>
        <input
          name="patient"
          value={fields.patient}
          placeholder="010181-900C"
          autoComplete="off"
          spellCheck={false}
          aria-invalid={feedback.kind === 'refused'}
          aria-describedby={`${id}-hetu`}
          onChange={(event) => set('patient')(event.target.value)}
        />
        <span
          id={`${id}-hetu`}
          className={`field-feedback feedback-${feedback.kind}`}
          aria-live="polite"
        >
          {feedback.kind === 'empty' ? '' : feedback.message}
        </span>
      </label>
      {text('documentId', 'Document OID')}
      {text('setId', 'Set id')}
      {text('serviceEventId', 'Service event id')}
      <label className="form-field">
        <span>From</span>
        <input
          type="date"
          value={fields.from}
          onChange={(event) => set('from')(event.target.value)}
        />
      </label>
      <label className="form-field">
        <span>To</span>
        <input type="date" value={fields.to} onChange={(event) => set('to')(event.target.value)} />
      </label>
      <label className="form-field">
        <span>Register</span>
        <select value={fields.register} onChange={(event) => set('register')(event.target.value)}>
          {registers.map(([code, label]) => (
            <option key={code} value={code}>
              {label}
            </option>
          ))}
        </select>
      </label>
      {text('view', 'View (type code)', 'e.g. YLE')}
      <label className="form-field">
        <span>Status</span>
        <select value={fields.status} onChange={(event) => set('status')(event.target.value)}>
          <option value="">any status</option>
          <option value="current">current</option>
          <option value="superseded">replaced (superseded)</option>
          <option value="entered-in-error">invalidated (entered-in-error)</option>
        </select>
      </label>
      <div className="form-actions">
        <button type="submit" className="primary-button">
          Search
        </button>
      </div>
      {problem && (
        <p className="form-problem" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
