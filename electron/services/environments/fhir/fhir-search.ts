/**
 * FHIR search over pages (FHIR R4 http.html#paging): DocumentQuery → search parameters, and a
 * collector that follows `Bundle.link[next]` until the last page or the limit, reporting progress
 * after each page. Next links go through the client, which refuses any other origin, and a link
 * seen twice ends the search as a bad answer instead of looping forever.
 */
import type { Bundle, FhirResource } from '../../../../shared/fhir/resources';
import { hetuSystem } from '../../../../shared/fhir/resources';
import { err, ok, type Result } from '../../../../shared/result';
import { environmentErrorCodes, type DocumentQuery, type SearchProgress } from '../connection';
import type { FhirClient } from './fhir-client';

/** The document OID system (RFC 3986 URIs: `urn:oid:<oid>`). */
const uriSystem = 'urn:ietf:rfc:3986';

/** The DocumentReference search parameters for a query; `_count` from the limit or page size. */
export function documentSearchParams(query: DocumentQuery, pageSize?: number): URLSearchParams {
  const params = new URLSearchParams();
  if (query.patient !== undefined)
    params.append('patient.identifier', `${hetuSystem}|${query.patient}`);
  if (query.documentId !== undefined) {
    const oid = query.documentId.replace(/^urn:oid:/, '');
    params.append('identifier', `${uriSystem}|urn:oid:${oid}`);
  }
  if (query.setId !== undefined) params.append('setid', query.setId);
  if (query.from !== undefined) params.append('date', `ge${query.from}`);
  if (query.to !== undefined) params.append('date', `le${query.to}`);
  if (query.type !== undefined) params.append('type', query.type);
  if (query.status !== undefined) params.append('status', query.status);
  const count = Math.min(pageSize ?? Infinity, query.limit ?? Infinity);
  if (Number.isFinite(count)) params.append('_count', String(Math.max(1, count)));
  return params;
}

export interface CollectOptions<R> {
  readonly resourceType: R extends { resourceType: infer T } ? T : never;
  /** Checks one matched resource; a message when it is not usable. */
  readonly check?: (resource: R) => string | undefined;
  readonly limit?: number;
  readonly onProgress?: (progress: SearchProgress) => void;
  readonly signal?: AbortSignal;
}

function badAnswer<T>(message: string): Result<T> {
  return err(environmentErrorCodes.badResponse, message);
}

/** Every matching resource of a search or history, page after page. */
export async function collectPages<R extends FhirResource>(
  client: FhirClient,
  firstPage: string,
  options: CollectOptions<R>,
): Promise<Result<R[]>> {
  const found: R[] = [];
  const seen = new Set<string>();
  let next: string | undefined = firstPage;
  while (next !== undefined) {
    seen.add(next);
    const page: Result<{ body: Bundle }> = await client.get<Bundle>(
      next,
      options.signal ? { signal: options.signal } : {},
    );
    if (!page.ok) return page;
    const bundle: Bundle = page.value.body;
    if (bundle.resourceType !== 'Bundle')
      return badAnswer(`The server answered a search with a ${bundle.resourceType}, not a Bundle.`);
    for (const [index, entry] of (bundle.entry ?? []).entries()) {
      const resource = entry.resource;
      if (entry.search?.mode === 'include' || resource?.resourceType !== options.resourceType)
        continue;
      const problem = options.check?.(resource as R);
      if (problem !== undefined)
        return badAnswer(`Entry ${index + 1} of the server's Bundle is not usable: ${problem}.`);
      found.push(resource as R);
    }
    const isFull = options.limit !== undefined && found.length >= options.limit;
    if (isFull) found.length = options.limit ?? found.length;
    options.onProgress?.({
      fetched: found.length,
      ...(typeof bundle.total === 'number' ? { total: bundle.total } : {}),
    });
    next = isFull ? undefined : bundle.link?.find((link) => link.relation === 'next')?.url;
    if (next !== undefined && seen.has(next))
      return badAnswer('The server sent the same next page link twice; the search was stopped.');
  }
  return ok(found);
}
