/**
 * When to try a read again and how long to wait: full-jitter exponential backoff (a random wait
 * between 0 and base·2^(n-1), capped), so that many clients failing together do not come back
 * together; a server's `Retry-After` (RFC 9110 §10.2.3: seconds or an HTTP date) wins over the
 * backoff. Writes are never retried (see fhir-client.ts).
 */

export interface RetryPolicy {
  /** Attempts in all, the first one included (1 = no retry). */
  readonly attempts: number;
  readonly baseDelayMs: number;
  /** Cap of one backoff wait, and the longest `Retry-After` the client is willing to wait. */
  readonly maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { attempts: 3, baseDelayMs: 250, maxDelayMs: 8000 };

/** The wait before attempt `failedAttempts + 1`, `random` in [0, 1). */
export function backoffDelayMs(
  policy: RetryPolicy,
  failedAttempts: number,
  random: () => number,
): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failedAttempts - 1));
  return Math.floor(random() * ceiling);
}

/** `Retry-After` in milliseconds from `now`, or undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: Date): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // HTTP dates (all three RFC 9110 forms) start with a day name; Date.parse alone would take
  // '1.5' or '-5' for dates.
  const at = /^[A-Za-z]{3}/.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now.getTime());
}

/** Waits `ms`, or less when `signal` fires; true when the wait was cut short. */
export function wait(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(true);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(true);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(false);
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
