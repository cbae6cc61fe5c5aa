/**
 * An audited report export (issue 8: "exports are audited"): the reads of both documents and the
 * export itself are durable in the journal before the report is made (write-ahead, as for every
 * read), then a checkpoint is signed so that the report can name the journal's latest checkpoint,
 * which covers its own export event. A report that then fails is recorded as a failed export.
 */
import path from 'node:path';
import type { AuditContext } from '../../../shared/audit/builders';
import {
  comparisonExportEvent,
  type ComparisonExport,
} from '../../../shared/audit/comparison-export';
import type { AuditEvent } from '../../../shared/audit/event';
import type { CheckpointReference } from '../../../shared/report/report-model';
import { ok, type Result } from '../../../shared/result';
import { readCheckpoints } from '../audit/files';
import { openJournal } from '../audit/journal';
import {
  writeReport,
  type ReportRequest,
  type WriteReportOptions,
  type WrittenReport,
} from './write-report';

export interface ExportAudit {
  readonly home: string;
  readonly context: AuditContext;
  /** Where the report goes, as the export event names it (a file path, or "stdout"). */
  readonly target: string;
  /** Who read each side where: the export event names both sides' environments. */
  readonly sideContexts: { readonly left: AuditContext; readonly right: AuditContext };
  /** Events to make durable first (the reads of the two documents). */
  readonly before?: readonly AuditEvent[];
  /**
   * Writes the made report to its target (the command line's --out or stdout); a failure is
   * recorded as a failed export, like a report that could not be made.
   */
  readonly deliver?: (bytes: Uint8Array) => Promise<Result<void>>;
  /**
   * Called once the export event is durable, with a way to record that the export failed after
   * all: the command line records an interrupt (Ctrl-C while a PDF is printed) with it, so the
   * journal never claims a report that was not written (review 10, finding 9).
   */
  readonly onRecorded?: (recordFailure: (message: string) => Promise<void>) => void;
}

/** The last signed checkpoint of the journal in `home`, if it has one that reads as JSON. */
export function latestCheckpoint(home: string): CheckpointReference | undefined {
  const last = readCheckpoints(home).at(-1);
  if (!last) return undefined;
  try {
    const parsed = JSON.parse(last.text) as Partial<CheckpointReference>;
    if (
      typeof parsed.sequence === 'number' &&
      typeof parsed.hash === 'string' &&
      typeof parsed.time === 'string' &&
      typeof parsed.signature === 'string'
    )
      return {
        sequence: parsed.sequence,
        hash: parsed.hash,
        time: parsed.time,
        signature: parsed.signature,
      };
  } catch {
    // A checkpoint line that does not parse is audit verify's finding; the report names none.
  }
  return undefined;
}

/** A source as the export event names it (its bytes stay out of the journal). */
function sideOf(document: ReportRequest['left']) {
  return { source: document.source, environment: document.environment };
}

/** Records the export (write-ahead), signs a checkpoint, and makes the report naming it. */
export async function exportReport(
  request: Omit<ReportRequest, 'auditCheckpoint'>,
  options: WriteReportOptions,
  audit: ExportAudit,
): Promise<Result<WrittenReport>> {
  const what: ComparisonExport = {
    result: request.result,
    format: options.format,
    redacted: options.redact,
    target: audit.target,
    ...(audit.target === 'stdout' ? {} : { fileName: path.basename(audit.target) }),
    left: { ...sideOf(request.left), context: audit.sideContexts.left },
    right: { ...sideOf(request.right), context: audit.sideContexts.right },
  };
  const journal = await openJournal(audit.home);
  if (!journal.ok) return journal;
  try {
    for (const event of [...(audit.before ?? []), comparisonExportEvent(audit.context, what)]) {
      const recorded = await journal.value.recordBefore(event, 'no report was written');
      if (!recorded.ok) return recorded;
    }
    const signed = journal.value.checkpoint();
    if (!signed.ok) return signed;
  } finally {
    journal.value.close();
  }
  audit.onRecorded?.((message) => recordFailure(audit, what, message));
  const checkpoint = latestCheckpoint(audit.home);
  const written = await writeReport(
    { ...request, ...(checkpoint ? { auditCheckpoint: checkpoint } : {}) },
    options,
  );
  if (!written.ok) {
    await recordFailure(audit, what, written.error.message);
    return written;
  }
  const delivered = audit.deliver ? await audit.deliver(written.value.bytes) : ok(undefined);
  if (delivered.ok) return written;
  await recordFailure(audit, what, delivered.error.message);
  return { ok: false, error: delivered.error };
}

async function recordFailure(
  audit: ExportAudit,
  what: ComparisonExport,
  message: string,
): Promise<void> {
  const journal = await openJournal(audit.home);
  if (!journal.ok) return;
  try {
    journal.value.append(
      comparisonExportEvent(audit.context, what, { code: '8', description: message }),
    );
  } finally {
    journal.value.close();
  }
}
