/**
 * The change list in domain terms ("section Lääkemääräys › #1, entry …: text changed from A to
 * B"), grouped as header, sections, entries and metadata. Choosing an item moves the diff to the
 * content change it describes, or the metadata table to its field. Each group shows its first
 * items and more on request: all 5,000 items of a large pair at once made a 300 ms layout and a
 * 750 ms task on the UI thread (compare-long-tasks.spec.ts), while next/previous change still
 * reaches every change. The list follows the diff: the items of the current change are marked
 * (aria-current) and scrolled into view inside the list, which never takes the keyboard focus.
 */
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CompareResult } from '../../../shared/compare/compare-documents';
import { afterPaint } from './after-paint';
import type { ViewChange } from './diff-rows';
import { changeForItem } from './line-mapping';
import { useItemLinks } from './use-item-links';
import { usePaintedOnce } from './use-sliced-rows';

export type ChangeItem = CompareResult['changeList']['shown'][number] & {
  readonly hiddenBy?: string;
};

/** Items a group shows at first, and how many more each "Show more" adds. */
export const changeListPage = 100;

const groups: readonly { readonly id: ChangeItem['group']; readonly title: string }[] = [
  { id: 'metadata', title: 'Metadata' },
  { id: 'header', title: 'Header' },
  { id: 'section', title: 'Sections' },
  { id: 'entry', title: 'Entries' },
];

/**
 * Scrolls `element` into the middle of `list` when it is not wholly in view; only the list moves.
 * Returns whether it scrolled.
 */
function scrollWithin(list: HTMLElement, element: HTMLElement): boolean {
  const box = list.getBoundingClientRect();
  const at = element.getBoundingClientRect();
  if (at.top >= box.top && at.bottom <= box.bottom) return false;
  list.scrollTop += at.top - box.top - (list.clientHeight - at.height) / 2;
  return true;
}

/**
 * Frames spent finding the place of an item whose neighbours were never laid out (see below):
 * each lays out only the items then in view, and a jump over a hundred unseen items takes a few.
 */
const maxScrollAttempts = 60;

/**
 * Scrolls the item into view, and again after each frame until it stays there: the items passed
 * over were sized by their estimate (`content-visibility: auto`), and the ones laid out on arrival
 * move the target. Returns a cancel. The focus is not touched.
 */
function scrollIntoList(list: HTMLElement, element: HTMLElement): () => void {
  let frame = 0;
  // The items that came into view are laid out only in the frame after the scroll, so the item
  // must stay in view for a few frames in a row.
  const attempt = (left: number, steady: number) => {
    const moved = scrollWithin(list, element);
    if (left <= 1 || (!moved && steady >= 2)) return;
    frame = requestAnimationFrame(() => attempt(left - 1, moved ? 0 : steady + 1));
  };
  attempt(maxScrollAttempts, 0);
  return () => cancelAnimationFrame(frame);
}

// Memoised (the view re-renders as the diff is drawn and lines arrive), and so is each item: a
// step to another change re-renders only the items whose mark changed.
const ChangeListEntry = memo(function ChangeListEntry({
  item,
  isCurrent,
  onChoose,
}: {
  readonly item: ChangeItem;
  readonly isCurrent: boolean;
  readonly onChoose: (item: ChangeItem) => void;
}) {
  return (
    <li
      className={`change-item change-${item.kind}${isCurrent ? ' is-current' : ''}`}
      aria-current={isCurrent ? 'true' : undefined}
    >
      <button type="button" className="link-like" onClick={() => onChoose(item)}>
        <span className="change-kind">{item.kind}</span> {item.text}
      </button>
      {item.hiddenBy && (
        <span className="hidden-chip">
          {' '}
          hidden by rule <code>{item.hiddenBy}</code>
        </span>
      )}
    </li>
  );
});

/** One empty list, so nothing re-renders while no item is current. */
const noItems: readonly ChangeItem[] = [];

