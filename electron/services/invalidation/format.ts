/** Plain-text views of a preflight and of outcomes, for the command line (and logs). */
import { environmentText, patientText, runSummary } from '../../../shared/invalidation/run-wording';
import type { PreflightFinding } from '../../../shared/invalidation/preflight';
import type { BatchOutcome, DocumentOutcome, PreparedSet } from './types';

function findingLine(finding: PreflightFinding): string {
  return `  ${finding.severity === 'block' ? 'REFUSED' : 'warning'}: ${finding.message}`;
}

/** The environment, then one block per document: id, title, status, patient, every finding. */
export function formatTargets(set: PreparedSet): string {
  // Where it goes first (review 10, finding 5): name, kind, base URL and the test flag.
  const lines: string[] = [`Environment: ${environmentText(set.environmentDetails)}`];
  for (const document of set.documents) {
    const status = document.status ?? 'not read';
    const title = document.title ? ` "${document.title}"` : '';
    const patient = document.status === undefined ? '' : `, ${patientText(document.hetu)}`;
    const isBlocked = document.findings.some((finding) => finding.severity === 'block');
    lines.push(
      `DocumentReference/${document.resourceId}${title} (${status})${patient}: ${isBlocked ? 'refused' : 'allowed'}`,
    );
    lines.push(...document.findings.map(findingLine));
  }
  return `${lines.join('\n')}\n`;
}

/** What a real run needs to go ahead: `--yes` for one document, the set token for a set. */
export function confirmationHint(set: PreparedSet): string {
  return set.documents.length === 1 ? '--yes' : `--yes --confirm ${set.confirmationToken}`;
}

/** The dry run's text: the targets and findings, then how to confirm (or why nothing can be). */
export function formatPreflight(set: PreparedSet): string {
  const last = set.isAllowed
    ? `Confirm with: ${confirmationHint(set)}`
    : 'Nothing can be invalidated until the refusals above are resolved.';
  return `${formatTargets(set)}${last}\n`;
}

function outcomeLine(outcome: DocumentOutcome): string {
  const provenance = outcome.provenanceId ? ` (Provenance/${outcome.provenanceId})` : '';
  const audit = outcome.auditError ? ` [audit: ${outcome.auditError}]` : '';
  return `DocumentReference/${outcome.resourceId}: ${outcome.state}${provenance}. ${outcome.message}${audit}`;
}

/** One line per document, then a count (and where a set stopped). */
export function formatOutcomes(batch: BatchOutcome): string {
  const interrupted = batch.isInterrupted ? ' Interrupted.' : '';
  return `${[...batch.outcomes.map(outcomeLine), `${runSummary(batch)}${interrupted}`].join('\n')}\n`;
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

/** The one stderr line of a run the operator interrupted: how far it got. */
export function interruptedLine(batch: BatchOutcome): string {
  const count = (state: string) => batch.outcomes.filter((o) => o.state === state).length;
  const invalidated = count('invalidated');
  const notSent = count('not-attempted');
  const other = batch.outcomes.length - invalidated - notSent;
  const parts = [
    `${invalidated} of ${batch.outcomes.length} invalidated (read back)`,
    ...(other > 0 ? [`${other} not invalidated or not known`] : []),
    ...(notSent > 0 ? [`${notSent} not sent`] : []),
  ];
  return `Interrupted: ${parts.join(', ')}.`;
}
