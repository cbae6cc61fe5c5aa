import { describe, expect, it } from 'vitest';
import { invalidationProfile } from '../../../../shared/fhir/resources';
import { checkConfirmation, confirmationToken } from '../../../../shared/invalidation/confirmation';
import {
  buildInvalidationProvenance,
  ifNoneExistFor,
  isFromRequest,
} from '../../../../shared/invalidation/provenance';
import {
  describeReason,
  invalidationReasonCodes,
  invalidationReasonLabels,
  parseInvalidationReason,
} from '../../../../shared/invalidation/reasons';
import { provenanceProblems } from '../../../../electron/sandbox/provenance';

const requestId = '6f1c2b4e-3d5a-4e8f-9a0b-1c2d3e4f5a6b';
const recorded = new Date('2026-11-28T10:00:00Z');

describe('invalidation reasons', () => {
  it('has the six coded reasons with Finnish and English labels', () => {
    expect(invalidationReasonCodes).toEqual([
      'correction-impossible',
      'wrong-patient',
      'wrong-document',
      'duplicate',
      'test-data-cleanup',
      'other',
    ]);
    for (const code of invalidationReasonCodes) {
      const label = invalidationReasonLabels[code];
      expect(label.fi.length).toBeGreaterThan(3);
      expect(label.en.length).toBeGreaterThan(3);
      expect(label.fi).not.toBe(label.en);
    }
  });

  it('accepts a known code with or without a comment, trimming the comment', () => {
    expect(parseInvalidationReason('duplicate')).toEqual({
      ok: true,
      value: { code: 'duplicate' },
    });
    expect(parseInvalidationReason('wrong-patient', '  test run 42 ')).toEqual({
      ok: true,
      value: { code: 'wrong-patient', comment: 'test run 42' },
    });
  });

  it.each([
    ['bogus', undefined, 'invalidation-unknown-reason', /not an invalidation reason; use one of/],
    ['other', undefined, 'invalidation-comment-required', /'other' needs a comment/],
    ['other', '   ', 'invalidation-comment-required', /'other' needs a comment/],
    ['duplicate', 'a\nb', 'invalidation-bad-comment', /control characters/],
    ['duplicate', 'x'.repeat(501), 'invalidation-bad-comment', /501 characters long; at most 500/],
  ])('refuses %s with comment %j in one sentence', (code, comment, errorCode, message) => {
    const parsed = parseInvalidationReason(code, comment);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.code).toBe(errorCode);
    expect(parsed.error.message).toMatch(message);
    expect(parsed.error.message.split('\n')).toHaveLength(1);
  });

  it('describes a reason in either language, with the comment', () => {
    expect(describeReason({ code: 'other', comment: 'väärä testiajo' }, 'fi')).toBe(
      'Muu syy (kuvaus pakollinen): väärä testiajo',
    );
    expect(describeReason({ code: 'duplicate' }, 'en')).toBe('Duplicate');
  });
});

describe('buildInvalidationProvenance', () => {
  const operator = { name: 'Tessa Testaaja', registrationNumber: '1234567' };

  it('has exactly the MitatointiProvenanceV2 elements', () => {
    const provenance = buildInvalidationProvenance({
      resourceId: 'd3',
      title: 'Lähete',
      recorded,
      requestId,
      operator,
      application: 'Archivist 0.1.0',
    });
    expect(provenance).toEqual({
      resourceType: 'Provenance',
      meta: { profile: [invalidationProfile], source: `urn:uuid:${requestId}` },
      target: [{ reference: 'DocumentReference/d3', display: 'Lähete' }],
      recorded: '2026-11-28T10:00:00.000Z',
      agent: [
        {
          type: {
            coding: [
              {
                system: 'http://terminology.hl7.org/CodeSystem/provenance-participant-type',
                code: 'author',
                display: 'Author',
              },
            ],
          },
          who: {
            reference: 'Practitioner/1234567',
            identifier: { system: 'urn:oid:1.2.246.537.26', value: '1234567' },
            display: 'Tessa Testaaja',
          },
        },
      ],
    });
    for (const forbidden of [
      'reason',
      'occurred',
      'occurredDateTime',
      'policy',
      'location',
      'text',
    ])
      expect(provenance).not.toHaveProperty(forbidden);
    // The sandbox's own profile check finds nothing wrong with it.
    expect(provenanceProblems(provenance as unknown as Record<string, unknown>)).toEqual([]);
  });

  it('names the application as a device when the profile has no operator, and omits an empty title', () => {
    const provenance = buildInvalidationProvenance({
      resourceId: 'd3',
      recorded,
      requestId,
      application: 'Archivist 0.1.0',
    });
    expect(provenance.target).toEqual([{ reference: 'DocumentReference/d3' }]);
    expect(provenance.agent[0]?.who).toEqual({
      reference: 'Device/archivist',
      display: 'Archivist 0.1.0',
    });
    expect(provenanceProblems(provenance as unknown as Record<string, unknown>)).toEqual([]);
  });

  it('keys the conditional create and the read-back on the request id', () => {
    expect(ifNoneExistFor(requestId)).toBe(`_source=urn%3Auuid%3A${requestId}`);
    const provenance = buildInvalidationProvenance({
      resourceId: 'd3',
      recorded,
      requestId,
      application: 'A',
    });
    expect(isFromRequest(provenance, requestId)).toBe(true);
    expect(isFromRequest(provenance, requestId.replace('6f', '7f'))).toBe(false);
    expect(isFromRequest({ ...provenance, meta: {} }, requestId)).toBe(false);
  });
});

describe('confirmation', () => {
  it('is the document id for one document', () => {
    expect(confirmationToken(['d3'])).toBe('d3');
    expect(checkConfirmation(['d3'], 'd3')).toEqual({ ok: true, value: undefined });
  });

  it('is a token naming the exact set for several, whatever their order', () => {
    const token = confirmationToken(['d1', 'd2', 'd3']);
    expect(token).toMatch(/^set-3-[0-9a-f]{10}$/);
    expect(confirmationToken(['d3', 'd1', 'd2', 'd1'])).toBe(token);
    expect(confirmationToken(['d1', 'd2', 'd4'])).not.toBe(token);
  });

  it('refuses a missing or different confirmation with a clear sentence', () => {
    expect(checkConfirmation(['d3'], undefined)).toMatchObject({
      ok: false,
      error: {
        code: 'invalidation-not-confirmed',
        message: expect.stringMatching(/repeat the document id d3/),
      },
    });
    expect(checkConfirmation(['d3'], 'd4')).toMatchObject({
      ok: false,
      error: {
        code: 'invalidation-confirmation-mismatch',
        message: "The confirmation 'd4' does not match d3; nothing was invalidated.",
      },
    });
    const token = confirmationToken(['d1', 'd2']);
    expect(checkConfirmation(['d1', 'd2', 'd3'], token).ok).toBe(false);
  });
});
