/**
 * `archivist envs list|add|remove|check`: the environment profiles in the home folder's
 * `profiles.json`. Passphrases are never taken on the command line or stored: a TLS profile
 * names a passphrase reference, and commands read the passphrase from
 * `ARCHIVIST_PASSPHRASE_<NAME>` / `ARCHIVIST_PASSPHRASE` or ask on the terminal.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { summariseProfile, type EnvironmentProfile } from '../../../shared/environments/profile';
import { unusablePrefix, unusableProfile } from '../../services/environments/open-connection';
import { resolveHome } from '../../services/home';
import { createCliSecretStore } from '../../services/profiles/cli-secret-store';
import { checkEnvironment } from '../../services/profiles/environment-check';
import {
  createProfile,
  loadProfiles,
  removeProfile,
  findProfile,
} from '../../services/profiles/profile-store';
import { defaultPassphraseRef } from '../../services/profiles/secret-store';
import { terminalPrompt } from '../../services/profiles/terminal-prompt';
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
import { fileProblemReason } from '../../services/files/file-problem';
import { addFailure, checkCertificateFlags } from './envs-flag-errors';

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

type Values = ReturnType<typeof parseCommandArgs<typeof options>>['values'];

function nameOperand(positionals: readonly string[], action: string): string {
  const [, name, extra] = positionals;
  if (name === undefined)
    throw new UsageError(`Give the profile name: archivist envs ${action} NAME.`);
  if (extra !== undefined) throw unexpectedArgument(extra);
  return name;
}

async function readCalendar(file: string, cwd: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path.resolve(cwd, file), 'utf8'));
  } catch (error) {
    throw new CommandFailure(
      error instanceof SyntaxError
        ? `${file} is not valid JSON.`
        : `Cannot read ${file} (${fileProblemReason(error, 'read')}).`,
    );
  }
}

/** The profile the flags describe, as raw JSON for the validator. */
async function profileFromFlags(name: string, values: Values, cwd: string): Promise<unknown> {
  const kind = values.kind;
  if (kind === undefined) throw new UsageError('Give --kind (sandbox, AT, TK, fhir or folder).');
  const isFolder = kind === 'folder';
  if (isFolder ? values.folder === undefined : values.url === undefined)
    throw new UsageError(
      isFolder ? 'Give --folder DIR for a folder profile.' : 'Give --url with the FHIR base URL.',
    );
  if (isFolder ? values.url !== undefined : values.folder !== undefined)
    throw new UsageError('--folder is for --kind folder, --url for the other kinds.');
  if (!isFolder && !/^https?:\/\/[^/\s]+/.test(values.url ?? ''))
    throw new UsageError('--url must be an http:// or https:// address.');
  checkCertificateFlags(values);
  const resolve = (file: string | undefined) =>
    file === undefined ? undefined : path.resolve(cwd, file);
  const files = {
    pkcs12: resolve(values.pkcs12),
    certificate: resolve(values.certificate),
    key: resolve(values.key),
    caFile: resolve(values.ca),
  };
  const hasTls = Object.values(files).some((file) => file !== undefined);
  const needsPassphrase =
    (files.pkcs12 !== undefined || files.key !== undefined || files.certificate !== undefined) &&
    !values['no-passphrase'];
  const operatorFlags = [
    values['operator-name'],
    values['operator-registration'],
    values['operator-organisation'],
  ];
  if (
    operatorFlags.some((flag) => flag !== undefined) &&
    operatorFlags.some((flag) => flag === undefined)
  )
    throw new UsageError(
      'Give all three of --operator-name, --operator-registration and --operator-organisation.',
    );
  return JSON.parse(
    JSON.stringify({
      id: name,
      displayName: values.name ?? name,
      kind,
      baseUrl: isFolder ? resolve(values.folder) : values.url,
      repository: values.repository ?? 'patient-data',
      isTestEnvironment: !values['not-test'],
      organisationOid: values.organisation,
      operator:
        operatorFlags[0] === undefined
          ? undefined
          : {
              name: operatorFlags[0],
              registrationNumber: operatorFlags[1],
              organisationOid: operatorFlags[2],
            },
      tls: hasTls
        ? { ...files, passphraseRef: needsPassphrase ? defaultPassphraseRef(name) : undefined }
        : undefined,
      calendar:
        values.calendar === undefined ? undefined : await readCalendar(values.calendar, cwd),
    }),
  );
}

function describe(profile: EnvironmentProfile): string {
  const tls = profile.tls
    ? profile.tls.pkcs12
      ? '  PKCS#12'
      : profile.tls.certificate
        ? '  PEM certificate'
        : '  pinned CA'
    : '';
  return `${profile.id}  ${profile.kind}  ${profile.displayName}  ${profile.baseUrl}${tls}${profile.isTestEnvironment ? '' : '  (not a test environment: read-only)'}`;
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
        : profiles.value.map(describe).join('\n'),
    );
    return ExitCode.ok;
  }
  if (action === 'add') {
    const name = nameOperand(positionals, 'add');
    const created = await createProfile(home, await profileFromFlags(name, values, io.cwd));
    if (!created.ok) throw addFailure(created.error, values.calendar);
    const ref = created.value.tls?.passphraseRef;
    const hint = ref
      ? `\nIts passphrase is read from ARCHIVIST_PASSPHRASE_${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')} or asked on the terminal.`
      : '';
    print(
      { added: created.value },
      `Added ${describe(created.value)}.${hint}\nCheck it with: archivist envs check ${name}`,
    );
    // Saved anyway (the file may come later), but said now rather than at the first check.
    for (const missing of missingFiles(created.value))
      io.stderr(
        `archivist envs: warning: ${missing} does not exist (yet); checks fail until it does.\n`,
      );
    return ExitCode.ok;
  }
  if (action === 'remove') {
    const removed = await removeProfile(home, nameOperand(positionals, 'remove'));
    if (!removed.ok) throw new CommandFailure(removed.error.message);
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

/** The files and folder a new profile names that are not there. */
function missingFiles(profile: EnvironmentProfile): string[] {
  const tls = profile.tls;
  const named = [
    profile.kind === 'folder' ? profile.baseUrl : undefined,
    tls?.pkcs12,
    tls?.certificate,
    tls?.key,
    tls?.caFile,
  ];
  return named.filter((file): file is string => file !== undefined && !existsSync(file));
}
