import { describe, expect, it } from 'vitest';
import {
  invalidationPreflightField,
  invalidationRunField,
  maxInvalidationBatch,
} from '../../../../shared/ipc/invalidation-requests';

const run = {
  profileId: 'sandbox',
  runId: 'run-1',
  resourceIds: ['seed-doc-1'],
  reason: { code: 'other', comment: 'broken test data' },
  confirmation: 'seed-doc-1',
};

describe('invalidation request validators', () => {
  it('accepts a preflight and a run of the right shape', () => {
    expect(
      invalidationPreflightField({ profileId: 'sandbox', resourceIds: ['a', 'b'] }, 'request'),
    ).toEqual({ ok: true, value: { profileId: 'sandbox', resourceIds: ['a', 'b'] } });
    expect(invalidationRunField(run, 'request')).toEqual({ ok: true, value: run });
  });

  it.each([
    [
      { profileId: 'sandbox', resourceIds: [] },
      'request.resourceIds must name 1 to 100 documents, not 0.',
    ],
    [
      { profileId: 'sandbox', resourceIds: 'seed-doc-1' },
      'request.resourceIds must be a list of document ids.',
    ],
    [
      { profileId: 'sandbox', resourceIds: ['../x'] },
      'request.resourceIds[0] must be a FHIR resource id.',
    ],
    [
      { profileId: 'Sandbox', resourceIds: ['a'] },
      'request.profileId must be a profile name (lower-case letters, digits and dashes).',
    ],
    [
      { profileId: 'sandbox', resourceIds: ['a'], extra: 1 },
      "request has an unknown field 'extra'.",
    ],
  ])('refuses a bad preflight with a sentence: %j', (raw, message) => {
    expect(invalidationPreflightField(raw, 'request')).toEqual({
      ok: false,
      error: { code: 'invalid-request', message },
    });
  });

  it('refuses a batch larger than a table selection is meant to be', () => {
    const ids = Array.from({ length: maxInvalidationBatch + 1 }, (_, index) => `doc-${index}`);
    const result = invalidationPreflightField({ profileId: 'sandbox', resourceIds: ids }, 'r');
    expect(result.ok ? '' : result.error.message).toBe(
      `r.resourceIds must name 1 to 100 documents, not ${maxInvalidationBatch + 1}.`,
    );
  });

  it.each([
    [
      { ...run, reason: { code: 'because' } },
      /request\.reason\.code must be one of correction-impossible/,
    ],
    [
      { ...run, reason: { code: 'other', comment: 5 } },
      /request\.reason\.comment must be a string/,
    ],
    [{ ...run, confirmation: undefined }, /request\.confirmation must be a string/],
    [{ ...run, runId: 'a b' }, /request\.runId must be letters, digits and dashes/],
  ])('refuses a bad run: %j', (raw, message) => {
    const result = invalidationRunField(raw, 'request');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(message);
  });
});
