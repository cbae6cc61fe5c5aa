/**
 * What preflight found and what would be sent: where it goes (name, kind, base URL, test flag),
 * every finding as a sentence with its severity in words (never colour alone), and per document
 * its patient, its last attempt here and the exact Provenance payload (review 11, finding 3: the
 * same facts the command line's dry run prints, in its words).
 */
import type {
  InvalidationPreview,
  InvalidationPreviewDocument,
} from '../../../shared/ipc/invalidation-types';
import { finnishTime, type PreflightFinding } from '../../../shared/invalidation/preflight';
import { environmentText, patientText } from '../../../shared/invalidation/run-wording';

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

/**
 * The last attempt's outcome, when it was settled (an unsettled one is a finding): a run that
 * finished while no one watched (the page was reloaded or closed) is told here (review 11, 4).
 */
function LastAttempt({ document }: { readonly document: InvalidationPreviewDocument }) {
  const attempt = document.lastAttempt;
  if (!attempt?.state || attempt.state === 'unknown') return null;
  return (
    <p className="muted last-attempt">
      Last attempt here: {finnishTime(new Date(attempt.recorded))} Finnish time (request id{' '}
      {attempt.requestId}), {attempt.state}
      {attempt.message ? `: ${attempt.message}` : '.'}
    </p>
  );
}

function hasWarnings(preview: InvalidationPreview): boolean {
  return preview.documents.some((document) =>
    document.findings.some((finding) => finding.severity === 'warning'),
  );
}

export function InvalidationPreviewPanel({ preview }: { readonly preview: InvalidationPreview }) {
  const environmentCodes = new Set(preview.environmentFindings.map((finding) => finding.code));
  return (
    <div className="invalidation-preview">
      <h3>Preflight in {environmentText(preview.environmentDetails)}</h3>
      <p role="status" className={preview.isAllowed ? 'preflight-ok' : 'preflight-refused'}>
        {preview.isAllowed
          ? `Preflight passed for ${preview.documents.length === 1 ? 'the document' : `all ${preview.documents.length} documents`}${hasWarnings(preview) ? ', with warnings: read them before you confirm' : ''}.`
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
              {document.status ? `, status ${document.status}, ${patientText(document.hetu)}` : ''}
            </span>
          </h4>
          <FindingList
            findings={document.findings.filter((finding) => !environmentCodes.has(finding.code))}
          />
          <LastAttempt document={document} />
          <details open={preview.documents.length === 1}>
            <summary>Payload that would be sent (Provenance)</summary>
            {/* Focusable: a payload taller than its box scrolls with the keyboard too. */}
            <pre
              className="payload-preview"
              tabIndex={0}
              aria-label={`Payload for ${document.resourceId}`}
            >
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
