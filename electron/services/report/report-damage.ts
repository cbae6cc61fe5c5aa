/**
 * Why a file that fails `report verify` fails, in the words its recipient needs (issue 7 review
 * 9, defect 9): a report cut off in transfer (its manifest is at the end, so a truncated file
 * has none, and "not an Archivist report" sent people the wrong way), a file that is no report
 * at all (it used to be "read as CSV"), or a report whose line ends a mail program or a Windows
 * tool changed. These only explain a failure: a file whose bytes differ never verifies. The
 * error codes stay those `report verify --json` gave before (report-no-manifest,
 * report-body-altered), so pipelines that read them keep working; the messages say more.
 */
import {
  bodyHash,
  csvManifestPrefix,
  hashFieldOffset,
  type ReportFormat,
  type ReportManifest,
} from './integrity';

const utf8ByteOrderMark = '\xEF\xBB\xBF';

/** The file's start as text, one character per byte, without a byte order mark. */
function startOf(bytes: Uint8Array, length: number): string {
  const start = Buffer.from(bytes.subarray(0, length)).toString('latin1');
  return start.startsWith(utf8ByteOrderMark) ? start.slice(utf8ByteOrderMark.length) : start;
}

/** The format a file's first bytes say it is in, or undefined for none a report is written in. */
export function formatOf(bytes: Uint8Array): ReportFormat | undefined {
  const start = startOf(bytes, 256).trimStart();
  if (start.startsWith('%PDF-')) return 'pdf';
  if (/^<!doctype html/i.test(start)) return 'html';
  if (start.startsWith('{')) return 'json';
  // A CSV report's header row (csv-report.ts csvHeader), whatever separator a spreadsheet saved,
  // or its manifest line where the header was edited.
  if (/^area[,;\t]path\b/.test(start)) return 'csv';
  return Buffer.from(bytes).includes(`\n${csvManifestPrefix}`) ? 'csv' : undefined;
}

/** A short, printable quote of a file's first characters. */
function quotedStart(bytes: Uint8Array): string {
  const text = Buffer.from(bytes.subarray(0, 120)).toString('utf8').trimStart();
  const line = text.split(/\r?\n/)[0] ?? '';
  const printable = line.replace(/[^\p{L}\p{N}\p{P}\p{S} ]/gu, '?');
  return printable.length > 40 ? `${printable.slice(0, 40)}…` : printable;
}

/** What to say of a file whose start is no report format. */
export function notAReport(bytes: Uint8Array): string {
  if (bytes.byteLength === 0) return 'This is not an Archivist report: the file is empty.';
  return `This is not an Archivist report: reports are the HTML, PDF, JSON and CSV files Archivist writes, and this file starts with "${quotedStart(bytes)}".`;
}

/** The file's last characters, one a byte, trailing white space removed. */
function endOf(bytes: Uint8Array): string {
  const from = Math.max(0, bytes.byteLength - 4096);
  return Buffer.from(bytes.subarray(from)).toString('latin1').trimEnd();
}

/**
 * Whether a report with no readable manifest was written by Archivist but stops early: it does
 * not end the way its format's reports end (HTML `</html>`; JSON, and the manifest line CSV and
 * PDF reports end with, `}`). A PDF made elsewhere ends with its own `%%EOF`.
 */
function isCutOff(format: ReportFormat, bytes: Uint8Array): boolean {
  const start = startOf(bytes, 2048);
  const end = endOf(bytes);
  if (format === 'html')
    return /<meta name="generator" content="Archivist /.test(start) && !/<\/html>$/i.test(end);
  if (format === 'json') return start.includes('"archivist-report-manifest"') && !end.endsWith('}');
  if (format === 'csv') return !end.endsWith('}');
  return !end.endsWith('}') && !end.endsWith('%%EOF');
}

/** What to say of a report with no readable manifest: cut off, or not a report. */
export function missingManifest(format: ReportFormat, bytes: Uint8Array): string {
  const kind = format.toUpperCase();
  if (isCutOff(format, bytes))
    return `This ${kind} report looks cut off: it stops after ${bytes.byteLength.toLocaleString('en-US')} bytes, ${format === 'json' ? 'before its JSON ends, so its manifest cannot be read' : 'before the manifest Archivist writes at its end'}. The file was probably truncated in transfer (an incomplete download or attachment): ask for the whole file.`;
  return `This is not an Archivist report, or its manifest was altered: this ${kind} file has no readable Archivist manifest.`;
}

/** The bytes with every CRLF made LF (how a report was written, before unix2dos or mail). */
function withLf(text: string): string {
  return text.replace(/\r\n/g, '\n');
}

/** A CSV's line ends as the writer puts them: CRLF between records, LF inside quoted fields. */
function withCsvLineEnds(text: string): string {
  let out = '';
  let isQuoted = false;
  for (let at = 0; at < text.length; at++) {
    const character = text[at]!;
    if (character === '"') isQuoted = !isQuoted;
    if (character === '\r' && text[at + 1] === '\n') continue;
    if (character === '\n') out += isQuoted ? '\n' : '\r\n';
    else out += character;
  }
  return out;
}

/**
 * Whether the report's bytes would verify with other line ends (CRLF made LF, or a CSV's line
 * ends restored): then only its line ends were changed, which the message says.
 */
export function onlyLineEndsDiffer(bytes: Uint8Array, manifest: ReportManifest): boolean {
  const text = Buffer.from(bytes).toString('latin1');
  for (const candidate of new Set([withLf(text), withCsvLineEnds(text)])) {
    if (candidate === text) continue;
    const restored = Buffer.from(candidate, 'latin1');
    const offset = hashFieldOffset(restored);
    if (typeof offset === 'number' && bodyHash(restored, offset) === manifest.bodySha256)
      return true;
  }
  return false;
}
