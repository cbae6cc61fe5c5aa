/**
 * Validators for the invalidation channels' requests. Shapes only: a reason's comment rules
 * (required for `other`, one line) are checked again by `parseInvalidationReason` in the
 * workspace, which answers with the sentence the dialog shows.
 */
import { invalidationReasonCodes, maxCommentLength } from '../invalidation/reasons';
import { err, ok, type Result } from '../result';
import type { InvalidationPreflightRequest, InvalidationRunRequest } from './invalidation-types';
import { objectOf, oneOfField, optional, stringField, type Validator } from './validate';
import { profileIdField, resourceIdField, searchIdField } from './workspace-requests';

/** A batch is a multi-selection from one table, not a bulk job. */
export const maxInvalidationBatch = 100;

const resourceIdsField: Validator<readonly string[]> = (raw, path): Result<readonly string[]> => {
  if (!Array.isArray(raw)) return err('invalid-request', `${path} must be a list of document ids.`);
  if (raw.length === 0 || raw.length > maxInvalidationBatch)
    return err(
      'invalid-request',
      `${path} must name 1 to ${maxInvalidationBatch} documents, not ${raw.length}.`,
    );
  const ids: string[] = [];
  for (const [index, item] of raw.entries()) {
    const id = resourceIdField(item, `${path}[${index}]`);
    if (!id.ok) return id;
    ids.push(id.value);
  }
  return ok(ids);
};

const reasonField = objectOf({
  code: oneOfField(invalidationReasonCodes),
  comment: optional(stringField({ maxLength: maxCommentLength + 100 })),
});

export const invalidationPreflightField: Validator<InvalidationPreflightRequest> = objectOf({
  profileId: profileIdField,
  resourceIds: resourceIdsField,
});

export const invalidationRunField: Validator<InvalidationRunRequest> = objectOf({
  profileId: profileIdField,
  runId: searchIdField,
  resourceIds: resourceIdsField,
  reason: reasonField,
  confirmation: stringField({ maxLength: 128 }),
});
