/**
 * The profile form: name, kind, base URL or folder, client certificate (PKCS#12 or PEM, chosen
 * in main's dialog), pinned CA, passphrase (a password field sent once with Save and never filled
 * from main), operator identity, calendar and test-environment flag. Main validates the draft
 * with the same rules as profiles.json and answers with a sentence shown here.
 */
import { useState, type FormEvent } from 'react';
import { environmentKinds, repositories } from '../../../shared/environments/profile';
import type { ArchivistApi } from '../../../shared/ipc/contract';
import type {
  PickPurpose,
  SaveProfileResult,
  SecretStoreState,
} from '../../../shared/ipc/profile-editor-types';
import type { AppError } from '../../../shared/result';
import { ErrorNotice } from '../components/error-notice';
import { FileChoiceField } from './file-choice-field';
import { Field, PassphraseField } from './profile-form-fields';
import { draftOf, type ProfileFormState, type TlsMode } from './profile-form-state';

const tlsModes: readonly (readonly [TlsMode, string])[] = [
  ['none', 'No client certificate'],
  ['pkcs12', 'PKCS#12 file'],
  ['pem', 'PEM certificate and key'],
];

export function ProfileForm({
  api,
  initial,
  isPassphraseStored,
  secretStore,
  onSaved,
  onCancel,
}: {
  readonly api: ArchivistApi;
  readonly initial: ProfileFormState;
  readonly isPassphraseStored: boolean;
  readonly secretStore: SecretStoreState;
  readonly onSaved: (result: SaveProfileResult) => void;
  readonly onCancel: () => void;
}) {
  const [state, setState] = useState(initial);
  const [error, setError] = useState<AppError | undefined>();
  const [isSaving, setSaving] = useState(false);
  const set = <K extends keyof ProfileFormState>(key: K, value: ProfileFormState[K]) =>
    setState((old) => ({ ...old, [key]: value }));
  const text = (key: keyof ProfileFormState & string) => ({
    value: String(state[key]),
    onChange: (event: { target: { value: string } }) =>
      setState((old) => ({ ...old, [key]: event.target.value })),
  });
  const fileField = (purpose: PickPurpose, label: string) => (
    <FileChoiceField
      api={api}
      onError={setError}
      purpose={purpose}
      label={label}
      field={state[purpose]}
      onChange={(field) => set(purpose, field)}
    />
  );
  const checkbox = (
    key: 'hasPassphrase' | 'followsCalendar' | 'isTestEnvironment',
    label: string,
  ) => (
    <label className="inline-choice">
      <input
        type="checkbox"
        checked={state[key]}
        onChange={(event) => set(key, event.target.checked)}
      />{' '}
      {label}
    </label>
  );

  async function save(event: FormEvent): Promise<void> {
    event.preventDefault();
    setSaving(true);
    setError(undefined);
    const passphrase =
      state.hasPassphrase && state.passphrase !== '' ? state.passphrase : undefined;
    const result = await api.saveProfile({
      mode: state.mode,
      draft: draftOf(state),
      ...(passphrase === undefined ? {} : { passphrase }),
    });
    setSaving(false);
    if (result.ok) onSaved(result.value);
    else setError(result.error);
  }

  const isFolder = state.kind === 'folder';
  const heading = state.mode === 'create' ? 'New environment profile' : `Edit ${state.id}`;
  return (
    <form className="profile-form" aria-label={heading} onSubmit={(event) => void save(event)}>
      <h3>{heading}</h3>
      <Field label="Name (used as --env NAME)">
        <input {...text('id')} disabled={state.mode === 'edit'} required />
      </Field>
      <Field label="Display name">
        <input {...text('displayName')} />
      </Field>
      <Field label="Kind">
        <select
          value={state.kind}
          onChange={(event) => set('kind', event.target.value as ProfileFormState['kind'])}
        >
          {environmentKinds.map((kind) => (
            <option key={kind} value={kind}>
              {kind}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Repository">
        <select
          value={state.repository}
          onChange={(event) =>
            set('repository', event.target.value as ProfileFormState['repository'])
          }
        >
          {repositories.map((repository) => (
            <option key={repository} value={repository}>
              {repository}
            </option>
          ))}
        </select>
      </Field>
      {isFolder ? (
        fileField('folder', 'Folder')
      ) : (
        <Field label="Base URL">
          <input {...text('baseUrl')} placeholder="https://…/fhir" />
        </Field>
      )}
      {!isFolder && (
        <fieldset className="profile-fieldset">
          <legend>Client certificate (TLS)</legend>
          {tlsModes.map(([mode, label]) => (
            <label key={mode} className="inline-choice">
              <input
                type="radio"
                name="tls-mode"
                checked={state.tlsMode === mode}
                onChange={() => set('tlsMode', mode)}
              />{' '}
              {label}
            </label>
          ))}
          {state.tlsMode === 'pkcs12' && fileField('pkcs12', 'PKCS#12 file')}
          {state.tlsMode === 'pem' && (
            <>
              {fileField('certificate', 'Certificate file (PEM)')}
              {fileField('key', 'Key file (PEM, if not in the certificate file)')}
            </>
          )}
          {state.tlsMode !== 'none' && (
            <>
              {fileField('caFile', 'Pinned CA (PEM)')}
              {checkbox('hasPassphrase', 'The certificate files need a passphrase')}
              {state.hasPassphrase && (
                <PassphraseField
                  value={state.passphrase}
                  onChange={(value) => set('passphrase', value)}
                  isStored={isPassphraseStored}
                  secretStore={secretStore}
                />
              )}
            </>
          )}
        </fieldset>
      )}
      <Field label="Organisation OID (optional)">
        <input {...text('organisationOid')} />
      </Field>
      <fieldset className="profile-fieldset">
        <legend>Operator (test professional card; optional, all three or none)</legend>
        <Field label="Operator name">
          <input {...text('operatorName')} />
        </Field>
        <Field label="Registration number">
          <input {...text('operatorRegistration')} />
        </Field>
        <Field label="Operator organisation OID">
          <input {...text('operatorOrganisation')} />
        </Field>
      </fieldset>
      {checkbox(
        'followsCalendar',
        'Follow the service calendar (service hours, maintenance and fault-testing windows)',
      )}
      {checkbox('isTestEnvironment', 'This is a test environment (invalidation allowed)')}
      {error && <ErrorNotice error={error} />}
      <div className="dialog-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary-button" disabled={isSaving}>
          {isSaving ? 'Saving…' : 'Save profile'}
        </button>
      </div>
    </form>
  );
}
