/**
 * Drives the sandbox with plain HTTP (fetch only, no project client code) and checks standard
 * FHIR R4 behaviour: Bundle types, paging, history, conditional create, If-Match, OperationOutcome.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../../../electron/sandbox/server';
import { type FhirJson } from './support/fhir-json';
import { cdaFor, testCatalog, testHetu } from './support/test-catalog';

/** A request body: plain JSON built by the test. */
type FhirBody = Record<string, unknown>;

let baseUrl = '';
let close: () => Promise<void> = async () => undefined;

beforeAll(async () => {
  const started = await startSandbox({ catalog: testCatalog(3, 12) });
  if (!started.ok) throw new Error(started.error.message);
  ({ baseUrl, close } = started.value);
});
afterAll(() => close());

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(path.startsWith('http') ? path : `${baseUrl}${path}`, { headers });
  return {
    status: response.status,
    headers: response.headers,
    json: (await response.json()) as FhirJson,
  };
}

async function send(
  method: string,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/fhir+json', ...headers },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    headers: response.headers,
    json: (await response.json()) as FhirJson,
  };
}

function documentFor(hetu: string, extra: FhirBody = {}): FhirBody {
  return {
    resourceType: 'DocumentReference',
    status: 'current',
    subject: { identifier: { system: 'urn:oid:1.2.246.21', value: hetu } },
    date: '2025-06-01T10:00:00Z',
    content: [{ attachment: { contentType: 'application/hl7-v3+xml', url: 'urn:uuid:bin-1' } }],
    ...extra,
  };
}

function transaction(hetu: string, cdaHetu = hetu, extra: FhirBody = {}): FhirBody {
  return {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [
      {
        fullUrl: 'urn:uuid:bin-1',
        resource: {
          resourceType: 'Binary',
          contentType: 'application/hl7-v3+xml',
          data: Buffer.from(cdaFor(cdaHetu, 'New')).toString('base64'),
        },
        request: { method: 'POST', url: 'Binary' },
      },
      {
        fullUrl: 'urn:uuid:doc-1',
        resource: documentFor(hetu, extra),
        request: { method: 'POST', url: 'DocumentReference' },
      },
    ],
  };
}

