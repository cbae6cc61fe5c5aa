/**
 * The confirmation form of the invalidation dialog: a reason (none preselected, review 11 finding
 * 8), a comment (required for "other"), and the document id or set token typed back. Invalidate
 * stays disabled until all are given, and a line the button points to says what is missing, so
 * keyboard and screen-reader users learn why it is disabled.
 */
import { useState } from 'react';
import type { InvalidationPreview } from '../../../shared/ipc/invalidation-types';
import {
  invalidationReasonCodes,
  invalidationReasonLabels,
  maxCommentLength,
  type InvalidationReasonCode,
} from '../../../shared/invalidation/reasons';

/** What the operator confirmed: the run takes these as they are. */
export interface InvalidationChoice {
  readonly reason: InvalidationReasonCode;
  readonly comment: string;
  readonly typed: string;
}

/** What still keeps Invalidate disabled, in words. */
function missingText(
  reason: InvalidationReasonCode | '',
  comment: string,
  isTypedRight: boolean,
): string | undefined {
  const missing = [
    ...(reason === '' ? ['choose a reason'] : []),
    ...(reason === 'other' && comment.trim() === '' ? ['say why (the reason “other”)'] : []),
    ...(isTypedRight ? [] : ['type the confirmation above']),
  ];
  return missing.length === 0 ? undefined : `To enable Invalidate: ${missing.join('; ')}.`;
}

export function InvalidationForm({
  preview,
  onConfirm,
}: {
  readonly preview: InvalidationPreview;
  readonly onConfirm: (choice: InvalidationChoice) => void;
}) {
  const [reason, setReason] = useState<InvalidationReasonCode | ''>('');
  const [comment, setComment] = useState('');
  const [typed, setTyped] = useState('');
  const token = preview.confirmationToken;
  const missing = missingText(reason, comment, typed === token);
  return (
    <form
      className="invalidation-form"
      aria-label="Confirm the invalidation"
      onSubmit={(event) => {
        event.preventDefault();
        if (missing === undefined && reason !== '') onConfirm({ reason, comment, typed });
      }}
    >
      <label>
        Reason (required){' '}
        <select
          value={reason}
          required
          aria-describedby="invalidation-missing"
          onChange={(event) => setReason(event.target.value as InvalidationReasonCode | '')}
        >
          <option value="" disabled>
            Choose a reason…
          </option>
          {invalidationReasonCodes.map((code) => (
            <option key={code} value={code}>
              {invalidationReasonLabels[code].en} ({invalidationReasonLabels[code].fi})
            </option>
          ))}
        </select>
      </label>
      <label>
        {reason === 'other' ? 'Why (required)' : 'Comment (optional)'}{' '}
        <input
          type="text"
          value={comment}
          maxLength={maxCommentLength}
          aria-required={reason === 'other'}
          onChange={(event) => setComment(event.target.value)}
        />
      </label>
      <p className="muted">
        The reason goes to the audit trail only: the invalidation Provenance has no reason field.
      </p>
      <label>
        Type <code className="confirmation-token">{token}</code> to confirm{' '}
        <input
          type="text"
          value={typed}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={typed !== '' && typed !== token}
          aria-describedby="invalidation-missing"
          onChange={(event) => setTyped(event.target.value.trim())}
        />
      </label>
      <p id="invalidation-missing" className="field-feedback" aria-live="polite">
        {missing ?? ''}
      </p>
      <button
        type="submit"
        className="danger-button"
        disabled={missing !== undefined}
        aria-describedby="invalidation-missing"
      >
        Invalidate
      </button>
    </form>
  );
}
