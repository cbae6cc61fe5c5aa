/**
 * Environment profiles in `profiles.json` in the home folder: read, create, edit, remove. Every
 * change rewrites the whole file atomically (atomic-file.ts) after validating the result, so
 * the file on disk is always a valid set of profiles. Changes hold a lock file and re-read the
 * file under it: the app and parallel command lines (CI jobs adding their environment at once)
 * would otherwise overwrite each other's changes. Reads need no lock, as a rename is atomic.
 * Passphrases never pass through here: a profile holds only a reference into a secret store
 * (secret-store.ts).
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  parseProfile,
  parseProfilesFile,
  type EnvironmentProfile,
} from '../../../shared/environments/profile';
import { err, ok, type Result } from '../../../shared/result';
import { acquireLock, type LockedResource } from '../audit/lock';
import { fileProblemReason } from '../files/file-problem';
import { writeFileAtomically } from './atomic-file';

export const profilesFileName = 'profiles.json';
export const profilesLockFileName = 'profiles.json.lock';

const profilesResource: LockedResource = {
  name: 'its environment profiles',
  busyMessage:
    'Another Archivist window or command kept the environment profiles (profiles.json) locked for too long; nothing was changed, try again.',
  unavailableCode: 'profiles-unwritable',
  busyCode: 'profiles-locked',
};

/** A change about to be written, so a caller can record it first. */
export interface ProfileChange {
  readonly action: 'created' | 'edited' | 'removed';
  readonly profile: EnvironmentProfile;
}

export interface ProfileWriteOptions {
  /**
   * Runs under the lock once the change is valid against the file as it is now, just before
   * the write: the write-ahead audit record goes here. An error leaves the file unchanged.
   */
  readonly beforeWrite?: (change: ProfileChange) => Promise<Result<unknown>>;
  /** How long to wait for another writer's lock (ms). */
  readonly lockWaitMs?: number;
}

/** Long enough for writers queued behind each other, each holding the lock for milliseconds. */
const defaultLockWaitMs = 5000;

/** A missing file means "no profiles yet"; a broken one is an error that names the problem. */
export async function loadProfiles(home: string): Promise<Result<readonly EnvironmentProfile[]>> {
  const file = path.join(home, profilesFileName);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return ok([]);
    return err('profiles-unreadable', `Cannot read ${file} (${fileProblemReason(error, 'read')}).`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return err('invalid-profile', `${file} is not valid JSON; fix or remove it.`);
  }
  return parseProfilesFile(raw);
}

/** Validates and writes the whole list (atomic); only under the lock. */
async function saveProfiles(
  home: string,
  profiles: readonly EnvironmentProfile[],
): Promise<Result<void>> {
  const checked = parseProfilesFile({ profiles });
  if (!checked.ok) return checked;
  const text = `${JSON.stringify({ profiles: checked.value }, null, 2)}\n`;
  return writeFileAtomically(path.join(home, profilesFileName), text);
}

function unknownProfile<T>(id: string): Result<T> {
  return err('profile-unknown', `There is no environment profile named '${id}'.`);
}

/** The new list and what changed, or why the change is refused. */
type Planned = Result<{
  readonly list: readonly EnvironmentProfile[];
  readonly change: ProfileChange;
}>;

/** Locks, re-reads, plans the change on what is there now, records it (hook), writes, unlocks. */
async function changeProfiles(
  home: string,
  plan: (profiles: readonly EnvironmentProfile[]) => Planned,
  options: ProfileWriteOptions,
): Promise<Result<EnvironmentProfile>> {
  try {
    await mkdir(home, { recursive: true });
  } catch (error) {
    return err(
      'profiles-unwritable',
      `Cannot create the folder ${home} for ${path.join(home, profilesFileName)} (${fileProblemReason(error, 'folder')}).`,
    );
  }
  const lock = await acquireLock(
    path.join(home, profilesLockFileName),
    options.lockWaitMs ?? defaultLockWaitMs,
    profilesResource,
  );
  if (!lock.ok) return lock;
  try {
    const existing = await loadProfiles(home);
    if (!existing.ok) return existing;
    const planned = plan(existing.value);
    if (!planned.ok) return planned;
    const recorded = (await options.beforeWrite?.(planned.value.change)) ?? ok(undefined);
    if (!recorded.ok) return recorded;
    const saved = await saveProfiles(home, planned.value.list);
    return saved.ok ? ok(planned.value.change.profile) : saved;
  } finally {
    lock.value();
  }
}

/** Adds a profile; its id must be new. */
export async function createProfile(
  home: string,
  raw: unknown,
  options: ProfileWriteOptions = {},
): Promise<Result<EnvironmentProfile>> {
  const profile = parseProfile(raw);
  if (!profile.ok) return profile;
  const created = profile.value;
  return changeProfiles(
    home,
    (profiles) =>
      profiles.some((candidate) => candidate.id === created.id)
        ? err(
            'profile-exists',
            `A profile named '${created.id}' exists already; remove it first or pick another name.`,
          )
        : ok({ list: [...profiles, created], change: { action: 'created', profile: created } }),
    options,
  );
}

/** Replaces a profile by id with an edited version (the id may not change). */
export async function updateProfile(
  home: string,
  id: string,
  edit: (profile: EnvironmentProfile) => unknown,
  options: ProfileWriteOptions = {},
): Promise<Result<EnvironmentProfile>> {
  return changeProfiles(
    home,
    (profiles) => {
      const current = profiles.find((candidate) => candidate.id === id);
      if (!current) return unknownProfile(id);
      const edited = parseProfile(edit(current));
      if (!edited.ok) return edited;
      if (edited.value.id !== id)
        return err('invalid-profile', `A profile's name cannot change (was '${id}').`);
      const list = profiles.map((candidate) => (candidate.id === id ? edited.value : candidate));
      return ok({ list, change: { action: 'edited', profile: edited.value } });
    },
    options,
  );
}

/** Removes a profile by id and answers what was removed (its passphrase is the caller's). */
export async function removeProfile(
  home: string,
  id: string,
  options: ProfileWriteOptions = {},
): Promise<Result<EnvironmentProfile>> {
  return changeProfiles(
    home,
    (profiles) => {
      const removed = profiles.find((candidate) => candidate.id === id);
      if (!removed) return unknownProfile(id);
      const list = profiles.filter((candidate) => candidate.id !== id);
      return ok({ list, change: { action: 'removed', profile: removed } });
    },
    options,
  );
}

/** One profile by id. */
export async function findProfile(home: string, id: string): Promise<Result<EnvironmentProfile>> {
  const existing = await loadProfiles(home);
  if (!existing.ok) return existing;
  const found = existing.value.find((candidate) => candidate.id === id);
  return found ? ok(found) : unknownProfile(id);
}
