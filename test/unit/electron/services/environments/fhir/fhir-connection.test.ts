/**
 * The FHIR environment connection against a real sandbox: search with paging and progress, the
 * query mapping, read with the CDA bytes (Binary and inline), history, Provenance and check.
 */
import { describe, expect, it } from 'vitest';
import type { SeedCatalog } from '../../../../../../electron/sandbox/seed/seed-types';
import {
  createFhirConnection,
  type FhirConnectionOptions,
} from '../../../../../../electron/services/environments/fhir/fhir-connection';
import type { SearchProgress } from '../../../../../../electron/services/environments/connection';
import { invalidationProfile } from '../../../../../../shared/fhir/resources';
import { cdaFor, testCatalog, testHetu } from '../../../sandbox/support/test-catalog';
import { onCleanup, proxiedSandbox, sandbox } from './support/fhir-fixtures';

function connect(baseUrl: string, options: Partial<FhirConnectionOptions> = {}) {
  const connection = createFhirConnection({ baseUrl, deadlineMs: 2000, ...options });
  onCleanup(() => connection.close());
  return connection;
}

function ids(result: { ok: boolean; value?: readonly { id?: string }[] }): (string | undefined)[] {
  return result.ok ? (result.value ?? []).map((resource) => resource.id) : ['failed'];
}

/** Documents d0, d3, … d27 belong to patient 0 in a 3-patient, 30-document catalogue. */
const patientZero = Array.from({ length: 10 }, (_, i) => `d${i * 3}`);

describe('search', () => {
  it('follows every next link and reports progress after each page', async () => {
    const running = await sandbox({ catalog: testCatalog(3, 30) });
    const progress: SearchProgress[] = [];
    const result = await connect(running.baseUrl, { pageSize: 3 }).search(
      { patient: testHetu(0) },
      { onProgress: (step) => progress.push(step) },
    );
    expect(ids(result)).toEqual(patientZero);
    expect(progress).toEqual([
      { fetched: 3, total: 10 },
      { fetched: 6, total: 10 },
      { fetched: 9, total: 10 },
      { fetched: 10, total: 10 },
    ]);
  });

  it('stops at the limit without fetching further pages', async () => {
    const running = await sandbox({ catalog: testCatalog(3, 30) });
    const progress: SearchProgress[] = [];
    const result = await connect(running.baseUrl, { pageSize: 4 }).search(
      { patient: testHetu(0), limit: 5 },
      { onProgress: (step) => progress.push(step) },
    );
    expect(ids(result)).toEqual(patientZero.slice(0, 5));
    expect(progress.map((step) => step.fetched)).toEqual([4, 5]);
  });

  it('maps dates, type, status, setId and document OID to search parameters', async () => {
    const running = await sandbox({ catalog: testCatalog(3, 30) });
    const connection = connect(running.baseUrl);
    const hetu = testHetu(0);
    // Document i is dated 2024-01-(1+i): d3 is 4 January, d9 is 10 January.
    const dated = await connection.search({ patient: hetu, from: '2024-01-04', to: '2024-01-10' });
    expect(ids(dated)).toEqual(['d3', 'd6', 'd9']);
    expect(ids(await connection.search({ patient: hetu, type: '2' }))).toEqual(
      patientZero.filter((id) => Number(id.slice(1)) % 2 === 0),
    );
    expect(ids(await connection.search({ setId: '1.2.246.10.999.7' }))).toEqual(['d7']);
    expect(ids(await connection.search({ documentId: '1.2.246.10.999.8.1' }))).toEqual(['d8']);
    expect(ids(await connection.search({ documentId: 'urn:oid:1.2.246.10.999.8.1' }))).toEqual([
      'd8',
    ]);
    expect(ids(await connection.search({ patient: hetu, status: 'entered-in-error' }))).toEqual([]);
  });

  it('refuses a next link to another origin', async () => {
    // Through the proxy, the sandbox's next links name its own port, not the proxy's.
    const { proxy } = await proxiedSandbox({ catalog: testCatalog(3, 30) });
    const result = await connect(proxy.url, { pageSize: 3 }).search({ patient: testHetu(0) });
    expect(result.ok ? 'ok' : result.error.code).toBe('env-bad-response');
    expect(result.ok ? '' : result.error.message).toContain(
      `Archivist only sends requests to ${proxy.url}`,
    );
  });
});

