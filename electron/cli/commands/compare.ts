/**
 * `archivist compare <left> <right>`: compares two documents, files or `env:NAME:id` (issue 7).
 * Reading two documents is a read of patient data, so one read AuditEvent per document is durable
 * in the journal before anything is printed (issue 5, write-ahead rule). Exit codes follow `diff`
 * only in spirit: 0 whenever the comparison was made, differences or not ("identical" in the
 * output says which), 1 when it could not be made, 2 on bad usage.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { readEvent } from '../../../shared/audit/builders';
import { builtinProfiles, findIgnoreProfile } from '../../../shared/compare/builtin-profiles';
import type { CompareResult } from '../../../shared/compare/compare-documents';
import { formatCompareText } from '../../../shared/compare/format-text';
import {
  noIgnoreProfile,
  parseIgnoreProfile,
  resolveIgnoreProfile,
  type ResolvedProfile,
} from '../../../shared/compare/ignore-profile';
import { openJournal } from '../../services/audit/journal';
import { resolveHome } from '../../services/home';
import { splitJoinedLines } from '../../services/compare/joined-lines';
import { progressBar } from '../../services/report/progress-bar';
import type { ReportFormat } from '../../services/report/write-report';
import { cliContext } from '../audit-context';
import { unifiedPatchBytes } from './compare-unified';
import { parseEnvironmentReference } from '../environment-reference';
import {
  CommandFailure,
  ExitCode,
  UsageError,
  parseCommandArgs,
  type CliIo,
  type Command,
} from '../command';

const help = `Usage: archivist compare <left> <right> [--format FORMAT] [--out FILE] [--redact] [--ignore PROFILE] [--home DIR]

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
  unified       a patch of the raw files: \`git apply\` or \`patch\` applied to the left file
                turns it into the right file byte for byte (not filtered by --ignore)
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
  --out FILE         write to FILE instead of stdout
  --redact           mask identity codes and person names (HETU-1, NAME-1; the same value gets
                     the same mask); redacted reports embed no sources (not with unified)
  --without-sources  reports: do not embed the two sources (only their sha256)
  --ignore PROFILE   ignore profile: a shipped one by id (default, prescription), "none", or a
                     JSON file of your own (see README "Comparing documents"); default: default
  --home DIR         home folder whose audit journal records the reads and the export

A progress bar is drawn on stderr while a report is made, when stderr is a terminal.

Exit codes: 0 the comparison was made (whether or not the documents differ), 1 it could not be
made (unreadable file, malformed document, audit journal not writable, no Chromium for a PDF),
2 bad usage.

Examples:
  archivist compare v1.xml v2.xml
  archivist compare env:at:doc-1 env:tk:doc-1 --format html --out at-vs-tk.html
  archivist compare v1.xml v2.xml --format json --ignore prescription --out diff.json
  archivist compare v1.xml v2.xml --json | jq '.report.changes[].text'
  archivist compare sent.xml stored.xml --format unified > fix.patch && git apply fix.patch
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
} as const;

const formats = ['text', 'unified', 'json', 'html', 'pdf', 'csv'] as const;
type Format = (typeof formats)[number];

/** The report writer's format for a report format; undefined for the plain outputs (text, unified). */
function reportFormatOf(format: Format): ReportFormat | undefined {
  // One JSON (issue 8): the versioned, schema'd report, which holds all issue 7 asks of the JSON.
  return format === 'json' || format === 'html' || format === 'pdf' || format === 'csv'
    ? format
    : undefined;
}

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