describe('sandbox FHIR behaviour (plain HTTP)', () => {
  it('serves a CapabilityStatement for FHIR 4.0.1 documenting setid', async () => {
    const { status, json } = await get('/metadata');
    expect(status).toBe(200);
    expect(json.fhirVersion).toBe('4.0.1');
    expect(JSON.stringify(json)).toContain('"setid"');
  });

  it('finds a patient by hetu identifier and searches documents by chained identifier', async () => {
    const patients = await get(`/Patient?identifier=urn:oid:1.2.246.21|${testHetu(1)}`);
    expect(patients.json.type).toBe('searchset');
    expect(patients.json.entry?.[0]?.resource?.id).toBe('p1');
    const docs = await get(
      `/DocumentReference?patient.identifier=urn:oid:1.2.246.21|${testHetu(1)}`,
    );
    expect(docs.json.total).toBe(4);
    const same = await get(
      `/DocumentReference?subject.identifier=urn:oid:1.2.246.21|${testHetu(1)}`,
    );
    expect(same.json.total).toBe(4);
  });

  it('filters by date range, type, status, identifier and setid, and sorts by -date', async () => {
    const ranged = await get('/DocumentReference?date=ge2024-01-03&date=lt2024-01-06');
    expect(ranged.json.total).toBe(3);
    expect(
      (await get('/DocumentReference?type=urn:oid:1.2.246.537.5.40150.2009|3')).json.total,
    ).toBe(6);
    expect(
      (await get('/DocumentReference?identifier=urn:oid:1.2.246.10.999.4.1')).json.entry?.[0]
        ?.resource?.id,
    ).toBe('d4');
    expect(
      (await get('/DocumentReference?setid=1.2.246.10.999.5')).json.entry?.[0]?.resource?.id,
    ).toBe('d5');
    const sorted = await get('/DocumentReference?_sort=-date&_count=2');
    expect(sorted.json.entry?.map((e) => e.resource?.id)).toEqual(['d11', 'd10']);
    const empty = await get('/DocumentReference?_count=0');
    expect(empty.json.entry).toEqual([]);
    expect(empty.json.link?.some((link) => link.relation === 'next')).toBe(false);
    expect((await get('/DocumentReference?_summary=count')).json).toMatchObject({
      type: 'searchset',
      total: 12,
    });
  });

  it('pages with Bundle.link next that stays stable while documents are added', async () => {
    const first = await get('/DocumentReference?patient=p0&_count=2');
    const next = first.json.link?.find((link) => link.relation === 'next')?.url ?? '';
    const added = await send('POST', '/', transaction(testHetu(0)));
    expect(added.status).toBe(200);
    const second = await get(next);
    expect(second.json.entry?.map((e) => e.resource?.id)).toEqual(['d6', 'd9']);
    expect(second.json.total).toBe(4);
    expect(second.json.link?.some((link) => link.relation === 'next')).toBe(false);
  });

  it('stores a transaction and answers with a transaction-response; Binary comes back as bytes', async () => {
    const { json } = await send('POST', '/', transaction(testHetu(2)));
    expect(json.type).toBe('transaction-response');
    const location = json.entry?.[1]?.response?.location ?? '';
    const doc = await get(`/${location}`);
    const binaryUrl = doc.json.content?.[0]?.attachment?.url ?? '';
    const bytes = await fetch(`${baseUrl}/${binaryUrl}`);
    expect(bytes.headers.get('content-type')).toBe('application/hl7-v3+xml');
    expect(await bytes.text()).toContain(testHetu(2));
    const asFhir = await get(`/${binaryUrl}`, { accept: 'application/fhir+json' });
    expect(asFhir.json.resourceType).toBe('Binary');
  });

  it('stores a new version of a setId and supersedes the earlier one', async () => {
    const setId = {
      url: 'https://archivist.invalid/fhir/StructureDefinition/cda-set-id',
      valueIdentifier: { value: '1.2.246.10.999.0' },
    };
    const stored = await send(
      'POST',
      '/',
      transaction(testHetu(0), testHetu(0), { extension: [setId] }),
    );
    expect(stored.status).toBe(200);
    const series = await get('/DocumentReference?setid=urn:oid:1.2.246.10.999.0&_sort=date');
    expect(series.json.entry?.map((e) => e.resource?.status)).toEqual(['superseded', 'current']);
    expect((await get('/DocumentReference/d0/_history')).json.total).toBe(2);
  });

  it('refuses a non-test hetu in the CDA, naming the code and where', async () => {
    const { status, json } = await send('POST', '/', transaction(testHetu(0), '010181-123A'));
    expect(status).toBe(422);
    expect(json.resourceType).toBe('OperationOutcome');
    expect(json.issue?.[0]?.diagnostics).toContain('010181-123A');
    expect(json.issue?.[0]?.diagnostics).toContain('Binary (CDA), line 4');
  });

  it('refuses a non-test hetu in the DocumentReference subject, naming the path', async () => {
    const { status, json } = await send('POST', '/DocumentReference', documentFor('010181-123A'));
    expect(status).toBe(422);
    expect(json.issue?.[0]?.diagnostics).toContain('010181-123A');
    expect(json.issue?.[0]?.diagnostics).toContain('in DocumentReference.subject.identifier ');
  });

  it('honours If-None-Exist and If-Match, and keeps versions in _history', async () => {
    const body = documentFor(testHetu(1), {
      masterIdentifier: { value: 'urn:oid:1.2.246.10.777.1' },
    });
    const created = await send('POST', '/DocumentReference', body, {
      'if-none-exist': 'identifier=urn:oid:1.2.246.10.777.1',
    });
    expect(created.status).toBe(201);
    const again = await send('POST', '/DocumentReference', body, {
      'if-none-exist': 'identifier=urn:oid:1.2.246.10.777.1',
    });
    expect(again.status).toBe(200);
    expect(again.json.id).toBe(created.json.id);
    const id = created.json.id ?? '';
    const stale = await send(
      'PUT',
      `/DocumentReference/${id}`,
      { ...body, id, description: 'x' },
      { 'if-match': 'W/"7"' },
    );
    expect(stale.status).toBe(412);
    expect(stale.json.resourceType).toBe('OperationOutcome');
    const updated = await send(
      'PUT',
      `/DocumentReference/${id}`,
      { ...body, id, description: 'x' },
      { 'if-match': 'W/"1"' },
    );
    expect(updated.json.meta?.versionId).toBe('2');
    const history = await get(`/DocumentReference/${id}/_history`);
    expect(history.json.type).toBe('history');
    expect(history.json.entry?.map((e) => e.resource?.meta?.versionId)).toEqual(['2', '1']);
    expect((await get(`/DocumentReference/${id}/_history/1`)).json.description).toBeUndefined();
  });

  it('answers unknown resources with 404 and bad parameters with 400, both OperationOutcomes', async () => {
    const missing = await get('/DocumentReference/nope');
    expect(missing.status).toBe(404);
    expect(missing.json.issue?.[0]?.diagnostics).toContain('DocumentReference/nope');
    expect((await get('/Nothing')).status).toBe(404);
    const bad = await get('/DocumentReference?date=yesterday');
    expect(bad.status).toBe(400);
    expect(bad.json.issue?.[0]?.diagnostics).toContain('yesterday');
    expect((await get('/DocumentReference?colour=red')).status).toBe(400);
  });
});
