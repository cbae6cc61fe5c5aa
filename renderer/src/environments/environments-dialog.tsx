/**
 * The Environments screen (issue 4 item 6, issue 6 item 1), a native modal dialog opened from
 * the environment switcher: the stored profiles with Check (the `envs check` report), Edit and
 * Remove (after a confirmation), a form for new ones, and whether passphrases can be kept here.
 * The app's own profiles (the local sandbox) are listed but not editable.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArchivistApi } from '../../../shared/ipc/contract';
import type {
  EditableProfile,
  ProfileCheckReport,
  ProfileList,
} from '../../../shared/ipc/profile-editor-types';
import type { AppError } from '../../../shared/result';
import { ErrorNotice } from '../components/error-notice';
import { KindBadge } from '../shell/kind-badge';
import { CheckReportView } from './check-report-view';
import { ProfileForm } from './profile-form';
import { newProfileState, stateOfProfile, type ProfileFormState } from './profile-form-state';
import './environments.css';

type Editing = { readonly state: ProfileFormState; readonly isPassphraseStored: boolean };
type Check = { readonly state: 'checking' } | ProfileCheckReport | AppError;

export function EnvironmentsDialog({
  api,
  onChanged,
  onClose,
}: {
  readonly api: ArchivistApi;
  /** A profile was saved or removed: the switcher reloads. */
  readonly onChanged: () => void;
  readonly onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [list, setList] = useState<ProfileList | AppError | undefined>();
  const [editing, setEditing] = useState<Editing | undefined>();
  const [checks, setChecks] = useState<Readonly<Record<string, Check>>>({});
  const [removing, setRemoving] = useState<string | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const [actionError, setActionError] = useState<AppError | undefined>();

  const reload = useCallback(() => {
    void api.listProfiles().then((result) => setList(result.ok ? result.value : result.error));
  }, [api]);

  useEffect(() => {
    dialog.current?.showModal();
    reload();
  }, [reload]);

  async function check(profileId: string): Promise<void> {
    setChecks((old) => ({ ...old, [profileId]: { state: 'checking' } }));
    const result = await api.checkProfile({ profileId });
    setChecks((old) => ({ ...old, [profileId]: result.ok ? result.value : result.error }));
  }

  async function remove(profileId: string): Promise<void> {
    const result = await api.removeProfile({ profileId });
    setRemoving(undefined);
    if (!result.ok) return setActionError(result.error);
    setActionError(undefined);
    setNotice(`Removed ${profileId}.`);
    setChecks(({ [profileId]: _gone, ...rest }) => rest);
    onChanged();
    reload();
  }

  const profiles = list && 'profiles' in list ? list : undefined;
  return (
    <dialog
      ref={dialog}
      className="environments-dialog"
      aria-labelledby="environments-heading"
      onClose={onClose}
    >
      <h2 id="environments-heading">Environments</h2>
      {list && !profiles && <ErrorNotice error={list as AppError} />}
      {profiles?.problem && (
        <ErrorNotice error={{ code: 'invalid-profile', message: profiles.problem }} />
      )}
      {profiles && !profiles.secretStore.canPersist && (
        <p className="passphrase-refusal" role="note">
          {profiles.secretStore.reason} Profiles can still be saved without one.
        </p>
      )}
      {actionError && <ErrorNotice error={actionError} />}
      {notice && (
        <p className="verify-ok" role="status">
          {notice}
        </p>
      )}
      {editing ? (
        <ProfileForm
          key={`${editing.state.mode}-${editing.state.id}`}
          api={api}
          initial={editing.state}
          isPassphraseStored={editing.isPassphraseStored}
          secretStore={profiles?.secretStore ?? { canPersist: true }}
          onCancel={() => setEditing(undefined)}
          onSaved={(saved) => {
            setEditing(undefined);
            setNotice(
              `Saved ${saved.profile.profile.id}.${saved.passphraseNote ? ` ${saved.passphraseNote}` : ''}`,
            );
            onChanged();
            reload();
          }}
        />
      ) : (
        profiles && (
          <>
            <ul className="profile-list" aria-label="Environment profiles">
              {profiles.builtIn.map((profile) => (
                <li key={profile.id} className="profile-entry">
                  <KindBadge kind={profile.kind} /> <strong>{profile.displayName}</strong>{' '}
                  <span className="muted">({profile.id}, provided by the app)</span>
                </li>
              ))}
              {profiles.profiles.map((entry) => (
                <ProfileEntry
                  key={entry.profile.id}
                  entry={entry}
                  check={checks[entry.profile.id]}
                  isRemoving={removing === entry.profile.id}
                  onCheck={() => void check(entry.profile.id)}
                  onEdit={() => {
                    setNotice(undefined);
                    setEditing({
                      state: stateOfProfile(entry),
                      isPassphraseStored: entry.isPassphraseStored,
                    });
                  }}
                  onRemove={() => setRemoving(entry.profile.id)}
                  onConfirmRemove={() => void remove(entry.profile.id)}
                  onKeep={() => setRemoving(undefined)}
                />
              ))}
            </ul>
            {profiles.profiles.length === 0 && (
              <p className="muted">
                No stored profiles yet; `archivist envs add` and this screen both make them.
              </p>
            )}
            <div className="dialog-actions">
              <button
                type="button"
                className="primary-button"
                onClick={() => {
                  setNotice(undefined);
                  setEditing({ state: newProfileState, isPassphraseStored: false });
                }}
              >
                New profile…
              </button>
              <button type="button" onClick={() => dialog.current?.close()}>
                Close
              </button>
            </div>
          </>
        )
      )}
    </dialog>
  );
}

