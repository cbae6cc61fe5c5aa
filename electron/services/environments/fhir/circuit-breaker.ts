/**
 * A circuit breaker per environment client: after `failureThreshold` failed attempts in a row
 * (unreachable, reset, timeout, 5xx, 429) it opens and refuses at once instead of letting every
 * request wait for its deadline against a dead server; after `openMs` it half-opens and lets one
 * probe through, which closes it on success or opens it again on failure.
 */
import { err, ok, type Result } from '../../../../shared/result';
import { environmentErrorCodes } from '../connection';
import { helsinkiClock } from './helsinki-format';

export interface BreakerPolicy {
  readonly failureThreshold: number;
  readonly openMs: number;
}

export const defaultBreakerPolicy: BreakerPolicy = { failureThreshold: 5, openMs: 30_000 };

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface CircuitBreaker {
  /** May an attempt go out now? Admitting in the half-open state makes that attempt the probe. */
  admit(): Result<void>;
  succeeded(): void;
  failed(reason: string): void;
  /** The admitted attempt ended without a verdict on the server (cancelled, refused locally). */
  released(): void;
  readonly state: BreakerState;
}

export function createCircuitBreaker(
  policy: BreakerPolicy,
  now: () => Date,
  serverName: string,
): CircuitBreaker {
  let state: BreakerState = 'closed';
  let failures = 0;
  let openedAt = 0;
  let lastReason = '';
  let isProbing = false;

  const refusal = (): Result<void> => {
    if (state === 'half-open')
      return err(
        environmentErrorCodes.circuitOpen,
        `${serverName} failed ${failures} times in a row; one test request is under way, try again when it ends.`,
      );
    const retryAt = new Date(openedAt + policy.openMs);
    const seconds = Math.max(1, Math.ceil((retryAt.getTime() - now().getTime()) / 1000));
    return err(
      environmentErrorCodes.circuitOpen,
      `${serverName} failed ${failures} times in a row (last: ${lastReason}); Archivist will try again in ${seconds} s (at ${helsinkiClock(retryAt)} Helsinki time).`,
    );
  };

  return {
    get state() {
      return state;
    },
    admit() {
      if (state === 'open' && now().getTime() - openedAt >= policy.openMs) state = 'half-open';
      if (state === 'closed') return ok(undefined);
      if (state === 'half-open' && !isProbing) {
        isProbing = true;
        return ok(undefined);
      }
      return refusal();
    },
    succeeded() {
      state = 'closed';
      failures = 0;
      isProbing = false;
    },
    failed(reason: string) {
      failures += 1;
      lastReason = reason;
      const wasProbe = state === 'half-open';
      isProbing = false;
      if (wasProbe || failures >= policy.failureThreshold) {
        state = 'open';
        openedAt = now().getTime();
      }
    },
    released() {
      isProbing = false;
    },
  };
}
