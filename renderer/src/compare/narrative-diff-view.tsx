/**
 * The Narrative mode of the compare view: both documents' rendered narrative side by side, one
 * row per section in the right document's order (removed sections where they stood), each side
 * drawn through the document view's allowlist with the changed words as <del>/<ins>. The word
 * diff was made in the compare worker; this only draws it, virtualised, so a long narrative
 * renders just the sections in view. Status is said in words, never by colour alone.
 */
import { defaultContentLanguage } from '../../../shared/documents/content-language';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type {
  NarrativeComparison,
  NarrativeRow,
  NarrativeSideView,
} from '../../../shared/narrative-diff/narrative-diff';
import { textOf } from '../../../shared/narrative-diff/narrative-tree';
import type { NarrativeOptions } from '../document/narrative-allowlist';
import { measureWithoutLayout, observePaneWithoutLayout } from './measure-row';
import { narrativeBlock } from './narrative-nodes';
import { useAttached, useSlicedRows } from './use-sliced-rows';
import { LinkConfirm } from '../document/link-confirm';
import { compareShortcut } from './compare-shortcuts';
import { nextDiffering } from './narrative-steps';

function statusOf(row: NarrativeRow): string {
  const moved =
    row.isMoved && row.left && row.right
      ? `moved from position ${row.left.position} to ${row.right.position}`
      : undefined;
  const kind =
    row.kind === 'same'
      ? 'unchanged'
      : row.kind === 'changed'
        ? 'changed'
        : row.kind === 'added'
          ? 'added (only on the right)'
          : 'removed (only on the left)';
  return moved ? `${kind}, ${moved}` : kind;
}

/** New sections created per frame; a section is often a screen's height of narrative. */
const sectionsPerSlice = 2;

const sideNames = { left: 'Left side', right: 'Right side' } as const;

function SideCell({
  view,
  side,
  options,
}: {
  view: NarrativeSideView | undefined;
  side: 'left' | 'right';
  options: NarrativeOptions;
}) {
  const drawn = useMemo(
    () =>
      view
        ? {
            title: narrativeBlock(view.title, options).elements,
            text: view.text ? narrativeBlock(view.text, options) : undefined,
          }
        : undefined,
    [view, options],
  );
  if (!view || !drawn)
    return (
      <div className="narrative-diff-side is-absent" role="group" aria-label={sideNames[side]}>
        <span className="muted">(no such section in the {side} document)</span>
      </div>
    );
  return (
    <div className="narrative-diff-side" role="group" aria-label={sideNames[side]}>
      <div className="narrative-diff-title" lang={defaultContentLanguage}>
        {drawn.title}
      </div>
      {drawn.text ? (
        <div className="narrative-text" lang={defaultContentLanguage}>
          {drawn.text.elements}
        </div>
      ) : (
        <p className="muted">The text of this section is not sent: the narrative is too large.</p>
      )}
      {drawn.text?.isTruncated && (
        <p className="muted" role="note">
          This section is very large or deeply nested; the rest is in the content diff.
        </p>
      )}
    </div>
  );
}

const RowView = memo(function RowView({
  row,
  options,
}: {
  row: NarrativeRow;
  options: NarrativeOptions;
}) {
  const title = textOf(row.right?.title ?? row.left?.title ?? []).trim() || row.label;
  // An unchanged section's text comes once, as the right side's (NarrativeRow.isTextShared).
  const leftView = useMemo(
    () =>
      row.isTextShared && row.left && row.right?.text
        ? { ...row.left, text: row.right.text }
        : row.left,
    [row],
  );
  return (
    <div className={`narrative-diff-row is-${row.kind}`} style={{ paddingLeft: `${row.depth}rem` }}>
      <div className="narrative-diff-heading">
        <strong lang={defaultContentLanguage}>{title}</strong>{' '}
        <span className="narrative-diff-status">— {statusOf(row)}</span>
      </div>
      {row.note && (
        <p className="compare-note" role="note">
          Note: {row.note}
        </p>
      )}
      <div className="narrative-diff-sides">
        <SideCell view={leftView} side="left" options={options} />
        <SideCell view={row.right} side="right" options={options} />
      </div>
    </div>
  );
});

