/** `archivist info`: version, home folder and configured environment profiles. */
import { summariseProfile } from '../../../shared/environments/profile';
import { appVersion } from '../../services/app-version';
import { statSync } from 'node:fs';
import { homedir } from 'node:os';
import { resolveHome } from '../../services/home';
import { fileProblemReason } from '../../services/files/file-problem';
import { loadProfiles } from '../../services/profiles/profile-store';
import { CommandFailure, ExitCode, parseCommandArgs, type Command } from '../command';

const help = `Usage: archivist info [--home DIR] [--json]

Shows the Archivist version, the home folder (profiles, audit journal, sandbox data)
and the configured environment profiles.

Options:
  --home DIR   use DIR as the home folder (default: $ARCHIVIST_HOME, else the app's data folder)
  --json       print machine-readable JSON on stdout

Exit codes: 0 shown, 1 the home folder or its profiles could not be read (also: a --home or
$ARCHIVIST_HOME that does not exist or is a file), 2 bad usage.

Examples:
  archivist info
  archivist info --home ./work --json
`;

/**
 * The home folder must be a folder; one the user named (--home or $ARCHIVIST_HOME) must also
 * exist, or a mistyped name would read as an empty install ("profiles: none"). The app's own
 * data folder may be missing: nothing has been saved yet. Wording as `archivist audit`'s.
 */
function checkHomeFolder(home: string, isChosen: boolean): void {
  let isFolder: boolean;
  try {
    isFolder = statSync(home).isDirectory();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !isChosen) return;
    throw new CommandFailure(
      code === 'ENOENT'
        ? `The home folder ${home} does not exist.`
        : code === 'ENOTDIR'
          ? `The home folder ${home} cannot exist: part of its path is a file.`
          : `Cannot read the home folder ${home} (${fileProblemReason(error, 'read')}).`,
    );
  }
  if (!isFolder) throw new CommandFailure(`The home folder ${home} is a file, not a folder.`);
}

export const infoCommand: Command = {
  name: 'info',
  summary: 'show version, home folder and environment profiles',
  help,
  run: async (args, io) => {
    const { values } = parseCommandArgs(
      args,
      { home: { type: 'string' }, json: { type: 'boolean' } },
      false,
    );
    const home = resolveHome({
      explicitHome: values.home,
      env: io.env,
      platform: process.platform,
      userHome: homedir(),
    });
    checkHomeFolder(home, Boolean(values.home || io.env.ARCHIVIST_HOME));
    const profiles = await loadProfiles(home);
    if (!profiles.ok) throw new CommandFailure(profiles.error.message);
    const summaries = profiles.value.map(summariseProfile);
    if (values.json) {
      io.stdout(`${JSON.stringify({ version: appVersion, home, profiles: summaries }, null, 2)}\n`);
      return ExitCode.ok;
    }
    const lines = [
      `Archivist ${appVersion}`,
      `home: ${home}`,
      `profiles: ${summaries.length === 0 ? 'none' : ''}`,
    ];
    for (const profile of summaries)
      lines.push(`  ${profile.id}  ${profile.kind}  ${profile.displayName}`);
    io.stdout(`${lines.join('\n')}\n`);
    return ExitCode.ok;
  },
};
