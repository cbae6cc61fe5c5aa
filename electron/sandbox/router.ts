/** Routes one FHIR request to its handler; unknown routes are 404, bad bodies 400. */
import type { Bundle, Patient } from '../../shared/fhir/resources';
import { hetuSystem } from '../../shared/fhir/resources';
import { capabilityStatement, setIdSearchParameter } from './capability';
import { readBinary, readDocument, searchDocuments } from './documents';
import { fhirResponse, notFound, outcome, type SandboxResponse } from './outcome';
import { postProvenance, readProvenance, searchProvenance } from './provenance';
import { postDocument, postTransaction, putDocument, type WriteContext } from './writes';

/** The parts of a request the router reads. */
export interface SandboxRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: string;
}

function searchPatients(context: WriteContext, params: URLSearchParams): SandboxResponse {
  for (const name of params.keys())
    if (name !== 'identifier' && name !== '_count')
      return outcome(400, 'invalid', `Unknown search parameter '${name}' for Patient.`);
  const wanted = params.get('identifier');
  const value = wanted?.startsWith(`${hetuSystem}|`) ? wanted.slice(hetuSystem.length + 1) : wanted;
  const patients = [...context.store.patients.values()].filter(
    (patient) => value === null || patient.identifier?.some((id) => id.value === value),
  );
  const bundle: Bundle<Patient> = {
    resourceType: 'Bundle',
    type: 'searchset',
    total: patients.length,
    link: [{ relation: 'self', url: `${context.baseUrl}/Patient?${params.toString()}` }],
    entry: patients.map((resource) => ({
      fullUrl: `${context.baseUrl}/Patient/${resource.id}`,
      resource,
      search: { mode: 'match' },
    })),
  };
  return fhirResponse(200, bundle);
}

function parseBody(request: SandboxRequest): { value?: unknown; error?: SandboxResponse } {
  try {
    return { value: JSON.parse(request.body) as unknown };
  } catch {
    return { error: outcome(400, 'structure', 'The request body is not valid JSON.') };
  }
}

async function routeWrite(
  context: WriteContext,
  request: SandboxRequest,
  parts: string[],
): Promise<SandboxResponse> {
  const body = parseBody(request);
  if (body.error) return body.error;
  const [type, id, ...rest] = parts;
  if (request.method === 'POST' && type === undefined) return postTransaction(context, body.value);
  if (request.method === 'POST' && type === 'DocumentReference' && id === undefined)
    return postDocument(context, body.value, request.headers['if-none-exist']);
  if (
    request.method === 'PUT' &&
    type === 'DocumentReference' &&
    id !== undefined &&
    rest.length === 0
  )
    return putDocument(context, id, body.value, request.headers['if-match']);
  if (request.method === 'POST' && type === 'Provenance' && id === undefined)
    return postProvenance(context, body.value, request.headers['if-none-exist']);
  return outcome(
    405,
    'not-supported',
    `${request.method} ${request.url.pathname} is not supported by this sandbox.`,
  );
}

function routeRead(
  context: WriteContext,
  request: SandboxRequest,
  parts: string[],
): SandboxResponse {
  const [type, id, history, versionId, ...extra] = parts;
  const params = request.url.searchParams;
  if (extra.length > 0 || (history !== undefined && history !== '_history'))
    return notFound(`The route ${request.url.pathname}`);
  if (type === 'metadata' && id === undefined)
    return fhirResponse(200, capabilityStatement(context.baseUrl) as never);
  if (type === 'SearchParameter' && id === 'setid')
    return fhirResponse(200, setIdSearchParameter as never);
  if (type === 'DocumentReference') {
    if (id === undefined) return searchDocuments(context.store, context.baseUrl, params);
    return readDocument(context.store, context.baseUrl, id, history !== undefined, versionId);
  }
  if (type === 'Binary' && id !== undefined && history === undefined)
    return readBinary(context.store, id, request.headers['accept'] ?? '');
  if (type === 'Patient') {
    if (id === undefined) return searchPatients(context, params);
    const patient = context.store.patients.get(id);
    return patient && history === undefined
      ? fhirResponse(200, patient)
      : notFound(`Patient/${id}`);
  }
  if (type === 'Provenance')
    return id === undefined ? searchProvenance(context, params) : readProvenance(context, id);
  return notFound(`The route ${request.url.pathname}`);
}

/** Handles one request. */
export async function route(
  context: WriteContext,
  request: SandboxRequest,
): Promise<SandboxResponse> {
  const parts = request.url.pathname
    .split('/')
    .filter((part) => part !== '')
    .map(decodeURIComponent);
  if (request.method === 'GET' || request.method === 'HEAD')
    return routeRead(context, request, parts);
  if (request.method === 'POST' || request.method === 'PUT')
    return routeWrite(context, request, parts);
  return outcome(405, 'not-supported', `${request.method} is not supported by this sandbox.`);
}
