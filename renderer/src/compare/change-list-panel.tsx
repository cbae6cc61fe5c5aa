/**
 * The change list in domain terms ("section Lääkemääräys › #1, entry …: text changed from A to
 * B"), grouped as header, sections, entries and metadata. Choosing an item moves the diff to the
 * content change it describes; an item with none (a signature's field) is plain text saying so.
 * The list is virtualised like the diff (use-sliced-rows.ts, measure-row.ts): a large pair has
 * over a thousand items, and removing them all when the Narrative mode opened took 17-27 ms of
 * the UI thread (issue 7). Only the rows in view and a margin are in the page, each item with its
 * place in its group (aria-posinset / aria-setsize); a focused item stays in the page while
 * scrolled away, so the keyboard focus is never dropped. The list follows the diff: the items of the current change
 * are marked (aria-current) and scrolled into view inside the list, which never takes the focus.
 */
import {
  defaultRangeExtractor,
  useVirtualizer,
  type Range,
  type Virtualizer,
} from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useMemo, useRef, useState, type FocusEvent } from 'react';
import { QuotingSentence } from '../document/document-text';
import { changeListHeading } from './change-list-heading';
import {
  changeGroups,
  changeListRows,
  type ChangeItem,
  type ChangeListRow,
} from './change-list-rows';
import type { ViewChange } from './diff-rows';
import { changeForItem } from './line-mapping';
import { measureWithoutLayout, observePaneWithoutLayout } from './measure-row';
import { useItemLinks } from './use-item-links';
import { useAttached, useSlicedRows } from './use-sliced-rows';

export type { ChangeItem } from './change-list-rows';

/** A row's first guess: most items take two or three lines of the narrow panel. */
const estimatedRowHeight = 52;
/** New rows created per frame (use-sliced-rows.ts). */
const rowsPerSlice = 12;

/** Frames the current item is kept in view for at most, and in a row before it counts as there. */
const maxScrollFrames = 90;
const steadyFrames = 4;

/** Whether row `index` lies wholly inside the list's scrolled view, as last measured. */
function isWhollyInView(virtualizer: Virtualizer<HTMLDivElement, Element>, index: number): boolean {
  // The rows in range, measured as of now (a row out of range is out of view anyway).
  const placed = virtualizer.getVirtualItems().find((item) => item.index === index);
  const top = virtualizer.scrollOffset ?? 0;
  const height = virtualizer.scrollRect?.height ?? 0;
  return placed !== undefined && placed.start >= top && placed.end <= top + height;
}

/** The row index of the element an event came from, if it is inside a row. */
function rowIndexOf(target: EventTarget | null): number | undefined {
  if (!(target instanceof Element)) return undefined;
  const index = Number(target.closest('[data-index]')?.getAttribute('data-index'));
  return Number.isInteger(index) ? index : undefined;
}

