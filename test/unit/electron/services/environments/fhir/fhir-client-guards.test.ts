/**
 * What the client refuses before sending (the circuit breaker, the calendar's outage windows,
 * other origins) and the answers it will not take as FHIR (not JSON, too large).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createFhirClient } from '../../../../../../electron/services/environments/fhir/fhir-client';
import { defaultCalendar } from '../../../../../../shared/environments/calendar';
import {
  freshConnectionsAgent,
  manualClock,
  onCleanup,
  proxiedSandbox,
  timed,
} from './support/fhir-fixtures';

function client(baseUrl: string, options: Partial<Parameters<typeof createFhirClient>[0]> = {}) {
  const created = createFhirClient({
    baseUrl,
    deadlineMs: 600,
    retry: { attempts: 1, baseDelayMs: 10, maxDelayMs: 100 },
    ...options,
  });
  onCleanup(() => created.close());
  return created;
}

const codeOf = (result: { ok: boolean; error?: { code: string } }) =>
  result.ok ? 'ok' : result.error?.code;

describe('circuit breaker', () => {
  it('opens after N failures in a row, refuses, half-opens after openMs and closes on success', async () => {
    const { proxy } = await proxiedSandbox();
    const clock = manualClock('2026-12-08T10:00:00Z');
    const reader = client(proxy.url, {
      agent: freshConnectionsAgent(),
      now: clock.now,
      breaker: { failureThreshold: 2, openMs: 30_000 },
    });
    proxy.setMode({ kind: 'reset-before-request' });
    expect(codeOf(await reader.get('metadata'))).toBe('env-unreachable');
    expect(codeOf(await reader.get('metadata'))).toBe('env-unreachable');
    expect(proxy.connections).toBe(2);

    proxy.setMode({ kind: 'pass' });
    const refused = await timed(() => reader.get('metadata'));
    expect(refused.value.ok ? 'ok' : refused.value.error.message).toBe(
      `127.0.0.1:${proxy.port} failed 2 times in a row (last: Cannot reach 127.0.0.1:${proxy.port}: the connection was reset.); Archivist will try again in 30 s (at 12:00:30 Helsinki time).`,
    );
    expect(refused.ms).toBeLessThan(50);
    expect(proxy.connections).toBe(2);

    clock.advance(29_000);
    expect(codeOf(await reader.get('metadata'))).toBe('env-circuit-open');
    clock.advance(1_000);
    // Half-open: one probe goes through; it succeeds and the breaker closes.
    expect(codeOf(await reader.get('metadata'))).toBe('ok');
    expect(codeOf(await reader.get('metadata'))).toBe('ok');
    expect(proxy.connections).toBe(4);
  });

  it('lets only one probe through while half-open, and opens again when it fails', async () => {
    const { proxy } = await proxiedSandbox();
    const clock = manualClock('2026-12-08T10:00:00Z');
    const reader = client(proxy.url, {
      agent: freshConnectionsAgent(),
      now: clock.now,
      breaker: { failureThreshold: 1, openMs: 1_000 },
    });
    proxy.setMode({ kind: 'reset-before-request' });
    expect(codeOf(await reader.get('metadata'))).toBe('env-unreachable');
    clock.advance(1_000);
    proxy.setMode({ kind: 'latency', ms: 200 });
    const probe = reader.get('metadata');
    const second = await reader.get('metadata');
    expect(second.ok ? 'ok' : second.error.message).toContain('one test request is under way');
    expect(codeOf(await probe)).toBe('ok');

    proxy.setMode({ kind: 'reset-before-request' });
    expect(codeOf(await reader.get('metadata'))).toBe('env-unreachable');
    clock.advance(1_000);
    expect(codeOf(await reader.get('metadata'))).toBe('env-unreachable');
    expect(codeOf(await reader.get('metadata'))).toBe('env-circuit-open');
  });

  it('counts neither 4xx answers nor cancellations as failures', async () => {
    const { proxy } = await proxiedSandbox();
    const reader = client(proxy.url, { breaker: { failureThreshold: 1, openMs: 60_000 } });
    expect(codeOf(await reader.get('DocumentReference/nope'))).toBe('env-not-found');
    expect(codeOf(await reader.get('DocumentReference?colour=blue'))).toBe('env-http-status');
    expect(codeOf(await reader.get('metadata', { signal: AbortSignal.abort() }))).toBe(
      'env-cancelled',
    );
    expect(codeOf(await reader.get('metadata'))).toBe('ok');
  });
});

describe('calendar', () => {
  it('answers scheduled outage at once inside the fault-testing window, sending nothing', async () => {
    const { proxy } = await proxiedSandbox();
    // Monday 7 December 2026 is the first Monday; 11:00 UTC is 13:00 in Helsinki.
    const reader = client(proxy.url, {
      calendar: defaultCalendar({ faultTesting: true }),
      now: () => new Date('2026-12-07T11:00:00Z'),
    });
    const { value, ms } = await timed(() => reader.get('metadata'));
    expect(value.ok ? 'ok' : value.error).toEqual({
      code: 'env-scheduled-outage',
      message: `127.0.0.1:${proxy.port} is in its scheduled fault-testing window until 7.12.2026 15:00 Helsinki time, so nothing was sent. Monthly fault testing: the environment is disconnected on purpose (first Monday, 12:00–15:00 Finnish time).`,
    });
    const write = await reader.post('Provenance', {}, { requestId: 'r' });
    expect(codeOf(write)).toBe('env-scheduled-outage');
    expect(ms).toBeLessThan(50);
    expect(proxy.connections).toBe(0);
  });

  it('sends as usual outside the window and during maintenance, which is not an outage', async () => {
    const { proxy } = await proxiedSandbox();
    for (const instant of ['2026-12-07T13:00:00Z', '2026-12-03T10:00:00Z']) {
      const reader = client(proxy.url, {
        calendar: defaultCalendar({ faultTesting: true }),
        now: () => new Date(instant),
      });
      expect(codeOf(await reader.get('metadata'))).toBe('ok');
    }
  });
});

async function stubServer(answer: (response: http.ServerResponse) => void): Promise<string> {
  const server = http.createServer((_request, response) => answer(response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onCleanup(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('answers that are not FHIR', () => {
  it('refuses HTML and JSON without a resourceType', async () => {
    const html = await stubServer((response) =>
      response.writeHead(200, { 'content-type': 'text/html' }).end('<html>login</html>'),
    );
    const page = await client(html).get('metadata');
    expect(page.ok ? 'ok' : page.error).toEqual({
      code: 'env-bad-response',
      message: `${new URL(html).host} answered GET /metadata with 'text/html', not a FHIR JSON resource.`,
    });
    const json = await stubServer((response) =>
      response.writeHead(200, { 'content-type': 'application/json' }).end('[1,2]'),
    );
    expect(codeOf(await client(json).get('metadata'))).toBe('env-bad-response');
  });

  it('takes a 504 to a write as ambiguous: the server behind the gateway may have done it', async () => {
    const gateway = await stubServer((response) =>
      response.writeHead(504, { 'content-type': 'text/plain' }).end('upstream timed out'),
    );
    const result = await client(gateway).post('Provenance', {}, { requestId: 'r' });
    expect(result.ok ? 'ok' : result.error).toEqual({
      code: 'env-ambiguous-write',
      message: `It is not known whether ${new URL(gateway).host} carried out POST /Provenance: the request was sent, then a gateway answered 504 Gateway Timeout. Read the target back before trying again.`,
    });
  });

  it('stops reading an answer larger than the bound', async () => {
    const { proxy } = await proxiedSandbox();
    const result = await client(proxy.url, { maxResponseBytes: 1024 }).get('metadata');
    expect(result.ok ? 'ok' : result.error.message).toContain(
      'with more than 1 KB; Archivist stopped reading.',
    );
    expect(codeOf(result)).toBe('env-bad-response');
  });

  it('never sends a request to another origin', async () => {
    const { proxy } = await proxiedSandbox();
    const result = await client(proxy.url).get('http://127.0.0.1:9/metadata');
    expect(result.ok ? 'ok' : result.error.message).toBe(
      `127.0.0.1:${proxy.port} pointed to http://127.0.0.1:9; Archivist only sends requests to ${proxy.url}.`,
    );
    expect(proxy.connections).toBe(0);
  });
});
