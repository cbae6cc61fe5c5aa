/**
 * How the workspace connects a profile: through the shared `openConnection`
 * (electron/services/environments/open-connection.ts), so the app gets what the command line
 * gets: FHIR profiles with their client certificate, pinned CA and calendar, and folder profiles.
 * The name stays for its callers; it opens every kind of profile.
 */
import type { EnvironmentProfile } from '../../../shared/environments/profile';
import type { Result } from '../../../shared/result';
import type { EnvironmentConnection } from '../environments/connection';
import { openConnection } from '../environments/open-connection';
import { createCliSecretStore } from '../profiles/cli-secret-store';
import type { SecretStore } from '../profiles/secret-store';

export interface FhirConnectOptions {
  /** Per-exchange deadline (ms); tests shorten it. */
  readonly deadlineMs?: number;
  /**
   * Where certificate passphrases come from: the desktop app injects its safeStorage store
   * (electron/main/index.ts). Without one (browser harness, tests) only the environment
   * variables of the command line are read, never a prompt.
   */
  readonly secrets?: SecretStore;
}

export function connectFhir(options: FhirConnectOptions = {}) {
  const secrets = options.secrets ?? createCliSecretStore({ env: process.env });
  return (profile: EnvironmentProfile): Promise<Result<EnvironmentConnection>> =>
    openConnection(profile, {
      secrets,
      ...(options.deadlineMs === undefined ? {} : { deadlineMs: options.deadlineMs }),
    });
}
