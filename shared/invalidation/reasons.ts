/**
 * Why a test document is invalidated: a coded list with Finnish and English labels (issue 5).
 * MitatointiProvenanceV2 forbids `Provenance.reason` (DOMAIN.md §3), so the reason never travels
 * to the environment; it is recorded in the audit trail, where it proves why the act was done.
 */
import { err, ok, type Result } from '../result';

export const invalidationReasonCodes = [
  'correction-impossible',
  'wrong-patient',
  'wrong-document',
  'duplicate',
  'test-data-cleanup',
  'other',
] as const;
export type InvalidationReasonCode = (typeof invalidationReasonCodes)[number];

export interface InvalidationReasonLabel {
  readonly fi: string;
  readonly en: string;
}

export const invalidationReasonLabels: Readonly<
  Record<InvalidationReasonCode, InvalidationReasonLabel>
> = {
  'correction-impossible': {
    fi: 'Korjaaminen ei ole mahdollista',
    en: 'Correction is not possible',
  },
  'wrong-patient': { fi: 'Väärä potilas', en: 'Wrong patient' },
  'wrong-document': { fi: 'Väärä asiakirja', en: 'Wrong document' },
  duplicate: { fi: 'Kaksoiskappale', en: 'Duplicate' },
  'test-data-cleanup': { fi: 'Testiaineiston siivous', en: 'Test data clean-up' },
  other: { fi: 'Muu syy (kuvaus pakollinen)', en: 'Other (a description is required)' },
};

/** A chosen reason; `comment` is required for `other` and optional otherwise. */
export interface InvalidationReason {
  readonly code: InvalidationReasonCode;
  readonly comment?: string;
}

/** Long enough for a sentence or two; the audit record is not a place for documents. */
export const maxCommentLength = 500;

export const invalidationReasonErrors = {
  unknownReason: 'invalidation-unknown-reason',
  commentRequired: 'invalidation-comment-required',
  badComment: 'invalidation-bad-comment',
} as const;

function isReasonCode(code: string): code is InvalidationReasonCode {
  return (invalidationReasonCodes as readonly string[]).includes(code);
}

/** Checks a reason code and comment as a user typed them. */
export function parseInvalidationReason(
  code: string,
  comment?: string,
): Result<InvalidationReason> {
  if (!isReasonCode(code))
    return err(
      invalidationReasonErrors.unknownReason,
      `'${code}' is not an invalidation reason; use one of ${invalidationReasonCodes.join(', ')}.`,
    );
  const text = comment?.trim() ?? '';
  if (text.length > maxCommentLength)
    return err(
      invalidationReasonErrors.badComment,
      `The comment is ${text.length} characters long; at most ${maxCommentLength} are allowed.`,
    );
  // Control characters would let a comment forge extra lines in a CSV export or a terminal.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(text))
    return err(
      invalidationReasonErrors.badComment,
      'The comment contains control characters (line breaks, tabs); write it on one line.',
    );
  if (code === 'other' && text === '')
    return err(
      invalidationReasonErrors.commentRequired,
      "The reason 'other' needs a comment that says why the document is invalidated.",
    );
  return ok(text === '' ? { code } : { code, comment: text });
}

/** The reason as one line for messages: its label, then the comment when there is one. */
export function describeReason(reason: InvalidationReason, language: 'fi' | 'en'): string {
  const label = invalidationReasonLabels[reason.code][language];
  return reason.comment ? `${label}: ${reason.comment}` : label;
}
