/**
 * Refusals are audited (U, outcome 4) wherever they happen: in a run (the command line, or the
 * app's run when preflight refuses it the second time) and in the app's preflight, which refuses
 * before a reason is chosen (review 11, finding 13). Best effort: the refusal stands even if the
 * journal fails, and the outcome says so.
 */
import { refusalEvent } from '../../../shared/invalidation/audit-records';
import type { InvalidationReason } from '../../../shared/invalidation/reasons';
import type {
  BatchOutcome,
  DocumentOutcome,
  InvalidationDeps,
  PreparedDocument,
  PreparedSet,
} from './types';

function blockingText(document: PreparedDocument, set: PreparedSet): string {
  const own = document.findings.filter((finding) => finding.severity === 'block');
  if (own.length > 0) return own.map((finding) => finding.message).join(' ');
  return `Not sent: another document of the set (${set.documents.length}) was refused in preflight.`;
}

/** Records each document of a refused set as refused, with `reason` when one was given. */
export async function recordRefusals(
  deps: Pick<InvalidationDeps, 'audit'>,
  set: PreparedSet,
  reason?: InvalidationReason,
): Promise<BatchOutcome> {
  const outcomes: DocumentOutcome[] = [];
  for (const document of set.documents) {
    const message = blockingText(document, set);
    const input = {
      resourceId: document.resourceId,
      ...(document.hetu ? { hetu: document.hetu } : {}),
      ...(reason ? { reason } : {}),
    };
    const recorded = await deps.audit.record(
      refusalEvent(deps.audit.context, input, message),
      'the refusal was not recorded',
    );
    outcomes.push({
      resourceId: document.resourceId,
      state: 'refused',
      message,
      ...(recorded.ok ? { attemptSequence: recorded.value.sequence } : {}),
      ...(recorded.ok ? {} : { auditError: recorded.error.message }),
    });
  }
  return { outcomes, isComplete: false };
}
