/** Reads environment profiles from `profiles.json` in the home folder. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseProfilesFile, type EnvironmentProfile } from '../../../shared/environments/profile';
import { err, ok, type Result } from '../../../shared/result';

export const profilesFileName = 'profiles.json';

/** A missing file means "no profiles yet"; a broken one is an error that names the problem. */
export async function loadProfiles(home: string): Promise<Result<readonly EnvironmentProfile[]>> {
  const file = path.join(home, profilesFileName);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return ok([]);
    return err(
      'profiles-unreadable',
      `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'unknown error'}.`,
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return err('invalid-profile', `${file} is not valid JSON; fix or remove it.`);
  }
  return parseProfilesFile(raw);
}
