/**
 * The read-back result per document after a run: the state in words, the environment's
 * sentence, and the ids that tie it to the audit trail and the environment's log. The summary
 * is the command line's (shared run-wording); each reference and id is said once (review 11,
 * finding 11).
 */
import type {
  InvalidationOutcome,
  InvalidationRunResult,
} from '../../../shared/ipc/invalidation-types';
import { runSummary } from '../../../shared/invalidation/run-wording';

const stateLabels: Record<InvalidationOutcome['state'], string> = {
  invalidated: 'Invalidated',
  'not-invalidated': 'Not invalidated',
  'invalidated-by-other': 'Invalidated by someone else',
  unknown: 'State unknown',
  refused: 'Refused',
  'not-attempted': 'Not attempted',
};

function summaryText(result: InvalidationRunResult): string {
  if (!result.isComplete) return `${runSummary(result)} See below.`;
  return `Done: ${result.outcomes.length === 1 ? 'the document is' : `all ${result.outcomes.length} documents are`} invalidated, confirmed by reading back.`;
}

function OutcomeItem({ outcome }: { readonly outcome: InvalidationOutcome }) {
  const subject = `DocumentReference/${outcome.resourceId}`;
  const provenance = outcome.provenanceId ? `Provenance/${outcome.provenanceId}` : undefined;
  return (
    <li className={`outcome outcome-${outcome.state}`} data-state={outcome.state}>
      <strong>{stateLabels[outcome.state]}</strong>{' '}
      {outcome.message.includes(subject) ? '' : `${subject}: `}
      {outcome.message}
      {provenance && !outcome.message.includes(provenance) && (
        <span className="muted"> {provenance}.</span>
      )}
      {outcome.requestId && <span className="muted"> Request id {outcome.requestId}.</span>}
      {outcome.auditError && (
        <span className="outcome-audit-error"> Audit trail: {outcome.auditError}</span>
      )}
    </li>
  );
}

export function InvalidationOutcomes({ result }: { readonly result: InvalidationRunResult }) {
  return (
    <div className="invalidation-outcomes">
      <p role="status">{summaryText(result)}</p>
      <ul aria-label="Read-back per document">
        {result.outcomes.map((outcome) => (
          <OutcomeItem key={outcome.resourceId} outcome={outcome} />
        ))}
      </ul>
    </div>
  );
}