export function NarrativeDiffView({
  narrative,
  onOpenLink,
}: {
  readonly narrative: NarrativeComparison | undefined;
  readonly onOpenLink: (url: string) => void;
}) {
  const [isChangedOnly, setChangedOnly] = useState(false);
  const [pendingLink, setPendingLink] = useState<string | undefined>(undefined);
  const options = useMemo<NarrativeOptions>(() => ({ onLink: setPendingLink }), []);
  const rows = useMemo(
    () =>
      (narrative?.rows ?? []).filter((row) => !isChangedOnly || row.kind !== 'same' || row.isMoved),
    [narrative, isChangedOnly],
  );
  // The current section is kept as a row, so it survives "Only sections that differ".
  const [currentRow, setCurrentRow] = useState<NarrativeRow | undefined>(undefined);
  const current = currentRow ? rows.indexOf(currentRow) : -1;
  const differing = useMemo(
    () => rows.flatMap((row, index) => (row.kind !== 'same' || row.isMoved ? [index] : [])),
    [rows],
  );
  const scrollRef = useRef<HTMLDivElement>(null);
  // The pane mounts empty and gets its sections once attached, a slice a frame, as the content
  // diff does (use-sliced-rows.ts): attaching with sections mounted forced their layout at once.
  const isAttached = useAttached();
  // The project does not run the React Compiler; the virtualiser's functions are used as-is.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: isAttached ? rows.length : 0,
    getScrollElement: () => scrollRef.current,
    // Near a section's usual height, so the first render draws the few that fit, not twice as many
    // (their first layout was a long task on a 2 MB pair).
    estimateSize: () => 360,
    measureElement: measureWithoutLayout(360),
    observeElementRect: observePaneWithoutLayout,
    overscan: 3,
    // As in diff-view.tsx: no flushSync re-renders inside React's commit.
    useFlushSync: false,
    initialRect: { width: 1200, height: 700 },
  });
  const shownItems = useSlicedRows(virtualizer.getVirtualItems(), sectionsPerSlice);
  const step = useCallback(
    (direction: 1 | -1) => {
      const index = nextDiffering(differing, current, direction);
      if (index < 0) return;
      setCurrentRow(rows[index]);
      virtualizer.scrollToIndex(index, { align: 'start' });
    },
    [differing, current, rows, virtualizer],
  );
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target instanceof HTMLElement ? event.target : null;
      const isModalOpen = document.querySelector('dialog:modal') !== null;
      const shortcut = compareShortcut(event, target, isModalOpen);
      if (shortcut === 'next') step(1);
      else if (shortcut === 'previous') step(-1);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [step]);
  const position = differing.indexOf(current);
  if (!narrative)
    return (
      <p className="muted">This comparison has no narrative diff (the workspace sent none).</p>
    );
  return (
    <section className="narrative-diff" aria-label="Narrative differences">
      <div className="narrative-diff-toolbar">
        <span role="status">
          {narrative.changedRows} of {narrative.rows.length} sections differ in their narrative.
        </span>
        <label>
          <input
            type="checkbox"
            checked={isChangedOnly}
            onChange={(event) => setChangedOnly(event.target.checked)}
          />{' '}
          Only sections that differ
        </label>
        <button type="button" onClick={() => step(-1)} disabled={differing.length === 0}>
          Previous difference (Shift+F7, p)
        </button>
        <button type="button" onClick={() => step(1)} disabled={differing.length === 0}>
          Next difference (F7, n)
        </button>
        <span className="narrative-position" aria-live="polite">
          {position >= 0 ? `Difference ${position + 1} of ${differing.length}` : ''}
        </span>
      </div>
      {narrative.notes.map((note) => (
        <p key={note} className="compare-note">
          Note: {note}
        </p>
      ))}
      {pendingLink && (
        <LinkConfirm
          url={pendingLink}
          onOpen={onOpenLink}
          onClose={() => setPendingLink(undefined)}
        />
      )}
      <div
        ref={scrollRef}
        className="narrative-diff-scroll"
        role="list"
        aria-label="Sections"
        tabIndex={0}
      >
        <div className="diff-rows" style={{ height: virtualizer.getTotalSize() }}>
          {shownItems.map((item) => {
            const row = rows[item.index];
            return row ? (
              <div
                key={item.key}
                ref={virtualizer.measureElement}
                data-index={item.index}
                role="listitem"
                aria-current={item.index === current ? 'true' : undefined}
                className={`narrative-diff-item${item.index === current ? ' is-current' : ''}`}
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <RowView row={row} options={options} />
              </div>
            ) : null;
          })}
        </div>
      </div>
    </section>
  );
}
