/**
 * The Audit tab's Export (issue 6 item 5): the journal's records that pass the tab's filters, as
 * JSON or CSV, written exactly as `archivist audit export` writes them (listRecords and toCsv of
 * the audit reader). The export is itself recorded in the journal before the file is written
 * (write-ahead, like the command line's), and a failed write is recorded too. The file goes where
 * main's save dialog says, or back as a download where no dialog can run (the browser harness).
 */
import { hostname } from 'node:os';
import path from 'node:path';
import { exportEvent, type AuditContext } from '../../../shared/audit/builders';
import type {
  AuditExportRequest,
  AuditExportResult,
} from '../../../shared/ipc/profile-editor-types';
import { err, ok, type Result } from '../../../shared/result';
import { appVersion } from '../app-version';
import { listRecords, toCsv } from '../audit/reader';
import { osUserName, recordAll } from './audit-trail';
import type { SaveFile } from './compare-export';
import { fileProblemReason } from '../files/file-problem';
import { replaceFile } from '../files/replace-file';

const mediaTypes = { json: 'application/json', csv: 'text/csv' } as const;

/** The app's own actions on the journal: the OS user acts (no environment is involved). */
export function appAuditContext(now: () => Date): AuditContext {
  const osUser = osUserName();
  return {
    operator: { name: osUser, registrationNumber: 'none', organisationOid: 'none', osUser },
    appVersion,
    host: hostname(),
    now,
  };
}

/** `audit-2026-11-29.csv`: the day of the export. */
export function auditExportFileName(format: AuditExportRequest['format'], now: Date): string {
  return `audit-${now.toISOString().slice(0, 10)}.${format}`;
}

export async function exportAuditJournal(
  home: string,
  request: AuditExportRequest,
  options: { readonly now: () => Date; readonly saveFile?: SaveFile },
): Promise<Result<AuditExportResult>> {
  const fileName = auditExportFileName(request.format, options.now());
  let target = `download ${fileName}`;
  if (options.saveFile) {
    const chosen = await options.saveFile(fileName);
    if (chosen === undefined) return ok({ kind: 'cancelled' });
    target = chosen;
  }
  let records;
  try {
    records = listRecords(home, request.filter);
  } catch {
    return err('audit-unreadable', 'The audit journal could not be read; nothing was exported.');
  }
  const context = appAuditContext(options.now);
  const what = `audit export ${request.format} of ${records.length} records to ${target}`;
  const recorded = await recordAll(home, [exportEvent(context, what)], 'nothing was exported');
  if (!recorded.ok) return recorded;
  const text = request.format === 'csv' ? toCsv(records) : `${JSON.stringify(records, null, 2)}\n`;
  const bytes = Buffer.from(text, 'utf8');
  if (!options.saveFile)
    return ok({
      kind: 'download',
      fileName,
      mediaType: mediaTypes[request.format],
      records: records.length,
      base64: bytes.toString('base64'),
    });
  try {
    await replaceFile(target, bytes);
    return ok({
      kind: 'saved',
      fileName: path.basename(target),
      records: records.length,
      byteSize: bytes.byteLength,
    });
  } catch (error) {
    const message = `The audit export could not be saved to ${target} (${fileProblemReason(error, 'write', target)}).`;
    await recordAll(
      home,
      [exportEvent(context, what, { code: '8', description: message })],
      'the failure was not recorded',
    );
    return err('audit-export-not-saved', message);
  }
}
