/** DocumentReference and Binary reads: read, vread, instance history, search bundles, bytes. */
import type { Binary, Bundle, DocumentReference } from '../../shared/fhir/resources';
import { parseDocumentQuery, runDocumentQuery } from './document-search';
import {
  badRequest,
  fhirJsonResponse,
  fhirResponse,
  notFound,
  type SandboxResponse,
} from './outcome';
import { resourceJson } from './resource-json';
import { latest, type SandboxStore, type StoredDocumentReference } from './store';

function etagOf(resource: StoredDocumentReference): string {
  return `W/"${resource.meta.versionId}"`;
}

/** One version of a DocumentReference with its ETag and Last-Modified. */
export function documentResponse(resource: StoredDocumentReference, status = 200): SandboxResponse {
  return fhirResponse(status, resource, {
    etag: etagOf(resource),
    'last-modified': new Date(resource.meta.lastUpdated).toUTCString(),
  });
}

/** GET DocumentReference/id[/_history[/vid]]. */
export function readDocument(
  store: SandboxStore,
  baseUrl: string,
  id: string,
  history: boolean,
  versionId: string | undefined,
): SandboxResponse {
  const entry = store.documents.get(id);
  if (!entry) return notFound(`DocumentReference/${id}`);
  if (versionId !== undefined) {
    const version = entry.versions.find((candidate) => candidate.meta.versionId === versionId);
    return version
      ? documentResponse(version)
      : notFound(`Version ${versionId} of DocumentReference/${id}`);
  }
  if (!history) return documentResponse(latest(entry));
  const bundle: Bundle<DocumentReference> = {
    resourceType: 'Bundle',
    type: 'history',
    total: entry.versions.length,
    entry: [...entry.versions].reverse().map((version) => ({
      fullUrl: `${baseUrl}/DocumentReference/${id}`,
      resource: version,
      request: {
        method: version.meta.versionId === '1' ? 'POST' : 'PUT',
        url: 'DocumentReference',
      },
      response: { status: version.meta.versionId === '1' ? '201' : '200', etag: etagOf(version) },
    })),
  };
  return fhirResponse(200, bundle);
}

function pageUrl(baseUrl: string, params: URLSearchParams, snapshot: number, offset: number) {
  const next = new URLSearchParams(params);
  next.set('_snapshot', String(snapshot));
  next.set('_offset', String(offset));
  return `${baseUrl}/DocumentReference?${next.toString()}`;
}

/** GET DocumentReference?… : a searchset with self/next/previous links over a stable snapshot. */
export function searchDocuments(
  store: SandboxStore,
  baseUrl: string,
  params: URLSearchParams,
): SandboxResponse {
  const query = parseDocumentQuery(store, params);
  if (!query.ok) return badRequest(query.error.message);
  const snapshot = query.value.snapshot ?? store.nextSequence - 1;
  const matches = runDocumentQuery(store, { ...query.value, snapshot });
  if (query.value.isCountOnly)
    return fhirResponse(200, { resourceType: 'Bundle', type: 'searchset', total: matches.length });
  const { offset, count } = query.value;
  const page = matches.slice(offset, offset + count);
  const base = new URLSearchParams(params);
  base.delete('_snapshot');
  base.delete('_offset');
  const links = [{ relation: 'self', url: pageUrl(baseUrl, base, snapshot, offset) }];
  if (count > 0 && offset + count < matches.length)
    links.push({ relation: 'next', url: pageUrl(baseUrl, base, snapshot, offset + count) });
  if (offset > 0)
    links.push({
      relation: 'previous',
      url: pageUrl(baseUrl, base, snapshot, Math.max(0, offset - count)),
    });
  // The same JSON as stringifying the whole Bundle (key order included), with each resource's
  // text from the per-version cache.
  const head = JSON.stringify({
    resourceType: 'Bundle',
    type: 'searchset',
    total: matches.length,
    link: links,
  });
  const entries = page.map(
    (entry) =>
      `{"fullUrl":${JSON.stringify(`${baseUrl}/DocumentReference/${entry.id}`)},"resource":${resourceJson(latest(entry))},"search":{"mode":"match"}}`,
  );
  return fhirJsonResponse(200, `${head.slice(0, -1)},"entry":[${entries.join(',')}]}`);
}

/** GET Binary/id: the CDA bytes, or a FHIR Binary when the client asks for FHIR JSON. */
export function readBinary(store: SandboxStore, id: string, accept: string): SandboxResponse {
  const binary = store.binaries.get(id);
  if (!binary) return notFound(`Binary/${id}`);
  const bytes = binary.bytes();
  if (/application\/(fhir\+)?json/.test(accept)) {
    const resource: Binary = {
      resourceType: 'Binary',
      id,
      contentType: binary.contentType,
      data: Buffer.from(bytes).toString('base64'),
    };
    return fhirResponse(200, resource);
  }
  return { status: 200, headers: { 'content-type': binary.contentType }, body: bytes };
}
