/**
 * One loaded comparison: a one-line summary of what changed, the hidden rules with reveal, the metadata diff, the change list
 * linked to the content diff, next/previous change (F7 / Shift+F7, n / p), reviewed marks (r, or
 * the ○/✓ buttons) and the mode switch that keeps the place; or, in the Narrative mode, the word
 * diff of the rendered narrative (narrative-diff-view.tsx).
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import type { ComparedDocuments } from '../../../shared/ipc/compare-types';
import type { ArchivistApi } from '../../../shared/ipc/contract';
import { ErrorNotice } from '../components/error-notice';
import type { CompareMode } from './compare-address';
import { ChangeListPanel, type ChangeItem } from './change-list-panel';
import { ChangeNavigation } from './change-navigation';
import { ComparisonSummary } from './comparison-summary';
import { DiffHeadings } from './diff-headings';
import { buildRows, navigableChanges, stepChange, viewChanges, type ViewChange } from './diff-rows';
import { DiffView } from './diff-view';
import { HiddenRules } from './hidden-rules';
import { areLinesReady } from './line-cache';
import { MetadataDiffTable } from './metadata-diff-table';
import { NarrativeDiffView } from './narrative-diff-view';
import { contentMarkKey, metadataMarkKey, type ReviewScope } from './reviewed-keys';
import { keepingNote, ReviewedControls } from './reviewed-controls';
import { useReviewedMarks } from './reviewed-marks';
import { useChangeShortcuts } from './use-change-shortcuts';
import { useAfterFirstPaint, useNarrative, useShownLines } from './use-compare-parts';

/** Rows of a first screen of the diff, with the virtualiser's overscan below them. */
const firstScreenRows = 60;

function toggled(set: ReadonlySet<string>, value: string): Set<string> {
  const next = new Set(set);
  if (!next.delete(value)) next.add(value);
  return next;
}

