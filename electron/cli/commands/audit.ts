/** `archivist audit verify|list|export`: check, read and export the audit journal (issue 5). */
import { statSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { exportEvent } from '../../../shared/audit/builders';
import type { AuditFilter } from '../../../shared/audit/filter';
import { toRow } from '../../../shared/audit/filter';
import { parseHetu } from '../../../shared/identity/hetu';
import { openJournal } from '../../services/audit/journal';
import { auditPaths } from '../../services/audit/files';
import { listRecords, toCsv, verifyHome } from '../../services/audit/reader';
import { resolveHome } from '../../services/home';
import { fileProblemReason } from '../../services/files/file-problem';
import { replaceFile } from '../../services/files/replace-file';
import { cliContext } from '../audit-context';
import { refuseOutOverInput } from '../out-target';
import { formatAuditList } from './audit-list-text';
import {
  CommandFailure,
  ExitCode,
  UsageError,
  parseCommandArgs,
  type CliIo,
  type Command,
  unexpectedArgument,
} from '../command';

const help = `Usage: archivist audit verify [--home DIR] [--json]
       archivist audit list [filters] [--home DIR] [--json]
       archivist audit export --format json|csv [--out FILE] [filters] [--home DIR]

verify   checks every record's hash chain and every signed checkpoint; exit 1 names
         the first bad record and why.
list     shows the records that pass the filters, oldest first: a line of columns a record
         (seq, recorded, kind, action, outcome, environment, operator), then its patient,
         document and detail indented below (--json: every field whole).
export   writes the records as JSON or CSV (stdout, or --out FILE outside the home's audit
         folder); the export is itself audited.

Filters:
  --patient HETU      records about this patient
  --document ID       records about this document: its document id, its resource id or
                      DocumentReference/<resource id> (either of the last two finds both)
  --action C|R|U|D|E  BALP action (E query, R read, U update/invalidation)
  --outcome 0|4|8|12  0 success, 4 minor, 8 serious, 12 major failure
  --operator TEXT     operator name, registration number or OS user contains TEXT
  --from ISO --to ISO time range of "recorded" (UTC, inclusive)

Exit codes: 0 success (verify: the journal is intact), 1 verify found a bad record or
checkpoint, or the journal could not be read or the export written; 2 bad usage.

Examples:
  archivist audit verify
  archivist audit list --patient 010190-900A --json
  archivist audit export --format csv --out audit.csv
`;

const options = {
  home: { type: 'string' },
  json: { type: 'boolean' },
  format: { type: 'string' },
  out: { type: 'string' },
  patient: { type: 'string' },
  document: { type: 'string' },
  action: { type: 'string' },
  outcome: { type: 'string' },
  operator: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
} as const;

type Values = ReturnType<typeof parseCommandArgs<typeof options>>['values'];

function filterOf(values: Values): AuditFilter {
  // A mistyped code would match nothing and look like "no records about this patient".
  const hetu = values.patient === undefined ? undefined : parseHetu(values.patient);
  if (hetu && !hetu.valid)
    throw new UsageError(`--patient: ${hetu.message ?? 'the identity code is not valid.'}`);
  if (values.action && !/^[CRUDE]$/.test(values.action))
    throw new UsageError('--action must be one of C, R, U, D, E.');
  if (values.outcome && !/^(0|4|8|12)$/.test(values.outcome))
    throw new UsageError('--outcome must be 0, 4, 8 or 12.');
  for (const [name, value] of [
    ['--from', values.from],
    ['--to', values.to],
  ] as const)
    if (value && Number.isNaN(Date.parse(value)))
      throw new UsageError(`${name} must be an ISO date or time.`);
  const iso = (value: string | undefined) => (value ? new Date(value).toISOString() : undefined);
  return {
    patient: values.patient,
    document: values.document,
    action: values.action,
    outcome: values.outcome,
    operator: values.operator,
    from: iso(values.from),
    to: iso(values.to),
  };
}

function verify(home: string, values: Values, io: CliIo): ExitCode {
  checkHomeFolder(home);
  const outcome = verifyHome(home);
  if (values.json) io.stdout(`${JSON.stringify(outcome, null, 2)}\n`);
  // With --json too: the JSON is for the pipeline, the one line on stderr for its log.
  if (!outcome.ok)
    throw new CommandFailure(
      `Audit journal is damaged at record ${outcome.sequence ?? '?'} (${outcome.where}): ${outcome.reason}.`,
    );
  const torn =
    outcome.torn > 0
      ? ` (an unfinished last line of ${outcome.torn} bytes from an interrupted write is ignored)`
      : '';
  if (!values.json)
    io.stdout(`OK: ${outcome.records} records, ${outcome.checkpoints} checkpoints${torn}\n`);
  return ExitCode.ok;
}

function list(home: string, values: Values, io: CliIo): ExitCode {
  const filter = filterOf(values);
  checkHomeFolder(home);
  const records = listRecords(home, filter);
  if (values.json) {
    io.stdout(`${JSON.stringify(records, null, 2)}\n`);
    return ExitCode.ok;
  }
  io.stdout(formatAuditList(records.map(toRow)));
  return ExitCode.ok;
}

/**
 * A mistyped --home would otherwise verify as "OK: 0 records" and list nothing, which reads as
 * an intact, empty journal; so the home folder must exist (export would even create it).
 */
function checkHomeFolder(home: string): void {
  try {
    if (!statSync(home).isDirectory())
      throw new CommandFailure(`The home folder ${home} is a file, not a folder.`);
  } catch (error) {
    if (error instanceof CommandFailure) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new CommandFailure(
      code === 'ENOENT'
        ? `The home folder ${home} does not exist, so it holds no audit journal.`
        : `Cannot read the home folder ${home} (${fileProblemReason(error, 'read')}).`,
    );
  }
}

/** Writes `text` to `target`, or stdout; what went wrong, if anything, for the journal and stderr. */
async function written(
  text: string,
  target: string | undefined,
  io: CliIo,
): Promise<{ why: string; message: string } | undefined> {
  if (target === undefined) {
    io.stdout(text);
    const why = await io.stdoutProblem?.();
    return why === undefined ? undefined : { why, message: `Could not write the output (${why}).` };
  }
  try {
    await replaceFile(target, text);
    return undefined;
  } catch (error) {
    const why = fileProblemReason(error, 'write', target);
    return { why, message: `Could not write ${target} (${why}).` };
  }
}

async function exportRecords(home: string, values: Values, io: CliIo): Promise<ExitCode> {
  const format = values.format;
  if (format !== 'json' && format !== 'csv') throw new UsageError('--format must be json or csv.');
  const filter = filterOf(values);
  // The export is recorded in the journal and then written: over a journal file, it replaced it.
  refuseOutOverInput(
    values.out,
    [{ role: "audit journal's folder", name: auditPaths(home).dir, isFolder: true }],
    io.cwd,
  );
  checkHomeFolder(home);
  const records = listRecords(home, filter);
  const target = values.out ? path.resolve(io.cwd, values.out) : 'stdout';
  const journal = await openJournal(home);
  if (!journal.ok) throw new CommandFailure(journal.error.message);
  try {
    const context = cliContext();
    const what = `audit export ${format} of ${records.length} records to ${target}`;
    const recorded = await journal.value.recordBefore(
      exportEvent(context, what),
      'nothing was exported',
    );
    if (!recorded.ok) throw new CommandFailure(recorded.error.message);
    const text = format === 'csv' ? toCsv(records) : `${JSON.stringify(records, null, 2)}\n`;
    const failure = await written(text, values.out ? target : undefined, io);
    if (failure) {
      // The export was recorded before writing; that it failed is recorded after it, as other
      // failed actions are (outcome 8), so the journal does not claim an export that did not happen.
      journal.value.append(
        exportEvent(context, what, { code: '8', description: `not written: ${failure.why}` }),
      );
      throw new CommandFailure(failure.message);
    }
  } finally {
    journal.value.close();
  }
  return ExitCode.ok;
}

export const auditCommand: Command = {
  name: 'audit',
  summary: 'verify, list or export the audit journal',
  help,
  run: async (args, io) => {
    const { values, positionals } = parseCommandArgs(args, options, true);
    const [sub, ...rest] = positionals;
    if (rest.length > 0) throw unexpectedArgument(rest[0]);
    const home = resolveHome({
      explicitHome: values.home,
      env: io.env,
      platform: process.platform,
      userHome: homedir(),
    });
    if (sub === 'verify') return verify(home, values, io);
    if (sub === 'list') return list(home, values, io);
    if (sub === 'export') return exportRecords(home, values, io);
    throw new UsageError('Expected verify, list or export.');
  },
};
