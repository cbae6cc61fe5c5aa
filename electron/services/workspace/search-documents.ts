/**
 * A document search for the table: checks the query (a hetu must be a valid test code, as the
 * test service demands), runs it with progress and cancellation, and records one BALP query
 * event per patient whose documents it returns, durable before the rows are (DOMAIN.md §6).
 */
import { queryEvent, type AuditContext } from '../../../shared/audit/builders';
import type { AuditEvent } from '../../../shared/audit/event';
import { parseHetu } from '../../../shared/identity/hetu';
import type { SearchQuery, SearchResult } from '../../../shared/ipc/workspace-types';
import { err, ok, type Result } from '../../../shared/result';
import type {
  DocumentQuery,
  EnvironmentConnection,
  SearchProgress,
} from '../environments/connection';
import { recordAll } from './audit-trail';
import { documentRow, matchesLocalFilters } from './document-rows';

export interface SearchInput {
  readonly searchId: string;
  readonly query: SearchQuery;
  readonly onProgress: (progress: SearchProgress) => void;
  readonly signal: AbortSignal;
}

/** Why a query cannot be sent, as a sentence, or nothing when it can. */
export function checkQuery(query: SearchQuery): Result<SearchQuery> {
  const given = Object.values(query).some((value) => value !== undefined && value !== '');
  if (!given)
    return err('search-empty', 'Give at least one search field: a patient, a document or a date.');
  if (query.patient !== undefined) {
    const hetu = parseHetu(query.patient);
    if (!hetu.valid)
      return err('search-invalid-hetu', hetu.message ?? 'The identity code is not valid.');
    if (!hetu.isTestCode)
      return err(
        'search-not-test-code',
        `${query.patient} is not a test identity code (individual number 900–999); test environments may only be searched for test patients.`,
      );
  }
  if (query.from && query.to && query.from > query.to)
    return err('search-dates', 'The start date is after the end date.');
  return ok(query);
}

function environmentQuery(query: SearchQuery): DocumentQuery {
  return {
    ...(query.patient ? { patient: query.patient } : {}),
    ...(query.documentId ? { documentId: query.documentId } : {}),
    ...(query.setId ? { setId: query.setId } : {}),
    ...(query.from ? { from: query.from } : {}),
    ...(query.to ? { to: query.to } : {}),
    ...(query.view ? { type: query.view } : {}),
    ...(query.status ? { status: query.status } : {}),
  };
}

/** The query as the audit record keeps it: its fields, URL-encoded. */
export function describeQuery(query: SearchQuery): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query))
    if (typeof value === 'string' && value !== '') params.append(name, value);
  return `DocumentReference?${params.toString()}`;
}

function queryEvents(
  context: AuditContext,
  patients: readonly string[],
  query: string,
  failure?: string,
): AuditEvent[] {
  return patients.map((hetu) =>
    queryEvent(context, hetu, query, failure ? { code: '8', description: failure } : undefined),
  );
}

/** Runs one search; the rows come back only after their query events are durable. */
export async function searchDocuments(
  home: string,
  connection: EnvironmentConnection,
  context: AuditContext,
  input: SearchInput,
): Promise<Result<SearchResult>> {
  const checked = checkQuery(input.query);
  if (!checked.ok) return checked;
  const query = checked.value;
  const described = describeQuery(query);
  const found = await connection.search(environmentQuery(query), {
    onProgress: input.onProgress,
    signal: input.signal,
  });
  if (!found.ok) {
    // A failed search that named a patient is still an attempt on that patient's data.
    if (query.patient && found.error.code !== 'env-cancelled')
      await recordAll(
        home,
        queryEvents(context, [query.patient], described, found.error.message),
        'the failure was not recorded',
      );
    return found;
  }
  const references = found.value.filter((reference) => matchesLocalFilters(reference, query));
  const rows = references.map(documentRow);
  const patients = [
    ...new Set([...(query.patient ? [query.patient] : []), ...rows.map((row) => row.patient)]),
  ].filter(Boolean);
  const recorded = await recordAll(
    home,
    queryEvents(context, patients, described),
    'the search results are not shown',
  );
  if (!recorded.ok) return recorded;
  return ok({ searchId: input.searchId, rows, auditedPatients: patients });
}
