/**
 * One open connection per profile, kept while the profile is unchanged, so a FHIR client's
 * circuit breaker and keep-alive sockets live across searches; and the last thing each
 * environment told us (ok or which failure), for the switcher.
 */
import type { EnvironmentProfile } from '../../../shared/environments/profile';
import type { ConnectionState } from '../../../shared/ipc/workspace-types';
import { ok, type AppError, type Result } from '../../../shared/result';
import type { EnvironmentConnection } from '../environments/connection';

export type Connect = (profile: EnvironmentProfile) => Promise<Result<EnvironmentConnection>>;

/** Errors that say something about our request or the document, not the environment. */
const notAboutReachability = new Set(['env-not-found', 'env-cancelled', 'env-read-only']);

export interface ConnectionPool {
  readonly connectionFor: (profile: EnvironmentProfile) => Promise<Result<EnvironmentConnection>>;
  readonly stateOf: (profileId: string) => ConnectionState;
  /** Records what an operation learned about the environment. */
  readonly note: (profileId: string, outcome: Result<unknown>) => void;
  readonly closeAll: () => void;
  /** Closes a profile's connection (edited or removed: its passphrase may have changed). */
  readonly forget: (profileId: string) => void;
}

export function createConnectionPool(connect: Connect, now: () => Date): ConnectionPool {
  const open = new Map<string, { key: string; connection: EnvironmentConnection }>();
  const states = new Map<string, ConnectionState>();

  const noteError = (profileId: string, error: AppError) =>
    states.set(profileId, {
      state: 'failed',
      checkedAt: now().toISOString(),
      code: error.code,
      message: error.message,
    });

  return {
    async connectionFor(profile) {
      const key = JSON.stringify(profile);
      const cached = open.get(profile.id);
      if (cached?.key === key) return ok(cached.connection);
      cached?.connection.close();
      open.delete(profile.id);
      const connected = await connect(profile);
      if (!connected.ok) {
        noteError(profile.id, connected.error);
        return connected;
      }
      open.set(profile.id, { key, connection: connected.value });
      return connected;
    },
    stateOf: (profileId) => states.get(profileId) ?? { state: 'unknown' },
    note(profileId, outcome) {
      if (outcome.ok) states.set(profileId, { state: 'ok', checkedAt: now().toISOString() });
      else if (!notAboutReachability.has(outcome.error.code)) noteError(profileId, outcome.error);
    },
    forget(profileId) {
      open.get(profileId)?.connection.close();
      open.delete(profileId);
      states.delete(profileId);
    },
    closeAll() {
      for (const { connection } of open.values()) connection.close();
      open.clear();
    },
  };
}
