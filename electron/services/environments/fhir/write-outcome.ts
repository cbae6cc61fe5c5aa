/**
 * What a write's single attempt means. Writes are never retried: a write that may have reached
 * the server and then failed says so (`env-ambiguous-write`) instead of being sent again blindly,
 * because the server may already have carried it out.
 */
import { err, type Result } from '../../../../shared/result';
import { environmentErrorCodes } from '../connection';
import { resourceAnswer, statusError, type FhirResponse } from './answers';
import type { Attempt } from './fhir-attempt';

/** The result of write `what` ("POST /path") from its one attempt. */
export function writeOutcome<T>(
  result: Attempt,
  what: string,
  serverName: string,
): Result<FhirResponse<T>> {
  if (result.kind === 'refused') return { ok: false, error: result.error };
  if (result.kind === 'failed') {
    if (!result.mayHaveReachedServer || result.error.code === environmentErrorCodes.badResponse)
      return { ok: false, error: result.error };
    return ambiguous(serverName, what, result.happened);
  }
  const { answer } = result;
  if (answer.status >= 200 && answer.status < 300)
    return resourceAnswer<T>(answer, what, serverName);
  // A gateway timeout answers for a server that may still have done the work.
  if (answer.status === 504)
    return ambiguous(serverName, what, 'a gateway answered 504 Gateway Timeout');
  return { ok: false, error: statusError(answer, what, serverName) };
}

function ambiguous<T>(serverName: string, what: string, why: string): Result<T> {
  return err(
    environmentErrorCodes.ambiguousWrite,
    `It is not known whether ${serverName} carried out ${what}: the request was sent, then ${why}. Read the target back before trying again.`,
  );
}