function ProfileEntry({
  entry,
  check,
  isRemoving,
  onCheck,
  onEdit,
  onRemove,
  onConfirmRemove,
  onKeep,
}: {
  readonly entry: EditableProfile;
  readonly check: Check | undefined;
  readonly isRemoving: boolean;
  readonly onCheck: () => void;
  readonly onEdit: () => void;
  readonly onRemove: () => void;
  readonly onConfirmRemove: () => void;
  readonly onKeep: () => void;
}) {
  const { profile } = entry;
  const tls = profile.tls;
  // The buttons are named with the profile ("Check Kanta AT"), so each is unique in the list.
  const actions = [
    ['Check', onCheck],
    ['Edit', onEdit],
    ['Remove', onRemove],
  ] as const;
  return (
    <li className="profile-entry" aria-label={profile.displayName}>
      <KindBadge kind={profile.kind} /> <strong>{profile.displayName}</strong>{' '}
      <span className="muted">
        ({profile.id}) {profile.baseUrl}
        {tls ? `; client certificate ${tls.pkcs12 ? 'PKCS#12' : 'PEM'}` : ''}
        {tls?.passphraseRef
          ? entry.isPassphraseStored
            ? '; passphrase stored'
            : '; passphrase not stored'
          : ''}
        {profile.isTestEnvironment ? '' : '; not a test environment (read-only)'}
      </span>
      <span className="profile-entry-actions">
        {actions.map(([label, onClick]) => (
          <button
            key={label}
            type="button"
            className="small-button"
            onClick={onClick}
            aria-label={`${label} ${profile.displayName}`}
          >
            {label}
          </button>
        ))}
      </span>
      {isRemoving && (
        <div
          className="remove-confirmation"
          role="alertdialog"
          aria-label={`Remove ${profile.displayName}?`}
        >
          <p>
            Remove {profile.displayName} ({profile.id})? Its stored passphrase is removed too; the
            certificate files stay where they are.
          </p>
          <button type="button" className="danger-button" onClick={onConfirmRemove}>
            Remove {profile.id}
          </button>{' '}
          <button type="button" onClick={onKeep}>
            Keep it
          </button>
        </div>
      )}
      {check && 'state' in check && (
        <p className="muted" role="status">
          Checking {profile.displayName}…
        </p>
      )}
      {check && 'isUsable' in check && <CheckReportView report={check} />}
      {check && 'code' in check && <ErrorNotice error={check} />}
    </li>
  );
}
