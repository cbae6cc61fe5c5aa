/**
 * Environment profiles in `profiles.json` in the home folder: read, create, edit, remove. Every
 * change rewrites the whole file atomically (atomic-file.ts) after validating the result, so
 * the file on disk is always a valid set of profiles. Passphrases never pass through here: a
 * profile holds only a reference into a secret store (secret-store.ts).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  parseProfile,
  parseProfilesFile,
  type EnvironmentProfile,
} from '../../../shared/environments/profile';
import { err, ok, type Result } from '../../../shared/result';
import { fileProblemReason } from '../files/file-problem';
import { writeFileAtomically } from './atomic-file';

export const profilesFileName = 'profiles.json';

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

/** Validates and writes the whole list (atomic). */
export async function saveProfiles(
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

/** Adds a profile; its id must be new. */
export async function createProfile(
  home: string,
  raw: unknown,
): Promise<Result<EnvironmentProfile>> {
  const profile = parseProfile(raw);
  if (!profile.ok) return profile;
  const existing = await loadProfiles(home);
  if (!existing.ok) return existing;
  if (existing.value.some((candidate) => candidate.id === profile.value.id))
    return err(
      'profile-exists',
      `A profile named '${profile.value.id}' exists already; remove it first or pick another name.`,
    );
  const saved = await saveProfiles(home, [...existing.value, profile.value]);
  return saved.ok ? profile : saved;
}

/** Replaces a profile by id with an edited version (the id may not change). */
export async function updateProfile(
  home: string,
  id: string,
  edit: (profile: EnvironmentProfile) => unknown,
): Promise<Result<EnvironmentProfile>> {
  const existing = await loadProfiles(home);
  if (!existing.ok) return existing;
  const current = existing.value.find((candidate) => candidate.id === id);
  if (!current) return unknownProfile(id);
  const edited = parseProfile(edit(current));
  if (!edited.ok) return edited;
  if (edited.value.id !== id)
    return err('invalid-profile', `A profile's name cannot change (was '${id}').`);
  const list = existing.value.map((candidate) => (candidate.id === id ? edited.value : candidate));
  const saved = await saveProfiles(home, list);
  return saved.ok ? edited : saved;
}

/** Removes a profile by id and answers what was removed (its passphrase is the caller's). */
export async function removeProfile(home: string, id: string): Promise<Result<EnvironmentProfile>> {
  const existing = await loadProfiles(home);
  if (!existing.ok) return existing;
  const removed = existing.value.find((candidate) => candidate.id === id);
  if (!removed) return unknownProfile(id);
  const saved = await saveProfiles(
    home,
    existing.value.filter((candidate) => candidate.id !== id),
  );
  return saved.ok ? ok(removed) : saved;
}

/** One profile by id. */
export async function findProfile(home: string, id: string): Promise<Result<EnvironmentProfile>> {
  const existing = await loadProfiles(home);
  if (!existing.ok) return existing;
  const found = existing.value.find((candidate) => candidate.id === id);
  return found ? ok(found) : unknownProfile(id);
}
