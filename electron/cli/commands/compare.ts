/**
 * `archivist compare <left> <right>`: compares two documents, files or `env:NAME:id` (issue 7).
 * Reading two documents is a read of patient data, so one read AuditEvent per document is durable
 * in the journal before anything is printed (issue 5, write-ahead rule). Exit codes follow `diff`
 * only in spirit: 0 whenever the comparison was made, differences or not ("identical" in the
 * output says which), 1 when it could not be made, 2 on bad usage. A pipeline step that is to
 * fail on differences asks for it (--fail-on-differences: 1 after the output, review 10 finding 4).
 */
import { homedir } from 'node:os';
import path from 'node:path';
import { auditPaths } from '../../services/audit/files';
import { resolveHome } from '../../services/home';
import { fileProblem } from '../../services/files/file-problem';
import { replaceFile } from '../../services/files/replace-file';
import { readComparedSide } from './compare-sides';
import { unifiedPatchBytes } from './compare-unified';
import { parseEnvironmentReference } from '../environment-reference';
import { refuseMissingOutFolder, refuseOutOverInput, type OutInput } from '../out-target';
import { isProfileFileName } from './ignore-profile-name';
import {
  CommandFailure,
  ExitCode,
  UsageError,
  parseCommandArgs,
  type CliIo,
  type Command,
  unexpectedArgument,
} from '../command';

const help = `Usage: archivist compare <left> <right> [--format FORMAT | --json] [--out FILE] [--redact]
                         [--without-sources] [--ignore PROFILE] [--fail-on-differences] [--home DIR]

Compares two documents (CDA, HL7 V3 RCMR archive messages, FHIR DocumentReference XML): the
metadata field by field, the content as canonical XML (attribute order, namespace prefixes and
insignificant whitespace normalised; signatures and Base64 payloads compared by hash and size),
and a change list in domain terms (sections, entries). <left> and <right> are files or
env:NAME:<document id> references, read from the environment of profile NAME (see envs).

Formats:
  text          readable summary: change list, hidden counts, content changes (default)
  json          the comparison as a JSON report, valid against the versioned schema
                resources/schemas/report-v1.schema.json: metadata changes (path, old and new
                value, labels), content hunks, the change list, hidden changes and counts per
                rule, the profile's id and sha256, "identical": true|false, and the manifest
  unified       a patch of the raw files: \`git apply\` or \`patch -p1\` in the folder the command
                ran in turns the left file into the right file byte for byte (not filtered by
                --ignore); the headers name the left file by the path given. Identical files
                give an empty patch and a note on stderr; git apply refuses an empty patch
                ("No valid patches in input").
  html          a comparison report: one self-contained page (no scripts, no external requests)
  pdf           the same report printed by headless Chromium (needs --out; CHROMIUM_PATH or an
                installed chromium / chromium-browser / google-chrome)
  csv           a report with one row per change: area, path, left, right, rule
Reports (json, html, pdf, csv) embed a manifest: the sha256 of both sources and of the
report, the latest audit checkpoint, and (unless redacted) the sources themselves; check one
with \`archivist report verify FILE\`. Making a report is recorded in the audit journal.

Options:
  --format FORMAT    one of the formats above (default: text)
  --json             the same as --format json
  --out FILE         write to FILE instead of stdout (- is stdout); FILE may not be one of the
                     documents, the --ignore file or in the home's audit folder (refused, exit 2).
                     FILE is replaced only when complete: a failed write leaves it as it was
  --redact           mask identity codes and person names (HETU-1, NAME-1; the same value gets
                     the same mask); redacted reports embed no sources (not with unified)
  --without-sources  reports: do not embed the two sources (only their sha256)
  --ignore PROFILE   ignore profile: a shipped one by id (default, prescription), "none", or a
                     JSON file of your own (see README "Comparing documents"). Without it, the
                     documents' type's profile (prescription for two prescriptions), else default;
                     the output names the profile used
  --fail-on-differences
                     after writing the output as usual, exit 1 with one line on stderr when it
                     shows a difference (those the profile hides do not count); with unified,
                     when the patch is not empty
  --home DIR         home folder whose audit journal records the reads and the export

A progress bar is drawn on stderr while a report is made, when stderr is a terminal.

Exit codes: 0 the comparison was made (whether or not the documents differ, unless
--fail-on-differences), 1 it could not be made (unreadable file, malformed document, a bad or
unknown --ignore profile, audit journal not writable, no Chromium for a PDF, the output could
not be written) or --fail-on-differences found differences shown, 2 bad usage.

Examples:
  archivist compare v1.xml v2.xml
  archivist compare env:at:doc-1 env:tk:doc-1 --format html --out at-vs-tk.html
  archivist compare v1.xml v2.xml --format json --ignore prescription --out diff.json
  archivist compare v1.xml v2.xml --json | jq '.report.changes[].text'
  archivist compare docs/sent.xml docs/stored.xml --format unified > fix.patch && git apply fix.patch
  archivist compare sent.xml stored.xml --json --out diff.json --fail-on-differences
  archivist compare v1.xml v2.xml --format html --out report.html
  archivist compare v1.xml v2.xml --format pdf --redact --out report.pdf
  archivist compare v1.xml v2.xml --format csv --out changes.csv && archivist report verify changes.csv
`;

