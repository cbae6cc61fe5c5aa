/**
 * The compare view's Export action (issue 8 through issue 7's view): a report of a comparison
 * this window made, in HTML, PDF, JSON or CSV, optionally redacted. The export is recorded in the
 * journal before the report is made (write-ahead; a failure is recorded too); the file goes where
 * main's save dialog says, or, where no dialog can run (the browser harness), back as a download.
 */
import path from 'node:path';
import type { AuditContext } from '../../../shared/audit/builders';
import {
  comparisonExportEvent,
  type ComparisonExport,
} from '../../../shared/audit/comparison-export';
import type { CompareResult } from '../../../shared/compare/compare-result';
import type {
  JoinedLines,
  ExportFormat,
  ExportProgressEvent,
  ExportResult,
} from '../../../shared/ipc/compare-types';
import { err, ok, type Result } from '../../../shared/result';
import { reportContextOf } from '../compare/compared-environment';
import { splitJoinedLines } from '../compare/joined-lines';
import type { PdfPrinter } from '../report/pdf-printer';
import { latestCheckpoint } from '../report/export-report';
import { writeReport, type ReportProgress } from '../report/write-report';
import { recordAll } from './audit-trail';
import { fileProblemReason } from '../files/file-problem';
import { replaceFile } from '../files/replace-file';
import { reportFileName } from './report-file-name';

/** One side as the report needs it. */
export interface RememberedSide {
  readonly bytes: Uint8Array;
  /** env:PROFILE:id, or the local file's name. */
  readonly source: string;
  /** The report's name of its environment (reportEnvironmentOf); none for a local file. */
  readonly environment?: string;
  readonly context: AuditContext;
}

/** A comparison kept in main so that it can be exported without sending it back. */
export interface RememberedComparison {
  readonly result: CompareResult;
  readonly left: RememberedSide;
  readonly right: RememberedSide;
  /** Joined as the view gets them; split into lines only when a report needs them. */
  readonly lines?: JoinedLines;
}

/** Opens main's save dialog with a suggested name; resolves with the path, or undefined. */
export type SaveFile = (suggestedName: string) => Promise<string | undefined>;

export interface ExportOptions {
  readonly format: ExportFormat;
  readonly redact: boolean;
  readonly exportId: string;
  readonly onProgress: (progress: ExportProgressEvent) => void;
  readonly saveFile?: SaveFile;
  readonly pdfPrinter?: PdfPrinter;
}

const mediaTypes: Readonly<Record<ExportFormat, string>> = {
  html: 'text/html',
  pdf: 'application/pdf',
  json: 'application/json',
  csv: 'text/csv',
};

export async function exportComparison(
  home: string,
  comparison: RememberedComparison,
  options: ExportOptions,
): Promise<Result<ExportResult>> {
  const fileName = reportFileName(
    { ...comparison.result.left, source: comparison.left.source },
    { ...comparison.result.right, source: comparison.right.source },
    options.format,
    options.redact,
  );
  let target = `download ${fileName}`;
  if (options.saveFile) {
    const chosen = await options.saveFile(fileName);
    if (chosen === undefined) return ok({ kind: 'cancelled' });
    target = chosen;
  }
  const { result, left, right } = comparison;
  // A local file against AT: the export is AT's operator's, as the AT read is.
  const context = reportContextOf(left, right);
  const exported: ComparisonExport = {
    result,
    format: options.format,
    redacted: options.redact,
    target,
    fileName: options.saveFile ? path.basename(target) : fileName,
    left,
    right,
  };
  const recorded = await recordAll(
    home,
    [comparisonExportEvent(context, exported)],
    'no report was written',
  );
  if (!recorded.ok) return recorded;
  const progress = (value: ReportProgress) =>
    options.onProgress({
      exportId: options.exportId,
      phase: value.phase,
      fraction: value.fraction,
    });
  const checkpoint = latestCheckpoint(home);
  const written = await writeReport(
    {
      result,
      ...(checkpoint ? { auditCheckpoint: checkpoint } : {}),
      left: {
        bytes: left.bytes,
        source: left.source,
        ...(left.environment ? { environment: left.environment } : {}),
      },
      right: {
        bytes: right.bytes,
        source: right.source,
        ...(right.environment ? { environment: right.environment } : {}),
      },
      operator: context.operator.name,
      ...(comparison.lines ? { lines: splitJoinedLines(comparison.lines, result) } : {}),
    },
    {
      format: options.format,
      redact: options.redact,
      onProgress: progress,
      // A person opens this file, often in Excel, which needs the mark to read UTF-8.
      csvByteOrderMark: true,
      ...(options.pdfPrinter ? { pdfPrinter: options.pdfPrinter } : {}),
    },
  );
  const saved: Result<ExportResult> = !written.ok
    ? written
    : options.saveFile
      ? await save(target, written.value.bytes)
      : ok({
          kind: 'download',
          fileName,
          mediaType: mediaTypes[options.format],
          base64: Buffer.from(written.value.bytes).toString('base64'),
        });
  if (!saved.ok)
    await recordAll(
      home,
      [comparisonExportEvent(context, exported, { code: '8', description: saved.error.message })],
      'the failure was not recorded',
    );
  return saved;
}

async function save(target: string, bytes: Uint8Array): Promise<Result<ExportResult>> {
  try {
    await replaceFile(target, bytes);
    return ok({ kind: 'saved', fileName: path.basename(target), byteSize: bytes.byteLength });
  } catch (error) {
    const reason = fileProblemReason(error, 'write', target);
    return err('report-not-saved', `The report could not be saved to ${target} (${reason}).`);
  }
}
