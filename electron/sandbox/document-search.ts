/**
 * DocumentReference search (FHIR R4 search.html): patient (plain and chained by identifier),
 * identifier, setid, date with prefixes, type, category, status, _count, _sort, _summary=count.
 * Paging takes a snapshot of the insertion sequence on the first page, so documents added while a
 * client pages through never shift or repeat entries.
 */
import { hetuSystem } from '../../shared/fhir/resources';
import type { FhirCodeableConcept, FhirIdentifier } from '../../shared/fhir/resources';
import { err, ok, type Result } from '../../shared/result';
import { patientInDateOrder } from './patient-index';
import { bareSetId, latest, type DocumentEntry, type SandboxStore } from './store';

/** A parsed search: filters, sort, page window and the snapshot sequence. */
export interface DocumentQuery {
  readonly filters: readonly ((entry: DocumentEntry) => boolean)[];
  readonly patientKeys?: readonly string[];
  readonly sort: 'sequence' | 'date' | '-date';
  readonly count: number;
  readonly offset: number;
  readonly snapshot: number | undefined;
  readonly isCountOnly: boolean;
}

const maxCount = 1000;
const known = new Set([
  'patient',
  'subject',
  'patient.identifier',
  'subject.identifier',
  'identifier',
  'setid',
  'date',
  'type',
  'category',
  'status',
  '_count',
  '_sort',
  '_summary',
  '_snapshot',
  '_offset',
  '_format',
]);

function tokenMatches(value: string, identifiers: readonly FhirIdentifier[]): boolean {
  const bar = value.indexOf('|');
  const system = bar >= 0 ? value.slice(0, bar) : undefined;
  const code = bar >= 0 ? value.slice(bar + 1) : value;
  return identifiers.some(
    (identifier) =>
      identifier.value === code && (system === undefined || identifier.system === system),
  );
}

function conceptMatches(value: string, concepts: readonly FhirCodeableConcept[]): boolean {
  const codings = concepts.flatMap((concept) => concept.coding ?? []);
  return value.split(',').some((one) =>
    tokenMatches(
      one,
      codings.map((coding) => ({ system: coding.system, value: coding.code })),
    ),
  );
}

function dateFilter(value: string): Result<(date: string | undefined) => boolean> {
  const match =
    /^(eq|ne|gt|lt|ge|le)?(\d{4}(-\d{2}(-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?)?)?)$/.exec(value);
  const instant = match?.[2];
  if (!match || !instant)
    return err('bad-date', `date '${value}' is not a FHIR date (e.g. ge2024-01-31).`);
  const prefix = match[1] ?? 'eq';
  // A partial date is a range: 2024-05 covers the whole month (FHIR search.html#date).
  const low = instant;
  const high = `${instant}\uffff`;
  return ok((date) => {
    if (date === undefined) return false;
    switch (prefix) {
      case 'gt':
        return date > high;
      case 'ge':
        return date >= low;
      case 'lt':
        return date < low;
      case 'le':
        return date <= high;
      case 'ne':
        return !(date >= low && date <= high);
      default:
        return date >= low && date <= high;
    }
  });
}

function patientKeysFor(store: SandboxStore, name: string, value: string): string[] {
  if (name.endsWith('.identifier')) {
    const bar = value.indexOf('|');
    const system = bar >= 0 ? value.slice(0, bar) : hetuSystem;
    const hetu = bar >= 0 ? value.slice(bar + 1) : value;
    if (system !== hetuSystem) return [];
    return [store.patientByHetu.get(hetu) ?? `hetu:${hetu}`];
  }
  return [value.startsWith('Patient/') ? value.slice('Patient/'.length) : value];
}

function integerParam(name: string, value: string, min: number): Result<number> {
  if (!/^\d+$/.test(value) || Number(value) < min)
    return err('bad-integer', `${name} must be a whole number ≥ ${min}, not '${value}'.`);
  return ok(Number(value));
}

type Filter = (entry: DocumentEntry) => boolean;
type Draft = { -readonly [K in keyof DocumentQuery]: DocumentQuery[K] } & { filters: Filter[] };

function identifierFilter(value: string): Filter {
  return (entry) => {
    const doc = latest(entry);
    const ids = [
      ...(doc.masterIdentifier ? [doc.masterIdentifier] : []),
      ...(doc.identifier ?? []),
    ];
    return value.split(',').some((one) => tokenMatches(one, ids));
  };
}

