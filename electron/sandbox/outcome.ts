/** FHIR responses the sandbox sends: every error is an OperationOutcome with a readable diagnosis. */
import type { FhirResource, OperationOutcome } from '../../shared/fhir/resources';

/** One response, decided by a handler and written by the server (which may add faults). */
export interface SandboxResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array | string;
}

/** The FHIR JSON media type (FHIR R4 http.html#mime-type). */
export const fhirJson = 'application/fhir+json; charset=utf-8';

/** A FHIR JSON response. */
export function fhirResponse(
  status: number,
  resource: FhirResource,
  headers: Readonly<Record<string, string>> = {},
): SandboxResponse {
  return {
    status,
    headers: { 'content-type': fhirJson, ...headers },
    body: JSON.stringify(resource),
  };
}

/** A FHIR JSON response whose body is already written (a search bundle built from cached parts). */
export function fhirJsonResponse(status: number, json: string): SandboxResponse {
  return { status, headers: { 'content-type': fhirJson }, body: json };
}

/** An OperationOutcome for one problem; `code` is from the FHIR issue-type value set. */
export function outcome(
  status: number,
  code: string,
  diagnostics: string,
  expression?: readonly string[],
  headers: Readonly<Record<string, string>> = {},
): SandboxResponse {
  const body: OperationOutcome = {
    resourceType: 'OperationOutcome',
    issue: [{ severity: 'error', code, diagnostics, ...(expression ? { expression } : {}) }],
  };
  return fhirResponse(status, body, headers);
}

/** An OperationOutcome with several issues (every forbidden element is named, not just the first). */
export function outcomeOf(status: number, issues: OperationOutcome['issue']): SandboxResponse {
  return fhirResponse(status, { resourceType: 'OperationOutcome', issue: issues });
}

/** 404 for an unknown resource. */
export function notFound(what: string): SandboxResponse {
  return outcome(404, 'not-found', `${what} was not found.`);
}

/** 400 for a bad search or request parameter. */
export function badRequest(diagnostics: string): SandboxResponse {
  return outcome(400, 'invalid', diagnostics);
}
