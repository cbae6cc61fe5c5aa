/**
 * What a read does after each attempt: return the answer or the error, or wait and try again.
 * Reads are retried a bounded number of times with full-jitter backoff, and a server's
 * `Retry-After` is honoured unless it asks for longer than the client is willing to wait.
 */
import type { AppError, Result } from '../../../../shared/result';
import { resourceAnswer, retryAfterHeader, statusError, type FhirResponse } from './answers';
import { isRetryableStatus, type Attempt } from './fhir-attempt';
import { seconds } from './message-units';
import { backoffDelayMs, parseRetryAfter, type RetryPolicy } from './retry-policy';

/** Return this, or wait this long and try again. */
export type ReadStep<T> = { readonly done: Result<FhirResponse<T>> } | { readonly delayMs: number };

/** What every read of one client shares. */
export interface ReadRetrySettings {
  readonly serverName: string;
  readonly retry: RetryPolicy;
  /** The jitter source, [0, 1). */
  readonly random: () => number;
  readonly now: () => Date;
}

/** The step after read attempt number `attemptNumber` (1-based) of `what` ("GET /path"). */
export function afterRead<T>(
  settings: ReadRetrySettings,
  result: Attempt,
  attemptNumber: number,
  what: string,
): ReadStep<T> {
  const { serverName, retry, random } = settings;
  const tried = attemptNumber > 1 ? `Tried ${attemptNumber} times.` : '';
  const isLast = attemptNumber >= retry.attempts;
  if (result.kind === 'refused') return { done: { ok: false, error: result.error } };
  if (result.kind === 'failed') {
    if (!result.isRetryable || isLast) return { done: withSentence(result.error, tried) };
    return { delayMs: backoffDelayMs(retry, attemptNumber, random) };
  }
  const { answer } = result;
  if (answer.status >= 200 && answer.status < 300)
    return { done: resourceAnswer<T>(answer, what, serverName) };
  const failure = statusError(answer, what, serverName);
  if (!isRetryableStatus(answer.status) || isLast) return { done: withSentence(failure, tried) };
  const asked = parseRetryAfter(retryAfterHeader(answer), settings.now());
  if (asked !== undefined && asked > retry.maxDelayMs)
    return { done: withSentence(failure, `It asks to wait ${seconds(asked)}.`) };
  return { delayMs: asked ?? backoffDelayMs(retry, attemptNumber, random) };
}

/** The error with one more sentence. */
function withSentence<T>(error: AppError, sentence: string): Result<T> {
  if (sentence === '') return { ok: false, error };
  return { ok: false, error: { ...error, message: `${error.message} ${sentence}` } };
}
