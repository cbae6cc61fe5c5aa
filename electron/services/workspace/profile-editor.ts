/**
 * The Environments screen's operations: list, save (create or edit), remove and check stored
 * profiles, and choose their files in main's open dialog. Profiles are written through the
 * profile store (atomic, validated); passphrases go only to the secret store and never back to
 * the window. A store that cannot keep a secret safely makes a save with a passphrase fail
 * before anything is written, so the tester can save the profile without it. Every change is a
 * configuration record in the audit journal, durable before the change (never the passphrase).
 */
import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { summariseProfile, type EnvironmentProfile } from '../../../shared/environments/profile';
import type {
  EditableProfile,
  PickProfileFileRequest,
  PickProfileFileResult,
  ProfileCheckReport,
  ProfileList,
  SaveProfileRequest,
  SaveProfileResult,
  SecretStoreState,
} from '../../../shared/ipc/profile-editor-types';
import { err, ok, type Result } from '../../../shared/result';
import { checkEnvironment } from '../profiles/environment-check';
import {
  createProfile,
  findProfile,
  loadProfiles,
  removeProfile,
  updateProfile,
  type ProfileWriteOptions,
} from '../profiles/profile-store';
import { profileChangeAudit } from '../profiles/profile-change-audit';
import { secretErrorCodes, type SecretStore } from '../profiles/secret-store';
import { appAuditContext } from './audit-export';
import { localFilesFolder } from './compare-local-files';
import { profileFromDraft, type Pick } from './profile-draft';

/** Main's open dialog: a file, or a folder for folder profiles; undefined when cancelled. */
export type ChoosePath = (
  purpose: PickProfileFileRequest['purpose'],
) => Promise<string | undefined>;

export interface ProfileEditorDeps {
  readonly home: string;
  readonly secrets: SecretStore;
  /** Ids the app provides itself (the local sandbox): they cannot be stored. */
  readonly builtInProfiles: () => readonly EnvironmentProfile[];
  /** Called after a profile changed or was removed, so its open connection is dropped. */
  readonly onChanged: (profileId: string) => void;
  readonly now: () => Date;
  readonly deadlineMs?: number;
}

export interface ProfileEditor {
  readonly list: () => Promise<Result<ProfileList>>;
  readonly save: (request: SaveProfileRequest) => Promise<Result<SaveProfileResult>>;
  readonly remove: (profileId: string) => Promise<Result<{ readonly removed: string }>>;
  readonly check: (profileId: string) => Promise<Result<ProfileCheckReport>>;
  readonly pick: (
    request: PickProfileFileRequest,
    choosePath: ChoosePath | undefined,
  ) => Promise<Result<PickProfileFileResult>>;
}

/** Picks older than this are forgotten; a form is filled in minutes. */
const maxPicks = 200;

/** Field paths of parseProfile's messages as the form labels them. */
const fieldLabels: readonly (readonly [string, string])[] = [
  ['profile.operator.organisationOid', "The operator's organisation OID"],
  ['profile.operator.registrationNumber', "The operator's registration number"],
  ['profile.operator.name', "The operator's name"],
  ['profile.organisationOid', 'The organisation OID'],
  ['profile.displayName', 'The display name'],
  ['profile.id', 'The name'],
  ['profile.baseUrl', 'The base URL'],
];

function labelled(message: string): string {
  const found = fieldLabels.find(([field]) => message.startsWith(field));
  return found ? `${found[1]}${message.slice(found[0].length)}` : message;
}

