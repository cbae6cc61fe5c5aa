/**
 * `archivist compare` for every format but unified: the ignore profile, the comparison in the
 * compare worker, the text output or a report, and the audit of both reads. compare.ts loads this
 * module only for these formats (and for an explicit --ignore, to check it), so the unified fast
 * path starts without the profiles, the text formatter and the progress bar (issue 7).
 */
import { readEvent, type AuditContext } from '../../../shared/audit/builders';
import type { AuditEvent } from '../../../shared/audit/event';
import { withResourceReference } from '../../../shared/audit/resource-reference';
import type { CompareResult } from '../../../shared/compare/compare-result';
import type { StoredStatus } from '../../../shared/compare/metadata-status';
import { formatCompareText } from '../../../shared/compare/format-text';
import { err, ok } from '../../../shared/result';
import type { ResolvedProfile } from '../../../shared/compare/ignore-profile';
import { openJournal } from '../../services/audit/journal';
import { reportContextOf } from '../../services/compare/compared-environment';
import { withSideNames } from '../../services/compare/side-message';
import { splitJoinedLines } from '../../services/compare/joined-lines';
import { progressBar } from '../../services/report/progress-bar';
import type { ReportFormat } from '../../services/report/write-report';
import { CommandFailure, printable, type CliIo } from '../command';
import { watchExportInterrupts } from './export-interrupts';

/** compare.ts loads the profile through this module, with the rest of the full compare. */
export { profileOf } from './ignore-profile-choice';

/** Write-ahead: both reads are durable in the journal before anything is printed. */
async function recordReads(home: string, events: readonly AuditEvent[]): Promise<void> {
  const journal = await openJournal(home);
  if (!journal.ok) throw new CommandFailure(journal.error.message);
  try {
    for (const event of events) {
      const recorded = await journal.value.recordBefore(event, 'nothing was shown');
      if (!recorded.ok) throw new CommandFailure(recorded.error.message);
    }
  } finally {
    journal.value.close();
  }
}

/**
 * One read event a side, each in its side's context: an env: document names its environment and
 * its resource beside its document id, so `audit list --document` finds it by either.
 */
function readEvents(result: CompareResult, left: ComparedSide, right: ComparedSide) {
  return [
    withResourceReference(
      readEvent(left.context, result.left.id, result.left.patientHetu),
      left.resourceId,
    ),
    withResourceReference(
      readEvent(right.context, result.right.id, result.right.patientHetu),
      right.resourceId,
    ),
  ];
}

/** One side of a comparison: its bytes, its name on the command line and where it came from. */
export interface ComparedSide {
  readonly bytes: Uint8Array;
  readonly name: string;
  /** Who read it where (compare-sides.ts): a profile's operator and environment, or the OS user. */
  readonly context: AuditContext;
  /** The report's name of its environment; none for a local file. */
  readonly environment?: string;
  /** The status its environment stores; none for a local file. */
  readonly storedStatus?: StoredStatus;
  /** The DocumentReference's id in its environment; none for a local file. */
  readonly resourceId?: string;
}

/** What the command line asked for, besides the two documents. */
export interface CompareRequest {
  /** text, or a report format. */
  readonly format: 'text' | ReportFormat;
  readonly profile: ResolvedProfile;
  /** No --ignore: the worker uses the documents' type's shipped profile (`profile` is default). */
  readonly profileByDocumentType: boolean;
  readonly out: string | undefined;
  readonly redact: boolean;
  readonly withoutSources: boolean;
  readonly home: string;
}

/** A side as a report names it: its operand, and its environment when it came from one. */
function sourceOf(side: ComparedSide) {
  const { bytes, name, environment } = side;
  return { bytes, source: name, ...(environment === undefined ? {} : { environment }) };
}

/**
 * Compares two documents and hands `deliver` the bytes to write (the text output or a report),
 * both reads audited first; a report that cannot be delivered is recorded as a failed export.
 * Returns how many differences the output shows (what the profile hid not counted). Throws
 * CommandFailure; `deliver` throws CommandFailure.
 */
export async function compareForOutput(
  left: ComparedSide,
  right: ComparedSide,
  request: CompareRequest,
  io: CliIo,
  deliver: (bytes: Uint8Array) => Promise<void>,
): Promise<number> {
  const { compareInWorker, exportReport, chromiumPdfPrinter, redactText } =
    await import('./compare-full');
  const { format, home, profile } = request;
  const bar = progressBar(io.stderr, io.isStderrTty);
  bar.update(0, 'comparing');
  // The HTML and PDF side-by-side views need both canonical forms: the worker has built them,
  // so it returns them instead of both documents being parsed a second time (issue 8).
  const wantsLines = format === 'html' || format === 'pdf';
  const compared = await compareInWorker(left.bytes, right.bytes, {
    profile,
    ...(request.profileByDocumentType ? { profileByDocumentType: true } : {}),
    ...(wantsLines ? { keepLines: true } : {}),
    storedStatus: {
      ...(left.storedStatus ? { left: left.storedStatus } : {}),
      ...(right.storedStatus ? { right: right.storedStatus } : {}),
    },
  });
  if (!compared.ok) {
    bar.done();
    const names = { left: printable(left.name), right: printable(right.name) };
    throw new CommandFailure(withSideNames(compared.error.message, names));
  }
  const result = compared.value.result;
  const reads = readEvents(result, left, right);
  if (format !== 'text') {
    const context = reportContextOf(left, right);
    const joined = compared.value.lines;
    const lines = joined && splitJoinedLines(joined, result);
    const interrupts = watchExportInterrupts();
    const written = await exportReport(
      {
        result,
        left: sourceOf(left),
        right: sourceOf(right),
        operator: context.operator.name,
        ...(lines ? { lines } : {}),
      },
      {
        format,
        redact: request.redact,
        ...(request.withoutSources ? { embedSources: false } : {}),
        pdfPrinter: chromiumPdfPrinter({ env: io.env }),
        onProgress: (progress) => bar.update(0.3 + 0.7 * progress.fraction, progress.phase),
      },
      {
        home,
        context,
        target: request.out ?? 'stdout',
        sideContexts: { left: left.context, right: right.context },
        before: reads,
        onRecorded: interrupts.onRecorded,
        deliver: async (bytes) => {
          bar.done();
          try {
            await deliver(bytes);
            return ok(undefined);
          } catch (error) {
            if (error instanceof CommandFailure) return err('export-write', error.message);
            throw error;
          } finally {
            interrupts.settled();
          }
        },
      },
    ).finally(interrupts.release);
    bar.done();
    if (!written.ok) throw new CommandFailure(written.error.message);
    return result.shownDifferences;
  }
  bar.done();
  const plain = formatCompareText(result, { left: left.name, right: right.name });
  const text = request.redact ? await redactText(plain, left.bytes, right.bytes) : plain;
  await recordReads(home, reads);
  await deliver(Buffer.from(text, 'utf8'));
  return result.shownDifferences;
}
