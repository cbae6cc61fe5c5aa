/**
 * A compared side in the diff's column headings: its label ("version 3 · Kanta TK"), and the
 * resource id as secondary text, so that the id a tester may need stays in view (review 9,
 * defect 12: the headings named sides by resource id only).
 */
import type { CompareSideInfo } from '../../../shared/ipc/compare-types';

export function SideHeading({ side }: { readonly side: CompareSideInfo }) {
  return (
    <>
      {side.label}
      {side.resourceId && side.label.startsWith('version ') && (
        <span className="muted"> ({side.resourceId})</span>
      )}
    </>
  );
}
