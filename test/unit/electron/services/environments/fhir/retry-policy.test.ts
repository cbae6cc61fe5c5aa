/** Full-jitter backoff bounds and Retry-After in both forms (RFC 9110 §10.2.3). */
import { describe, expect, it } from 'vitest';
import {
  backoffDelayMs,
  parseRetryAfter,
  wait,
} from '../../../../../../electron/services/environments/fhir/retry-policy';

const policy = { attempts: 5, baseDelayMs: 100, maxDelayMs: 1000 };

describe('backoffDelayMs', () => {
  it('draws between 0 and base·2^(n-1), capped at maxDelayMs', () => {
    expect([1, 2, 3, 4, 5].map((n) => backoffDelayMs(policy, n, () => 0.999))).toEqual([
      99, 199, 399, 799, 999,
    ]);
    expect(backoffDelayMs(policy, 3, () => 0)).toBe(0);
    expect(backoffDelayMs(policy, 3, () => 0.5)).toBe(200);
  });
});

describe('parseRetryAfter', () => {
  const now = new Date('2026-12-08T10:00:00Z');
  it.each([
    ['120', 120_000],
    [' 0 ', 0],
    ['Tue, 08 Dec 2026 10:00:30 GMT', 30_000],
    ['Tue, 08 Dec 2026 09:00:00 GMT', 0],
  ])('%j → %s ms', (header, ms) => {
    expect(parseRetryAfter(header, now)).toBe(ms);
  });

  it.each([undefined, '', 'soon', '-5', '1.5'])('%j → no hint', (header) => {
    expect(parseRetryAfter(header, now)).toBeUndefined();
  });
});

describe('wait', () => {
  it('ends early when the signal fires', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    const started = performance.now();
    expect(await wait(5000, controller.signal)).toBe(true);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(await wait(1, new AbortController().signal)).toBe(false);
  });
});
