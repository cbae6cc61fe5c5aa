/**
 * The change list's heading. When the list is cut short, shared/compare stops the body's items at
 * maxChangeListItems and the note above says "stops at 5000 items", while the list also holds the
 * header and metadata items: "Change list (5037)" under that note read as a contradiction (issue 7
 * review, item 12). The heading then says what the count is made of.
 */
import type { ChangeItem } from './change-list-rows';

/** Header and metadata items speak of model paths; the body's items of canonical paths. */
const isBodyItem = (item: ChangeItem): boolean => item.pathKind === 'canonical';

/** "Change list (N)", or with a truncated list, how N splits into header and body items. */
export function changeListHeading(
  shown: readonly ChangeItem[],
  all: readonly ChangeItem[],
  isTruncated: boolean,
): string {
  if (!isTruncated) return `Change list (${shown.length})`;
  const bodyShown = shown.filter(isBodyItem).length;
  const bodyAll = all.filter(isBodyItem).length;
  const hidden = bodyAll - bodyShown;
  const hiddenPart = hidden > 0 ? `, ${hidden} of them hidden by rules` : '';
  return (
    `Change list (${shown.length}: ${shown.length - bodyShown} header and metadata items, ` +
    `then the first ${bodyAll} body items${hiddenPart})`
  );
}
