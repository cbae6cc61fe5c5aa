/**
 * Export a report of the comparison: format (HTML, PDF, JSON, CSV), redaction, progress. Main
 * asks where to save it (the desktop app's save dialog) and records the export in the audit
 * trail first; in the browser harness the report arrives as a download.
 */
import { useEffect, useState } from 'react';
import type { ArchivistApi } from '../../../shared/ipc/contract';
import { exportFormats, type ExportFormat } from '../../../shared/ipc/compare-types';
import type { AppError } from '../../../shared/result';
import { ErrorNotice } from '../components/error-notice';
import { downloadBytes } from '../document/download';

const formatNames: Readonly<Record<ExportFormat, string>> = {
  html: 'HTML page',
  pdf: 'PDF',
  json: 'JSON',
  csv: 'CSV',
};

type ExportState =
  | { readonly state: 'idle' }
  | {
      readonly state: 'running';
      readonly exportId: string;
      readonly fraction: number;
      readonly phase: string;
    }
  | { readonly state: 'done'; readonly message: string }
  | { readonly state: 'failed'; readonly error: AppError };

function bytesOf(base64: string): Uint8Array {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let index = 0; index < text.length; index++) bytes[index] = text.charCodeAt(index);
  return bytes;
}

export function ExportPanel({
  api,
  compareId,
}: {
  readonly api: ArchivistApi;
  readonly compareId: string;
}) {
  const [format, setFormat] = useState<ExportFormat>('html');
  const [redact, setRedact] = useState(false);
  const [status, setStatus] = useState<ExportState>({ state: 'idle' });
  const runningId = status.state === 'running' ? status.exportId : undefined;

  useEffect(() => {
    if (!runningId) return;
    return api.onExportProgress((progress) => {
      if (progress.exportId !== runningId) return;
      setStatus((old) =>
        old.state === 'running' && old.exportId === runningId
          ? { ...old, fraction: progress.fraction, phase: progress.phase }
          : old,
      );
    });
  }, [api, runningId]);

  async function run(): Promise<void> {
    const exportId = `exp-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    setStatus({ state: 'running', exportId, fraction: 0, phase: 'starting' });
    const result = await api.exportReport({ compareId, exportId, format, redact });
    if (!result.ok) return setStatus({ state: 'failed', error: result.error });
    const answer = result.value;
    if (answer.kind === 'cancelled') return setStatus({ state: 'idle' });
    if (answer.kind === 'download') {
      downloadBytes(answer.fileName, bytesOf(answer.base64), answer.mediaType);
      return setStatus({
        state: 'done',
        message: `Report ${answer.fileName} downloaded; the export is in the audit trail.`,
      });
    }
    setStatus({
      state: 'done',
      message: `Report saved as ${answer.fileName} (${answer.byteSize.toLocaleString('en')} bytes); the export is in the audit trail.`,
    });
  }

  return (
    <form
      className="export-panel"
      aria-label="Export a report"
      onSubmit={(event) => {
        event.preventDefault();
        void run();
      }}
    >
      <label>
        Report format{' '}
        <select value={format} onChange={(event) => setFormat(event.target.value as ExportFormat)}>
          {exportFormats.map((option) => (
            <option key={option} value={option}>
              {formatNames[option]}
            </option>
          ))}
        </select>
      </label>{' '}
      <label>
        <input
          type="checkbox"
          checked={redact}
          onChange={(event) => setRedact(event.target.checked)}
        />{' '}
        Redact identity codes and names
      </label>{' '}
      <button type="submit" disabled={status.state === 'running'}>
        Export report…
      </button>
      {status.state === 'running' && (
        <span role="status">
          <progress max={1} value={status.fraction} aria-label="Export progress" /> {status.phase}
        </span>
      )}
      {status.state === 'done' && (
        <span role="status" className="export-done">
          {status.message}
        </span>
      )}
      {status.state === 'failed' && <ErrorNotice error={status.error} />}
    </form>
  );
}