export function createProfileEditor(deps: ProfileEditorDeps): ProfileEditor {
  const picks = new Map<string, Pick>();

  function secretState(): SecretStoreState {
    const state = deps.secrets.persistence?.() ?? { canPersist: true };
    return state.canPersist
      ? { canPersist: true }
      : {
          canPersist: false,
          reason: `Passphrases cannot be saved: ${state.reason ?? 'there is no secret store'}.`,
        };
  }

  async function editable(profile: EnvironmentProfile): Promise<EditableProfile> {
    const reference = profile.tls?.passphraseRef;
    if (reference === undefined) return { profile, isPassphraseStored: false };
    const secret = await deps.secrets.readPassphrase({
      profileId: profile.id,
      displayName: profile.displayName,
      reference,
    });
    return { profile, isPassphraseStored: secret.ok };
  }

  function isBuiltIn(profileId: string): boolean {
    return deps.builtInProfiles().some((profile) => profile.id === profileId);
  }

  /** Why a passphrase cannot be kept for this profile, before anything is written. */
  function passphraseProblem(profile: EnvironmentProfile): Result<void> {
    if (profile.tls?.passphraseRef === undefined)
      return err(
        'invalid-profile',
        'A passphrase was entered, but the profile says its certificate files need none.',
      );
    const state = secretState();
    return state.canPersist
      ? ok(undefined)
      : err(
          secretErrorCodes.storeUnavailable,
          `${state.reason ?? ''} Clear the passphrase field to save the profile without it.`,
        );
  }

  return {
    async list() {
      const stored = await loadProfiles(deps.home);
      const builtIn = deps.builtInProfiles().map(summariseProfile);
      const base = { builtIn, secretStore: secretState() };
      if (!stored.ok) return ok({ ...base, profiles: [], problem: stored.error.message });
      const visible = stored.value.filter((profile) => !isBuiltIn(profile.id));
      return ok({ ...base, profiles: await Promise.all(visible.map(editable)) });
    },

    async save({ mode, draft, passphrase }) {
      if (isBuiltIn(draft.id.trim()))
        return err(
          'profile-exists',
          `'${draft.id.trim()}' is the app's own profile; pick another name.`,
        );
      const stored = mode === 'edit' ? await findProfile(deps.home, draft.id) : undefined;
      if (stored && !stored.ok) return stored;
      const built = profileFromDraft(draft, stored?.value, picks);
      if (!built.ok) return err(built.error.code, labelled(built.error.message));
      if (mode === 'create') {
        const existing = await findProfile(deps.home, built.value.id);
        if (existing.ok)
          return err(
            'profile-exists',
            `A profile named '${built.value.id}' exists already; edit it or pick another name.`,
          );
      }
      const hasPassphrase = passphrase !== undefined && passphrase !== '';
      if (hasPassphrase) {
        const problem = passphraseProblem(built.value);
        if (!problem.ok) return problem;
      }
      // Write-ahead, under the store's lock (a change another process made meanwhile is seen):
      // the change is recorded, then the passphrase stored, then the file written.
      const audit = profileChangeAudit(
        deps.home,
        appAuditContext(deps.now),
        hasPassphrase ? 'passphrase entered' : undefined,
      );
      const reference = built.value.tls?.passphraseRef;
      const beforeWrite: NonNullable<ProfileWriteOptions['beforeWrite']> = async (change) => {
        const recorded = await audit.beforeWrite(change);
        if (!recorded.ok || !hasPassphrase || reference === undefined) return recorded;
        return deps.secrets.savePassphrase(reference, passphrase);
      };
      const written =
        mode === 'create'
          ? await createProfile(deps.home, built.value, { beforeWrite })
          : await updateProfile(deps.home, built.value.id, () => built.value, { beforeWrite });
      if (!written.ok) {
        await audit.recordFailure(written.error.message);
        return err(written.error.code, labelled(written.error.message));
      }
      // Files that need no passphrase any more leave no secret behind.
      const oldReference = stored?.ok ? stored.value.tls?.passphraseRef : undefined;
      if (oldReference !== undefined && written.value.tls?.passphraseRef === undefined)
        await deps.secrets.removePassphrase(oldReference);
      deps.onChanged(written.value.id);
      return ok({
        profile: await editable(written.value),
        ...(hasPassphrase
          ? { passphraseNote: 'The passphrase is stored in the secret store.' }
          : {}),
      });
    },

    async remove(profileId) {
      if (isBuiltIn(profileId))
        return err('profile-built-in', `'${profileId}' is the app's own profile and stays.`);
      const exists = await findProfile(deps.home, profileId);
      if (!exists.ok) return exists;
      const audit = profileChangeAudit(deps.home, appAuditContext(deps.now));
      const removed = await removeProfile(deps.home, profileId, { beforeWrite: audit.beforeWrite });
      if (!removed.ok) {
        await audit.recordFailure(removed.error.message);
        return removed;
      }
      const reference = removed.value.tls?.passphraseRef;
      if (reference !== undefined) await deps.secrets.removePassphrase(reference);
      deps.onChanged(profileId);
      return ok({ removed: profileId });
    },

    async check(profileId) {
      const profile = await findProfile(deps.home, profileId);
      if (!profile.ok) return profile;
      return ok(
        await checkEnvironment(profile.value, {
          secrets: deps.secrets,
          now: deps.now,
          ...(deps.deadlineMs === undefined ? {} : { deadlineMs: deps.deadlineMs }),
        }),
      );
    },

    async pick({ purpose, name }, choosePath) {
      let chosen: string | undefined;
      if (choosePath) chosen = await choosePath(purpose);
      else if (name === undefined)
        return err(
          'file-dialog-unavailable',
          `This window has no file dialog: name a file or folder in ${localFilesFolder(deps.home)}.`,
        );
      else {
        chosen = path.join(localFilesFolder(deps.home), name);
        const found = await stat(chosen).catch(() => undefined);
        const isWanted = purpose === 'folder' ? found?.isDirectory() : found?.isFile();
        if (!isWanted)
          return err(
            'file-not-found',
            `There is no ${purpose === 'folder' ? 'folder' : 'file'} named '${name}' in ${localFilesFolder(deps.home)}.`,
          );
      }
      if (chosen === undefined) return ok({ kind: 'cancelled' });
      const pickId = `pick-${randomUUID()}`;
      if (picks.size >= maxPicks) picks.delete(picks.keys().next().value as string);
      picks.set(pickId, { purpose, path: chosen });
      return ok({ kind: 'picked', pickId, path: chosen });
    },
  };
}
