/**
 * `archivist compare <left> <right>`: compares two document files (issue 7, "Command line").
 * Reading two documents is a read of patient data, so one read AuditEvent per document is durable
 * in the journal before anything is printed (issue 5, write-ahead rule). Exit codes follow `diff`
 * only in spirit: 0 whenever the comparison was made, differences or not ("identical" in the
 * output says which), 1 when it could not be made, 2 on bad usage.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { homedir, hostname, userInfo } from 'node:os';
import path from 'node:path';
import { readEvent, type AuditContext } from '../../../shared/audit/builders';
import { builtinProfiles, findIgnoreProfile } from '../../../shared/compare/builtin-profiles';
import type { CompareResult } from '../../../shared/compare/compare-documents';
import { formatCompareText } from '../../../shared/compare/format-text';
import {
  noIgnoreProfile,
  parseIgnoreProfile,
  resolveIgnoreProfile,
  type ResolvedProfile,
} from '../../../shared/compare/ignore-profile';
import { appVersion } from '../../services/app-version';
import { openJournal } from '../../services/audit/journal';
import { compareInWorker } from '../../services/compare/compare-in-worker';
import type { CompareOutput } from '../../services/compare/compare-worker-protocol';
import { resolveHome } from '../../services/home';
import {
  CommandFailure,
  ExitCode,
  UsageError,
  parseCommandArgs,
  type CliIo,
  type Command,
} from '../command';

const help = `Usage: archivist compare <left> <right> [--format text|unified|json] [--ignore PROFILE] [--out FILE] [--home DIR]

Compares two documents (CDA, HL7 V3 RCMR archive messages, FHIR DocumentReference XML): the
metadata field by field, the content as canonical XML (attribute order, namespace prefixes and
insignificant whitespace normalised; signatures and Base64 payloads compared by hash and size),
and a change list in domain terms (sections, entries). <left> and <right> are files.

Options:
  --format text      readable summary: change list, hidden counts, content changes (default)
  --format json      everything: metadata changes, content changes, change list, hidden changes
                     and counts per rule, the profile's id and sha256, "identical": true|false
  --format unified   a patch of the raw files: \`git apply\` or \`patch\` applied to the left
                     file turns it into the right file byte for byte (not filtered by --ignore)
  --json             the same as --format json
  --ignore PROFILE   ignore profile: a shipped one by id (default, prescription), "none", or a
                     JSON file of your own (see README "Comparing documents"); default: default
  --out FILE         write the output to FILE instead of stdout
  --home DIR         home folder whose audit journal records the two reads

Exit codes: 0 the comparison was made (whether or not the documents differ), 1 it could not be
made (unreadable file, malformed document, audit journal not writable), 2 bad usage.

Examples:
  archivist compare v1.xml v2.xml
  archivist compare v1.xml v2.xml --format json --ignore prescription --out diff.json
  archivist compare sent.xml stored.xml --format unified > fix.patch && git apply fix.patch
`;

const options = {
  format: { type: 'string' },
  json: { type: 'boolean' },
  ignore: { type: 'string' },
  out: { type: 'string' },
  home: { type: 'string' },
} as const;

type Format = 'text' | 'unified' | 'json';

function formatOf(values: { format?: string | undefined; json?: boolean | undefined }): Format {
  if (values.json && values.format !== undefined && values.format !== 'json')
    throw new UsageError('--json and --format ' + values.format + ' contradict each other.');
  const format = values.json ? 'json' : (values.format ?? 'text');
  if (format !== 'text' && format !== 'unified' && format !== 'json')
    throw new UsageError('--format must be text, unified or json.');
  return format;
}

function checkOperand(value: string | undefined, which: string): string {
  if (value === undefined) throw new UsageError(`Give two documents: the ${which} one is missing.`);
  if (/^env:/.test(value))
    throw new UsageError(
      `${value}: environment references (env:NAME:id) are not supported by compare yet; give two files.`,
    );
  return value;
}

async function readInput(file: string, cwd: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path.resolve(cwd, file)));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code;
    throw new CommandFailure(`Could not read ${file} (${why}).`);
  }
}

async function profileOf(name: string | undefined, cwd: string): Promise<ResolvedProfile> {
  const wanted = name ?? 'default';
  if (wanted === 'none') return noIgnoreProfile;
  if (!wanted.endsWith('.json')) {
    const found = findIgnoreProfile(wanted);
    if (!found.ok) throw new UsageError(found.error.message);
    return found.value;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path.resolve(cwd, wanted), 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CommandFailure(
      code
        ? `Could not read the ignore profile ${wanted} (${code}).`
        : `The ignore profile ${wanted} is not valid JSON.`,
    );
  }
  const parsed = parseIgnoreProfile(raw, wanted);
  if (!parsed.ok) throw new CommandFailure(parsed.error.message);
  const shipped = builtinProfiles();
  const resolved = resolveIgnoreProfile(parsed.value, shipped.ok ? shipped.value : []);
  if (!resolved.ok) throw new CommandFailure(resolved.error.message);
  return resolved.value;
}

function auditContext(): AuditContext {
  const osUser = userInfo().username;
  // The command line has no professional card session: the OS user stands as operator.
  return {
    operator: { name: osUser, registrationNumber: 'none', organisationOid: 'none', osUser },
    appVersion,
    host: hostname(),
    now: () => new Date(),
  };
}

/** Write-ahead: both reads are durable in the journal before anything is printed. */
async function recordReads(home: string, result: CompareResult): Promise<void> {
  const journal = await openJournal(home);
  if (!journal.ok) throw new CommandFailure(journal.error.message);
  try {
    const context = auditContext();
    for (const document of [result.left, result.right]) {
      const recorded = await journal.value.recordBefore(
        readEvent(context, document.id, document.patientHetu),
        'nothing was shown',
      );
      if (!recorded.ok) throw new CommandFailure(recorded.error.message);
    }
  } finally {
    journal.value.close();
  }
}

