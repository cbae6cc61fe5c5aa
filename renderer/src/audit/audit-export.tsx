/**
 * The Audit tab's Export: the records the tab's filters select, as JSON or CSV, written by main
 * exactly as `archivist audit export` writes them. Main asks where to save (its save dialog);
 * in the browser harness the file downloads. The export is itself recorded in the journal, so
 * the list reloads afterwards to show it.
 */
import { useState } from 'react';
import type { AuditFilter } from '../../../shared/audit/filter';
import type { ArchivistApi } from '../../../shared/ipc/contract';
import {
  auditExportFormats,
  type AuditExportFormat,
} from '../../../shared/ipc/profile-editor-types';
import type { AppError } from '../../../shared/result';
import { ErrorNotice } from '../components/error-notice';
import { downloadBytes } from '../document/download';
import './audit-export.css';

function bytesOf(base64: string): Uint8Array {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let index = 0; index < text.length; index++) bytes[index] = text.charCodeAt(index);
  return bytes;
}

type Outcome = { readonly message: string } | AppError;

export function AuditExport({
  api,
  filter,
  onExported,
}: {
  readonly api: ArchivistApi;
  readonly filter: AuditFilter;
  readonly onExported: () => void;
}) {
  const [format, setFormat] = useState<AuditExportFormat>('json');
  const [isBusy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | undefined>();

  async function exportJournal(): Promise<void> {
    setBusy(true);
    setOutcome(undefined);
    const result = await api.exportAudit({ format, filter });
    setBusy(false);
    if (!result.ok) return setOutcome(result.error);
    const answer = result.value;
    if (answer.kind === 'cancelled') return;
    if (answer.kind === 'download')
      downloadBytes(answer.fileName, bytesOf(answer.base64), answer.mediaType);
    const verb = answer.kind === 'download' ? 'downloaded' : 'saved';
    setOutcome({
      message: `${answer.records} record(s) ${verb} as ${answer.fileName}; the export is in the audit trail.`,
    });
    onExported();
  }

  return (
    <div className="audit-export" role="group" aria-label="Export the audit trail">
      <label className="form-field">
        <span>Export format</span>
        <select
          value={format}
          onChange={(event) => setFormat(event.target.value as AuditExportFormat)}
        >
          {auditExportFormats.map((value) => (
            <option key={value} value={value}>
              {value.toUpperCase()}
            </option>
          ))}
        </select>
      </label>
      <button type="button" disabled={isBusy} onClick={() => void exportJournal()}>
        {isBusy ? 'Exporting…' : 'Export…'}
      </button>
      {outcome && 'code' in outcome && <ErrorNotice error={outcome} />}
      {outcome && !('code' in outcome) && (
        <p className="verify-ok" role="status">
          {outcome.message}
        </p>
      )}
    </div>
  );
}
