/**
 * A patient's date-sorted search stays right after every kind of write (plain HTTP): a new FHIR
 * version with another date, an invalidation, a new version of a setId, a document stored while
 * a client pages, and versions restored from `--data`. The expected order is computed here from
 * the patient's documents in insertion order, not by the sandbox's index.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxOptions } from '../../../../electron/sandbox/server';
import { type FhirJson } from './support/fhir-json';
import { cdaFor, testCatalog, testHetu } from './support/test-catalog';

type Resource = FhirJson & { readonly date?: string };

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function start(options: SandboxOptions = {}): Promise<string> {
  const started = await startSandbox({ catalog: testCatalog(2, 20), ...options });
  if (!started.ok) throw new Error(started.error.message);
  closers.push(started.value.close);
  return started.value.baseUrl;
}

async function send(url: string, method: string, body?: unknown) {
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/fhir+json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, json: (await response.json()) as FhirJson };
}

async function entries(url: string): Promise<Resource[]> {
  const { json } = await send(url, 'GET');
  return (json.entry ?? []).map((one) => one.resource as Resource);
}

/** The patient's documents sorted by the test: date, ties in insertion order, '' for no date. */
async function expectedIds(base: string, patient: string, sort: 'date' | '-date') {
  const inserted = await entries(`${base}/DocumentReference?patient=${patient}&_count=1000`);
  const direction = sort === 'date' ? 1 : -1;
  return inserted
    .map((resource, position) => ({ id: resource.id, date: resource.date ?? '', position }))
    .sort((a, b) =>
      a.date !== b.date ? (a.date < b.date ? -direction : direction) : a.position - b.position,
    )
    .map((one) => one.id);
}

async function expectDateOrders(base: string, patient: string): Promise<void> {
  for (const sort of ['date', '-date'] as const) {
    const expected = await expectedIds(base, patient, sort);
    const all = await entries(
      `${base}/DocumentReference?patient=${patient}&_sort=${sort}&_count=1000`,
    );
    expect(all.map((one) => one.id)).toEqual(expected);
    const first = await entries(
      `${base}/DocumentReference?patient=${patient}&_sort=${sort}&_count=3`,
    );
    expect(first.map((one) => one.id)).toEqual(expected.slice(0, 3));
  }
}

async function redate(base: string, id: string, date: string): Promise<void> {
  const { json } = await send(`${base}/DocumentReference/${id}`, 'GET');
  const updated = await send(`${base}/DocumentReference/${id}`, 'PUT', { ...json, date });
  expect(updated.status).toBe(200);
}

function storeDocument(base: string, patientIndex: number, date: string, setId?: string) {
  const hetu = testHetu(patientIndex);
  const extension = setId
    ? [
        {
          url: 'https://archivist.invalid/fhir/StructureDefinition/cda-set-id',
          valueIdentifier: { value: setId },
        },
      ]
    : [];
  return send(base, 'POST', {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [
      {
        fullUrl: 'urn:uuid:bin-1',
        resource: {
          resourceType: 'Binary',
          contentType: 'application/hl7-v3+xml',
          data: Buffer.from(cdaFor(hetu, 'New')).toString('base64'),
        },
      },
      {
        fullUrl: 'urn:uuid:doc-1',
        resource: {
          resourceType: 'DocumentReference',
          status: 'current',
          extension,
          subject: { identifier: { system: 'urn:oid:1.2.246.21', value: hetu } },
          date,
          content: [
            { attachment: { contentType: 'application/hl7-v3+xml', url: 'urn:uuid:bin-1' } },
          ],
        },
      },
    ],
  });
}