const options = {
  format: { type: 'string' },
  json: { type: 'boolean' },
  ignore: { type: 'string' },
  out: { type: 'string' },
  home: { type: 'string' },
  redact: { type: 'boolean' },
  'without-sources': { type: 'boolean' },
  'fail-on-differences': { type: 'boolean' },
} as const;

const formats = ['text', 'unified', 'json', 'html', 'pdf', 'csv'] as const;
type Format = (typeof formats)[number];

/** The formats that make a comparison report (issue 8). */
const reportFormats: readonly Format[] = ['json', 'html', 'pdf', 'csv'];

function formatOf(values: { format?: string | undefined; json?: boolean | undefined }): Format {
  if (values.json && values.format !== undefined && values.format !== 'json')
    throw new UsageError('--json and --format ' + values.format + ' contradict each other.');
  const format = values.json ? 'json' : (values.format ?? 'text');
  const known = formats.find((candidate) => candidate === format);
  if (!known) throw new UsageError(`--format must be one of ${formats.join(', ')}.`);
  return known;
}

function checkOperand(value: string | undefined, which: string): string {
  if (value === undefined) throw new UsageError(`Give two documents: the ${which} one is missing.`);
  parseEnvironmentReference(value); // a malformed env: reference is a usage error before any read
  return value;
}

/**
 * The files compare reads, for refuseOutOverInput: an env: document is no file to overwrite. The
 * audit journal is one too: the reads are recorded in it before the output is written over it.
 */
function inputsOf(
  left: string,
  right: string,
  ignore: string | undefined,
  home: string,
): OutInput[] {
  const files: OutInput[] = [
    { role: 'left document', name: left },
    { role: 'right document', name: right },
  ].filter((input) => parseEnvironmentReference(input.name) === undefined);
  if (ignore !== undefined && isProfileFileName(ignore))
    files.push({ role: 'ignore profile', name: ignore });
  files.push({ role: "audit journal's folder", name: auditPaths(home).dir, isFolder: true });
  return files;
}

/**
 * The output in one write: the bytes as they are to stdout when the caller can take bytes. A
 * failed write throws, to stdout as to --out, so a report's export is recorded as failed.
 */
async function writeOutput(io: CliIo, out: string | undefined, bytes: Uint8Array): Promise<void> {
  if (out === undefined) {
    if (io.stdoutBytes) io.stdoutBytes(bytes);
    else io.stdout(Buffer.from(bytes).toString('utf8'));
    const problem = await io.stdoutProblem?.();
    if (problem !== undefined) throw new CommandFailure(`Could not write the output (${problem}).`);
    return;
  }
  const target = path.resolve(io.cwd, out);
  try {
    // Never half a file: a failed write leaves the previous file, if any, as it was.
    await replaceFile(target, bytes);
  } catch (error) {
    throw new CommandFailure(fileProblem(error, out, 'write', target));
  }
}

