/** Plain-text views of a preflight and of outcomes, for the command line (and logs). */
import type { PreflightFinding } from '../../../shared/invalidation/preflight';
import type { BatchOutcome, DocumentOutcome, PreparedSet } from './types';

function findingLine(finding: PreflightFinding): string {
  return `  ${finding.severity === 'block' ? 'REFUSED' : 'warning'}: ${finding.message}`;
}

/** One block per document: id, title, status, and every finding. */
export function formatPreflight(set: PreparedSet): string {
  const lines: string[] = [`Environment: ${set.environment}`];
  for (const document of set.documents) {
    const status = document.status ?? 'not read';
    const title = document.title ? ` "${document.title}"` : '';
    const isBlocked = document.findings.some((finding) => finding.severity === 'block');
    lines.push(
      `DocumentReference/${document.resourceId}${title} (${status}): ${isBlocked ? 'refused' : 'allowed'}`,
    );
    lines.push(...document.findings.map(findingLine));
  }
  lines.push(
    set.isAllowed
      ? `Confirm with: --yes --confirm ${set.confirmationToken}`
      : 'Nothing can be invalidated until the refusals above are resolved.',
  );
  return `${lines.join('\n')}\n`;
}

function outcomeLine(outcome: DocumentOutcome): string {
  const provenance = outcome.provenanceId ? ` (Provenance/${outcome.provenanceId})` : '';
  const audit = outcome.auditError ? ` [audit: ${outcome.auditError}]` : '';
  return `DocumentReference/${outcome.resourceId}: ${outcome.state}${provenance}. ${outcome.message}${audit}`;
}

/** One line per document, then a count. */
export function formatOutcomes(batch: BatchOutcome): string {
  const invalidated = batch.outcomes.filter((outcome) => outcome.state === 'invalidated').length;
  const stopped = batch.stoppedAt ? ` Stopped at DocumentReference/${batch.stoppedAt}.` : '';
  return `${[
    ...batch.outcomes.map(outcomeLine),
    `${invalidated} of ${batch.outcomes.length} invalidated.${stopped}`,
  ].join('\n')}\n`;
}

/** The one stderr line of a run that did not invalidate everything. */
export function failureLine(batch: BatchOutcome): string {
  const first = batch.outcomes.find((outcome) => outcome.state !== 'invalidated');
  if (!first) return '';
  const count = batch.outcomes.filter((outcome) => outcome.state !== 'invalidated').length;
  const others = count > 1 ? ` (${count - 1} more not invalidated)` : '';
  const subject = `DocumentReference/${first.resourceId}`;
  // Preflight messages already name the document and say why it was refused: said once.
  const line = first.message.includes(subject)
    ? first.message
    : `${subject} ${first.state}: ${first.message}`;
  return `${line}${others}`.replace(/[\r\n]+\s*/g, ' ');
}
