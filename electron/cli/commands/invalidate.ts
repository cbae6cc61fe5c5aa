/**
 * `archivist invalidate`: invalidates test documents in a test environment (issue 5). A
 * confirmation on the command line is checked before anything is read or sent (a terminal prompt
 * comes after the preflight, which it shows); the service then preflights every document
 * (audited reads), records each attempt before sending it once, reads the document back and
 * records the outcome. `--dry-run` stops after the preflight and prints the Provenance. Ctrl-C
 * while sending: invalidate-interrupts.ts.
 */
import { homedir } from 'node:os';
import {
  parseInvalidationReason,
  type InvalidationReason,
} from '../../../shared/invalidation/reasons';
import { calendarOfProfile } from '../../../shared/environments/profile';
import { appVersion } from '../../services/app-version';
import { openConnection } from '../../services/environments/open-connection';
import { resolveHome } from '../../services/home';
import { homeAudit } from '../../services/invalidation/audit';
import { InvalidationControl } from '../../services/invalidation/control';
import {
  failureLine,
  formatOutcomes,
  formatPreflight,
  formatTargets,
  interruptedLine,
} from '../../services/invalidation/format';
import { invalidatePrepared } from '../../services/invalidation/invalidate';
import { preflightDocuments } from '../../services/invalidation/prepare';
import type { InvalidationDeps, PreparedSet } from '../../services/invalidation/types';
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
import { documentIds } from './invalidate-document-ids';
import {
  confirmationMode,
  confirmationQuestion,
  processTerminal,
  type ConfirmationMode,
  type Terminal,
} from './invalidate-confirmation';
import { watchInvalidationInterrupts, type InvalidationInterrupts } from './invalidate-interrupts';

