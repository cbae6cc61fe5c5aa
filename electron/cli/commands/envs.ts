/**
 * `archivist envs list|add|remove|check`: the environment profiles in the home folder's
 * `profiles.json`. Passphrases are never taken on the command line or stored: a TLS profile
 * names a passphrase reference, and commands read the passphrase from
 * `ARCHIVIST_PASSPHRASE_<NAME>` / `ARCHIVIST_PASSPHRASE` or ask on the terminal.
 */
import { homedir } from 'node:os';
import { summariseProfile } from '../../../shared/environments/profile';
import { unusablePrefix, unusableProfile } from '../../services/environments/open-connection';
import { resolveHome } from '../../services/home';
import { createCliSecretStore } from '../../services/profiles/cli-secret-store';
import { checkEnvironment } from '../../services/profiles/environment-check';
import { profileChangeAudit } from '../../services/profiles/profile-change-audit';
import { loadProfiles, removeProfile, findProfile } from '../../services/profiles/profile-store';
import { terminalPrompt } from '../../services/profiles/terminal-prompt';
import { cliContext } from '../audit-context';
import {
  CommandFailure,
  ExitCode,
  UsageError,
  parseCommandArgs,
  type CliIo,
  type Command,
  unexpectedArgument,
} from '../command';
import { formatReport } from '../../services/profiles/format-environment-report';
import { addProfile, profileLine } from './envs-add';

const help = `Usage: archivist envs list|add|remove|check [NAME] [options]

Environment profiles (profiles.json in the home folder).

  envs list                  the profiles
  envs add NAME --kind KIND --url URL|--folder DIR [options]
  envs remove NAME
  envs check NAME            calendar now, certificate doctor (TLS profiles), CapabilityStatement

Options of add:
  --kind sandbox|AT|TK|fhir|folder   the kind (AT/TK: Kanta test environments)
  --url URL                          the FHIR base URL (https:// for client certificates)
  --folder DIR                       for --kind folder: a folder of CDA files and RCMR messages
  --name TEXT                        display name (default: NAME)
  --repository patient-data|social-welfare   (default patient-data)
  --not-test                         not a test environment: Archivist never writes to it
                                     (without it, invalidate may write there)
  --pkcs12 FILE | --certificate FILE [--key FILE]   the client certificate
  --ca FILE                          the environment's CA (PEM), pinned
  --no-passphrase                    the certificate files need no passphrase
  --organisation OID                 the organisation's OID
  --operator-name TEXT --operator-registration NUMBER --operator-organisation OID
                                     the test professional card identity the audit trail records
  --calendar FILE.json               a calendar instead of the default of the kind

Common options:
  --home DIR   the home folder (default: $ARCHIVIST_HOME, else the app's data folder)
  --json       machine-readable output on stdout

Passphrases: a TLS profile stores only a reference (profile:NAME). Set
ARCHIVIST_PASSPHRASE_<NAME> (upper case, dashes as _) or ARCHIVIST_PASSPHRASE, or run on a
terminal to be asked (no echo). The command line never writes a passphrase anywhere.

add and remove are recorded in the audit journal before profiles.json changes (nothing
changes when the journal cannot be written), and wait for another writer of profiles.json
(parallel jobs, the app) up to 5 s, then fail without changing anything.

Exit codes: 0 done (check: the environment answered and the certificates are usable),
1 refused or the check failed (one line on stderr), 2 bad usage.

Examples:
  archivist envs add kanta-at --kind AT --url https://at.example.fi/fhir --pkcs12 ~/certs/at.p12 --ca ~/certs/kanta-test-ca.pem
  ARCHIVIST_PASSPHRASE_KANTA_AT=... archivist envs check kanta-at
  archivist envs add cases --kind folder --folder ./investigation
  archivist envs list --json
  archivist envs remove kanta-at
`;

