/** Invalidation Provenance rules, persistence across restarts, faults and the calendar (plain HTTP). */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseFaultSpec } from '../../../../electron/sandbox/faults';
import { startSandbox, type SandboxOptions } from '../../../../electron/sandbox/server';
import { type FhirJson } from './support/fhir-json';
import { testCatalog } from './support/test-catalog';

/** A request body: plain JSON built by the test. */
type FhirBody = Record<string, unknown>;

const profile = 'https://gen.kanta.fi/fhir/StructureDefinition/MitatointiProvenanceV2';
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function start(options: SandboxOptions = {}): Promise<string> {
  const started = await startSandbox({ catalog: testCatalog(3, 12), ...options });
  if (!started.ok) throw new Error(started.error.message);
  closers.push(started.value.close);
  return started.value.baseUrl;
}

async function post(url: string, body: unknown) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/fhir+json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as FhirJson };
}

const provenance = (target = 'DocumentReference/d3'): FhirBody => ({
  resourceType: 'Provenance',
  meta: { profile: [profile] },
  target: [{ reference: target, display: 'Document 3' }],
  recorded: '2026-11-28T10:00:00Z',
  agent: [{ who: { reference: 'Practitioner/test-1' } }],
});

describe('invalidation Provenance', () => {
  it.each(['reason', 'occurred', 'policy', 'location', 'text'])(
    'refuses %s with 422',
    async (name) => {
      const base = await start();
      const { status, json } = await post(`${base}/Provenance`, {
        ...provenance(),
        [name]: name === 'text' ? { status: 'generated', div: '<div/>' } : [{ text: 'x' }],
      });
      expect(status).toBe(422);
      expect(json.resourceType).toBe('OperationOutcome');
      expect(json.issue?.[0]?.diagnostics).toContain(`Provenance.${name} is not allowed`);
    },
  );

  it('refuses two targets and a missing profile', async () => {
    const base = await start();
    const twice = await post(`${base}/Provenance`, {
      ...provenance(),
      target: [{ reference: 'DocumentReference/d1' }, { reference: 'DocumentReference/d2' }],
    });
    expect(twice.status).toBe(422);
    expect(twice.json.issue?.[0]?.diagnostics).toContain('exactly one');
    const noProfile = await post(`${base}/Provenance`, { ...provenance(), meta: {} });
    expect(noProfile.json.issue?.[0]?.expression).toEqual(['Provenance.meta.profile']);
  });

  it('honours If-None-Exist on _source: a resent request finds the first Provenance', async () => {
    const base = await start();
    const source = 'urn:uuid:6f1c3c52-3a0e-4c8e-9d51-2b7d9a1e0c11';
    const body = { ...provenance(), meta: { profile: [profile], source } };
    const send = async () => {
      const response = await fetch(`${base}/Provenance`, {
        method: 'POST',
        headers: {
          'content-type': 'application/fhir+json',
          'if-none-exist': `_source=${encodeURIComponent(source)}`,
        },
        body: JSON.stringify(body),
      });
      return { status: response.status, json: (await response.json()) as FhirJson };
    };
    const first = await send();
    const again = await send();
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.json.id).toBe(first.json.id);
    const search = await fetch(`${base}/Provenance?target=DocumentReference/d3`);
    expect(((await search.json()) as FhirJson).total).toBe(1);
  });

  it('names every missing required element at once', async () => {
    const base = await start();
    const { recorded: _recorded, agent: _agent, ...rest } = provenance();
    const { status, json } = await post(`${base}/Provenance`, rest);
    expect(status).toBe(422);
    expect(json.issue?.map((one) => one.expression?.[0])).toEqual([
      'Provenance.recorded',
      'Provenance.agent',
    ]);
  });

  it('turns the target into entered-in-error, keeps history and is found by target', async () => {
    const base = await start();
    expect((await post(`${base}/Provenance`, provenance())).status).toBe(201);
    const doc = (await (await fetch(`${base}/DocumentReference/d3`)).json()) as FhirJson;
    expect(doc.status).toBe('entered-in-error');
    expect(doc.meta?.versionId).toBe('2');
    const history = (await (
      await fetch(`${base}/DocumentReference/d3/_history`)
    ).json()) as FhirJson;
    expect(history.entry?.map((e) => e.resource?.status)).toEqual(['entered-in-error', 'current']);
    const found = (await (
      await fetch(`${base}/Provenance?target=DocumentReference/d3`)
    ).json()) as FhirJson;
    expect(found.total).toBe(1);
  });
});

