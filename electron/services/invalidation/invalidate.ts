/**
 * Invalidating test documents (issue 5): preflight → explicit confirmation → for each document a
 * write-ahead attempt record (durable before sending; no record, no request) → one POST of the
 * Provenance with a fresh client request id (If-None-Exist keyed on it) → a read-back of the
 * document and its Provenance → the outcome record. A write is never retried: after a failure the
 * read-back tells the true state and the operator decides. A set stops at the first failed send.
 * A caller's InvalidationControl (control.ts) stops a run between documents or abandons it, and
 * every attempt still gets exactly one outcome.
 */
import {
  attemptEvent,
  attemptOutcomeEvent,
  type InvalidationState,
} from '../../../shared/invalidation/audit-records';
import { checkConfirmation } from '../../../shared/invalidation/confirmation';
import { ifNoneExistFor } from '../../../shared/invalidation/provenance';
import { err, ok, type AppError, type Result } from '../../../shared/result';
import { environmentErrorCodes } from '../environments/connection';
import { cannotRecordNow } from './control';
import { previewProvenance, preflightDocuments } from './prepare';
import { readBack, type ReadBack } from './read-back';
import { recordRefusals } from './refusals';
import type {
  BatchOutcome,
  DocumentOutcome,
  InvalidationDeps,
  InvalidationOrder,
  PreparedDocument,
  PreparedSet,
} from './types';

/**
 * Errors after which the request may have reached the server: the truth must be read back. The
 * client promises that every other error means nothing was sent (refused, unreachable, calendar).
 */
const mayHaveArrived: ReadonlySet<string> = new Set([
  environmentErrorCodes.ambiguousWrite,
  environmentErrorCodes.httpStatus,
  environmentErrorCodes.badResponse,
]);

function notSent(error: AppError): ReadBack {
  return {
    state: 'not-invalidated',
    message: `The request was not sent (${error.message}); the document was not invalidated.`,
  };
}

/** The attempt is durable but the run was stopped before its request left: nothing was sent. */
const stoppedBeforeSending: ReadBack = {
  state: 'not-invalidated',
  message: 'Not sent: the run was interrupted before the request was sent.',
};

/**
 * Why a document was read back, after the verdict: the client's own words, without its advice to
 * read back (done by now).
 */
function whyReadBack(error: AppError): string {
  return `Why it was read back: ${error.message.replace(/ Read the target back before trying again\.$/, '')}`;
}

/** Sends the Provenance once and reads the document back when the request may have arrived. */
async function sendAndReadBack(
  deps: InvalidationDeps,
  document: PreparedDocument,
  requestId: string,
): Promise<{ readonly final: ReadBack; readonly sendError?: AppError }> {
  const { resourceId } = document;
  deps.onProgress?.({ stage: 'sending', resourceId, requestId });
  const provenance = previewProvenance(deps, resourceId, document.title, requestId);
  const sent = await deps.connection.invalidate(provenance, {
    requestId,
    ifNoneExist: ifNoneExistFor(requestId),
    ...(deps.signal ? { signal: deps.signal } : {}),
  });
  if (!sent.ok && !mayHaveArrived.has(sent.error.code))
    return { final: notSent(sent.error), sendError: sent.error };
  deps.onProgress?.({ stage: 'verifying', resourceId, requestId });
  const final = await readBack(deps.connection, resourceId, requestId);
  if (sent.ok) return { final };
  // The verdict first: it is what the operator acts on; the failure only explains the read-back.
  return {
    final: { ...final, message: `${final.message} ${whyReadBack(sent.error)}` },
    sendError: sent.error,
  };
}

async function invalidateOne(
  deps: InvalidationDeps,
  document: PreparedDocument,
  order: InvalidationOrder,
): Promise<Result<DocumentOutcome>> {
  const { resourceId } = document;
  const { control } = deps;
  const requestId = (deps.newRequestId ?? (() => crypto.randomUUID()))();
  const attempt = attemptEvent(deps.audit.context, {
    resourceId,
    ...(document.hetu ? { hetu: document.hetu } : {}),
    reason: order.reason,
    requestId,
  });
  control?.recordingAttempt(resourceId);
  const recorded = await deps.audit.record(attempt, 'the invalidation was not sent');
  if (!recorded.ok) {
    control?.closed();
    return recorded;
  }
  const outcomeOf = (state: InvalidationState, message: string) =>
    attemptOutcomeEvent(attempt, recorded.value.sequence, state, message, deps.now());
  // From here the attempt must get exactly one outcome, even if the caller has to end at once.
  control?.opened(resourceId, (message) =>
    (deps.audit.recordNow ?? cannotRecordNow)(outcomeOf('unknown', message)),
  );
  const { final, sendError } = control?.isStopped
    ? { final: stoppedBeforeSending, sendError: undefined }
    : await sendAndReadBack(deps, document, requestId);
  if (control?.isAbandoned)
    return err('invalidation-abandoned', 'The run was abandoned; the outcome was recorded then.');
  control?.recordingOutcome();
  const outcomeRecord = await deps.audit.record(
    outcomeOf(final.state, final.message),
    'the outcome was not recorded',
  );
  control?.closed();
  const outcome: DocumentOutcome = {
    resourceId,
    state: final.state,
    message: final.message,
    requestId,
    ...(final.provenanceId ? { provenanceId: final.provenanceId } : {}),
    attemptSequence: recorded.value.sequence,
    ...(outcomeRecord.ok
      ? { outcomeSequence: outcomeRecord.value.sequence }
      : { auditError: outcomeRecord.error.message }),
    ...(sendError ? { sendError } : {}),
  };
  deps.onProgress?.({ stage: 'done', outcome });
  return ok(outcome);
}