/** --out as given: `-` is stdout, as in most tools; an empty name is a mistake. */
function outOf(out: string | undefined): string | undefined {
  if (out === '') throw new UsageError('--out needs a file name (or - for stdout).');
  return out === '-' ? undefined : out;
}

/** The count and its noun, singular for one. */
function counted(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** --fail-on-differences' failure, told after the output was written: one line, exit 1. */
function differencesFound(what: string): CommandFailure {
  return new CommandFailure(`${what}; failing as --fail-on-differences asks.`);
}

/** How many hunks a unified patch has: a line of the patch's text never starts with `@@`. */
function hunksOf(patch: Uint8Array): number {
  let hunks = 0;
  const text = Buffer.from(patch.buffer, patch.byteOffset, patch.byteLength);
  for (let at = text.indexOf('\n@@ '); at !== -1; at = text.indexOf('\n@@ ', at + 1)) hunks++;
  return hunks;
}

function checkUsage(
  format: Format,
  values: { out?: string; redact?: boolean; 'without-sources'?: boolean },
) {
  if (format === 'unified' && values.redact)
    throw new UsageError(
      '--redact cannot be used with --format unified: a masked patch would not apply.',
    );
  if (format === 'pdf' && values.out === undefined)
    throw new UsageError('--format pdf writes a binary file: give --out FILE.');
  if (values['without-sources'] && !reportFormats.includes(format))
    throw new UsageError('--without-sources applies to reports only (json, html, pdf, csv).');
}

export const compareCommand: Command = {
  name: 'compare',
  summary: 'compare two documents: metadata, content, change list; reports (HTML, PDF, CSV, JSON)',
  help,
  run: async (args, io: CliIo) => {
    const { values: given, positionals } = parseCommandArgs(args, options, true);
    const values = { ...given, out: outOf(given.out) };
    const format = formatOf(values);
    checkUsage(format, values);
    const failOnDifferences = values['fail-on-differences'] === true;
    if (positionals.length > 2) throw unexpectedArgument(positionals[2]);
    const leftName = checkOperand(positionals[0], 'left');
    const rightName = checkOperand(positionals[1], 'right');
    const home = resolveHome({
      explicitHome: values.home,
      env: io.env,
      platform: process.platform,
      userHome: homedir(),
    });
    const inputs = inputsOf(leftName, rightName, values.ignore, home);
    refuseOutOverInput(values.out, inputs, io.cwd);
    refuseMissingOutFolder(values.out, io.cwd);
    // A patch is never filtered, so unified loads the profiles only to check an explicit --ignore
    // (a wrong name is still a mistake); every other format needs them (compare-documents.ts).
    const full =
      format === 'unified' && values.ignore === undefined
        ? undefined
        : await import('./compare-documents');
    const profile = await full?.profileOf(values.ignore, io.cwd);
    const [left, right] = await Promise.all([
      readComparedSide(leftName, io, home),
      readComparedSide(rightName, io, home),
    ]);
    if (format === 'unified' || !full || !profile) {
      // Raw text only: no parsing or comparing (compare-unified.ts).
      const patch = await unifiedPatchBytes(left, right, {
        home,
        isBytesOutput:
          values.out !== undefined || (io.stdoutBytes !== undefined && io.isStdoutTty !== true),
      });
      await writeOutput(io, values.out, patch.bytes);
      for (const note of patch.notes) io.stderr(`archivist compare: ${note}\n`);
      if (failOnDifferences && patch.bytes.length > 0)
        throw differencesFound(`${counted(hunksOf(patch.bytes), 'hunk')} in the patch`);
      return ExitCode.ok;
    }
    const shown = await full.compareForOutput(
      left,
      right,
      {
        format,
        profile,
        profileByDocumentType: values.ignore === undefined,
        out: values.out,
        redact: values.redact === true,
        withoutSources: values['without-sources'] === true,
        home,
      },
      io,
      (bytes) => writeOutput(io, values.out, bytes),
    );
    if (failOnDifferences && shown > 0)
      throw differencesFound(`${counted(shown, 'difference')} shown`);
    return ExitCode.ok;
  },
};
