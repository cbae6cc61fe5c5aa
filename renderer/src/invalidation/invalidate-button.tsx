/**
 * The button that opens the invalidation dialog. In a profile that is not marked as a test
 * environment it is disabled with the reason beside it (review 11, finding 13): the service
 * refuses there anyway, and a button that only leads to a refusal invites the attempt.
 */
import { useId, type ReactNode } from 'react';

export interface InvalidateButtonProps {
  readonly isTestEnvironment: boolean;
  /** Disabled for another reason (the document is invalidated already). */
  readonly isDisabled?: boolean;
  readonly onClick: () => void;
  readonly children: ReactNode;
}

export function InvalidateButton(props: InvalidateButtonProps) {
  const reasonId = useId();
  return (
    <>
      <button
        type="button"
        className="danger-button"
        disabled={!props.isTestEnvironment || props.isDisabled === true}
        aria-describedby={props.isTestEnvironment ? undefined : reasonId}
        onClick={props.onClick}
      >
        {props.children}
      </button>
      {!props.isTestEnvironment && ' '}
      {!props.isTestEnvironment && (
        <span id={reasonId} className="muted invalidate-off">
          Invalidation is off: this profile is not marked as a test environment.
        </span>
      )}
    </>
  );
}
