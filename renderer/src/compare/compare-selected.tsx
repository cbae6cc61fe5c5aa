/** The document table's entry point: two selected rows, compared older (left) against newer. */
import type { DocumentRow } from '../../../shared/ipc/workspace-types';
import { compareHash } from './compare-address';

export function CompareSelected({
  profileId,
  rows,
}: {
  readonly profileId: string;
  readonly rows: readonly DocumentRow[];
}) {
  const [older, newer] = [...rows].sort((a, b) => a.date.localeCompare(b.date));
  if (!older || !newer) return null;
  const href = compareHash(
    { profileId, resourceId: older.resourceId },
    { profileId, resourceId: newer.resourceId },
  );
  return (
    <p className="selection-note" role="status">
      2 documents selected.{' '}
      <a className="button-link" href={href}>
        Compare the two selected documents
      </a>
    </p>
  );
}
