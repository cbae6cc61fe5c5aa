/**
 * One line at the top of a comparison that says what changed ("13 content changes, 7 metadata
 * changes, 20 change-list items · 5 hidden by profile “default”"): the tester's review found
 * that the first screen showed a toolbar, rule lines and an unchanged first stretch of XML, and
 * no word about what differed. When the profile hid something, the line opens the list of its
 * rules (hidden-rules.tsx): four or five rule lines pushed the content diff below the fold.
 * It ends with how many changes are marked reviewed ("· 3 of 20 reviewed").
 */
import type { ReactNode } from 'react';
import type { HiddenCount } from '../../../shared/compare/compare-result';
import { counted } from './hidden-rules';

export interface SummaryCounts {
  /** Content changes the diff steps through (shown ones and revealed ones). */
  readonly contentChanges: number;
  readonly metadataChanges: number;
  readonly changeListItems: number;
  readonly hiddenByRule: readonly HiddenCount[];
  readonly revealed: ReadonlySet<string>;
  /** The profile's id, as the profile picker names it: titles are long sentences. */
  readonly profileName: string;
}

/** The summary's words; differences of revealed rules count as shown, not hidden. */
export function summaryText(counts: SummaryCounts): string {
  const shown = [
    counted(counts.contentChanges, 'content change', 'content changes'),
    counted(counts.metadataChanges, 'metadata change', 'metadata changes'),
    counted(counts.changeListItems, 'change-list item', 'change-list items'),
  ].join(', ');
  const hidden = counts.hiddenByRule
    .filter((entry) => !counts.revealed.has(entry.rule))
    .reduce((sum, entry) => sum + entry.metadata + entry.content, 0);
  const profile = `profile “${counts.profileName}”`;
  return hidden === 0
    ? `${shown} · none hidden by ${profile}`
    : `${shown} · ${hidden} hidden by ${profile}`;
}

/** Changes marked reviewed, of those the tester can mark (reviewed-marks.ts). */
export interface ReviewedCount {
  readonly count: number;
  readonly total: number;
}

export function ComparisonSummary({
  counts,
  reviewed,
  children,
}: {
  readonly counts: SummaryCounts;
  readonly reviewed: ReviewedCount;
  /** What the profile hid, rule by rule: shown when the tester opens the summary. */
  readonly children: ReactNode;
}) {
  const line = (
    <>
      {summaryText(counts)} ·{' '}
      <span className="reviewed-count">
        {reviewed.count} of {reviewed.total} reviewed
      </span>
    </>
  );
  if (counts.hiddenByRule.length === 0) return <p className="compare-summary">{line}</p>;
  return (
    <details className="compare-summary">
      <summary>{line}</summary>
      {children}
    </details>
  );
}
