/**
 * The environment switcher: every profile with its kind badge (a distinct colour and the kind's
 * name, so meaning never rests on colour alone), its connection state in words, and which one
 * is in use. Choosing one goes to its search page. "Manage environments…" opens the
 * Environments screen (create, edit, check, remove profiles).
 */
import { useState } from 'react';
import type { ArchivistApi } from '../../../shared/ipc/contract';
import type { WorkspaceProfile } from '../../../shared/ipc/workspace-types';
import { EnvironmentsDialog } from '../environments/environments-dialog';
import { KindBadge } from './kind-badge';

const connectionLabels = {
  unknown: 'not contacted yet',
  ok: 'connected',
  failed: 'unreachable',
} as const;

const connectionSymbols = { unknown: '○', ok: '●', failed: '✕' } as const;

/** Kept here too: the header imports the badge from the switcher. */
export { KindBadge };

export function EnvironmentSwitcher({
  profiles,
  activeId,
  problem,
  onChoose,
  onCheck,
  api,
  onProfilesChanged,
}: {
  readonly profiles: readonly WorkspaceProfile[];
  readonly activeId: string | undefined;
  readonly problem: string | undefined;
  readonly onChoose: (profileId: string) => void;
  readonly onCheck: (profileId: string) => void;
  /** The bridge, for the Environments screen; without it the button is not shown. */
  readonly api?: ArchivistApi;
  readonly onProfilesChanged?: () => void;
}) {
  const [isManaging, setManaging] = useState(false);
  return (
    <>
      {problem && (
        <p className="sidebar-problem" role="alert">
          {problem}
        </p>
      )}
      <ul className="environment-list">
        {profiles.map((profile) => {
          const state = profile.connection.state;
          const isActive = profile.id === activeId;
          return (
            <li key={profile.id} className={`environment-item${isActive ? ' is-active' : ''}`}>
              <button
                type="button"
                className="environment-choose"
                aria-current={isActive ? 'page' : undefined}
                onClick={() => onChoose(profile.id)}
              >
                <KindBadge kind={profile.kind} />
                <span className="environment-name">{profile.displayName}</span>
              </button>
              <span
                className={`connection-state connection-${state}`}
                title={profile.connection.message ?? connectionLabels[state]}
              >
                <span aria-hidden="true">{connectionSymbols[state]}</span> {connectionLabels[state]}
              </span>
              <button
                type="button"
                className="small-button"
                aria-label={`Check connection to ${profile.displayName}`}
                onClick={() => onCheck(profile.id)}
              >
                Check
              </button>
            </li>
          );
        })}
      </ul>
      {api && (
        <button
          type="button"
          className="small-button manage-environments"
          onClick={() => setManaging(true)}
        >
          Manage environments…
        </button>
      )}
      {api && isManaging && (
        <EnvironmentsDialog
          api={api}
          onChanged={() => onProfilesChanged?.()}
          onClose={() => setManaging(false)}
        />
      )}
    </>
  );
}
