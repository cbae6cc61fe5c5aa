/**
 * The change list in domain terms ("section Lääkemääräys › #1, entry …: text changed from A to
 * B"), grouped as header, sections, entries and metadata. Choosing an item moves the diff to the
 * content change it describes, or the metadata table to its field. Each group shows its first
 * items and more on request: all 5,000 items of a large pair at once made a 300 ms layout and a
 * 750 ms task on the UI thread (compare-long-tasks.spec.ts), while next/previous change still
 * reaches every change.
 */
import { memo, useState } from 'react';
import type { CompareResult } from '../../../shared/compare/compare-documents';
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

// Memoised: the view re-renders as the diff is drawn and lines arrive, and the list need not.
export const ChangeListPanel = memo(function ChangeListPanel({
  items,
  isTruncated,
  onChoose,
}: {
  readonly items: readonly ChangeItem[];
  readonly isTruncated: boolean;
  readonly onChoose: (item: ChangeItem) => void;
}) {
  const [shown, setShown] = useState<Readonly<Record<string, number>>>({});
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
    <nav className="change-list" aria-label="Change list">
      <h3>Change list ({items.length})</h3>
      {items.length === 0 && <p className="muted">No changes to list.</p>}
      {groups.map((group) => {
        const inGroup = items.filter((item) => item.group === group.id);
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
                <li key={`${item.path}-${index}`} className={`change-item change-${item.kind}`}>
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
