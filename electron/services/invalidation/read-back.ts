/**
 * The truth after a send: the document's current status and the Provenance resources that
 * target it, read from the environment. Success is claimed only when the status is
 * entered-in-error and our own Provenance (meta.source = this request) is there. Each message
 * leads with the verdict (review 10): it is what the operator acts on.
 */
import type { InvalidationState } from '../../../shared/invalidation/audit-records';
import { isFromRequest } from '../../../shared/invalidation/provenance';
import type { EnvironmentConnection } from '../environments/connection';

export interface ReadBack {
  readonly state: InvalidationState;
  readonly message: string;
  readonly provenanceId?: string;
}

/**
 * Reads `resourceId` and its Provenance back. Deliberately without the caller's cancel signal:
 * once a request may have been sent, learning its fate matters more than stopping quickly (each
 * read still has the client's deadline and bounded retries).
 */
export async function readBack(
  connection: EnvironmentConnection,
  resourceId: string,
  requestId: string,
): Promise<ReadBack> {
  const target = `DocumentReference/${resourceId}`;
  const document = await connection.read(resourceId);
  if (!document.ok)
    return {
      state: 'unknown',
      message: `Not known whether ${target} was invalidated: it could not be read back (${document.error.message}). Check it before trying again.`,
    };
  const provenances = await connection.provenanceFor(resourceId);
  if (!provenances.ok)
    return {
      state: 'unknown',
      message: `Not known whether ${target} was invalidated: its Provenance could not be read back (${provenances.error.message}). Check it before trying again.`,
    };
  const ours = provenances.value.find((provenance) => isFromRequest(provenance, requestId));
  const status = document.value.reference.status;
  const provenanceId = ours?.id ? { provenanceId: ours.id } : {};
  if (status === 'entered-in-error' && ours)
    return {
      state: 'invalidated',
      message: `${target} is invalidated: the read-back shows status entered-in-error and Provenance/${ours.id ?? '?'}.`,
      ...provenanceId,
    };
  if (status === 'entered-in-error')
    return {
      state: 'invalidated-by-other',
      message: `${target} invalidated, but not by this request: the read-back shows status entered-in-error and ${provenances.value.length} other Provenance; it was invalidated earlier or by someone else.`,
    };
  if (ours)
    return {
      state: 'unknown',
      message: `Not known whether ${target} was invalidated: the environment stored Provenance/${ours.id ?? '?'} for it, but the read-back shows status ${status}; ask the environment's administrators before trying again.`,
      ...provenanceId,
    };
  return {
    state: 'not-invalidated',
    message: `${target} not invalidated: the read-back shows status ${status} and no Provenance from this request.`,
  };
}