/**
 * Invalidates a prepared set after checking the confirmation. `err` when nothing was sent
 * because the confirmation is missing or wrong, or the journal refused the first attempt record;
 * preflight refusals are outcomes (state `refused`).
 */
export async function invalidatePrepared(
  deps: InvalidationDeps,
  set: PreparedSet,
  order: InvalidationOrder,
): Promise<Result<BatchOutcome>> {
  // A refused set is refused whatever was confirmed: the findings say more than a typo would.
  if (!set.isAllowed) return ok(await recordRefusals(deps, set, order.reason));
  const confirmed = checkConfirmation(
    set.documents.map((document) => document.resourceId),
    order.confirmation,
  );
  if (!confirmed.ok) return confirmed;
  const outcomes: DocumentOutcome[] = [];
  for (const document of set.documents) {
    if (deps.control?.isStopped) return ok(interrupted(set, outcomes));
    const outcome = await invalidateOne(deps, document, order);
    if (!outcome.ok) {
      if (outcomes.length === 0) return outcome;
      return ok(stopped(set, outcomes, document.resourceId, outcome.error.message, deps));
    }
    outcomes.push(outcome.value);
    if (outcome.value.sendError || outcome.value.state !== 'invalidated')
      return ok(stopped(set, outcomes, document.resourceId, outcome.value.message, deps));
  }
  return ok(deps.control?.isStopped ? interrupted(set, outcomes) : { outcomes, isComplete: true });
}

/** The rest of a set after an interruption: not sent. */
function interrupted(set: PreparedSet, done: readonly DocumentOutcome[]): BatchOutcome {
  const skipped = notAttempted(set, done, 'Not sent: the run was interrupted before it.');
  const outcomes = [...done, ...skipped];
  const isComplete = outcomes.every((outcome) => outcome.state === 'invalidated');
  return { outcomes, isComplete, isInterrupted: true };
}

function notAttempted(
  set: PreparedSet,
  done: readonly DocumentOutcome[],
  message: string,
): DocumentOutcome[] {
  return set.documents
    .filter((document) => !done.some((outcome) => outcome.resourceId === document.resourceId))
    .map((document) => ({
      resourceId: document.resourceId,
      state: 'not-attempted' as const,
      message,
    }));
}

function stopped(
  set: PreparedSet,
  done: readonly DocumentOutcome[],
  at: string,
  why: string,
  deps: Pick<InvalidationDeps, 'control'>,
): BatchOutcome {
  const skipped = notAttempted(
    set,
    done,
    `Not sent: the set stopped at DocumentReference/${at} (${why})`,
  );
  return {
    outcomes: [...done, ...skipped],
    isComplete: false,
    stoppedAt: at,
    ...(deps.control?.isStopped ? { isInterrupted: true } : {}),
  };
}

/** One document: preflight, confirmation (its id), send, read-back. */
export async function invalidateDocument(
  deps: InvalidationDeps,
  resourceId: string,
  order: InvalidationOrder,
): Promise<Result<DocumentOutcome>> {
  const result = await invalidateBatch(deps, [resourceId], order);
  if (!result.ok) return result;
  const [outcome] = result.value.outcomes;
  return outcome ? ok(outcome) : err('invalidation-failed', 'No outcome was produced.');
}

/** A set: preflight of every document, one confirmation, per-document outcomes. */
export async function invalidateBatch(
  deps: InvalidationDeps,
  resourceIds: readonly string[],
  order: InvalidationOrder,
): Promise<Result<BatchOutcome>> {
  const prepared = await preflightDocuments(deps, resourceIds);
  if (!prepared.ok) return prepared;
  return invalidatePrepared(deps, prepared.value, order);
}
