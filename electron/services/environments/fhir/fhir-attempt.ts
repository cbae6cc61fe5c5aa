/**
 * One attempt of a FHIR request, before any retry decision: refused before sending (the client
 * was closed, the calendar's outage window, an open circuit breaker), or one HTTP exchange under
 * a deadline that covers the whole answer, with its outcome told to the breaker and said in
 * words a tester understands.
 */
import type http from 'node:http';
import type { EnvironmentCalendar } from '../../../../shared/environments/calendar';
import type { AppError } from '../../../../shared/result';
import { environmentErrorCodes } from '../connection';
import type { HttpAnswer } from './answers';
import type { CircuitBreaker } from './circuit-breaker';
import { seconds, sizeText } from './message-units';
import {
  classifyNetworkError,
  networkReason,
  type ClientCertificateContext,
} from './network-errors';
import { checkOutage } from './outage-gate';
import { exchange } from './transport';

/** One attempt: an HTTP answer, a refusal before sending, or a failure on the way. */
export type Attempt =
  | { readonly kind: 'answer'; readonly answer: HttpAnswer }
  | { readonly kind: 'refused'; readonly error: AppError }
  | {
      readonly kind: 'failed';
      readonly error: AppError;
      /** What went wrong, as a clause for the ambiguous-write message. */
      readonly happened: string;
      readonly mayHaveReachedServer: boolean;
      readonly isCancelled: boolean;
      /** A read may be tried again (unreachable, timeout, a reset). */
      readonly isRetryable: boolean;
    };

/** What every attempt of one client shares. */
export interface AttemptSettings {
  readonly serverName: string;
  readonly calendar: EnvironmentCalendar | undefined;
  readonly now: () => Date;
  readonly deadlineMs: number;
  readonly maxResponseBytes: number;
  readonly agent: http.Agent;
  readonly breaker: CircuitBreaker;
  /** Aborted when the client is closed. */
  readonly closing: AbortSignal;
  readonly tls: ClientCertificateContext | undefined;
}

/** One request to attempt. */
export interface AttemptRequest {
  readonly method: 'GET' | 'POST';
  readonly url: URL;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer | undefined;
  readonly callerSignal: AbortSignal | undefined;
}

const retryableCodes: ReadonlySet<string> = new Set([
  environmentErrorCodes.unreachable,
  environmentErrorCodes.timeout,
]);

/** Statuses a read may be retried on, and that count as a failure for the breaker. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

/** The error of a request that was cancelled or whose client was closed. */
export function cancelledError(message: string): AppError {
  return { code: environmentErrorCodes.cancelled, message };
}

/** Sends the request once, unless it is refused first; never throws. */
export async function attemptOnce(
  settings: AttemptSettings,
  request: AttemptRequest,
): Promise<Attempt> {
  const { serverName, breaker, deadlineMs, maxResponseBytes } = settings;
  const { method, url, headers, body, callerSignal } = request;
  const what = `${method} ${url.pathname}`;
  if (settings.closing.aborted)
    return { kind: 'refused', error: cancelledError('The connection was closed.') };
  const outage = checkOutage(settings.calendar, settings.now(), serverName);
  if (!outage.ok) return { kind: 'refused', error: outage.error };
  const admitted = breaker.admit();
  if (!admitted.ok) return { kind: 'refused', error: admitted.error };
  const deadline = AbortSignal.timeout(deadlineMs);
  const signals = [deadline, settings.closing, ...(callerSignal ? [callerSignal] : [])];
  const outcome = await exchange({
    method,
    url,
    headers,
    ...(body ? { body } : {}),
    agent: settings.agent,
    signal: AbortSignal.any(signals),
    maxResponseBytes,
  });
  if (outcome.kind === 'response') {
    if (isRetryableStatus(outcome.status)) breaker.failed(`HTTP ${outcome.status}`);
    else breaker.succeeded();
    return { kind: 'answer', answer: outcome };
  }
  const failed = (error: AppError, happened: string, isCancelled = false): Attempt => ({
    kind: 'failed',
    error,
    happened,
    mayHaveReachedServer: outcome.mayHaveReachedServer,
    isCancelled,
    isRetryable: !isCancelled && retryableCodes.has(error.code),
  });
  if (outcome.reason === 'too-large') {
    breaker.succeeded();
    return failed(
      {
        code: environmentErrorCodes.badResponse,
        message: `${serverName} answered ${what} with more than ${sizeText(maxResponseBytes)}; Archivist stopped reading.`,
      },
      'the answer was too large',
    );
  }
  if (outcome.reason === 'aborted' && !deadline.aborted) {
    breaker.released();
    return failed(cancelledError(`${what} was cancelled.`), 'it was cancelled', true);
  }
  if (outcome.reason === 'aborted') {
    breaker.failed('no answer in time');
    return failed(
      {
        code: environmentErrorCodes.timeout,
        message: `${serverName} did not answer ${what} within ${seconds(deadlineMs)}.`,
      },
      `no answer came within ${seconds(deadlineMs)}`,
    );
  }
  const error = classifyNetworkError(outcome.error, serverName, settings.tls, settings.now());
  breaker.failed(error.message);
  // With a client certificate a reset reads as "refused our certificate", but a keep-alive
  // socket the server closed resets the same way: a read still gets its bounded retries.
  const resetCode = (outcome.error as NodeJS.ErrnoException | undefined)?.code;
  const isReset = resetCode === 'ECONNRESET' || resetCode === 'EPIPE';
  const result = failed(error, networkReason(outcome.error));
  return isReset && result.kind === 'failed' ? { ...result, isRetryable: true } : result;
}
