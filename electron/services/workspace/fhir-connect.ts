/**
 * Connecting a profile until the shared `openConnection` (profiles + TLS) is wired in: FHIR
 * profiles without client certificates (the sandbox, plain R4 servers) get a FHIR connection
 * with the calendar of their kind; anything needing a certificate or a folder says so.
 */
import { defaultCalendarForKind } from '../../../shared/environments/calendar';
import type { EnvironmentProfile } from '../../../shared/environments/profile';
import { err, ok, type Result } from '../../../shared/result';
import type { EnvironmentConnection } from '../environments/connection';
import { createFhirConnection } from '../environments/fhir/fhir-connection';

export interface FhirConnectOptions {
  /** Per-exchange deadline (ms); tests shorten it. */
  readonly deadlineMs?: number;
}

export function connectFhir(options: FhirConnectOptions = {}) {
  return async (profile: EnvironmentProfile): Promise<Result<EnvironmentConnection>> => {
    if (profile.kind === 'folder')
      return err(
        'env-unsupported',
        `${profile.displayName} is a folder profile; folders cannot be searched from the app yet.`,
      );
    let url: URL;
    try {
      url = new URL(profile.baseUrl);
    } catch {
      return err('env-bad-profile', `The base URL of ${profile.displayName} is not an address.`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      return err(
        'env-bad-profile',
        `The base URL of ${profile.displayName} is not an http(s) address.`,
      );
    return ok(
      createFhirConnection({
        baseUrl: profile.baseUrl,
        calendar: defaultCalendarForKind(profile.kind),
        ...(options.deadlineMs === undefined ? {} : { deadlineMs: options.deadlineMs }),
      }),
    );
  };
}
