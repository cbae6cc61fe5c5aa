/**
 * The app's side of the audit trail: who acts (the profile's test professional card identity,
 * else the OS user), where (the environment), and the write-ahead rule (DOMAIN.md §6): a record
 * is durable in the journal before the data it describes is returned to the window. The journal
 * is opened per operation and closed after, so the command line can write between our actions.
 */
import { hostname, userInfo } from 'node:os';
import type { AuditContext, Operator } from '../../../shared/audit/builders';
import type { AuditEvent } from '../../../shared/audit/event';
import type { EnvironmentProfile } from '../../../shared/environments/profile';
import { ok, type Result } from '../../../shared/result';
import { appVersion } from '../app-version';
import { openJournal, type Appended } from '../audit/journal';

/** The OS account name, or a placeholder when the system cannot tell. */
export function osUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

/** The audit context of actions against one profile's environment. */
export function auditContextFor(profile: EnvironmentProfile, now: () => Date): AuditContext {
  const osUser = osUserName();
  const operator: Operator = profile.operator
    ? { ...profile.operator, osUser }
    : { name: osUser, registrationNumber: 'none', organisationOid: 'none', osUser };
  return {
    operator,
    appVersion,
    host: hostname(),
    now,
    environment: { name: profile.displayName, baseUrl: profile.baseUrl },
  };
}

/**
 * Appends the events in order, each durable before the next, and resolves with the last one's
 * place; an error (journal unwritable, locked) means nothing may be shown.
 */
export async function recordAll(
  home: string,
  events: readonly AuditEvent[],
  refused: string,
): Promise<Result<Appended | undefined>> {
  if (events.length === 0) return ok(undefined);
  const journal = await openJournal(home);
  if (!journal.ok) return journal;
  try {
    let last: Appended | undefined;
    for (const event of events) {
      const appended = await journal.value.recordBefore(event, refused);
      if (!appended.ok) return appended;
      last = appended.value;
    }
    return ok(last);
  } finally {
    journal.value.close();
  }
}
