/**
 * Profile changes in the audit journal as configuration records (BALP action U), written before
 * the change lands (the write-ahead rule, DOMAIN.md §6): a journal that cannot be written stops
 * the change. The app (profile-editor.ts) and the command line (envs) both record through this.
 */
import { configurationEvent, type AuditContext } from '../../../shared/audit/builders';
import { err, type Result } from '../../../shared/result';
import { recordAll } from '../workspace/audit-trail';
import type { ProfileChange, ProfileWriteOptions } from './profile-store';

/**
 * "environment profile kanta-at created (AT https://…)", "environment profile x removed"; `note`
 * goes inside the brackets ("passphrase entered", when the app stored one with the change).
 */
export function profileChangeText(change: ProfileChange, note?: string): string {
  const { action, profile } = change;
  const extra = note === undefined ? '' : `, ${note}`;
  return action === 'removed'
    ? `environment profile ${profile.id} removed`
    : `environment profile ${profile.id} ${action} (${profile.kind} ${profile.baseUrl}${extra})`;
}

/** The store's hook that records a change, and the record that says a recorded one failed. */
export interface ProfileChangeAudit {
  readonly beforeWrite: NonNullable<ProfileWriteOptions['beforeWrite']>;
  /** Records outcome 8 for the change recorded before, if one was; `reason` is the store's. */
  readonly recordFailure: (reason: string) => Promise<void>;
}

export function profileChangeAudit(
  home: string,
  context: AuditContext,
  note?: string,
): ProfileChangeAudit {
  let recorded: string | undefined;
  return {
    async beforeWrite(change): Promise<Result<unknown>> {
      const what = profileChangeText(change, note);
      const appended = await recordAll(
        home,
        [configurationEvent(context, what)],
        'nothing was changed',
      );
      if (appended.ok) recorded = what;
      // A journal that cannot even be opened says so without saying what became of the change.
      else if (!appended.error.message.endsWith('nothing was changed.'))
        return err(appended.error.code, `${appended.error.message} Nothing was changed.`);
      return appended;
    },
    async recordFailure(reason) {
      if (recorded === undefined) return;
      // The change was recorded before the write; that it did not land is recorded after it,
      // as other failed actions are, so the journal does not claim a change that never happened.
      await recordAll(
        home,
        [configurationEvent(context, recorded, { code: '8', description: reason })],
        'the failure was not recorded',
      );
    },
  };
}
