/**
 * What the audit journal remembers of earlier invalidation attempts (review 11, finding 2): the
 * next preflight of a document must not forget an attempt whose outcome is unknown, or that has
 * none (a run still going, or one that ended without recording it). The journal says which
 * request it was; the environment's Provenance says whether that request landed.
 */
import type { ChainedRecord } from '../../../shared/audit/canonical';
import { ATTEMPT_SYSTEM, type AuditEvent } from '../../../shared/audit/event';
import { auditDocumentId, stateOfOutcome } from '../../../shared/invalidation/audit-records';
import { finnishTime, type PreflightFinding } from '../../../shared/invalidation/preflight';
import { isFromRequest, requestSource } from '../../../shared/invalidation/provenance';
import type { LastInvalidationAttempt } from '../../../shared/ipc/invalidation-types';
import type { EnvironmentConnection } from '../environments/connection';

const requestPrefix = requestSource('');

function identifierValues(event: AuditEvent, system?: string): string[] {
  return event.entity.flatMap((entity) => {
    const id = entity.what.identifier;
    return id && (system === undefined || id.system === system) ? [id.value] : [];
  });
}

/** The request an attempt (or its outcome) names, from its `urn:uuid:` request entity. */
function requestIdOf(event: AuditEvent): string | undefined {
  const request = event.entity.find((entity) => entity.name === 'request');
  const value = request?.what.identifier?.value;
  return value?.startsWith(requestPrefix) ? value.slice(requestPrefix.length) : undefined;
}

function environmentOf(event: AuditEvent): string | undefined {
  return event.agent.find((agent) => agent.network)?.network?.address;
}

/**
 * The last attempt on `resourceId` in the environment at `baseUrl` (the same resource ids exist
 * in many environments), with its last outcome if one was recorded. Refusals are not attempts.
 */
export function lastAttemptOn(
  records: readonly ChainedRecord[],
  resourceId: string,
  baseUrl: string,
): LastInvalidationAttempt | undefined {
  const documentId = auditDocumentId(resourceId);
  let last: { readonly sequence: number; readonly attempt: LastInvalidationAttempt } | undefined;
  for (const { sequence, event } of records) {
    if (event.action !== 'U' || environmentOf(event) !== baseUrl) continue;
    if (!identifierValues(event).includes(documentId)) continue;
    const requestId = requestIdOf(event);
    if (requestId === undefined) continue;
    const [link] = identifierValues(event, ATTEMPT_SYSTEM);
    if (link === undefined) {
      last = { sequence, attempt: { recorded: event.recorded, requestId } };
      continue;
    }
    if (last === undefined || Number(link) !== last.sequence) continue;
    const state = stateOfOutcome(event);
    const message = (event.outcomeDesc ?? '').replace(/^[a-z-]+: /, '');
    last = { ...last, attempt: { ...last.attempt, ...(state ? { state } : {}), message } };
  }
  return last?.attempt;
}

/** True when the attempt's fate was never settled: its outcome is unknown, or missing. */
export function isUnsettled(attempt: LastInvalidationAttempt | undefined): boolean {
  return attempt !== undefined && (attempt.state === undefined || attempt.state === 'unknown');
}

/**
 * The finding for an unsettled attempt, after reading the document's Provenance now: refused as
 * already invalidated when that request's Provenance is there (it did land), else a warning with
 * the attempt's time, request id and what the read-back shows.
 */
export async function unsettledAttemptFinding(
  connection: EnvironmentConnection,
  resourceId: string,
  status: string,
  attempt: LastInvalidationAttempt,
  signal?: AbortSignal,
): Promise<PreflightFinding> {
  const target = `DocumentReference/${resourceId}`;
  const fate =
    attempt.state === 'unknown' ? 'ended with its outcome unknown' : 'has no outcome recorded';
  const when = `${finnishTime(new Date(attempt.recorded))} Finnish time (request id ${attempt.requestId})`;
  const provenances = await connection.provenanceFor(resourceId, signal ? { signal } : {});
  if (!provenances.ok)
    return {
      code: 'open-attempt',
      severity: 'warning',
      message: `The attempt of ${when} to invalidate ${target} ${fate}, and its Provenance could not be read now (${provenances.error.message}). Check the document before invalidating it again.`,
    };
  const landed = provenances.value.find((provenance) =>
    isFromRequest(provenance, attempt.requestId),
  );
  if (landed)
    return {
      code: 'already-invalidated',
      severity: 'block',
      message: `${target} is already invalidated: the attempt of ${when}, which ${fate}, did land (Provenance/${landed.id ?? '?'} from that request is there; status ${status}).`,
    };
  return {
    code: 'open-attempt',
    severity: 'warning',
    message: `The attempt of ${when} to invalidate ${target} ${fate}. Read back now: status ${status} and no Provenance from that request, so it has not landed${attempt.state === undefined ? ' (yet: that run may still be going)' : ''}.`,
  };
}
