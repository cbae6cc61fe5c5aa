/**
 * What an HTTP answer means for a FHIR client: a resource (JSON with a `resourceType`), or an
 * error that carries the server's own words (the OperationOutcome's diagnostics, FHIR R4
 * http.html#errors), because "422" alone tells a tester nothing.
 */
import { STATUS_CODES, type IncomingHttpHeaders } from 'node:http';
import { err, ok, type AppError, type Result } from '../../../../shared/result';
import { environmentErrorCodes } from '../connection';

export interface FhirResponse<T> {
  readonly status: number;
  readonly body: T;
  readonly etag?: string;
  readonly location?: string;
}

export interface HttpAnswer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

function parseJsonObject(body: Buffer): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** The diagnostics (or details text) of every issue of an OperationOutcome body, joined. */
export function operationOutcomeText(body: Buffer): string | undefined {
  const json = parseJsonObject(body);
  if (json?.resourceType !== 'OperationOutcome' || !Array.isArray(json.issue)) return undefined;
  const texts = json.issue.flatMap((issue: unknown) => {
    if (typeof issue !== 'object' || issue === null) return [];
    const { diagnostics, details } = issue as {
      diagnostics?: unknown;
      details?: { text?: unknown };
    };
    if (typeof diagnostics === 'string') return [diagnostics];
    return typeof details?.text === 'string' ? [details.text] : [];
  });
  return texts.length > 0 ? texts.join(' ') : undefined;
}

function statusLine(status: number): string {
  const phrase = STATUS_CODES[status];
  return phrase ? `${status} ${phrase}` : String(status);
}

/** The error for a non-2xx answer; 404 and 410 are `env-not-found`. */
export function statusError(answer: HttpAnswer, what: string, serverName: string): AppError {
  const text = operationOutcomeText(answer.body);
  if (answer.status === 404 || answer.status === 410)
    return {
      code: environmentErrorCodes.notFound,
      message: text ?? `${serverName} has nothing at ${what} (${statusLine(answer.status)}).`,
    };
  const said = text ? `: ${text}` : ' (no OperationOutcome explained it).';
  return {
    code: environmentErrorCodes.httpStatus,
    message: `${serverName} answered ${statusLine(answer.status)} to ${what}${said}`,
  };
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** A 2xx answer as a FHIR resource, or `env-bad-response` when it is not one. */
export function resourceAnswer<T>(
  answer: HttpAnswer,
  what: string,
  serverName: string,
): Result<FhirResponse<T>> {
  const contentType = header(answer.headers, 'content-type') ?? '';
  const json =
    /json/i.test(contentType) || contentType === '' ? parseJsonObject(answer.body) : undefined;
  if (!json || typeof json.resourceType !== 'string') {
    const got =
      answer.body.length === 0 ? 'an empty body' : `'${contentType || 'no content type'}'`;
    return err(
      environmentErrorCodes.badResponse,
      `${serverName} answered ${what} with ${got}, not a FHIR JSON resource.`,
    );
  }
  const etag = header(answer.headers, 'etag');
  const location = header(answer.headers, 'location') ?? header(answer.headers, 'content-location');
  return ok({
    status: answer.status,
    body: json as T,
    ...(etag ? { etag } : {}),
    ...(location ? { location } : {}),
  });
}

/** The `Retry-After` header, if any. */
export function retryAfterHeader(answer: HttpAnswer): string | undefined {
  return header(answer.headers, 'retry-after');
}
