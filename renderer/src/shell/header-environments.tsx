/**
 * Which environment the header names. On the compare page that is the environment of each
 * compared document, not the default one: comparing two documents of the `esko` folder read
 * "sandbox Local sandbox" (issue 7 review). Both are named when they differ, "local files" for a
 * side read from a local file.
 */
import type { WorkspaceProfile } from '../../../shared/ipc/workspace-types';
import { parseSide } from '../compare/compare-address';
import { KindBadge } from './kind-badge';

/** A compared side's environment: a profile id, or the local files. */
export type ComparedEnvironment = { readonly profileId: string } | 'local files';

/** The environments the two sides of a compare address name, each once, left first. */
export function comparedEnvironments(left: string, right: string): readonly ComparedEnvironment[] {
  const found: ComparedEnvironment[] = [];
  for (const text of [left, right]) {
    const side = parseSide(text);
    if (!side) continue;
    const environment = 'fileId' in side ? 'local files' : { profileId: side.profileId };
    const isNew = !found.some((known) =>
      typeof known === 'string' || typeof environment === 'string'
        ? known === environment
        : known.profileId === environment.profileId,
    );
    if (isNew) found.push(environment);
  }
  return found;
}

/** The header's environment names: a kind badge and display name each, or "local files". */
export function HeaderEnvironments({
  environments,
  profiles,
}: {
  readonly environments: readonly ComparedEnvironment[];
  readonly profiles: readonly WorkspaceProfile[];
}) {
  return (
    <span
      className="active-environment"
      aria-label={environments.length > 1 ? 'Environments in use' : 'Environment in use'}
    >
      {environments.map((environment, index) => {
        const separator = index > 0 ? ' · ' : '';
        if (environment === 'local files')
          return <span key="local files">{separator}local files</span>;
        const profile = profiles.find((known) => known.id === environment.profileId);
        return (
          <span key={environment.profileId}>
            {separator}
            {profile ? (
              <>
                <KindBadge kind={profile.kind} /> {profile.displayName}
              </>
            ) : (
              environment.profileId
            )}
          </span>
        );
      })}
    </span>
  );
}
