/** `archivist info`: version, home folder and configured environment profiles. */
import { summariseProfile } from '../../../shared/environments/profile';
import { appVersion } from '../../services/app-version';
import { homedir } from 'node:os';
import { resolveHome } from '../../services/home';
import { loadProfiles } from '../../services/profiles/profile-store';
import { CommandFailure, ExitCode, parseCommandArgs, type Command } from '../command';

const help = `Usage: archivist info [--home DIR] [--json]

Shows the Archivist version, the home folder (profiles, audit journal, sandbox data)
and the configured environment profiles.

Options:
  --home DIR   use DIR as the home folder (default: $ARCHIVIST_HOME, else the app's data folder)
  --json       print machine-readable JSON on stdout

Exit codes: 0 shown, 1 the home folder or its profiles could not be read, 2 bad usage.

Examples:
  archivist info
  archivist info --home ./work --json
`;

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
