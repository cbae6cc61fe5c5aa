/**
 * The column headings over the content diff: one per side side by side, or one line naming both
 * in the inline mode (− for the left side's lines, + for the right's).
 */
import type { CompareSideInfo } from '../../../shared/ipc/compare-types';
import { SideHeading } from './side-heading';

export function DiffHeadings({
  mode,
  left,
  right,
}: {
  readonly mode: 'side-by-side' | 'inline';
  readonly left: CompareSideInfo;
  readonly right: CompareSideInfo;
}) {
  return (
    <div className={`diff-headings diff-${mode}`} aria-hidden="true">
      {mode === 'side-by-side' ? (
        <>
          <span>
            <SideHeading side={left} />
          </span>
          <span>
            <SideHeading side={right} />
          </span>
        </>
      ) : (
        <span>
          <SideHeading side={left} /> (−) → <SideHeading side={right} /> (+)
        </span>
      )}
    </div>
  );
}