/** A file's bytes, or those of an `env:NAME:id` document read from its environment. */
async function readInput(file: string, io: CliIo, home: string): Promise<Uint8Array> {
  const reference = parseEnvironmentReference(file);
  if (reference) {
    const { readEnvironmentDocument } = await import('../environment-document');
    return readEnvironmentDocument(home, reference, io);
  }
  const cwd = io.cwd;
  try {
    return await readFile(path.resolve(cwd, file)); // a Buffer is a Uint8Array: no 20 MB copy
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

/** Write-ahead: both reads are durable in the journal before anything is printed. */
async function recordReads(home: string, result: CompareResult): Promise<void> {
  const journal = await openJournal(home);
  if (!journal.ok) throw new CommandFailure(journal.error.message);
  try {
    for (const event of readEvents(result)) {
      const recorded = await journal.value.recordBefore(event, 'nothing was shown');
      if (!recorded.ok) throw new CommandFailure(recorded.error.message);
    }
  } finally {
    journal.value.close();
  }
}

function readEvents(result: CompareResult) {
  const context = cliContext();
  return [result.left, result.right].map((document) =>
    readEvent(context, document.id, document.patientHetu),
  );
}

async function writeOutput(io: CliIo, out: string | undefined, bytes: Uint8Array): Promise<void> {
  if (out === undefined) {
    io.stdout(Buffer.from(bytes).toString('utf8'));
    return;
  }
  try {
    await writeFile(path.resolve(io.cwd, out), bytes);
  } catch (error) {
    throw new CommandFailure(
      `Could not write ${out} (${(error as NodeJS.ErrnoException).code ?? 'error'}).`,
    );
  }
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
  if (values['without-sources'] && reportFormatOf(format) === undefined)
    throw new UsageError('--without-sources applies to reports only (json, html, pdf, csv).');
}

export const compareCommand: Command = {
  name: 'compare',
  summary: 'compare two documents: metadata, content, change list; reports (HTML, PDF, CSV, JSON)',
  help,
  run: async (args, io: CliIo) => {
    const { values, positionals } = parseCommandArgs(args, options, true);
    const format = formatOf(values);
    checkUsage(format, values);
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
      readInput(leftName, io, home),
      readInput(rightName, io, home),
    ]);
    if (format === 'unified') {
      // Raw text only: no parsing or comparing (compare-unified.ts).
      const sourceOf = (name: string) =>
        parseEnvironmentReference(name) ? name : path.resolve(io.cwd, name);
      const patch = await unifiedPatchBytes(
        { bytes: left, name: leftName, source: sourceOf(leftName) },
        { bytes: right, name: rightName, source: sourceOf(rightName) },
        { home, isToStdout: values.out === undefined },
      );
      await writeOutput(io, values.out, patch);
      return ExitCode.ok;
    }
    const { compareInWorker, exportReport, chromiumPdfPrinter, redactText } =
      await import('./compare-full');
    const bar = progressBar(io.stderr, io.isStderrTty);
    bar.update(0, 'comparing');
    // The HTML and PDF side-by-side views need both canonical forms: the worker has built them,
    // so it returns them instead of both documents being parsed a second time (issue 8).
    const wantsLines = format === 'html' || format === 'pdf';
    const compared = await compareInWorker(left, right, {
      profile,
      ...(wantsLines ? { keepLines: true } : {}),
    });
    if (!compared.ok) {
      bar.done();
      throw new CommandFailure(compared.error.message);
    }
    const reportFormat = reportFormatOf(format);
    if (reportFormat !== undefined) {
      const result = compared.value.result;
      const joined = compared.value.lines;
      const lines = joined && splitJoinedLines(joined, result);
      const written = await exportReport(
        {
          result,
          left: { bytes: left, source: leftName },
          right: { bytes: right, source: rightName },
          operator: cliContext().operator.name,
          ...(lines ? { lines } : {}),
        },
        {
          format: reportFormat,
          redact: values.redact === true,
          ...(values['without-sources'] ? { embedSources: false } : {}),
          pdfPrinter: chromiumPdfPrinter({ env: io.env }),
          onProgress: (progress) => bar.update(0.3 + 0.7 * progress.fraction, progress.phase),
        },
        { home, context: cliContext(), target: values.out ?? 'stdout', before: readEvents(result) },
      );
      bar.done();
      if (!written.ok) throw new CommandFailure(written.error.message);
      await writeOutput(io, values.out, written.value.bytes);
      return ExitCode.ok;
    }
    bar.done();
    // What is left is the text format; every other one returned above.
    const plain = formatCompareText(compared.value.result, { left: leftName, right: rightName });
    const text = values.redact ? await redactText(plain, left, right) : plain;
    await recordReads(home, compared.value.result);
    await writeOutput(io, values.out, Buffer.from(text, 'utf8'));
    return ExitCode.ok;
  },
};
