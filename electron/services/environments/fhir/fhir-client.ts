/**
 * The HTTP side of a FHIR environment (issue 4, item 7), careful the way a tool that talks to
 * someone else's test service must be: every request has a deadline that covers the whole
 * answer; reads are retried a bounded number of times with full-jitter backoff and honour
 * `Retry-After`; writes are sent once, and a write whose fate is unknown says so
 * (`env-ambiguous-write`) instead of being retried blindly; a circuit breaker stops hammering a
 * dead server; and the calendar's outage windows are refused before anything is sent. Requests
 * only ever go to the base URL's origin, so a server cannot redirect our client certificate.
 */
import http from 'node:http';
import https from 'node:https';
import type { EnvironmentCalendar } from '../../../../shared/environments/calendar';
import { err, ok, type AppError, type Result } from '../../../../shared/result';
import { environmentErrorCodes } from '../connection';
import {
  resourceAnswer,
  retryAfterHeader,
  statusError,
  type FhirResponse,
  type HttpAnswer,
} from './answers';
import { createCircuitBreaker, defaultBreakerPolicy, type BreakerPolicy } from './circuit-breaker';
import {
  classifyNetworkError,
  networkReason,
  type ClientCertificateContext,
} from './network-errors';
import { checkOutage } from './outage-gate';
import {
  backoffDelayMs,
  defaultRetryPolicy,
  parseRetryAfter,
  wait,
  type RetryPolicy,
} from './retry-policy';
import { exchange } from './transport';

export type { FhirResponse } from './answers';

export interface FhirClientOptions {
  readonly baseUrl: string;
  /** An `https.Agent` carrying the client certificate and pinned CA (electron/services/tls/). */
  readonly agent?: http.Agent;
  /** Outage windows in it are refused before sending; none when absent. */
  readonly calendar?: EnvironmentCalendar;
  readonly now?: () => Date;
  /** The deadline of one HTTP exchange, connect to last byte (default 15 000). */
  readonly deadlineMs?: number;
  /** Retries of reads (default 3 attempts, 250 ms base, 8 s cap). */
  readonly retry?: RetryPolicy;
  /** Default: opens after 5 failures in a row, half-opens after 30 s. */
  readonly breaker?: BreakerPolicy;
  /** The jitter source, [0, 1) (default Math.random). */
  readonly random?: () => number;
  readonly userAgent?: string;
  /** Larger answers are refused (default 64 MB). */
  readonly maxResponseBytes?: number;
  /** What the agent's client certificate is, so a refused handshake can say why. */
  readonly tls?: ClientCertificateContext;
}

export interface PostOptions {
  /** Sent as `X-Request-Id`, so the server's log and our audit trail name the same write. */
  readonly requestId: string;
  readonly ifNoneExist?: string;
  readonly ifMatch?: string;
  readonly signal?: AbortSignal;
}

export interface FhirClient {
  /** A read: relative to the base URL, or an absolute URL on the base URL's origin. */
  get<T>(
    pathAndQuery: string,
    options?: { signal?: AbortSignal },
  ): Promise<Result<FhirResponse<T>>>;
  /** A write, sent exactly once. */
  post<T>(path: string, body: unknown, options: PostOptions): Promise<Result<FhirResponse<T>>>;
  /** Aborts requests in flight and frees the connections. */
  close(): void;
}

const fhirJson = 'application/fhir+json';

/** One attempt: an HTTP answer, a refusal before sending, or a failure on the way. */
type Attempt =
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

const retryableCodes: ReadonlySet<string> = new Set([
  environmentErrorCodes.unreachable,
  environmentErrorCodes.timeout,
]);