const options = {
  home: { type: 'string' },
  json: { type: 'boolean' },
  kind: { type: 'string' },
  url: { type: 'string' },
  folder: { type: 'string' },
  name: { type: 'string' },
  repository: { type: 'string' },
  'not-test': { type: 'boolean' },
  pkcs12: { type: 'string' },
  certificate: { type: 'string' },
  key: { type: 'string' },
  ca: { type: 'string' },
  'no-passphrase': { type: 'boolean' },
  organisation: { type: 'string' },
  'operator-name': { type: 'string' },
  'operator-registration': { type: 'string' },
  'operator-organisation': { type: 'string' },
  calendar: { type: 'string' },
} as const;

function nameOperand(positionals: readonly string[], action: string): string {
  const [, name, extra] = positionals;
  if (name === undefined)
    throw new UsageError(`Give the profile name: archivist envs ${action} NAME.`);
  if (extra !== undefined) throw unexpectedArgument(extra);
  return name;
}

async function run(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseCommandArgs(args, options, true);
  const home = resolveHome({
    explicitHome: values.home,
    env: io.env,
    platform: process.platform,
    userHome: homedir(),
  });
  const action = positionals[0];
  const print = (json: unknown, text: string) =>
    io.stdout(values.json ? `${JSON.stringify(json, null, 2)}\n` : `${text}\n`);
  if (action === 'list') {
    if (positionals.length > 1) throw unexpectedArgument(positionals[1]);
    const profiles = await loadProfiles(home);
    if (!profiles.ok) throw new CommandFailure(profiles.error.message);
    const list = profiles.value.map((profile) => ({
      ...summariseProfile(profile),
      baseUrl: profile.baseUrl,
      hasClientCertificate: Boolean(profile.tls?.pkcs12 ?? profile.tls?.certificate),
    }));
    print(
      { home, profiles: list },
      profiles.value.length === 0
        ? `No profiles in ${home}.`
        : profiles.value.map(profileLine).join('\n'),
    );
    return ExitCode.ok;
  }
  if (action === 'add') {
    await addProfile(nameOperand(positionals, 'add'), values, home, io, print);
    return ExitCode.ok;
  }
  if (action === 'remove') {
    const audit = profileChangeAudit(home, cliContext());
    const removed = await removeProfile(home, nameOperand(positionals, 'remove'), {
      beforeWrite: audit.beforeWrite,
    });
    if (!removed.ok) {
      await audit.recordFailure(removed.error.message);
      throw new CommandFailure(removed.error.message);
    }
    print({ removed: removed.value.id }, `Removed ${removed.value.id}.`);
    return ExitCode.ok;
  }
  if (action === 'check') {
    const profile = await findProfile(home, nameOperand(positionals, 'check'));
    if (!profile.ok) throw new CommandFailure(profile.error.message);
    const prompt = terminalPrompt();
    const secrets = createCliSecretStore({ env: io.env, ...(prompt ? { prompt } : {}) });
    const report = await checkEnvironment(profile.value, { secrets });
    print(report, formatReport(report));
    if (report.isUsable) return ExitCode.ok;
    const name = profile.value.displayName;
    // A profile that could not be opened already says so in the sentence every command prints,
    // and a missing passphrase names the profile ("P needs the passphrase …"); a connection that
    // failed later (nothing answers) gets the same start.
    const said = report.connection.ok
      ? 'its certificates have problems (see above).'
      : report.connection.error.message;
    const isNamed = said.startsWith(unusablePrefix(name)) || said.startsWith(`${name} `);
    const line = isNamed ? said : unusableProfile(name, said);
    io.stderr(`archivist envs: ${line.replace(/[\r\n]+\s*/g, ' ')}\n`);
    return ExitCode.failure;
  }
  throw new UsageError(
    action === undefined
      ? 'Give an action: list, add, remove or check.'
      : `Unknown action '${action}': use list, add, remove or check.`,
  );
}

export const envsCommand: Command = {
  name: 'envs',
  summary: 'list, add, remove and check environment profiles (certificates, calendar)',
  help,
  run,
};