/** The test catalogue with document d1 carrying its CDA inline instead of in a Binary. */
function withInlineDocument(): SeedCatalog {
  const catalog = testCatalog(3, 6);
  return {
    ...catalog,
    documents: catalog.documents.map((document) =>
      document.documentReference.id === 'd1'
        ? {
            ...document,
            documentReference: {
              ...document.documentReference,
              content: [
                {
                  attachment: {
                    contentType: 'text/xml',
                    data: Buffer.from(cdaFor(testHetu(1), 'Inline')).toString('base64'),
                  },
                },
              ],
            },
          }
        : document,
    ),
  };
}

describe('read, history, provenance, check', () => {
  it('reads a document with the CDA bytes from its Binary, or inline', async () => {
    const running = await sandbox({ catalog: withInlineDocument() });
    const connection = connect(running.baseUrl);
    const stored = await connection.read('d2');
    expect(stored.ok && stored.value.reference.id).toBe('d2');
    expect(stored.ok && stored.value.contentType).toBe('application/hl7-v3+xml');
    expect(stored.ok && Buffer.from(stored.value.bytes).toString('utf8')).toBe(
      cdaFor(testHetu(2), 'Document 2'),
    );
    const inline = await connection.read('d1');
    expect(inline.ok && inline.value.contentType).toBe('text/xml');
    expect(inline.ok && Buffer.from(inline.value.bytes).toString('utf8')).toBe(
      cdaFor(testHetu(1), 'Inline'),
    );
  });

  it('says which document is missing, and refuses ids that are not FHIR ids', async () => {
    const running = await sandbox();
    const connection = connect(running.baseUrl);
    const missing = await connection.read('d999');
    expect(missing.ok ? 'ok' : missing.error).toEqual({
      code: 'env-not-found',
      message: 'DocumentReference/d999 was not found.',
    });
    const odd = await connection.read('../metadata');
    expect(odd.ok ? 'ok' : odd.error.message).toBe("'../metadata' is not a FHIR resource id.");
  });

  it('lists versions newest first and the invalidating Provenance', async () => {
    const running = await sandbox();
    const connection = connect(running.baseUrl);
    expect(ids(await connection.provenanceFor('d4'))).toEqual([]);
    const posted = await fetch(`${running.baseUrl}/Provenance`, {
      method: 'POST',
      headers: { 'content-type': 'application/fhir+json' },
      body: JSON.stringify({
        resourceType: 'Provenance',
        meta: { profile: [invalidationProfile] },
        target: [{ reference: 'DocumentReference/d4' }],
        recorded: '2026-11-28T10:00:00Z',
        agent: [{ who: { reference: 'Practitioner/test-1' } }],
      }),
    });
    expect(posted.status).toBe(201);
    const history = await connection.history('d4');
    expect(history.ok && history.value.map((v) => [v.meta?.versionId, v.status])).toEqual([
      ['2', 'entered-in-error'],
      ['1', 'current'],
    ]);
    const provenance = await connection.provenanceFor('d4');
    expect(provenance.ok && provenance.value.map((p) => p.target[0]?.reference)).toEqual([
      'DocumentReference/d4',
    ]);
  });

  it('checks what the server says about itself', async () => {
    const running = await sandbox({ catalog: testCatalog(3, 30) });
    const checked = await connect(running.baseUrl).check();
    expect(checked.ok ? checked.value : checked.error).toEqual({
      fhirVersion: '4.0.1',
      software: 'Archivist sandbox',
      documentCount: 30,
    });
  });

  it('passes on the client errors, typed', async () => {
    const { proxy } = await proxiedSandbox();
    proxy.setMode({ kind: 'refuse' });
    const checked = await connect(proxy.url, {
      retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
    }).check();
    expect(checked.ok ? 'ok' : checked.error.code).toBe('env-unreachable');
  });
});
