/**
 * The explicit confirmation an invalidation needs (issue 5): for one document its id, typed
 * again; for a set one token that names the set, so a confirmation given for one selection can
 * never carry over to another (`set-<count>-<first 10 hex of SHA-256 over the sorted ids>`).
 */
import { sha256Hex } from '../crypto/sha256';
import { encodeUtf8 } from '../crypto/utf8';
import { err, ok, type Result } from '../result';

/** What the operator must type to confirm invalidating exactly `resourceIds`. */
export function confirmationToken(resourceIds: readonly string[]): string {
  const unique = [...new Set(resourceIds)].sort();
  if (unique.length === 1) return unique[0] ?? '';
  const digest = sha256Hex(encodeUtf8(unique.join('\n'))).slice(0, 10);
  return `set-${unique.length}-${digest}`;
}

/** Checks a typed confirmation against the set it must name. */
export function checkConfirmation(
  resourceIds: readonly string[],
  typed: string | undefined,
): Result<void> {
  const expected = confirmationToken(resourceIds);
  if (typed === undefined || typed === '')
    return err(
      'invalidation-not-confirmed',
      `Invalidation needs explicit confirmation: repeat ${resourceIds.length === 1 ? 'the document id' : 'the set token'} ${expected}.`,
    );
  if (typed !== expected)
    return err(
      'invalidation-confirmation-mismatch',
      `The confirmation '${typed}' does not match ${expected}; nothing was invalidated.`,
    );
  return ok(undefined);
}
