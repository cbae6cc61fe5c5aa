/** The configured environment profiles, or what to do when there are none. */
import type { ProfileSummary } from '../../../shared/environments/profile';

export function EnvironmentList({
  profiles,
  problem,
}: {
  readonly profiles: readonly ProfileSummary[];
  readonly problem: string | undefined;
}) {
  if (problem) {
    return (
      <p className="sidebar-problem" role="alert">
        {problem}
      </p>
    );
  }
  if (profiles.length === 0) {
    return <p className="muted">No environment profiles yet.</p>;
  }
  return (
    <ul className="environment-list">
      {profiles.map((profile) => (
        <li key={profile.id} className="environment-item">
          <span className={`kind-badge kind-${profile.kind.toLowerCase()}`}>{profile.kind}</span>
          <span>{profile.displayName}</span>
        </li>
      ))}
    </ul>
  );
}
