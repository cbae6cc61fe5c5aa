/**
 * `archivist invalidate`: invalidates test documents in a test environment (issue 5). The
 * confirmation is checked before anything is read or sent; the service then preflights every
 * document (audited reads), records each attempt before sending it once, reads the document back
 * and records the outcome. `--dry-run` stops after the preflight and prints the Provenance.
 */
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { checkConfirmation } from '../../../shared/invalidation/confirmation';
import { parseInvalidationReason } from '../../../shared/invalidation/reasons';
import { calendarOfProfile } from '../../../shared/environments/profile';
import { appVersion } from '../../services/app-version';
import { openConnection } from '../../services/environments/open-connection';
import { fileProblem } from '../../services/files/file-problem';
import { resolveHome } from '../../services/home';
import { homeAudit } from '../../services/invalidation/audit';
import { failureLine, formatOutcomes, formatPreflight } from '../../services/invalidation/format';
import { invalidatePrepared } from '../../services/invalidation/invalidate';
import { preflightDocuments } from '../../services/invalidation/prepare';
import type { InvalidationDeps } from '../../services/invalidation/types';
import { createCliSecretStore } from '../../services/profiles/cli-secret-store';
import { findProfile } from '../../services/profiles/profile-store';
import { cliContext } from '../audit-context';
import {
  CommandFailure,
  ExitCode,
  UsageError,
  parseCommandArgs,
  type CliIo,
  type Command,
} from '../command';

const help = `Usage: archivist invalidate --env NAME --document ID --reason CODE [--comment TEXT]
                           [--dry-run | --yes --confirm ID] [--json] [--home DIR]
       archivist invalidate --env NAME (--documents FILE | --document ID ...) --reason CODE
                           [--dry-run | --yes --confirm set-N-XXXXXXXXXX] [--json]

Invalidates test documents (DocumentReference ids) in a test environment by sending a
MitatointiProvenanceV2-shaped Provenance, once, and reading the document back.

Refused when the profile is not a test environment, inside the fault-testing window (or another
outage of the profile's calendar), when any identity code in a document is not a valid
900-series test code, or when a document is already invalidated. A set is refused whole when
any of its documents is.

Options:
  --env NAME          the environment profile (profiles.json in the home folder)
  --document ID       a DocumentReference id; repeat it for a set
  --documents FILE    a set: one id per line (blank lines and # comments ignored)
  --reason CODE       correction-impossible, wrong-patient, wrong-document, duplicate,
                      test-data-cleanup, or other (needs --comment)
  --comment TEXT      free text recorded in the audit trail (one line, at most 500 characters)
  --dry-run           preflight only: findings and the exact Provenance JSON; nothing is sent
  --yes --confirm X   the real run: X is the document id, or for a set the token that
                      --dry-run prints (set-<count>-<digest>)
  --json              outcomes (or, with --dry-run, the preflight) as JSON
  --home DIR          home folder with profiles.json and the audit journal

Every read, attempt and outcome is in the audit journal; an attempt is recorded before the
request is sent, and if the journal cannot be written nothing is sent. A request that fails in
transit is never resent: the document and its Provenance are read back and the true state
reported. A set stops at the first document whose request failed.

Exit codes: 0 every document invalidated (or, with --dry-run, allowed); 1 refused, failed or
not known (one line on stderr); 2 bad usage, missing or wrong confirmation.

Examples:
  archivist invalidate --env sandbox --document seed-doc-12 --reason duplicate --dry-run
  archivist invalidate --env sandbox --document seed-doc-12 --reason duplicate --yes --confirm seed-doc-12
  archivist invalidate --env tk --documents failed-run.txt --reason test-data-cleanup --dry-run
`;

const options = {
  env: { type: 'string' },
  document: { type: 'string', multiple: true },
  documents: { type: 'string' },
  reason: { type: 'string' },
  comment: { type: 'string' },
  'dry-run': { type: 'boolean' },
  yes: { type: 'boolean' },
  confirm: { type: 'string' },
  json: { type: 'boolean' },
  home: { type: 'string' },
} as const;

/** FHIR ids (R4 datatypes.html#id); anything else cannot name a DocumentReference. */
const fhirId = /^[A-Za-z0-9.-]{1,64}$/;
const maxDocuments = 1000;

async function idsFromFile(file: string, cwd: string): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(path.resolve(cwd, file), 'utf8');
  } catch (error) {
    throw new CommandFailure(fileProblem(error, file, 'read'));
  }
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/#.*$/, '').trim())
    .filter((line) => line !== '');
}