// Memoised (the view re-renders as the diff is drawn and lines arrive), and so is each item: a
// step to another change re-renders only the items whose mark changed.
const ChangeListEntry = memo(function ChangeListEntry({
  row,
  index,
  start,
  isCurrent,
  isLinked,
  measure,
  onChoose,
}: {
  readonly row: Extract<ChangeListRow, { kind: 'item' }>;
  readonly index: number;
  readonly start: number;
  readonly isCurrent: boolean;
  /** False when the item has no content change to go to; undefined while links are prepared. */
  readonly isLinked: boolean | undefined;
  readonly measure: (element: Element | null) => void;
  readonly onChoose: (item: ChangeItem) => void;
}) {
  const { item } = row;
  // The item's quoted values and its section and entry names are the document's (lang).
  const text = <QuotingSentence text={item.text} names={[item.section, item.entry]} />;
  return (
    <li
      ref={measure}
      data-index={index}
      style={{ transform: `translateY(${start}px)` }}
      className={`change-item change-${item.kind}${isCurrent ? ' is-current' : ''}`}
      aria-current={isCurrent ? 'true' : undefined}
      aria-posinset={row.position}
      aria-setsize={row.groupSize}
    >
      {isLinked === false ? (
        // Not a link: choosing it would move nothing (a signature's fields have no line in the
        // content diff), which read as a broken link (issue 7 review, item 8).
        <span>
          <span className="change-kind">{item.kind}</span> {text}{' '}
          <span className="muted">(no line in the content diff)</span>
        </span>
      ) : (
        <button type="button" className="link-like" onClick={() => onChoose(item)}>
          <span className="change-kind">{item.kind}</span> {text}
        </button>
      )}
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
  const { rows, rowOfItem } = useMemo(() => changeListRows(items), [items]);

  // A focused item scrolled out of view stays rendered: unmounting it would drop the focus on
  // the page's body.
  const [focusedRow, setFocusedRow] = useState<number | undefined>(undefined);
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (focusedRow === undefined || focusedRow >= range.count || indexes.includes(focusedRow))
        return indexes;
      return [...indexes, focusedRow].sort((a, b) => a - b);
    },
    [focusedRow],
  );
  const scrollRef = useRef<HTMLDivElement>(null);
  // The list mounts empty and gets its rows once attached, a slice a frame (use-sliced-rows.ts).
  const isAttached = useAttached();
  const virtualizer = useVirtualizer({
    count: isAttached ? rows.length : 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => estimatedRowHeight,
    getItemKey: (index) => rows[index]?.key ?? index,
    measureElement: measureWithoutLayout(estimatedRowHeight),
    observeElementRect: observePaneWithoutLayout,
    rangeExtractor,
    overscan: 6,
    // As in the diff (diff-view.tsx): no flushSync inside React's commit.
    useFlushSync: false,
    initialRect: { width: 320, height: 400 },
  });

  // The current change's first item is scrolled to the middle of the list when not wholly in
  // view; only the list moves. The rows it lands among are measured in the frames after (a slice
  // a frame), which moves it, so it is checked again each frame until it stays in view.
  const currentRow = currentItems[0] ? rowOfItem.get(currentItems[0]) : undefined;
  const rowCount = virtualizer.options.count;
  useEffect(() => {
    if (currentRow === undefined || currentRow >= rowCount) return;
    let frame = 0;
    const attempt = (left: number, steady: number) => {
      const isInView = isWhollyInView(virtualizer, currentRow);
      if (!isInView) virtualizer.scrollToIndex(currentRow, { align: 'center' });
      if (left <= 1 || (isInView && steady >= steadyFrames)) return;
      frame = requestAnimationFrame(() => attempt(left - 1, isInView ? steady + 1 : 0));
    };
    attempt(maxScrollFrames, 0);
    return () => cancelAnimationFrame(frame);
  }, [currentRow, rowCount, virtualizer]);

  const noteFocus = (event: FocusEvent) => setFocusedRow(rowIndexOf(event.target));
  const noteBlur = (event: FocusEvent) => {
    if (!scrollRef.current?.contains(event.relatedTarget as Node | null)) setFocusedRow(undefined);
  };

  const current = new Set(currentItems);
  const inRange = virtualizer.getVirtualItems();
  const sliced = useSlicedRows(inRange, rowsPerSlice);
  // The focused row is never held back for a later slice either.
  const focused = inRange.find((placed) => placed.index === focusedRow);
  const shown =
    focused && !sliced.includes(focused)
      ? [...sliced, focused].sort((a, b) => a.index - b.index)
      : sliced;
  // Rows in view, by group: each group is a region with its own list, as before virtualising.
  const byGroup = new Map<ChangeListRow['group'], { index: number; start: number }[]>();
  for (const { index, start } of shown) {
    const row = rows[index];
    if (!row) continue;
    const inGroup = byGroup.get(row.group) ?? [];
    inGroup.push({ index, start });
    byGroup.set(row.group, inGroup);
  }
  return (
    <nav className="change-list" aria-label="Change list">
      <h3>{changeListHeading(items, allItems, isTruncated)}</h3>
      {items.length === 0 && <p className="muted">No changes to list.</p>}
      <div ref={scrollRef} className="change-list-scroll" onFocus={noteFocus} onBlur={noteBlur}>
        <div className="change-list-rows" style={{ height: virtualizer.getTotalSize() }}>
          {[...byGroup].map(([group, placed]) => {
            const title = changeGroups.find((known) => known.id === group)?.title ?? group;
            const hasItems = placed.some(({ index }) => rows[index]?.kind === 'item');
            return (
              <section key={group} aria-label={title}>
                {placed.map(({ index, start }) => {
                  const row = rows[index];
                  return row?.kind === 'heading' ? (
                    <h4
                      key={row.key}
                      ref={virtualizer.measureElement}
                      data-index={index}
                      style={{ transform: `translateY(${start}px)` }}
                    >
                      {row.title} ({row.count})
                    </h4>
                  ) : null;
                })}
                {hasItems && (
                  <ul>
                    {placed.map(({ index, start }) => {
                      const row = rows[index];
                      return row?.kind === 'item' ? (
                        <ChangeListEntry
                          key={row.key}
                          row={row}
                          index={index}
                          start={start}
                          isCurrent={current.has(row.item)}
                          isLinked={links ? links.changeOfItem.has(row.item) : undefined}
                          measure={virtualizer.measureElement}
                          onChoose={choose}
                        />
                      ) : null;
                    })}
                  </ul>
                )}
              </section>
            );
          })}
        </div>
      </div>
      {isTruncated && (
        <p className="muted">The list stops here; the content diff has every change.</p>
      )}
    </nav>
  );
});
