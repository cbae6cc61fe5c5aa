/**
 * Wording the command line and the dialog share (review 11, findings 3 and 11), so both name a
 * document's patient and sum up a run in the same words.
 */
import { parseHetu } from '../identity/hetu';
import type { InvalidationEnvironment } from '../ipc/invalidation-types';
import type { InvalidationState } from './audit-records';

/**
 * The patient by identity code, shown only when it is a 900-series test code: any other code may
 * be a real person's (preflight refuses such a document and does not repeat the code either).
 */
export function patientText(hetu: string | undefined): string {
  if (hetu === undefined) return 'patient: no identity code';
  const check = parseHetu(hetu);
  return check.valid && check.isTestCode
    ? `patient ${hetu}`
    : 'patient: not a test identity code (not shown)';
}

/** The environment: name, kind, base URL and the test flag. */
export function environmentText(environment: InvalidationEnvironment): string {
  const isTest = environment.isTestEnvironment ? 'yes' : 'no';
  return `${environment.displayName} (kind ${environment.kind}, ${environment.baseUrl}, test environment: ${isTest})`;
}

/** What the summary needs of a finished run. */
export interface RunSummaryInput {
  readonly outcomes: readonly { readonly state: InvalidationState }[];
  readonly stoppedAt?: string;
}

/**
 * `N of M invalidated.`, and where a set stopped. Only a set stops somewhere: for one document
 * its own line already says what happened (and there are no later documents).
 */
export function runSummary(run: RunSummaryInput): string {
  const invalidated = run.outcomes.filter((outcome) => outcome.state === 'invalidated').length;
  const stopped =
    run.stoppedAt && run.outcomes.length > 1
      ? ` Stopped at DocumentReference/${run.stoppedAt}.`
      : '';
  return `${invalidated} of ${run.outcomes.length} invalidated.${stopped}`;
}