function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.floor(bytes / (1024 * 1024))} MB`;
  return bytes >= 1024 ? `${Math.floor(bytes / 1024)} KB` : `${bytes} bytes`;
}

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}

function withBaseSlash(baseUrl: string): URL {
  return new URL(baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
}

/** Creates a client for one FHIR base URL. */
export function createFhirClient(options: FhirClientOptions): FhirClient {
  const base = withBaseSlash(options.baseUrl);
  const serverName = base.host;
  const now = options.now ?? (() => new Date());
  const deadlineMs = options.deadlineMs ?? 15_000;
  const retry = options.retry ?? defaultRetryPolicy;
  const random = options.random ?? Math.random;
  const maxResponseBytes = options.maxResponseBytes ?? 64 * 1024 * 1024;
  const breaker = createCircuitBreaker(options.breaker ?? defaultBreakerPolicy, now, serverName);
  const ownAgent = options.agent
    ? undefined
    : base.protocol === 'https:'
      ? new https.Agent({ keepAlive: true })
      : new http.Agent({ keepAlive: true });
  const agent = options.agent ?? ownAgent ?? http.globalAgent;
  const closing = new AbortController();
  const commonHeaders = { accept: fhirJson, 'user-agent': options.userAgent ?? 'Archivist' };

  function resolve(pathAndQuery: string): Result<URL> {
    const url = new URL(pathAndQuery.replace(/^\/+/, ''), base);
    if (url.origin === base.origin) return ok(url);
    return err(
      environmentErrorCodes.badResponse,
      `${serverName} pointed to ${url.origin}; Archivist only sends requests to ${base.origin}.`,
    );
  }

  async function attempt(
    method: 'GET' | 'POST',
    url: URL,
    headers: Readonly<Record<string, string>>,
    body: Buffer | undefined,
    callerSignal: AbortSignal | undefined,
  ): Promise<Attempt> {
    const what = `${method} ${url.pathname}`;
    if (closing.signal.aborted)
      return { kind: 'refused', error: cancelledError('The connection was closed.') };
    const outage = checkOutage(options.calendar, now(), serverName);
    if (!outage.ok) return { kind: 'refused', error: outage.error };
    const admitted = breaker.admit();
    if (!admitted.ok) return { kind: 'refused', error: admitted.error };
    const deadline = AbortSignal.timeout(deadlineMs);
    const signals = [deadline, closing.signal, ...(callerSignal ? [callerSignal] : [])];
    const outcome = await exchange({
      method,
      url,
      headers,
      ...(body ? { body } : {}),
      agent,
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
    const error = classifyNetworkError(outcome.error, serverName, options.tls, now());
    breaker.failed(error.message);
    // With a client certificate a reset reads as "refused our certificate", but a keep-alive
    // socket the server closed resets the same way: a read still gets its bounded retries.
    const resetCode = (outcome.error as NodeJS.ErrnoException | undefined)?.code;
    const isReset = resetCode === 'ECONNRESET' || resetCode === 'EPIPE';
    const result = failed(error, networkReason(outcome.error));
    return isReset && result.kind === 'failed' ? { ...result, isRetryable: true } : result;
  }

  async function get<T>(
    pathAndQuery: string,
    requestOptions: { signal?: AbortSignal } = {},
  ): Promise<Result<FhirResponse<T>>> {
    const target = resolve(pathAndQuery);
    if (!target.ok) return target;
    const url = target.value;
    const what = `GET ${url.pathname}`;
    const waitSignal = AbortSignal.any([
      closing.signal,
      ...(requestOptions.signal ? [requestOptions.signal] : []),
    ]);
    for (let attemptNumber = 1; ; attemptNumber += 1) {
      const result = await attempt('GET', url, commonHeaders, undefined, requestOptions.signal);
      const step = afterRead<T>(result, attemptNumber, what);
      if ('done' in step) return step.done;
      const { delayMs } = step;
      if (await wait(delayMs, waitSignal)) return cancelled(`${what} was cancelled.`);
    }
  }

  /** What to do after a read attempt: return this, or wait and try again. */
  function afterRead<T>(
    result: Attempt,
    attemptNumber: number,
    what: string,
  ): { readonly done: Result<FhirResponse<T>> } | { readonly delayMs: number } {
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
    const asked = parseRetryAfter(retryAfterHeader(answer), now());
    if (asked !== undefined && asked > retry.maxDelayMs)
      return { done: withSentence(failure, `It asks to wait ${seconds(asked)}.`) };
    return { delayMs: asked ?? backoffDelayMs(retry, attemptNumber, random) };
  }

  async function post<T>(
    path: string,
    body: unknown,
    postOptions: PostOptions,
  ): Promise<Result<FhirResponse<T>>> {
    const target = resolve(path);
    if (!target.ok) return target;
    const url = target.value;
    const what = `POST ${url.pathname}`;
    const headers = {
      ...commonHeaders,
      'content-type': `${fhirJson}; charset=utf-8`,
      prefer: 'return=representation',
      'x-request-id': postOptions.requestId,
      ...(postOptions.ifNoneExist ? { 'if-none-exist': postOptions.ifNoneExist } : {}),
      ...(postOptions.ifMatch ? { 'if-match': postOptions.ifMatch } : {}),
    };
    const bytes = Buffer.from(JSON.stringify(body), 'utf8');
    const result = await attempt('POST', url, headers, bytes, postOptions.signal);
    if (result.kind === 'refused') return { ok: false, error: result.error };
    if (result.kind === 'failed') {
      if (!result.mayHaveReachedServer || result.error.code === environmentErrorCodes.badResponse)
        return { ok: false, error: result.error };
      return ambiguous(what, result.happened);
    }
    const { answer } = result;
    if (answer.status >= 200 && answer.status < 300)
      return resourceAnswer<T>(answer, what, serverName);
    // A gateway timeout answers for a server that may still have done the work.
    if (answer.status === 504) return ambiguous(what, 'a gateway answered 504 Gateway Timeout');
    return { ok: false, error: statusError(answer, what, serverName) };
  }

  function ambiguous<T>(what: string, why: string): Result<T> {
    return err(
      environmentErrorCodes.ambiguousWrite,
      `It is not known whether ${serverName} carried out ${what}: the request was sent, then ${why}. Read the target back before trying again.`,
    );
  }

  return {
    get,
    post,
    close() {
      closing.abort();
      ownAgent?.destroy();
    },
  };
}

function cancelledError(message: string): AppError {
  return { code: environmentErrorCodes.cancelled, message };
}

function cancelled<T>(message: string): Result<T> {
  return { ok: false, error: cancelledError(message) };
}

/** The error with one more sentence. */
function withSentence<T>(error: AppError, sentence: string): Result<T> {
  if (sentence === '') return { ok: false, error };
  return { ok: false, error: { ...error, message: `${error.message} ${sentence}` } };
}
