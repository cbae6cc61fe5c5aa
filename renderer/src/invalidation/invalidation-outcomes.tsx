/**
 * The read-back result per document after a run: the state in words, the environment's
 * sentence, and the ids that tie it to the audit trail and the environment's log.
 */
import type {
  InvalidationOutcome,
  InvalidationRunResult,
} from '../../../shared/ipc/invalidation-types';

const stateLabels: Record<InvalidationOutcome['state'], string> = {
  invalidated: 'Invalidated',
  'not-invalidated': 'Not invalidated',
  'invalidated-by-other': 'Invalidated by someone else',
  unknown: 'State unknown',
  refused: 'Refused',
  'not-attempted': 'Not attempted',
};

export function InvalidationOutcomes({ result }: { readonly result: InvalidationRunResult }) {
  return (
    <div className="invalidation-outcomes">
      <p role="status">
        {result.isComplete
          ? `Done: ${result.outcomes.length === 1 ? 'the document is' : `all ${result.outcomes.length} documents are`} invalidated, confirmed by reading back.`
          : result.stoppedAt
            ? `Stopped at DocumentReference/${result.stoppedAt}; later documents were not sent.`
            : 'Not every document was invalidated; see below.'}
      </p>
      <ul aria-label="Read-back per document">
        {result.outcomes.map((outcome) => (
          <li
            key={outcome.resourceId}
            className={`outcome outcome-${outcome.state}`}
            data-state={outcome.state}
          >
            <strong>{stateLabels[outcome.state]}</strong> DocumentReference/{outcome.resourceId}:{' '}
            {outcome.message}
            {outcome.provenanceId && (
              <span className="muted"> Provenance/{outcome.provenanceId}.</span>
            )}
            {outcome.requestId && <span className="muted"> Request id {outcome.requestId}.</span>}
            {outcome.auditError && (
              <span className="outcome-audit-error"> Audit trail: {outcome.auditError}</span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
