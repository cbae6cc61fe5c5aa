/** Small parts of the profile form: a labelled field, and the passphrase with its notes. */
import { cloneElement, useId, type ReactElement } from 'react';
import type { SecretStoreState } from '../../../shared/ipc/profile-editor-types';

/**
 * A labelled control. The control is named by the label's text alone (aria-labelledby): a label
 * wrapping a select or a filled input would otherwise add the control's value to its name.
 */
export function Field({
  label,
  children,
}: {
  readonly label: string;
  readonly children: ReactElement<{ 'aria-labelledby'?: string }>;
}) {
  const labelId = useId();
  return (
    <label className="form-field">
      <span id={labelId}>{label}</span>
      {cloneElement(children, { 'aria-labelledby': labelId })}
    </label>
  );
}

/** A password field: typed here, sent once with Save, never filled from main. */
export function PassphraseField({
  value,
  onChange,
  isStored,
  secretStore,
}: {
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly isStored: boolean;
  readonly secretStore: SecretStoreState;
}) {
  return (
    <>
      <Field label="Passphrase">
        <input
          type="password"
          autoComplete="off"
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      </Field>
      <p className="muted passphrase-note">
        {isStored
          ? 'A passphrase is stored in the secret store; leave this empty to keep it.'
          : 'No passphrase is stored yet.'}{' '}
        It is kept only in the operating system's secret store, never in profiles.json, and is never
        shown again.
      </p>
      {!secretStore.canPersist && (
        <p className="passphrase-refusal" role="note">
          {secretStore.reason}
        </p>
      )}
    </>
  );
}
