/**
 * What preflight found and what would be sent: every finding as a sentence with its severity in
 * words (never colour alone), and per document the exact Provenance payload.
 */
import type { InvalidationPreview } from '../../../shared/ipc/invalidation-types';
import type { PreflightFinding } from '../../../shared/invalidation/preflight';

function FindingList({ findings }: { readonly findings: readonly PreflightFinding[] }) {
  if (findings.length === 0) return null;
  return (
    <ul className="finding-list">
      {findings.map((finding, index) => (
        <li key={`${finding.code}-${index}`} className={`finding finding-${finding.severity}`}>
          <strong>{finding.severity === 'block' ? 'Refused: ' : 'Warning: '}</strong>
          {finding.message}
        </li>
      ))}
    </ul>
  );
}

export function InvalidationPreviewPanel({ preview }: { readonly preview: InvalidationPreview }) {
  const environmentCodes = new Set(preview.environmentFindings.map((finding) => finding.code));
  return (
    <div className="invalidation-preview">
      <h3>Preflight in {preview.environment}</h3>
      <p role="status" className={preview.isAllowed ? 'preflight-ok' : 'preflight-refused'}>
        {preview.isAllowed
          ? `Preflight passed for ${preview.documents.length === 1 ? 'the document' : `all ${preview.documents.length} documents`}.`
          : 'Invalidation is refused: nothing will be sent.'}
      </p>
      <FindingList findings={preview.environmentFindings} />
      {preview.documents.map((document) => (
        <section
          key={document.resourceId}
          className="preview-document"
          aria-label={`Document ${document.resourceId}`}
        >
          <h4>
            {document.title ?? '(untitled)'}{' '}
            <span className="muted">
              DocumentReference/{document.resourceId}
              {document.status ? `, status ${document.status}` : ''}
            </span>
          </h4>
          <FindingList
            findings={document.findings.filter((finding) => !environmentCodes.has(finding.code))}
          />
          <details open={preview.documents.length === 1}>
            <summary>Payload that would be sent (Provenance)</summary>
            <pre className="payload-preview" aria-label={`Payload for ${document.resourceId}`}>
              {JSON.stringify(document.provenance, null, 2)}
            </pre>
            <p className="muted">
              The real run stamps its own time and request id (meta.source) into this payload.
            </p>
          </details>
        </section>
      ))}
    </div>
  );
}