function render(
  format: Format,
  output: CompareOutput,
  names: { left: string; right: string },
): string {
  if (format === 'json') return `${JSON.stringify({ files: names, ...output.result }, null, 2)}\n`;
  if (format === 'text') return formatCompareText(output.result, names);
  return output.unified?.patch ?? '';
}

export const compareCommand: Command = {
  name: 'compare',
  summary: 'compare two documents: metadata, content and a change list',
  help,
  run: async (args, io: CliIo) => {
    const { values, positionals } = parseCommandArgs(args, options, true);
    const format = formatOf(values);
    if (positionals.length > 2)
      throw new UsageError(`Unexpected argument: ${positionals[2] ?? ''}`);
    const leftName = checkOperand(positionals[0], 'left');
    const rightName = checkOperand(positionals[1], 'right');
    const profile = await profileOf(values.ignore, io.cwd);
    const home = resolveHome({
      explicitHome: values.home,
      env: io.env,
      platform: process.platform,
      userHome: homedir(),
    });
    const [left, right] = await Promise.all([
      readInput(leftName, io.cwd),
      readInput(rightName, io.cwd),
    ]);
    const compared = await compareInWorker(left, right, {
      profile,
      ...(format === 'unified' ? { unifiedFileName: path.basename(leftName) } : {}),
    });
    if (!compared.ok) throw new CommandFailure(compared.error.message);
    const text = render(format, compared.value, { left: leftName, right: rightName });
    const isLatin1 = format === 'unified' && compared.value.unified?.encoding === 'latin1';
    if (isLatin1 && values.out === undefined)
      throw new CommandFailure(
        'The files are not UTF-8: write the patch with --out FILE so that its bytes stay exact.',
      );
    await recordReads(home, compared.value.result);
    if (values.out === undefined) {
      io.stdout(text);
      return ExitCode.ok;
    }
    try {
      await writeFile(
        path.resolve(io.cwd, values.out),
        Buffer.from(text, isLatin1 ? 'latin1' : 'utf8'),
      );
    } catch (error) {
      throw new CommandFailure(
        `Could not write ${values.out} (${(error as NodeJS.ErrnoException).code ?? 'error'}).`,
      );
    }
    return ExitCode.ok;
  },
};