/** A filter for a matching parameter; undefined when the parameter is a result control. */
function filterFor(name: string, value: string): Result<Filter> | undefined {
  switch (name) {
    case 'identifier':
      return ok(identifierFilter(value));
    case 'setid':
      return ok((entry) =>
        value
          .split(',')
          .map(bareSetId)
          .includes(entry.setId ?? ''),
      );
    case 'date': {
      const test = dateFilter(value);
      return test.ok ? ok((entry) => test.value(latest(entry).date)) : test;
    }
    case 'type':
      return ok((entry) => conceptMatches(value, [latest(entry).type ?? {}]));
    case 'category':
      return ok((entry) => conceptMatches(value, latest(entry).category ?? []));
    case 'status':
      return ok((entry) => value.split(',').includes(latest(entry).status));
    default:
      return undefined;
  }
}

/** Applies a result control (_count, _offset, _snapshot, _sort, _summary) to the draft. */
function applyControl(draft: Draft, name: string, value: string): Result<void> {
  if (name === '_count' || name === '_offset' || name === '_snapshot') {
    const parsed = integerParam(name, value, 0);
    if (!parsed.ok) return parsed;
    if (name === '_count') draft.count = Math.min(parsed.value, maxCount);
    else if (name === '_offset') draft.offset = parsed.value;
    else draft.snapshot = parsed.value;
  } else if (name === '_sort') {
    if (value !== 'date' && value !== '-date')
      return err('bad-sort', `_sort supports 'date' and '-date', not '${value}'.`);
    draft.sort = value;
  } else if (name === '_summary') {
    if (value !== 'count' && value !== 'false')
      return err('bad-summary', `_summary supports 'count' and 'false', not '${value}'.`);
    draft.isCountOnly = value === 'count';
  }
  return ok(undefined);
}

/** Parses the query string of `GET /DocumentReference`; unknown parameters are an error (400). */
export function parseDocumentQuery(
  store: SandboxStore,
  params: URLSearchParams,
): Result<DocumentQuery> {
  const draft: Draft = {
    filters: [],
    sort: 'sequence',
    count: 50,
    offset: 0,
    snapshot: undefined,
    isCountOnly: false,
  };
  for (const [rawName, value] of params) {
    const name = rawName.toLowerCase() === 'setid' ? 'setid' : rawName;
    if (!known.has(name))
      return err(
        'unknown-parameter',
        `Unknown search parameter '${rawName}' for DocumentReference.`,
      );
    if (name === 'patient' || name === 'subject' || name.endsWith('.identifier')) {
      const keys = value.split(',').flatMap((one) => patientKeysFor(store, name, one));
      // Several patient parameters narrow the search (FHIR: repeated parameters are AND).
      draft.patientKeys = draft.patientKeys
        ? draft.patientKeys.filter((key) => keys.includes(key))
        : keys;
      continue;
    }
    const filter = filterFor(name, value);
    if (filter && !filter.ok) return filter;
    if (filter) draft.filters.push(filter.value);
    else {
      const applied = applyControl(draft, name, value);
      if (!applied.ok) return applied;
    }
  }
  return ok(draft);
}

function sortByDate(entries: readonly DocumentEntry[], direction: 1 | -1): DocumentEntry[] {
  // Keys computed once: the comparator runs ~n log n times (4,000 documents per patient at scale).
  const keyed = entries.map((entry) => ({ entry, date: latest(entry).date ?? '' }));
  keyed.sort((a, b) => {
    if (a.date !== b.date) return a.date < b.date ? -direction : direction;
    // Ties broken by sequence so that pages never reorder between requests.
    return a.entry.sequence - b.entry.sequence;
  });
  return keyed.map((item) => item.entry);
}

/**
 * The candidates in the requested order. One patient's date orders come from the index the store
 * keeps up to date; other date-sorted views (several patients, everyone) are sorted and cached
 * until the store changes.
 */
function orderedCandidates(store: SandboxStore, query: DocumentQuery): readonly DocumentEntry[] {
  const keys = query.patientKeys;
  if (query.sort !== 'sequence' && keys?.length === 1 && keys[0] !== undefined)
    return patientInDateOrder(store.dateIndex, keys[0], query.sort);
  const candidates = keys ? keys.flatMap((key) => store.byPatient.get(key) ?? []) : store.all;
  if (query.sort === 'sequence') return candidates;
  const cacheKey = `${query.sort}|${keys?.join(',') ?? '*'}`;
  const cached = store.sortedViews.get(cacheKey);
  if (cached?.revision === store.revision) return cached.entries;
  const entries = sortByDate(candidates, query.sort === 'date' ? 1 : -1);
  if (store.sortedViews.size > 256) store.sortedViews.clear();
  store.sortedViews.set(cacheKey, { revision: store.revision, entries });
  return entries;
}

/** Runs a query: every match within the snapshot, in the requested order. */
export function runDocumentQuery(store: SandboxStore, query: DocumentQuery): DocumentEntry[] {
  const limit = query.snapshot ?? store.nextSequence - 1;
  return orderedCandidates(store, query).filter(
    (entry) => entry.sequence <= limit && query.filters.every((test) => test(entry)),
  );
}