const help = `Usage: archivist invalidate --env NAME --document ID --reason CODE [--comment TEXT]
                           [--dry-run | --yes [--confirm ID]] [--json] [--home DIR]
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
  --dry-run           preflight only: where (environment name, kind, base URL, test flag), each
                      document's patient and findings, and the exact Provenance JSON; nothing is sent
  --yes               the real run, for one document (its id is on the command line)
  --confirm X         with --yes: the document id again (optional), or for a set the token that
                      --dry-run prints (set-<count>-<digest>; required)
  --json              outcomes (or, with --dry-run, the preflight) as JSON
  --home DIR          home folder with profiles.json and the audit journal

Without --yes or --dry-run, on a terminal (stdin and stderr), the preflight is shown and the
document id (or set token) must be typed back; anything else cancels (exit 2, nothing sent).
Anywhere else that is bad usage (exit 2): never a prompt that waits.

Every read, attempt and outcome is in the audit journal; an attempt is recorded before the
request is sent, and if the journal cannot be written nothing is sent. A request that fails in
transit is never resent: the document and its Provenance are read back and the true state
reported. A set stops at the first document whose request failed.

Ctrl-C or SIGTERM while sending: the request in flight ends, the document is read back, its
outcome recorded, the rest of a set is not sent; exit 1. A second one ends at once, recording
the outcome as unknown (check the document before trying again). Before anything is sent: one
line, nothing sent, the signal's exit status (130, 143).

Exit codes: 0 every document invalidated (or, with --dry-run, allowed); 1 refused, failed,
not known or interrupted (one line on stderr); 2 bad usage, missing, wrong or cancelled
confirmation.

Examples:
  archivist invalidate --env sandbox --document seed-doc-12 --reason duplicate --dry-run
  archivist invalidate --env sandbox --document seed-doc-12 --reason duplicate --yes
  archivist invalidate --env tk --documents failed-run.txt --reason test-data-cleanup --dry-run
  archivist invalidate --env tk --documents failed-run.txt --reason test-data-cleanup --yes --confirm set-3-0123456789
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

/** The preflight (its JSON names the environment in `environmentDetails`), then the payloads. */
function printDryRun(set: PreparedSet, json: boolean, io: CliIo) {
  if (json) {
    io.stdout(`${JSON.stringify(set, null, 2)}\n`);
    return;
  }
  io.stdout(formatPreflight(set));
  const payloads = set.documents.map((document) => document.provenance);
  io.stdout(`${JSON.stringify(payloads.length === 1 ? payloads[0] : payloads, null, 2)}\n`);
}

/** The operator's typed confirmation, or undefined when they cancelled. */
async function askOnTerminal(
  set: PreparedSet,
  terminal: Terminal,
  io: CliIo,
): Promise<string | undefined> {
  io.stderr(formatTargets(set));
  const question = confirmationQuestion(set.confirmationToken, set.documents.length);
  const answer = await terminal.ask(question, io);
  return answer?.trim() === set.confirmationToken ? set.confirmationToken : undefined;
}

/** The command, asking on `terminal` when it must (tests give their own). */
export function createInvalidateCommand(terminal: Terminal): Command {
  return {
    name: 'invalidate',
    summary: 'invalidate test documents in a test environment (dry run, confirmation, read-back)',
    help,
    run: (args, io) => runInvalidate(args, io, terminal),
  };
}

async function runInvalidate(
  args: readonly string[],
  io: CliIo,
  terminal: Terminal,
): Promise<ExitCode> {
  const { values } = parseCommandArgs(args, options, false);
  if (values.env === undefined) throw new UsageError('Name the environment: --env NAME.');
  if (values.reason === undefined) throw new UsageError('Give a reason: --reason CODE.');
  const reason = parseInvalidationReason(values.reason, values.comment);
  if (!reason.ok) throw new UsageError(reason.error.message);
  const ids = await documentIds(values, io.cwd);
  // Decided before anything is read or sent: a wrong confirmation costs nothing.
  const mode = confirmationMode(values, ids, terminal.isInteractive(io));
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
  const audit = homeAudit(
    home,
    cliContext({
      ...(profile.value.operator ? { operator: profile.value.operator } : {}),
      environment: { name: profile.value.displayName, baseUrl: profile.value.baseUrl },
    }),
  );
  const control = new InvalidationControl();
  const interrupts = watchInvalidationInterrupts(control, audit);
  try {
    const deps: InvalidationDeps = {
      profile: profile.value,
      connection: connection.value,
      calendar: calendarOfProfile(profile.value),
      now: () => new Date(),
      audit,
      application: `Archivist ${appVersion}`,
      control,
      onProgress: interrupts.onProgress,
    };
    const run = { deps, reason: reason.value, json: values.json === true, terminal, interrupts };
    return await preflightThenRun(run, ids, mode, io);
  } finally {
    interrupts.release();
    audit.release();
    connection.value.close();
  }
}

interface InvalidateRun {
  readonly deps: InvalidationDeps;
  readonly reason: InvalidationReason;
  readonly json: boolean;
  readonly terminal: Terminal;
  readonly interrupts: InvalidationInterrupts;
}

async function preflightThenRun(
  run: InvalidateRun,
  ids: readonly string[],
  mode: ConfirmationMode,
  io: CliIo,
): Promise<ExitCode> {
  const { deps, json } = run;
  const prepared = await preflightDocuments(deps, ids);
  if (!prepared.ok) throw new CommandFailure(prepared.error.message);
  const set = prepared.value;
  if (mode.kind === 'dry-run') {
    printDryRun(set, json, io);
    if (set.isAllowed) return ExitCode.ok;
    const first = set.documents.flatMap((d) => d.findings).find((f) => f.severity === 'block');
    throw new CommandFailure(`Refused in preflight: ${first?.message ?? 'see the findings'}`);
  }
  let confirmation = mode.kind === 'given' ? mode.typed : undefined;
  // A refused set is not asked about: the service refuses it whatever was typed.
  const isAsked = mode.kind === 'ask' && set.isAllowed;
  if (isAsked) {
    confirmation = await askOnTerminal(set, run.terminal, io);
    if (confirmation === undefined) {
      io.stderr('archivist invalidate: not confirmed; nothing was sent.\n');
      return ExitCode.usage;
    }
  }
  // Where it goes, before it goes (a terminal that was just asked has shown it already).
  if (!json && !(isAsked && io.isStdoutTty)) io.stdout(formatTargets(set));
  run.interrupts.startSending();
  const ran = await invalidatePrepared(deps, set, { reason: run.reason, confirmation });
  if (!ran.ok) throw new CommandFailure(ran.error.message);
  const batch = ran.value;
  if (batch.isInterrupted && !run.interrupts.hasSent()) {
    run.interrupts.endUnsent(); // ends the process by its signal, as before anything was sent
    return ExitCode.failure;
  }
  io.stdout(
    json
      ? `${JSON.stringify({ ...batch, environmentDetails: set.environmentDetails }, null, 2)}\n`
      : formatOutcomes(batch),
  );
  if (batch.isInterrupted) throw new CommandFailure(interruptedLine(batch));
  if (batch.isComplete) return ExitCode.ok;
  throw new CommandFailure(failureLine(batch));
}

/** `archivist invalidate`, asking on the process's own terminal. */
export const invalidateCommand = createInvalidateCommand(processTerminal);
