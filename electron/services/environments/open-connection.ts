/**
 * Opens the connection a profile describes: the one place that turns a stored profile into an
 * `EnvironmentConnection`, shared by the app's workspace and the command line.
 *
 * - `sandbox`, `AT`, `TK`, `fhir`: a FHIR connection on the profile's calendar (its own, else the
 *   default of its kind), with the client certificate and pinned CA loaded and checked first
 *   (`loadClientTls`), the passphrase taken from the secret store by reference.
 * - `folder`: a read-only index of a directory of CDA files and RCMR messages.
 *
 * A profile whose `isTestEnvironment` is false can never be written to: its `invalidate`
 * answers `env-read-only` without sending anything (issue 4, item 6).
 */
import type https from 'node:https';
import { calendarOfProfile, type EnvironmentProfile } from '../../../shared/environments/profile';
import { err, ok, type Result } from '../../../shared/result';
import type { SecretStore } from '../profiles/secret-store';
import { createTlsAgent, loadClientTls, type ClientTls } from '../tls/client-tls';
import { environmentErrorCodes, type EnvironmentConnection } from './connection';
import { createFhirConnection } from './fhir/fhir-connection';
import { openFolderConnection } from './folder/folder-connection';

export interface OpenConnectionOptions {
  /** Where certificate passphrases come from (safeStorage in the app, env/prompt in the CLI). */
  readonly secrets: SecretStore;
  /** The deadline of one HTTP exchange (default 15 000 ms). */
  readonly deadlineMs?: number;
  /** The clock the calendar and breaker run on (tests set it). */
  readonly now?: () => Date;
}

/** Error code of a profile that cannot be opened as written (bad URL, TLS on http://). */
export const badProfileCode = 'env-bad-profile';

/** How every refusal to open a profile starts, so a caller can tell it has the profile's name. */
export function unusablePrefix(displayName: string): string {
  return `Environment ${displayName} cannot be used: `;
}

/**
 * One sentence for a profile that cannot be opened, e.g. `Environment P cannot be used: its CA
 * file /x/ca.pem does not exist.`: the reason's own sentence ("The CA file …") becomes the clause
 * ("its CA file …"), so every command and the app say it the same way (issue 8: one clear line).
 */
export function unusableProfile(displayName: string, reason: string): string {
  const clause = reason.startsWith('The ')
    ? `its ${reason.slice(4)}`
    : /^[A-Z][a-z]/.test(reason)
      ? `${reason[0]?.toLowerCase() ?? ''}${reason.slice(1)}`
      : reason;
  return `${unusablePrefix(displayName)}${clause}`;
}

function badProfile<T>(profile: EnvironmentProfile, reason: string): Result<T> {
  return err(badProfileCode, unusableProfile(profile.displayName, reason));
}

/** The profile's TLS settings loaded, with the passphrase from the secret store. */
async function clientTlsOf(
  profile: EnvironmentProfile,
  secrets: SecretStore,
): Promise<Result<ClientTls>> {
  const { passphraseRef, ...files } = profile.tls ?? {};
  let passphrase: string | undefined;
  if (passphraseRef !== undefined) {
    const secret = await secrets.readPassphrase({
      profileId: profile.id,
      displayName: profile.displayName,
      reference: passphraseRef,
    });
    if (!secret.ok) return secret;
    passphrase = secret.value;
  }
  const loaded = await loadClientTls({ ...files, ...(passphrase ? { passphrase } : {}) });
  if (!loaded.ok)
    return err(loaded.error.code, unusableProfile(profile.displayName, loaded.error.message));
  return loaded;
}

/** Writes refused unless the profile says it is a test environment. */
function guardWrites(
  profile: EnvironmentProfile,
  connection: EnvironmentConnection,
): EnvironmentConnection {
  if (profile.isTestEnvironment) return connection;
  return {
    ...connection,
    invalidate: async () =>
      err(
        environmentErrorCodes.readOnly,
        `${profile.displayName} is not marked as a test environment (isTestEnvironment is false), so Archivist never writes to it.`,
      ),
  };
}

async function openFhir(
  profile: EnvironmentProfile,
  options: OpenConnectionOptions,
): Promise<Result<EnvironmentConnection>> {
  let url: URL;
  try {
    url = new URL(profile.baseUrl);
  } catch {
    return badProfile(profile, 'The base URL is not an address.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return badProfile(profile, 'The base URL is not an http(s) address.');
  if (profile.tls && url.protocol !== 'https:')
    return badProfile(
      profile,
      'It has TLS settings but its base URL starts with http://; use https:// so the certificate is used.',
    );
  let agent: https.Agent | undefined;
  let clientTls: ClientTls | undefined;
  if (profile.tls) {
    const loaded = await clientTlsOf(profile, options.secrets);
    if (!loaded.ok) return loaded;
    clientTls = loaded.value;
    agent = createTlsAgent(clientTls);
  }
  const connection = createFhirConnection({
    baseUrl: profile.baseUrl,
    calendar: calendarOfProfile(profile),
    ...(agent ? { agent } : {}),
    ...(clientTls
      ? {
          tls: {
            usedClientCertificate: clientTls.usesClientCertificate,
            ...(clientTls.clientCertificate
              ? { clientCertificate: clientTls.clientCertificate }
              : {}),
          },
        }
      : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(options.deadlineMs === undefined ? {} : { deadlineMs: options.deadlineMs }),
  });
  return ok({
    ...connection,
    close() {
      connection.close();
      agent?.destroy();
    },
  });
}

/** Opens the connection of one profile; every problem is a Result error with a sentence. */
export async function openConnection(
  profile: EnvironmentProfile,
  options: OpenConnectionOptions,
): Promise<Result<EnvironmentConnection>> {
  if (profile.kind !== 'folder') {
    const opened = await openFhir(profile, options);
    return opened.ok ? ok(guardWrites(profile, opened.value)) : opened;
  }
  const opened = await openFolderConnection(profile.baseUrl, { name: profile.displayName });
  if (!opened.ok)
    return err(opened.error.code, unusableProfile(profile.displayName, opened.error.message));
  return ok(guardWrites(profile, opened.value));
}
