/**
 * The API for report exports (issue 8), shared by the command line and the app's Export action:
 * writeReport(request, { format, redact, onProgress }) → the report file's bytes, sealed with
 * their manifest. The caller chooses where to write them and audits the export.
 */
import type { CompareResult } from '../../../shared/compare/compare-result';
import {
  buildReport,
  type CheckpointReference,
  type ReportModel,
} from '../../../shared/report/report-model';
import { err, ok, type Result } from '../../../shared/result';
import { appVersion } from '../app-version';
import { reportCsv } from './csv-report';
import { reportHtml } from './html-report';
import {
  embedManifest,
  sealReport,
  zeroHash,
  type ManifestSource,
  type ReportFormat,
  type ReportManifest,
} from './integrity';
import { reportJson } from './json-report';
import { chromiumPdfPrinter, type PdfPrinter } from './pdf-printer';
import { reportCss } from './report-css';
import { describeSource, type SourceDocument } from './report-sources';

export type { ReportFormat } from './integrity';
export const reportFormats: readonly ReportFormat[] = ['html', 'pdf', 'json', 'csv'];

/**
 * Sources are embedded by default only up to this many bytes together: two 20 MB documents in
 * Base64 make a 54 MB page that takes a browser half a minute to open (test/bench/report.bench.ts).
 */
export const maxEmbeddedSourceBytes = 10 * 1024 * 1024;

/** UTF-8's byte order mark, which csvByteOrderMark puts first in a CSV report. */
const byteOrderMark = '\uFEFF';

/** What one report is about. */
export interface ReportRequest {
  readonly result: CompareResult;
  readonly left: SourceDocument;
  readonly right: SourceDocument;
  readonly operator: string;
  readonly createdAt?: string;
  readonly auditCheckpoint?: CheckpointReference;
  /** Both sides' canonical lines (the compare worker's keepLines), for the collapsed unchanged regions. */
  readonly lines?: { readonly left: readonly string[]; readonly right: readonly string[] };
}

export interface ReportProgress {
  readonly phase: 'reading sources' | 'building' | 'rendering' | 'printing' | 'sealing';
  /** 0..1 over the whole report. */
  readonly fraction: number;
}

export interface WriteReportOptions {
  readonly format: ReportFormat;
  readonly redact: boolean;
  /**
   * Embed both sources (Base64) in the manifest, so `report verify` checks them byte for byte.
   * Default: yes when both together are at most maxEmbeddedSourceBytes, never in redacted
   * reports (the sources hold the unmasked codes and names).
   */
  readonly embedSources?: boolean;
  readonly onProgress?: (progress: ReportProgress) => void;
  /**
   * Start a CSV report with UTF-8's byte order mark: Excel reads a CSV without one in the
   * system's ANSI code page, so "ä" shows as "Ã¤" (issue 7 review 9, defect 7). The app's export
   * sets it (a person opens that file); the command line's CSV goes to pipelines too, where a
   * mark would stick to the first column's name. The seal covers it like every other byte.
   */
  readonly csvByteOrderMark?: boolean;
  /** How PDFs are printed (default: headless Chromium; the app passes electronPdfPrinter). */
  readonly pdfPrinter?: PdfPrinter;
}

/** A finished report. */
export interface WrittenReport {
  readonly bytes: Uint8Array;
  readonly model: ReportModel;
  readonly manifest: ReportManifest;
}

function manifestOf(
  model: ReportModel,
  format: ReportFormat,
  request: ReportRequest,
  embed: boolean,
): ReportManifest {
  const source = (side: 'left' | 'right', document: SourceDocument): ManifestSource => ({
    side,
    // From the model, so that a redacted report masks a hetu in a file name here too.
    source: model.documents[side].source,
    sha256: model.documents[side].sha256,
    byteSize: document.bytes.byteLength,
    ...(embed ? { base64: Buffer.from(document.bytes).toString('base64') } : {}),
  });
  return {
    kind: 'archivist-report-manifest',
    version: 1,
    reportFormat: format,
    createdAt: model.createdAt,
    toolVersion: model.toolVersion,
    redacted: model.redaction.isRedacted,
    bodySha256: zeroHash,
    sources: [source('left', request.left), source('right', request.right)],
    auditCheckpoint: model.auditCheckpoint,
  };
}

/** Makes one report. Never rejects. */
export async function writeReport(
  request: ReportRequest,
  options: WriteReportOptions,
): Promise<Result<WrittenReport>> {
  const progress = options.onProgress ?? (() => {});
  try {
    progress({ phase: 'reading sources', fraction: 0 });
    const [left, right] = await Promise.all([
      describeSource(request.left, { forRedaction: options.redact }),
      describeSource(request.right, { forRedaction: options.redact }),
    ]);
    if (!left.ok) return left;
    if (!right.ok) return right;
    progress({ phase: 'building', fraction: 0.1 });
    const built = buildReport({
      result: request.result,
      left: left.value,
      right: right.value,
      operator: request.operator,
      createdAt: request.createdAt ?? new Date().toISOString(),
      toolVersion: appVersion,
      redact: options.redact,
      ...(request.auditCheckpoint ? { auditCheckpoint: request.auditCheckpoint } : {}),
      ...(request.lines && options.format !== 'json' && options.format !== 'csv'
        ? { lines: request.lines }
        : {}),
    });
    const total = request.left.bytes.byteLength + request.right.bytes.byteLength;
    const isTooLarge = total > maxEmbeddedSourceBytes;
    const embed = options.embedSources ?? (!options.redact && !isTooLarge);
    const model =
      options.embedSources === undefined && !options.redact && isTooLarge
        ? {
            ...built,
            notes: [
              ...built.notes,
              `The sources (${(total / 1024 / 1024).toFixed(1)} MB together) are not embedded in this report (limit ${maxEmbeddedSourceBytes / 1024 / 1024} MB); its manifest keeps their SHA-256.`,
            ],
          }
        : built;
    const manifest = manifestOf(model, options.format, request, embed);
    progress({ phase: 'rendering', fraction: 0.3 });
    const body = await render(model, manifest, options, (fraction) =>
      progress({ phase: options.format === 'pdf' ? 'printing' : 'rendering', fraction }),
    );
    if (!body.ok) return body;
    progress({ phase: 'sealing', fraction: 0.95 });
    const bytes = sealReport(body.value);
    progress({ phase: 'sealing', fraction: 1 });
    return ok({ bytes, model, manifest });
  } catch (error) {
    return err(
      'report-failed',
      `The report could not be made: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

async function render(
  model: ReportModel,
  manifest: ReportManifest,
  options: WriteReportOptions,
  progress: (fraction: number) => void,
): Promise<Result<Uint8Array>> {
  const format = options.format;
  if (format === 'json') return ok(Buffer.from(reportJson(model, manifest)));
  if (format === 'csv')
    return ok(
      embedManifest(
        'csv',
        Buffer.from((options.csvByteOrderMark ? byteOrderMark : '') + reportCsv(model)),
        manifest,
      ),
    );
  const css = reportCss();
  if (!css.ok) return css;
  const html = reportHtml(model, css.value, (done, total) =>
    progress(0.3 + (format === 'pdf' ? 0.2 : 0.6) * (total === 0 ? 1 : done / total)),
  );
  if (format === 'html') return ok(embedManifest('html', Buffer.from(html), manifest));
  progress(0.5);
  const printer = options.pdfPrinter ?? chromiumPdfPrinter();
  const pdf = await printer(html);
  if (!pdf.ok) return pdf;
  return ok(embedManifest('pdf', pdf.value, manifest));
}