export function ComparisonView({
  api,
  compared,
  mode,
  reviewScope,
  onOpenLink,
}: {
  readonly api: ArchivistApi;
  readonly compared: ComparedDocuments;
  readonly mode: CompareMode;
  /** Which comparison reviewed marks belong to, swapped sides included (reviewed-keys.ts). */
  readonly reviewScope: ReviewScope;
  /** Opens a narrative link outside the app, after the tester confirmed it. */
  readonly onOpenLink: (url: string) => void;
}) {
  const { result } = compared;
  const lines = useShownLines(api, compared);
  const isNarrative = mode === 'narrative';
  const narrative = useNarrative(api, compared, isNarrative);
  // The narrative mode keeps the content diff's state (place, reviewed marks) for coming back.
  const contentMode = isNarrative ? 'side-by-side' : mode;
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [revealed, setRevealed] = useState<ReadonlySet<string>>(new Set());
  const [current, setCurrent] = useState(-1);
  const contentRef = useRef<HTMLElement>(null);
  const [scrollRequest, setScrollRequest] = useState({ row: 0, seq: 0 });
  const marks = useReviewedMarks(reviewScope.address);
  const { reviewed, toggle } = marks;
  const { isMirrored } = reviewScope;
  const isContentReviewed = (view: ViewChange | undefined): boolean =>
    view !== undefined && reviewed.has(contentMarkKey(view.change, isMirrored));
  const metadataKey = useCallback(
    (change: { readonly path: string; readonly rightPath?: string }) =>
      metadataMarkKey(change, isMirrored),
    [isMirrored],
  );

  const changes = useMemo(() => viewChanges(result.content.shown, result.content.hidden), [result]);
  const { rows, changeRows } = useMemo(
    () =>
      buildRows(changes, {
        mode: contentMode,
        hasLines: compared.hasLines,
        leftLines: result.content.leftLines,
        rightLines: result.content.rightLines,
        expanded,
        revealed,
      }),
    [changes, contentMode, compared.hasLines, result, expanded, revealed],
  );
  // The first screen's lines are asked for now, and the diff drawn once they are here (in the
  // Narrative mode the diff is not shown, and its lines are not asked for).
  const isDiffDrawn = useAfterFirstPaint(
    compared.compareId,
    isNarrative || areLinesReady(rows, lines, firstScreenRows),
  );
  const navigable = useMemo(() => navigableChanges(changes, revealed), [changes, revealed]);
  const scrollTo = useCallback(
    (row: number) => setScrollRequest((old) => ({ row, seq: old.seq + 1 })),
    [],
  );

  const goTo = useCallback(
    (index: number) => {
      setCurrent(index);
      scrollTo(changeRows[index] ?? 0);
    },
    [changeRows, scrollTo],
  );
  const step = useCallback(
    (direction: 1 | -1) => {
      const next = stepChange(navigable, current, direction);
      if (next !== undefined) goTo(next);
    },
    [navigable, current, goTo],
  );
  // Stable callbacks: the diff's rows are memoised (diff-row.tsx) and get these as props.
  const expand = useCallback((region: string) => setExpanded((old) => toggled(old, region)), []);
  const reveal = useCallback((rule: string) => setRevealed((old) => toggled(old, rule)), []);
  const toggleReviewed = useCallback(
    (index: number) => {
      const view = changes[index];
      if (view) toggle(contentMarkKey(view.change, isMirrored));
    },
    [changes, toggle, isMirrored],
  );

  useChangeShortcuts({ isOff: isNarrative, step, current, toggleReviewed });

  const metadataChanges = [
    ...result.metadata.shown,
    ...result.metadata.hidden.filter((change) => revealed.has(change.hiddenBy)),
  ];
  const items = useMemo<ChangeItem[]>(
    () => [
      ...result.changeList.shown,
      ...result.changeList.hidden.filter((item) => revealed.has(item.hiddenBy)),
    ],
    [result, revealed],
  );
  // Every item, hidden or not, linked once per comparison: revealing a rule links nothing anew.
  const allItems = useMemo<readonly ChangeItem[]>(
    () => [...result.changeList.shown, ...result.changeList.hidden],
    [result],
  );
  const chooseItem = useCallback(
    (_item: ChangeItem, index: number | undefined) => {
      if (index !== undefined) {
        const rule = changes[index]?.hiddenBy;
        if (rule !== undefined && !revealed.has(rule)) setRevealed((old) => toggled(old, rule));
        goTo(index);
      } else document.getElementById('metadata-differences')?.scrollIntoView({ block: 'start' });
    },
    [changes, revealed, goTo],
  );

  const reviewedKeys = new Set(changes.filter(isContentReviewed).map((view) => view.key));
  const reviewable = navigable.length + metadataChanges.length;
  const reviewedCount =
    navigable.filter((index) => isContentReviewed(changes[index])).length +
    metadataChanges.filter((change) => reviewed.has(metadataKey(change))).length;
  const position = navigable.indexOf(current);
  const currentChange = changes[current]?.change;
  return (
    <div className="comparison">
      {result.identical && <p className="compare-verdict">The documents are identical.</p>}
      {!result.identical && result.shownDifferences === 0 && (
        <p className="compare-verdict">Every difference is hidden by the ignore profile.</p>
      )}
      {!result.identical && (
        <ComparisonSummary
          counts={{
            contentChanges: navigable.length,
            metadataChanges: metadataChanges.length,
            changeListItems: items.length,
            hiddenByRule: result.hiddenByRule,
            revealed,
            profileName: result.profile.id,
          }}
          reviewed={{ count: reviewedCount, total: reviewable }}
        >
          <HiddenRules hidden={result.hiddenByRule} revealed={revealed} onToggle={reveal} />
        </ComparisonSummary>
      )}
      {[...result.notes, compared.linesNote, keepingNote(marks.keeping)].map(
        (note) =>
          note && (
            <p key={note} className="compare-note">
              Note: {note}
            </p>
          ),
      )}
      {!isNarrative && (
        <ChangeNavigation
          changeCount={navigable.length}
          position={position}
          currentPath={currentChange?.path}
          onStep={step}
        >
          <ReviewedControls
            markCount={reviewed.size}
            clearedCount={marks.clearedCount}
            onClear={marks.clear}
            onUndo={marks.undoClear}
          />
        </ChangeNavigation>
      )}
      <details open id="metadata-differences" className="compare-metadata">
        <summary>Metadata differences ({metadataChanges.length})</summary>
        <MetadataDiffTable
          changes={metadataChanges}
          reviewed={reviewed}
          markKeyOf={metadataKey}
          onToggleReviewed={toggle}
        />
      </details>
      {isNarrative ? (
        narrative.state === 'failed' ? (
          <ErrorNotice error={narrative.error} />
        ) : narrative.state === 'ready' ? (
          <NarrativeDiffView narrative={narrative.narrative} onOpenLink={onOpenLink} />
        ) : (
          <p className="muted" role="status">
            Loading the narrative differences…
          </p>
        )
      ) : (
        <div className="compare-body">
          {/* Every change-list item is a Tab stop: a way past them all to the diff. */}
          <button
            type="button"
            className="skip-to-diff"
            onClick={() =>
              contentRef.current?.querySelector<HTMLElement>('[role="table"]')?.focus()
            }
          >
            Skip the change list to the content differences
          </button>
          <ChangeListPanel
            items={items}
            isTruncated={result.changeList.isTruncated}
            allItems={allItems}
            changes={changes}
            currentChange={current}
            onChoose={chooseItem}
          />
          <section className="compare-content" aria-label="Content" ref={contentRef}>
            <DiffHeadings mode={contentMode} left={compared.left} right={compared.right} />
            {!isDiffDrawn ? (
              <p className="muted" role="status">
                Drawing the differences…
              </p>
            ) : (
              <DiffView
                rows={rows}
                changes={changes}
                {...(lines ? { lines } : {})}
                mode={contentMode}
                currentChange={current}
                currentRow={current >= 0 ? (changeRows[current] ?? -1) : -1}
                reviewed={reviewedKeys}
                scrollRequest={scrollRequest}
                onExpand={expand}
                onReveal={reveal}
                onToggleReviewed={toggleReviewed}
              />
            )}
          </section>
        </div>
      )}
    </div>
  );
}
