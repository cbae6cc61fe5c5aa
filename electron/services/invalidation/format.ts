/** Plain-text views of a preflight and of outcomes, for the command line (and logs). */
import type { EnvironmentProfile } from '../../../shared/environments/profile';
import { parseHetu } from '../../../shared/identity/hetu';
import type { PreflightFinding } from '../../../shared/invalidation/preflight';
import type { BatchOutcome, DocumentOutcome, PreparedSet } from './types';

function findingLine(finding: PreflightFinding): string {
  return `  ${finding.severity === 'block' ? 'REFUSED' : 'warning'}: ${finding.message}`;
}

/** Where a run goes: what the dry run and a real run name before anything is sent. */
export type EnvironmentSummary = Pick<
  EnvironmentProfile,
  'displayName' | 'kind' | 'baseUrl' | 'isTestEnvironment'
>;

/** The environment in one line: name, kind, base URL and the test flag (review 10, finding 5). */
function environmentLine(environment: EnvironmentSummary): string {
  const isTest = environment.isTestEnvironment ? 'yes' : 'no';
  return `Environment: ${environment.displayName} (kind ${environment.kind}, ${environment.baseUrl}, test environment: ${isTest})`;
}

/**
 * The patient by identity code, shown only when it is a 900-series test code: any other code may
 * be a real person's (preflight refuses such a document and does not repeat the code either).
 */
function patientText(hetu: string | undefined): string {
  if (hetu === undefined) return 'patient: no identity code';
  const check = parseHetu(hetu);
  return check.valid && check.isTestCode
    ? `patient ${hetu}`
    : 'patient: not a test identity code (not shown)';
}

/** The environment, then one block per document: id, title, status, patient, every finding. */
export function formatTargets(set: PreparedSet, environment: EnvironmentSummary): string {
  const lines: string[] = [environmentLine(environment)];
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
export function formatPreflight(set: PreparedSet, environment: EnvironmentSummary): string {
  const last = set.isAllowed
    ? `Confirm with: ${confirmationHint(set)}`
    : 'Nothing can be invalidated until the refusals above are resolved.';
  return `${formatTargets(set, environment)}${last}\n`;
}

function outcomeLine(outcome: DocumentOutcome): string {
  const provenance = outcome.provenanceId ? ` (Provenance/${outcome.provenanceId})` : '';
  const audit = outcome.auditError ? ` [audit: ${outcome.auditError}]` : '';
  return `DocumentReference/${outcome.resourceId}: ${outcome.state}${provenance}. ${outcome.message}${audit}`;
}

/** One line per document, then a count. */
export function formatOutcomes(batch: BatchOutcome): string {
  const invalidated = batch.outcomes.filter((outcome) => outcome.state === 'invalidated').length;
  // Only a set stops somewhere; for one document its own line already says what happened.
  const stopped =
    batch.stoppedAt && batch.outcomes.length > 1
      ? ` Stopped at DocumentReference/${batch.stoppedAt}.`
      : '';
  const interrupted = batch.isInterrupted ? ' Interrupted.' : '';
  return `${[
    ...batch.outcomes.map(outcomeLine),
    `${invalidated} of ${batch.outcomes.length} invalidated.${stopped}${interrupted}`,
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
