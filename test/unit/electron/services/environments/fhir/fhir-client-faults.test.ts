/**
 * Fault tests (issue 4, "Done when"): the client against a real sandbox through a real TCP fault
 * proxy. Deadlines end blackholes and slow drips; reads are retried a bounded number of times and
 * honour Retry-After; writes are sent once and an unknown fate is reported as such.
 */
import { describe, expect, it } from 'vitest';
import { parseFaultSpec } from '../../../../../../electron/sandbox/faults';
import { createFhirClient } from '../../../../../../electron/services/environments/fhir/fhir-client';
import type { Provenance } from '../../../../../../shared/fhir/resources';
import { invalidationProfile } from '../../../../../../shared/fhir/resources';
import { freshConnectionsAgent, onCleanup, proxiedSandbox, timed } from './support/fhir-fixtures';

const fast = { attempts: 3, baseDelayMs: 20, maxDelayMs: 2000 };

function faults(spec: string) {
  const parsed = parseFaultSpec(spec);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

function client(baseUrl: string, options: Partial<Parameters<typeof createFhirClient>[0]> = {}) {
  const created = createFhirClient({ baseUrl, deadlineMs: 600, retry: fast, ...options });
  onCleanup(() => created.close());
  return created;
}

const provenance = (target: string) => ({
  resourceType: 'Provenance',
  meta: { profile: [invalidationProfile] },
  target: [{ reference: target }],
  recorded: '2026-11-28T10:00:00Z',
  agent: [{ who: { reference: 'Practitioner/test-1' } }],
});

describe('deadlines', () => {
  it('ends a read against a blackhole at its deadline', async () => {
    const { proxy } = await proxiedSandbox();
    proxy.setMode({ kind: 'blackhole' });
    const reader = client(proxy.url, { retry: { ...fast, attempts: 1 } });
    const { value, ms } = await timed(() => reader.get('metadata'));
    expect(value.ok ? 'ok' : value.error.code).toBe('env-timeout');
    expect(value.ok ? '' : value.error.message).toContain(
      'did not answer GET /metadata within 0.6 s',
    );
    expect(ms).toBeGreaterThanOrEqual(550);
    expect(ms).toBeLessThan(600 + 1000);
  });

  it('gives every retry its own deadline and stops after the last attempt', async () => {
    const { proxy } = await proxiedSandbox();
    proxy.setMode({ kind: 'blackhole' });
    const reader = client(proxy.url, { deadlineMs: 300, agent: freshConnectionsAgent() });
    const { value, ms } = await timed(() => reader.get('metadata'));
    expect(value.ok ? 'ok' : value.error.message).toMatch(/within 0\.3 s\. Tried 3 times\.$/);
    expect(proxy.connections).toBe(3);
    // 3 deadlines plus at most 20 + 40 ms of backoff.
    expect(ms).toBeLessThan(3 * 300 + 60 + 1000);
  });

  it('ends a slow drip at the deadline even though the headers arrived in time', async () => {
    const { proxy } = await proxiedSandbox();
    // 32 bytes every 20 ms: the status line and headers arrive at once, the body would take seconds.
    proxy.setMode({ kind: 'drip', bytes: 32, everyMs: 20 });
    const headers = await timed(() => fetch(`${proxy.url}/metadata`));
    expect(headers.ms).toBeLessThan(500);
    await headers.value.body?.cancel();
    const reader = client(proxy.url, { retry: { ...fast, attempts: 1 } });
    const { value, ms } = await timed(() => reader.get('metadata'));
    expect(value.ok ? 'ok' : value.error.code).toBe('env-timeout');
    expect(ms).toBeLessThan(600 + 1000);
    // The same drip with a generous deadline completes: the answer was only slow.
    const patient = client(proxy.url, { deadlineMs: 20_000 });
    const slow = await patient.get<{ resourceType: string }>('metadata');
    expect(slow.ok ? slow.value.body.resourceType : slow.error.message).toBe('CapabilityStatement');
  }, 30_000);

  it('ends a write against a blackhole at its deadline as an ambiguous write', async () => {
    const { proxy } = await proxiedSandbox();
    proxy.setMode({ kind: 'blackhole' });
    const writer = client(proxy.url);
    const { value, ms } = await timed(() =>
      writer.post('Provenance', provenance('DocumentReference/d1'), { requestId: 'req-1' }),
    );
    expect(value.ok ? 'ok' : value.error.code).toBe('env-ambiguous-write');
    expect(ms).toBeLessThan(600 + 1000);
    expect(proxy.connections).toBe(1);
  });

  it('answers env-cancelled at once when the caller aborts', async () => {
    const { proxy } = await proxiedSandbox();
    proxy.setMode({ kind: 'blackhole' });
    const reader = client(proxy.url, { deadlineMs: 10_000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const { value, ms } = await timed(() => reader.get('metadata', { signal: controller.signal }));
    expect(value.ok ? 'ok' : value.error.code).toBe('env-cancelled');
    expect(ms).toBeLessThan(1000);
  });
});

describe('retries of reads', () => {
  it('retries a reset read a bounded number of times', async () => {
    const { proxy } = await proxiedSandbox();
    proxy.setMode({ kind: 'reset-before-request' });
    const reader = client(proxy.url, { agent: freshConnectionsAgent() });
    const result = await reader.get('metadata');
    expect(result.ok ? 'ok' : result.error.code).toBe('env-unreachable');
    expect(result.ok ? '' : result.error.message).toContain('Tried 3 times.');
    expect(proxy.connections).toBe(3);
  });

  it('recovers when a retry succeeds', async () => {
    const { proxy } = await proxiedSandbox();
    proxy.setMode({ kind: 'refuse' });
    // Full jitter with random() = 0.99: the first wait is ~396 ms; the proxy listens again before.
    const reader = client(proxy.url, {
      retry: { attempts: 3, baseDelayMs: 400, maxDelayMs: 400 },
      random: () => 0.99,
    });
    const answer = reader.get<{ resourceType: string }>('metadata');
    setTimeout(() => proxy.setMode({ kind: 'pass' }), 100);
    const result = await answer;
    expect(result.ok ? result.value.body.resourceType : result.error.message).toBe(
      'CapabilityStatement',
    );
    expect(proxy.connections).toBe(1);
  });

  it('retries 5xx answers and reports the OperationOutcome text', async () => {
    const { proxy } = await proxiedSandbox({ faults: faults('error=100%:503') });
    const reader = client(proxy.url, { agent: freshConnectionsAgent() });
    const result = await reader.get('metadata');
    expect(result.ok ? 'ok' : result.error.code).toBe('env-http-status');
    expect(result.ok ? '' : result.error.message).toContain(
      '503 Service Unavailable to GET /metadata: Injected fault: the sandbox answers 503',
    );
    expect(proxy.connections).toBe(3);
  });

  it('waits as long as Retry-After asks between attempts', async () => {
    const { proxy } = await proxiedSandbox({ faults: faults('throttle=100%') });
    const reader = client(proxy.url, { agent: freshConnectionsAgent() });
    const { value, ms } = await timed(() => reader.get('metadata'));
    expect(value.ok ? 'ok' : value.error.message).toContain('429 Too Many Requests');
    expect(proxy.connections).toBe(3);
    // Two waits of Retry-After: 1 s each, instead of the 20–40 ms backoff.
    expect(ms).toBeGreaterThanOrEqual(2000);
  });

  it('gives up at once when Retry-After is longer than it is willing to wait', async () => {
    const { proxy } = await proxiedSandbox({ faults: faults('throttle=100%') });
    const reader = client(proxy.url, {
      agent: freshConnectionsAgent(),
      retry: { attempts: 3, baseDelayMs: 20, maxDelayMs: 500 },
    });
    const result = await reader.get('metadata');
    expect(result.ok ? '' : result.error.message).toMatch(/It asks to wait 1 s\.$/);
    expect(proxy.connections).toBe(1);
  });

  it('does not retry answers that will not change (400, 404)', async () => {
    const { proxy } = await proxiedSandbox();
    const reader = client(proxy.url, { agent: freshConnectionsAgent() });
    const bad = await reader.get('DocumentReference?colour=blue');
    expect(bad.ok ? 'ok' : bad.error).toEqual({
      code: 'env-http-status',
      message: `127.0.0.1:${proxy.port} answered 400 Bad Request to GET /DocumentReference: Unknown search parameter 'colour' for DocumentReference.`,
    });
    const missing = await reader.get('DocumentReference/nope');
    expect(missing.ok ? 'ok' : missing.error).toEqual({
      code: 'env-not-found',
      message: 'DocumentReference/nope was not found.',
    });
    expect(proxy.connections).toBe(2);
  });
});

describe('writes', () => {
  it('sends a write once and reports a reset after sending as ambiguous', async () => {
    const { sandbox, proxy } = await proxiedSandbox();
    proxy.setMode({ kind: 'reset-after-request' });
    const writer = client(proxy.url, { agent: freshConnectionsAgent() });
    const result = await writer.post('Provenance', provenance('DocumentReference/d1'), {
      requestId: 'req-2',
    });
    expect(result.ok ? 'ok' : result.error.code).toBe('env-ambiguous-write');
    expect(result.ok ? '' : result.error.message).toContain(
      'the request was sent, then the connection was reset',
    );
    expect(proxy.connections).toBe(1);
    // Why it is ambiguous, not failed: the server did store it.
    expect(sandbox.store.provenances.size).toBe(1);
  });

  it('reports a refused connection as a plain failure: nothing was sent', async () => {
    const { sandbox, proxy } = await proxiedSandbox();
    proxy.setMode({ kind: 'refuse' });
    const writer = client(proxy.url);
    const result = await writer.post('Provenance', provenance('DocumentReference/d1'), {
      requestId: 'req-3',
    });
    expect(result.ok ? 'ok' : result.error).toEqual({
      code: 'env-unreachable',
      message: `Cannot reach 127.0.0.1:${proxy.port}: the connection was refused (nothing listens on that port).`,
    });
    expect(sandbox.store.provenances.size).toBe(0);
  });

  it('reports a write cancelled after sending as ambiguous, not as cancelled', async () => {
    const { proxy } = await proxiedSandbox();
    proxy.setMode({ kind: 'blackhole' });
    const writer = client(proxy.url, { deadlineMs: 10_000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const result = await writer.post('Provenance', provenance('DocumentReference/d1'), {
      requestId: 'req-7',
      signal: controller.signal,
    });
    expect(result.ok ? 'ok' : result.error.message).toContain(
      'the request was sent, then it was cancelled',
    );
    expect(result.ok ? 'ok' : result.error.code).toBe('env-ambiguous-write');
  });

  it('does not retry a 5xx write; the answer is definite', async () => {
    const { proxy } = await proxiedSandbox({ faults: faults('error=100%:500') });
    const writer = client(proxy.url, { agent: freshConnectionsAgent() });
    const result = await writer.post('Provenance', provenance('DocumentReference/d1'), {
      requestId: 'req-4',
    });
    expect(result.ok ? 'ok' : result.error.code).toBe('env-http-status');
    expect(proxy.connections).toBe(1);
  });

  it('returns the stored resource, its location and the refusal text of a bad write', async () => {
    const { proxy } = await proxiedSandbox();
    const writer = client(proxy.url);
    const stored = await writer.post<Provenance>('Provenance', provenance('DocumentReference/d2'), {
      requestId: 'req-5',
    });
    expect(stored.ok && stored.value.status).toBe(201);
    expect(stored.ok && stored.value.body.target[0]?.reference).toBe('DocumentReference/d2');
    expect(stored.ok && stored.value.location).toMatch(/\/Provenance\/[\w-]+\/_history\/1$/);
    const refused = await writer.post(
      'Provenance',
      { ...provenance('DocumentReference/d3'), reason: [{ text: 'x' }] },
      { requestId: 'req-6' },
    );
    expect(refused.ok ? 'ok' : refused.error.code).toBe('env-http-status');
    expect(refused.ok ? '' : refused.error.message).toContain('422 Unprocessable Entity');
    expect(refused.ok ? '' : refused.error.message).toContain('Provenance.reason is not allowed');
  });
});
