/**
 * The audit records of an invalidation (issue 5, write-ahead rule): the attempt, durable before
 * the request is sent, and its outcome after, linked to the attempt by its sequence
 * (shared/audit/builders outcomeEvent). The attempt names the client request id, so the journal,
 * the server's log (`X-Request-Id`) and the Provenance (`meta.source`) all point at one write.
 */
import {
  invalidationEvent,
  outcomeEvent,
  type AuditContext,
  type Outcome,
} from '../audit/builders';
import type { AuditEntity, AuditEvent } from '../audit/event';
import { requestSource } from './provenance';
import { describeReason, type InvalidationReason } from './reasons';

/** What finally happened to one invalidation, as found by reading the document back. */
export type InvalidationState =
  /** The read-back shows entered-in-error and our Provenance: the one success. */
  | 'invalidated'
  /** The read-back shows the document not invalidated: the request had no effect. */
  | 'not-invalidated'
  /** Invalidated, but not by this request (someone else, or an earlier attempt). */
  | 'invalidated-by-other'
  /** The read-back failed as well: the true state is not known yet. */
  | 'unknown'
  /** Preflight or the confirmation refused it; nothing was sent. */
  | 'refused'
  /** A batch stopped before reaching this document; nothing was sent. */
  | 'not-attempted';

export interface AttemptInput {
  readonly resourceId: string;
  readonly hetu?: string;
  readonly reason: InvalidationReason;
  readonly requestId: string;
}

function requestEntity(requestId: string): AuditEntity {
  return {
    what: { identifier: { system: 'urn:ietf:rfc:3986', value: requestSource(requestId) } },
    type: { system: 'http://terminology.hl7.org/CodeSystem/audit-entity-type', code: '2' },
    role: { system: 'http://terminology.hl7.org/CodeSystem/object-role', code: '26' },
    name: 'request',
  };
}

/** The document id the journal records: the FHIR reference, as `audit list --document` takes it. */
export function auditDocumentId(resourceId: string): string {
  return `DocumentReference/${resourceId}`;
}

/** What a refusal names: the app refuses in preflight, before a reason is chosen. */
export type RefusalInput = Omit<AttemptInput, 'requestId' | 'reason'> & {
  readonly reason?: InvalidationReason;
};

/** The reason as code and English label (`duplicate (Duplicate)`), the comment apart. */
function eventInput(input: RefusalInput) {
  const { reason } = input;
  return {
    documentId: auditDocumentId(input.resourceId),
    ...(input.hetu ? { hetu: input.hetu } : {}),
    reason: reason
      ? `${reason.code} (${describeReason({ code: reason.code }, 'en')})`
      : 'none (refused in preflight, before a reason was chosen)',
    ...(reason?.comment ? { comment: reason.comment } : {}),
  };
}

/** The attempt, recorded before anything is sent. */
export function attemptEvent(ctx: AuditContext, input: AttemptInput): AuditEvent {
  const base = invalidationEvent(ctx, eventInput(input), {
    code: '0',
    description: 'attempt: recorded before the request was sent',
  });
  return { ...base, entity: [...base.entity, requestEntity(input.requestId)] };
}

/** AuditEvent outcome codes: 0 success, 4 minor failure (refused), 8 serious (not known / failed). */
export function outcomeCode(state: InvalidationState): Outcome['code'] {
  switch (state) {
    case 'invalidated':
      return '0';
    case 'refused':
    case 'not-attempted':
    case 'not-invalidated':
    case 'invalidated-by-other':
      return '4';
    case 'unknown':
      return '8';
  }
}

/**
 * The outcome, linked to its attempt. The description starts with the state word so that
 * `audit list --json` and the fault test can read the true outcome back without parsing prose.
 */
export function attemptOutcomeEvent(
  attempt: AuditEvent,
  attemptSequence: number,
  state: InvalidationState,
  message: string,
  now: Date,
): AuditEvent {
  return outcomeEvent(
    attempt,
    attemptSequence,
    { code: outcomeCode(state), description: `${state}: ${message}` },
    now,
  );
}

/** A refusal before any attempt (preflight findings, confirmation): recorded as a failed update. */
export function refusalEvent(ctx: AuditContext, input: RefusalInput, message: string): AuditEvent {
  return invalidationEvent(ctx, eventInput(input), {
    code: '4',
    description: `refused: ${message}`,
  });
}

/** The state word an outcome record starts with, if it is one. */
export function stateOfOutcome(event: AuditEvent): InvalidationState | undefined {
  const word = /^([a-z-]+):/.exec(event.outcomeDesc ?? '')?.[1];
  const states: readonly InvalidationState[] = [
    'invalidated',
    'not-invalidated',
    'invalidated-by-other',
    'unknown',
    'refused',
    'not-attempted',
  ];
  return states.find((state) => state === word);
}
