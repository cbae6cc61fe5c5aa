/**
 * The keys of "reviewed" marks (issue 7), written so that a mark follows its change when the
 * sides are swapped. A comparison and its swapped twin share one scope: the address with the
 * sides in a fixed order. Marks are kept as that order sees them, and the swapped view
 * translates: a content change is keyed by where it starts on each side (`c:LEFT:RIGHT`, canonical
 * line numbers), a metadata change by its left side's path (`m:PATH`). Swapped, the same change
 * starts at `c:RIGHT:LEFT`, and its left path is the one the fixed order calls right.
 * The scope leaves the ignore profile out: a profile only hides or shows changes (the canonical
 * lines and the changes' bounds are the same under every profile), and a mark belongs to the
 * change (issue 7 review, item 4: switching to "none" showed "0 of 39 reviewed").
 */
import type { CompareSideRef } from '../../../shared/ipc/compare-types';
import { compareHash, formatSide } from './compare-address';

/** Which comparison marks belong to, and whether this view shows its sides swapped. */
export interface ReviewScope {
  /** The comparison's address with its sides in a fixed order, without the mode and profile. */
  readonly address: string;
  /** True when the view's left side is the scope's right side. */
  readonly isMirrored: boolean;
}

/** The scope of a comparison: the same for `left`/`right` and for `right`/`left`, under any profile. */
export function reviewScope(left: CompareSideRef, right: CompareSideRef): ReviewScope {
  const isMirrored = formatSide(right) < formatSide(left);
  const address = isMirrored ? compareHash(right, left) : compareHash(left, right);
  return { address, isMirrored };
}

/** The mark key of a content change as the view shows it (its canonical starting lines). */
export function contentMarkKey(
  change: { readonly leftStart: number; readonly rightStart: number },
  isMirrored: boolean,
): string {
  return isMirrored
    ? `c:${change.rightStart}:${change.leftStart}`
    : `c:${change.leftStart}:${change.rightStart}`;
}

/**
 * The mark key of a metadata change as the view shows it. `path` is the view's left path (its
 * right path for an addition, which has no left one); `rightPath` is set when the right side's
 * list indexes differ. Seen swapped, the left path of the fixed order is the view's right path.
 */
export function metadataMarkKey(
  change: { readonly path: string; readonly rightPath?: string },
  isMirrored: boolean,
): string {
  return `m:${isMirrored ? (change.rightPath ?? change.path) : change.path}`;
}
