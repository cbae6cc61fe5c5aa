/**
 * The change list's rows for its virtualiser (change-list-panel.tsx): each group's heading, then
 * its items, each with its place in the group for screen readers (aria-posinset / aria-setsize),
 * as only the rows in view are in the page. Pure, so it is unit-tested.
 */
import type { CompareResult } from '../../../shared/compare/compare-result';

export type ChangeItem = CompareResult['changeList']['shown'][number] & {
  readonly hiddenBy?: string;
};

export type ChangeGroup = ChangeItem['group'];

export const changeGroups: readonly { readonly id: ChangeGroup; readonly title: string }[] = [
  { id: 'metadata', title: 'Metadata' },
  { id: 'header', title: 'Header' },
  { id: 'section', title: 'Sections' },
  { id: 'entry', title: 'Entries' },
];

export type ChangeListRow =
  | {
      readonly kind: 'heading';
      readonly key: string;
      readonly group: ChangeGroup;
      readonly title: string;
      readonly count: number;
    }
  | {
      readonly kind: 'item';
      readonly key: string;
      readonly group: ChangeGroup;
      readonly item: ChangeItem;
      /** 1-based place in its group. */
      readonly position: number;
      readonly groupSize: number;
    };

/** The rows of `items` by group (empty groups left out), and the row of each item. */
export function changeListRows(items: readonly ChangeItem[]): {
  readonly rows: readonly ChangeListRow[];
  readonly rowOfItem: ReadonlyMap<ChangeItem, number>;
} {
  const rows: ChangeListRow[] = [];
  const rowOfItem = new Map<ChangeItem, number>();
  for (const { id, title } of changeGroups) {
    const inGroup = items.filter((item) => item.group === id);
    if (inGroup.length === 0) continue;
    rows.push({ kind: 'heading', key: `h:${id}`, group: id, title, count: inGroup.length });
    inGroup.forEach((item, index) => {
      rowOfItem.set(item, rows.length);
      rows.push({
        kind: 'item',
        key: `i:${id}:${index}`,
        group: id,
        item,
        position: index + 1,
        groupSize: inGroup.length,
      });
    });
  }
  return { rows, rowOfItem };
}