describe('persistence with a data folder', () => {
  it('keeps stored invalidations across a restart', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'sandbox-data-'));
    try {
      const first = await startSandbox({ catalog: testCatalog(3, 12), dataDir });
      if (!first.ok) throw new Error(first.error.message);
      await post(`${first.value.baseUrl}/Provenance`, provenance('DocumentReference/d5'));
      const cda = '<ClinicalDocument xmlns="urn:hl7-org:v3"><title>Kept</title></ClinicalDocument>';
      const stored = await post(`${first.value.baseUrl}/`, {
        resourceType: 'Bundle',
        type: 'transaction',
        entry: [
          {
            fullUrl: 'urn:uuid:b',
            resource: {
              resourceType: 'Binary',
              contentType: 'application/hl7-v3+xml',
              data: Buffer.from(cda).toString('base64'),
            },
          },
          {
            resource: {
              resourceType: 'DocumentReference',
              status: 'current',
              subject: { reference: 'Patient/p1' },
              content: [{ attachment: { url: 'urn:uuid:b' } }],
            },
          },
        ],
      });
      const location = stored.json.entry?.[1]?.response?.location ?? '';
      await first.value.close();
      const base = await start({ dataDir });
      const doc = (await (await fetch(`${base}/DocumentReference/d5`)).json()) as FhirJson;
      expect(doc.status).toBe('entered-in-error');
      const found = (await (
        await fetch(`${base}/Provenance?target=DocumentReference/d5`)
      ).json()) as FhirJson;
      expect(found.total).toBe(1);
      const kept = (await (await fetch(`${base}/${location}`)).json()) as FhirJson;
      const bytes = await fetch(`${base}/${kept.content?.[0]?.attachment.url ?? ''}`);
      expect(await bytes.text()).toBe(cda);
      expect(
        (await (
          await fetch(`${base}/DocumentReference?patient=p1&_summary=count`)
        ).json()) as FhirJson,
      ).toMatchObject({ total: 5 });
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('faults', () => {
  async function statuses(seed: number): Promise<number[]> {
    const spec = parseFaultSpec('error=30%:503,throttle=20%');
    if (!spec.ok) throw new Error(spec.error.message);
    const base = await start({ faults: spec.value, seed });
    const result: number[] = [];
    for (let i = 0; i < 20; i++) result.push((await fetch(`${base}/metadata`)).status);
    return result;
  }

  it('misbehave the same way with the same seed', async () => {
    const first = await statuses(7);
    expect(first).toEqual(await statuses(7));
    expect(first).toContain(503);
    expect(first).toContain(429);
    expect(first).toContain(200);
  });

  it('gives 429 a Retry-After', async () => {
    const spec = parseFaultSpec('throttle=100%');
    if (!spec.ok) throw new Error(spec.error.message);
    const response = await fetch(`${await start({ faults: spec.value })}/metadata`);
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('1');
  });

  it('resets connections and blackholes paths', async () => {
    const spec = parseFaultSpec('reset=100%');
    if (!spec.ok) throw new Error(spec.error.message);
    await expect(fetch(`${await start({ faults: spec.value })}/metadata`)).rejects.toThrow();
    const hole = parseFaultSpec('blackhole=/Binary');
    if (!hole.ok) throw new Error(hole.error.message);
    const base = await start({ faults: hole.value });
    await expect(
      fetch(`${base}/Binary/b1`, { signal: AbortSignal.timeout(300) }),
    ).rejects.toThrow();
    expect((await fetch(`${base}/metadata`)).status).toBe(200);
  });

  it('delays with latency and drips the body slowly', async () => {
    const spec = parseFaultSpec('latency=100ms,drip=200B/20ms');
    if (!spec.ok) throw new Error(spec.error.message);
    const base = await start({ faults: spec.value });
    const before = performance.now();
    const response = await fetch(`${base}/metadata`);
    const text = await response.text();
    const elapsed = performance.now() - before;
    // 100 ms latency plus one 20 ms tick per 200 bytes of the CapabilityStatement.
    expect(elapsed).toBeGreaterThanOrEqual(100 + Math.floor(text.length / 200) * 20 - 5);
    expect(JSON.parse(text)).toMatchObject({ resourceType: 'CapabilityStatement' });
  });

  it('names a bad part of the spec', () => {
    const parsed = parseFaultSpec('latency=fast');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.message).toContain("'latency=fast'");
  });
});

describe('calendar', () => {
  it('answers 503 inside the fault-testing window (first Monday 12–15 Helsinki)', async () => {
    // 2026-12-07 is the first Monday of December; 13:00 in Helsinki (UTC+2) is 11:00 UTC.
    const base = await start({ calendar: true, now: new Date('2026-12-07T11:00:00Z') });
    const response = await fetch(`${base}/metadata`);
    expect(response.status).toBe(503);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(3000);
    const json = (await response.json()) as FhirJson;
    expect(json.issue?.[0]?.diagnostics).toContain('fault testing');
  });

  it('serves normally outside the window', async () => {
    const base = await start({ calendar: true, now: new Date('2026-12-08T11:00:00Z') });
    expect((await fetch(`${base}/metadata`)).status).toBe(200);
  });
});
