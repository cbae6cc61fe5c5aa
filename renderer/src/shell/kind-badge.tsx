/** An environment's kind as a badge: a distinct colour and the kind's name, never colour alone. */
import type { WorkspaceProfile } from '../../../shared/ipc/workspace-types';

export function KindBadge({ kind }: { readonly kind: WorkspaceProfile['kind'] }) {
  return <span className={`kind-badge kind-${kind.toLowerCase()}`}>{kind}</span>;
}
