/**
 * `archivist envs add`: the profile the flags describe, stored under the profile store's lock
 * with its configuration record written first (the app's record, profile-change-audit.ts), and
 * what the new profile allows said at once: a test environment can be invalidated in.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { EnvironmentProfile } from '../../../shared/environments/profile';
import { fileProblemReason } from '../../services/files/file-problem';
import { passphraseVariableFor } from '../../services/profiles/cli-secret-store';
import { profileChangeAudit } from '../../services/profiles/profile-change-audit';
import { createProfile } from '../../services/profiles/profile-store';
import { defaultPassphraseRef } from '../../services/profiles/secret-store';
import { cliContext } from '../audit-context';
import { CommandFailure, UsageError, type CliIo } from '../command';
import { addFailure, checkCertificateFlags } from './envs-flag-errors';

/** The flags of `envs add`, as parseArgs gives them. */
export interface AddFlags {
  readonly kind?: string;
  readonly url?: string;
  readonly folder?: string;
  readonly name?: string;
  readonly repository?: string;
  readonly 'not-test'?: boolean;
  readonly pkcs12?: string;
  readonly certificate?: string;
  readonly key?: string;
  readonly ca?: string;
  readonly 'no-passphrase'?: boolean;
  readonly organisation?: string;
  readonly 'operator-name'?: string;
  readonly 'operator-registration'?: string;
  readonly 'operator-organisation'?: string;
  readonly calendar?: string;
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
async function profileFromFlags(name: string, values: AddFlags, cwd: string): Promise<unknown> {
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

/** One profile in one line, as `envs list` and `envs add` print it. */
export function profileLine(profile: EnvironmentProfile): string {
  const tls = profile.tls
    ? profile.tls.pkcs12
      ? '  PKCS#12'
      : profile.tls.certificate
        ? '  PEM certificate'
        : '  pinned CA'
    : '';
  return `${profile.id}  ${profile.kind}  ${profile.displayName}  ${profile.baseUrl}${tls}${profile.isTestEnvironment ? '' : '  (not a test environment: read-only)'}`;
}

/**
 * What a new profile allows, said when it is made rather than found out at the first
 * invalidation (any kind is a test environment unless --not-test; folders never take writes).
 */
function writesLine(profile: EnvironmentProfile): string | undefined {
  if (!profile.isTestEnvironment || profile.kind === 'folder') return undefined;
  return `It is a test environment: archivist invalidate may invalidate documents in it. To forbid that, remove it and add it again with --not-test.`;
}

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

/** Adds profile `name` to `home`; `print` writes the JSON or the text form of the result. */
export async function addProfile(
  name: string,
  values: AddFlags,
  home: string,
  io: CliIo,
  print: (json: unknown, text: string) => void,
): Promise<void> {
  const raw = await profileFromFlags(name, values, io.cwd);
  const audit = profileChangeAudit(home, cliContext());
  const created = await createProfile(home, raw, { beforeWrite: audit.beforeWrite });
  if (!created.ok) {
    await audit.recordFailure(created.error.message);
    throw addFailure(created.error, values.calendar);
  }
  const profile = created.value;
  const lines = [`Added ${profileLine(profile)}.`, writesLine(profile)];
  if (profile.tls?.passphraseRef)
    lines.push(
      `Its passphrase is read from ${passphraseVariableFor(name)} or asked on the terminal.`,
    );
  lines.push(`Check it with: archivist envs check ${name}`);
  print({ added: profile }, lines.filter((line) => line !== undefined).join('\n'));
  // Saved anyway (the file may come later), but said now rather than at the first check.
  for (const missing of missingFiles(profile))
    io.stderr(
      `archivist envs: warning: ${missing} does not exist (yet); checks fail until it does.\n`,
    );
}