describe('date-sorted search after writes', () => {
  it('moves a document whose new version has another date, in both orders', async () => {
    const base = await start();
    await expectDateOrders(base, 'p0');
    await redate(base, 'd0', '2030-01-01T00:00:00Z');
    await redate(base, 'd18', '2000-01-01T00:00:00Z');
    await redate(base, 'd4', '2024-01-07T00:00:00Z'); // the same date as d6: a tie
    const newest = await entries(`${base}/DocumentReference?patient=p0&_sort=-date&_count=1`);
    expect(newest.map((one) => one.id)).toEqual(['d0']);
    const oldest = await entries(`${base}/DocumentReference?patient=p0&_sort=date&_count=1`);
    expect(oldest.map((one) => one.id)).toEqual(['d18']);
    await expectDateOrders(base, 'p0');
  });

  it('keeps an invalidated document in its place with its new status', async () => {
    const base = await start();
    const invalidated = await send(`${base}/Provenance`, 'POST', {
      resourceType: 'Provenance',
      meta: { profile: ['https://gen.kanta.fi/fhir/StructureDefinition/MitatointiProvenanceV2'] },
      target: [{ reference: 'DocumentReference/d3' }],
      recorded: '2026-11-28T10:00:00Z',
      agent: [{ who: { reference: 'Practitioner/test-1' } }],
    });
    expect(invalidated.status).toBe(201);
    await expectDateOrders(base, 'p1');
    const found = await entries(
      `${base}/DocumentReference?patient=p1&status=entered-in-error&_sort=-date`,
    );
    expect(found.map((one) => [one.id, one.status])).toEqual([['d3', 'entered-in-error']]);
  });

  it('files a new version of a setId and supersedes the earlier document', async () => {
    const base = await start();
    const stored = await storeDocument(base, 0, '2024-01-04T12:00:00Z', '1.2.246.10.999.2');
    expect(stored.status).toBe(200);
    const count = await send(`${base}/DocumentReference?patient=p0&_summary=count`, 'GET');
    expect(count.json.total).toBe(11);
    const oldest = await entries(`${base}/DocumentReference?patient=p0&_sort=date&_count=3`);
    expect(oldest.map((one) => one.status)).toEqual(['current', 'superseded', 'current']);
    expect(oldest[2]?.date).toBe('2024-01-04T12:00:00Z');
    await expectDateOrders(base, 'p0');
  });

  it('pages in date order without shifting while a newer document is stored', async () => {
    const base = await start();
    const expected = await expectedIds(base, 'p0', '-date');
    const first = await send(`${base}/DocumentReference?patient=p0&_sort=-date&_count=3`, 'GET');
    expect((await storeDocument(base, 0, '2031-01-01T00:00:00Z')).status).toBe(200);
    const seen = (first.json.entry ?? []).map((one) => one.resource?.id);
    let next = first.json.link?.find((link) => link.relation === 'next')?.url;
    while (next) {
      const page = await send(next, 'GET');
      expect(page.json.total).toBe(10);
      seen.push(...(page.json.entry ?? []).map((one) => one.resource?.id));
      next = page.json.link?.find((link) => link.relation === 'next')?.url;
    }
    expect(seen).toEqual(expected);
    const fresh = await entries(`${base}/DocumentReference?patient=p0&_sort=-date&_count=1`);
    expect(fresh[0]?.date).toBe('2031-01-01T00:00:00Z');
    await expectDateOrders(base, 'p0');
  });

  it('applies filters and the chained patient identifier on top of the date order', async () => {
    const base = await start();
    // p0 holds d0, d2, … d18; the 'social' category is every third document (d0, d6, d12, d18).
    await redate(base, 'd12', '2030-01-01T00:00:00Z');
    const expected = (await expectedIds(base, 'p0', '-date')).filter((id) =>
      ['d6', 'd12', 'd18'].includes(id ?? ''),
    );
    expect(expected).toEqual(['d12', 'd18', 'd6']);
    const chained = encodeURIComponent(`urn:oid:1.2.246.21|${testHetu(0)}`);
    const found = await entries(
      `${base}/DocumentReference?patient.identifier=${chained}&category=social&date=ge2024-01-02&_sort=-date`,
    );
    expect(found.map((one) => one.id)).toEqual(expected);
    const total = await send(
      `${base}/DocumentReference?patient.identifier=${chained}&category=social&_sort=-date&_summary=count`,
      'GET',
    );
    expect(total.json.total).toBe(4);
  });

  it('files versions restored from a data folder under their dates', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'archivist-sandbox-index-'));
    try {
      const first = await start({ dataDir });
      await redate(first, 'd2', '2030-01-01T00:00:00Z');
      expect((await storeDocument(first, 0, '1999-01-01T00:00:00Z')).status).toBe(200);
      for (const close of closers.splice(0)) await close();
      const again = await start({ dataDir });
      const newest = await entries(`${again}/DocumentReference?patient=p0&_sort=-date&_count=1`);
      expect(newest.map((one) => one.id)).toEqual(['d2']);
      const oldest = await entries(`${again}/DocumentReference?patient=p0&_sort=date&_count=1`);
      expect(oldest[0]?.date).toBe('1999-01-01T00:00:00Z');
      await expectDateOrders(again, 'p0');
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
