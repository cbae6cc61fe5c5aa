/**
 * The ignore profile `compare --ignore NAME` names: a shipped id, `none`, or a JSON file of the
 * tester's own (issue 7). Loaded with the full compare only, so the unified fast path does not
 * load the shipped profiles.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { builtinProfiles, findIgnoreProfile } from '../../../shared/compare/builtin-profiles';
import { noIgnoreProfile, type ResolvedProfile } from '../../../shared/compare/ignore-profile';
import { ignoreProfileFromText } from '../../../shared/compare/ignore-profile-file';
import { fileProblemReason } from '../../services/files/file-problem';
import { CommandFailure } from '../command';
import { isProfileFileName } from './ignore-profile-name';

/**
 * The ignore profile named by --ignore: a shipped id, `none`, or a JSON file of the user's;
 * `default` when none is named (the caller then asks the worker for the documents' type's own).
 * Every refusal, an unknown id as much as a bad file, is a handled failure (exit 1): the name is
 * well formed, but what it names cannot be used, as with a document that cannot be read.
 */
export async function profileOf(name: string | undefined, cwd: string): Promise<ResolvedProfile> {
  const wanted = name ?? 'default';
  if (wanted === 'none') return noIgnoreProfile;
  if (!isProfileFileName(wanted)) {
    const found = findIgnoreProfile(wanted);
    if (!found.ok) throw new CommandFailure(found.error.message);
    return found.value;
  }
  const file = path.resolve(cwd, wanted);
  let text: string;
  try {
    if ((await stat(file)).isDirectory())
      throw new CommandFailure(
        `The ignore profile ${wanted} is a folder, not a profile file: give a JSON file or a shipped profile's id.`,
      );
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof CommandFailure) throw error;
    throw new CommandFailure(
      `Could not read the ignore profile ${wanted} (${fileProblemReason(error, 'read')}).`,
    );
  }
  const shipped = builtinProfiles();
  const profile = ignoreProfileFromText(text, wanted, shipped.ok ? shipped.value : []);
  if (!profile.ok) throw new CommandFailure(profile.error.message);
  return profile.value;
}