async function documentIds(
  values: { document?: string[]; documents?: string },
  cwd: string,
): Promise<string[]> {
  const ids = [
    ...(values.document ?? []),
    ...(values.documents === undefined ? [] : await idsFromFile(values.documents, cwd)),
  ];
  if (ids.length === 0)
    throw new UsageError('Name the documents: --document ID or --documents FILE.');
  const bad = ids.find((id) => !fhirId.test(id));
  if (bad !== undefined)
    throw new UsageError(`'${bad}' is not a DocumentReference id (1–64 of A–Z a–z 0–9 - .).`);
  const unique = [...new Set(ids)];
  if (unique.length > maxDocuments)
    throw new UsageError(`${unique.length} documents; a set may hold at most ${maxDocuments}.`);
  return unique;
}

function checkModes(values: { 'dry-run'?: boolean; yes?: boolean; confirm?: string }): void {
  if (values['dry-run'] && (values.yes || values.confirm !== undefined))
    throw new UsageError('--dry-run sends nothing; leave out --yes and --confirm.');
  if (!values['dry-run'] && values.yes !== true)
    throw new UsageError(
      'Invalidation needs explicit confirmation: add --yes --confirm <id or set token>, or use --dry-run to see what would be sent.',
    );
}

export const invalidateCommand: Command = {
  name: 'invalidate',
  summary: 'invalidate test documents in a test environment (dry run, confirmation, read-back)',
  help,
  run: async (args, io: CliIo) => {
    const { values } = parseCommandArgs(args, options, false);
    if (values.env === undefined) throw new UsageError('Name the environment: --env NAME.');
    if (values.reason === undefined) throw new UsageError('Give a reason: --reason CODE.');
    const reason = parseInvalidationReason(values.reason, values.comment);
    if (!reason.ok) throw new UsageError(reason.error.message);
    const ids = await documentIds(values, io.cwd);
    checkModes(values);
    const isDryRun = values['dry-run'] === true;
    // Checked before anything is read or sent: a wrong confirmation costs nothing.
    if (!isDryRun) {
      const confirmed = checkConfirmation(ids, values.confirm);
      if (!confirmed.ok) throw new UsageError(confirmed.error.message);
    }
    const home = resolveHome({
      explicitHome: values.home,
      env: io.env,
      platform: process.platform,
      userHome: homedir(),
    });
    const profile = await findProfile(home, values.env);
    if (!profile.ok) throw new CommandFailure(profile.error.message);
    const connection = await openConnection(profile.value, {
      secrets: createCliSecretStore({ env: io.env }),
    });
    if (!connection.ok) throw new CommandFailure(connection.error.message);
    try {
      const deps: InvalidationDeps = {
        profile: profile.value,
        connection: connection.value,
        calendar: calendarOfProfile(profile.value),
        now: () => new Date(),
        audit: homeAudit(
          home,
          cliContext({
            ...(profile.value.operator ? { operator: profile.value.operator } : {}),
            environment: { name: profile.value.displayName, baseUrl: profile.value.baseUrl },
          }),
        ),
        application: `Archivist ${appVersion}`,
      };
      const prepared = await preflightDocuments(deps, ids);
      if (!prepared.ok) throw new CommandFailure(prepared.error.message);
      const set = prepared.value;
      if (isDryRun) {
        if (values.json) io.stdout(`${JSON.stringify(set, null, 2)}\n`);
        else {
          io.stdout(formatPreflight(set));
          const payloads = set.documents.map((document) => document.provenance);
          io.stdout(`${JSON.stringify(payloads.length === 1 ? payloads[0] : payloads, null, 2)}\n`);
        }
        if (set.isAllowed) return ExitCode.ok;
        const first = set.documents.flatMap((d) => d.findings).find((f) => f.severity === 'block');
        throw new CommandFailure(`Refused in preflight: ${first?.message ?? 'see the findings'}`);
      }
      const ran = await invalidatePrepared(deps, set, {
        reason: reason.value,
        confirmation: values.confirm,
      });
      if (!ran.ok) throw new CommandFailure(ran.error.message);
      io.stdout(
        values.json ? `${JSON.stringify(ran.value, null, 2)}\n` : formatOutcomes(ran.value),
      );
      if (ran.value.isComplete) return ExitCode.ok;
      throw new CommandFailure(failureLine(ran.value));
    } finally {
      connection.value.close();
    }
  },
};
