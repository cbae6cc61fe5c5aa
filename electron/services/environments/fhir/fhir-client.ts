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
import { err, ok, type Result } from '../../../../shared/result';
import { environmentErrorCodes } from '../connection';
import type { FhirResponse } from './answers';
import { createCircuitBreaker, defaultBreakerPolicy, type BreakerPolicy } from './circuit-breaker';
import { attemptOnce, cancelledError, type AttemptSettings } from './fhir-attempt';
import type { ClientCertificateContext } from './network-errors';
import { afterRead, type ReadRetrySettings } from './read-retries';
import { defaultRetryPolicy, wait, type RetryPolicy } from './retry-policy';
import { writeOutcome } from './write-outcome';

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
  const attempts: AttemptSettings = {
    serverName,
    calendar: options.calendar,
    now,
    deadlineMs,
    maxResponseBytes,
    agent,
    breaker,
    closing: closing.signal,
    tls: options.tls,
  };
  const reads: ReadRetrySettings = { serverName, retry, random, now };

  function resolve(pathAndQuery: string): Result<URL> {
    const url = new URL(pathAndQuery.replace(/^\/+/, ''), base);
    if (url.origin === base.origin) return ok(url);
    return err(
      environmentErrorCodes.badResponse,
      `${serverName} pointed to ${url.origin}; Archivist only sends requests to ${base.origin}.`,
    );
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
      const result = await attemptOnce(attempts, {
        method: 'GET',
        url,
        headers: commonHeaders,
        body: undefined,
        callerSignal: requestOptions.signal,
      });
      const step = afterRead<T>(reads, result, attemptNumber, what);
      if ('done' in step) return step.done;
      const { delayMs } = step;
      if (await wait(delayMs, waitSignal))
        return { ok: false, error: cancelledError(`${what} was cancelled.`) };
    }
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
    const result = await attemptOnce(attempts, {
      method: 'POST',
      url,
      headers,
      body: bytes,
      callerSignal: postOptions.signal,
    });
    return writeOutcome<T>(result, what, serverName);
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