export const ChangeListPanel = memo(function ChangeListPanel({
  items,
  allItems,
  changes,
  currentChange,
  isTruncated,
  onChoose,
}: {
  /** The items shown: those no rule hides, and those of revealed rules. */
  readonly items: readonly ChangeItem[];
  /** Every item, hidden or not: linked once per comparison, so a reveal links nothing anew. */
  readonly allItems: readonly ChangeItem[];
  readonly changes: readonly ViewChange[];
  /** The diff's current change (-1: none). */
  readonly currentChange: number;
  readonly isTruncated: boolean;
  /** Called with the chosen item and the content change it describes, if any. */
  readonly onChoose: (item: ChangeItem, change: number | undefined) => void;
}) {
  // The links live here, not in the view: their arrival re-renders the list alone.
  const links = useItemLinks(changes, allItems);
  const currentItems =
    (currentChange >= 0 ? links?.itemsOfChange.get(currentChange) : undefined) ?? noItems;
  // Read through a ref, so the items' callback stays the same when the links arrive.
  const linksRef = useRef(links);
  useEffect(() => {
    linksRef.current = links;
  }, [links]);
  const choose = useCallback(
    (item: ChangeItem) => {
      const ready = linksRef.current;
      onChoose(item, ready ? ready.changeOfItem.get(item) : changeForItem(item, changes));
    },
    [changes, onChoose],
  );
  const [shown, setShown] = useState<Readonly<Record<string, number>>>({});
  const byGroup = useMemo(
    () => new Map(groups.map((group) => [group.id, items.filter((i) => i.group === group.id)])),
    [items],
  );
  // A current item past its group's "Show more" is reached a page per painted frame: showing
  // thousands of items at once was a long task.
  const wanted = useMemo(() => {
    const first = currentItems[0];
    const index = first ? (byGroup.get(first.group)?.indexOf(first) ?? -1) : -1;
    return first && index >= 0 ? { group: first.group, count: index + 1 } : undefined;
  }, [currentItems, byGroup]);
  const wantedLimit = wanted ? (shown[wanted.group] ?? changeListPage) : 0;
  useEffect(() => {
    if (!wanted || wantedLimit >= wanted.count) return;
    return afterPaint(() =>
      setShown((old) => ({ ...old, [wanted.group]: wantedLimit + changeListPage })),
    );
  }, [wanted, wantedLimit]);
  const listRef = useRef<HTMLElement>(null);
  const scrolledFor = useRef<readonly ChangeItem[] | undefined>(undefined);
  const cancelScroll = useRef(() => {});
  useEffect(() => {
    const element = listRef.current?.querySelector<HTMLElement>('[aria-current="true"]');
    if (!element || !listRef.current || scrolledFor.current === currentItems) return;
    scrolledFor.current = currentItems;
    cancelScroll.current();
    cancelScroll.current = scrollIntoList(listRef.current, element);
  });
  useEffect(() => () => cancelScroll.current(), []);
  const current = new Set(currentItems);
  // The items come one frame after the page around them: their first layout (and the second one
  // that `content-visibility: auto` makes in the same frame) was most of the page's first frame.
  const isPainted = usePaintedOnce();
  if (!isPainted)
    return (
      <nav className="change-list" aria-label="Change list">
        <h3>Change list ({items.length})</h3>
        <p className="muted" role="status">
          Listing the changes…
        </p>
      </nav>
    );
  return (
    <nav ref={listRef} className="change-list" aria-label="Change list">
      <h3>Change list ({items.length})</h3>
      {items.length === 0 && <p className="muted">No changes to list.</p>}
      {groups.map((group) => {
        const inGroup = byGroup.get(group.id) ?? [];
        if (inGroup.length === 0) return null;
        const limit = shown[group.id] ?? changeListPage;
        const more = Math.min(changeListPage, inGroup.length - limit);
        return (
          <section key={group.id} aria-label={group.title}>
            <h4>
              {group.title} ({inGroup.length})
            </h4>
            <ul>
              {inGroup.slice(0, limit).map((item, index) => (
                <ChangeListEntry
                  key={`${item.path}-${index}`}
                  item={item}
                  isCurrent={current.has(item)}
                  onChoose={choose}
                />
              ))}
            </ul>
            {more > 0 && (
              <button
                type="button"
                className="small-button"
                onClick={() => setShown((old) => ({ ...old, [group.id]: limit + more }))}
              >
                Show {more} more {group.title.toLowerCase()} changes (
                {(inGroup.length - limit).toLocaleString('en')} not shown)
              </button>
            )}
          </section>
        );
      })}
      {isTruncated && (
        <p className="muted">The list stops here; the content diff has every change.</p>
      )}
    </nav>
  );
});
