/**
 * `--calendar`: the sandbox disconnects during the shared calendar's fault-testing window (first
 * Monday of the month, 12:00–15:00 Europe/Helsinki), answering 503 with Retry-After until 15:00.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox } from '../../../../electron/sandbox/server';
import { testCatalog } from './support/test-catalog';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function metadataAt(instant: string): Promise<Response> {
  const started = await startSandbox({
    catalog: testCatalog(1, 1),
    calendar: true,
    now: new Date(instant),
  });
  if (!started.ok) throw new Error(started.error.message);
  closers.push(started.value.close);
  return fetch(`${started.value.baseUrl}/metadata`);
}

describe('the sandbox calendar', () => {
  it.each([
    ['2026-12-07T10:00:00Z', 503, 'winter (UTC+2): 12:00 Helsinki, first Monday'],
    ['2026-12-07T12:59:58Z', 503, 'winter: 14:59:58 Helsinki'],
    ['2026-12-07T13:00:00Z', 200, 'winter: 15:00 Helsinki, the window has ended'],
    ['2026-12-07T09:59:00Z', 200, 'winter: 11:59 Helsinki'],
    ['2026-12-14T11:00:00Z', 200, 'the second Monday'],
    ['2026-06-01T09:00:00Z', 503, 'summer (UTC+3): 12:00 Helsinki, first Monday of June'],
    ['2026-06-01T12:00:00Z', 200, 'summer: 15:00 Helsinki'],
    ['2026-12-03T11:00:00Z', 200, 'the first Thursday (maintenance, not an outage)'],
  ])('%s → %s (%s)', async (instant, status) => {
    const response = await metadataAt(instant);
    await response.arrayBuffer();
    expect(response.status).toBe(status);
  });

  it('asks clients to come back at 15:00 Helsinki and says why', async () => {
    const response = await metadataAt('2026-12-07T11:30:00Z');
    expect(response.headers.get('retry-after')).toBe('5400');
    const body = (await response.json()) as { issue: { diagnostics: string }[] };
    expect(body.issue[0]?.diagnostics).toBe(
      'Scheduled fault-testing window until 2026-12-07T13:00:00.000Z: Monthly fault testing: the environment is disconnected on purpose (first Monday, 12:00–15:00 Finnish time).',
    );
  });
});
