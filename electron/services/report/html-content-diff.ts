/**
 * The side-by-side content diff of an HTML report: changes as removed/added rows, the unchanged
 * stretches between them with a few context rows visible and the middle in a <details> element,
 * which collapses and expands without any script (the report's CSP allows none).
 *
 * A changed line says so in text, not only by its colour: a marker column (− / +, read out as
 * "removed" / "added") and the changed words in <del>/<ins>. Chromium prints without background
 * colours by default, and a colour alone tells nothing to a screen reader (WCAG 1.4.1); the
 * review printed a report whose changed lines looked like context (issue 7 review 9, defect 4).
 *
 * The documents' lines are marked Finnish (`lang`) in the English page, so screen readers read
 * them with Finnish rules; the notes inside them (a moved run) stay English.
 */
import type { ReportContentChange, ReportModel } from '../../../shared/report/report-model';
import type { SideBySideRow, UnchangedRegion } from '../../../shared/report/unchanged-regions';
import type { WordSegment } from '../../../shared/compare/word-diff';
import { movedNote } from '../../../shared/compare/content-moves';
import { defaultContentLanguage } from '../../../shared/documents/content-language';
import { escapeHtml } from './html-escape';

type Side = 'left' | 'right';

/** Number, marker and text column per side. */
const columns =
  '<colgroup><col class="n"><col class="m"><col><col class="n"><col class="m"><col></colgroup>';
const allColumns = 6;

const markers: Readonly<Record<Side, string>> = {
  left: '<td class="m del"><span aria-hidden="true">−</span><span class="sr-only">removed</span></td>',
  right:
    '<td class="m ins"><span aria-hidden="true">+</span><span class="sr-only">added</span></td>',
};

function emptyCell(): string {
  return '<td class="n"></td><td class="m"></td><td class="empty"></td>';
}

function sameCell(line: string | null, number: number): string {
  if (line === null) return emptyCell();
  return `<td class="n">${number + 1}</td><td class="m"></td><td class="same" lang="${defaultContentLanguage}">${escapeHtml(line)}</td>`;
}

function rowsHtml(rows: readonly SideBySideRow[], leftFrom: number, rightFrom: number): string {
  return rows
    .map(
      ([left, right], index) =>
        `<tr>${sameCell(left, leftFrom + index)}${sameCell(right, rightFrom + index)}</tr>`,
    )
    .join('\n');
}

/**
 * One side of a line's word diff as HTML, the changed words in <del> or <ins>; undefined when the
 * segments do not spell the line (then the line is shown whole, marked by its row alone).
 */
function wordsHtml(line: string, segments: readonly WordSegment[], side: Side): string | undefined {
  const own = side === 'left' ? 'removed' : 'added';
  const tag = side === 'left' ? 'del' : 'ins';
  const parts = segments.filter((segment) => segment.kind === 'equal' || segment.kind === own);
  if (parts.map((segment) => segment.text).join('') !== line) return undefined;
  return parts
    .map((segment) =>
      segment.kind === 'equal'
        ? escapeHtml(segment.text)
        : `<${tag}>${escapeHtml(segment.text)}</${tag}>`,
    )
    .join('');
}

/** A changed line: marker, words, and the moved-run note on the first line of a run (content-moves.ts). */
function changedCell(change: ReportContentChange, side: Side, row: number): string {
  const line = (side === 'left' ? change.removed : change.added)[row];
  if (line === undefined) return emptyCell();
  const number = (side === 'left' ? change.leftStart : change.rightStart) + row;
  const segments = change.words?.[row];
  const text = (segments && wordsHtml(line, segments, side)) ?? escapeHtml(line);
  const note = movedNote(change, side, number);
  const moved =
    note === undefined ? '' : ` <span class="moved" lang="en">${escapeHtml(note)}</span>`;
  const kind = side === 'left' ? 'del' : 'ins';
  return `<td class="n">${number + 1}</td>${markers[side]}<td class="${kind}" lang="${defaultContentLanguage}">${text}${moved}</td>`;
}

function changeHtml(change: ReportContentChange, index: number): string {
  const count = Math.max(change.removed.length, change.added.length);
  const rows: string[] = [];
  for (let row = 0; row < count; row++)
    rows.push(`<tr>${changedCell(change, 'left', row)}${changedCell(change, 'right', row)}</tr>`);
  const omitted =
    change.omittedLines > 0
      ? `<tr><td colspan="${allColumns}" class="note">${change.omittedLines} more changed lines are not shown.</td></tr>`
      : '';
  return `<tbody class="change" id="change-${index + 1}"><tr><th colspan="${allColumns}" class="path">Change ${index + 1}: ${escapeHtml(change.path)}</th></tr>\n${rows.join('\n')}${omitted}</tbody>`;
}

function regionHtml(region: UnchangedRegion): string {
  const parts: string[] = [];
  if (region.head.length > 0)
    parts.push(
      `<tbody class="context">${rowsHtml(region.head, region.leftStart, region.rightStart)}</tbody>`,
    );
  const middleCount = region.middle.length + region.middleOmitted;
  if (middleCount > 0) {
    const left = region.leftStart + region.head.length;
    const right = region.rightStart + region.head.length;
    const omitted =
      region.middleOmitted > 0
        ? `<p class="note">${region.middleOmitted.toLocaleString('en-US')} more lines are not included in this report (see the source documents).</p>`
        : '';
    const inner =
      region.middle.length > 0
        ? `<table class="sbs">${columns}${rowsHtml(region.middle, left, right)}</table>`
        : '';
    parts.push(
      `<tbody class="collapsed"><tr><td colspan="${allColumns}"><details><summary>${middleCount.toLocaleString('en-US')} lines without shown changes (left ${left + 1}–${left + middleCount}, right ${right + 1}–${right + middleCount})</summary>${inner}${omitted}</details></td></tr></tbody>`,
    );
  }
  if (region.tail.length > 0) {
    const offset = Math.max(region.leftEnd - region.leftStart, region.rightEnd - region.rightStart);
    const from = offset - region.tail.length;
    parts.push(
      `<tbody class="context">${rowsHtml(region.tail, region.leftStart + from, region.rightStart + from)}</tbody>`,
    );
  }
  return parts.join('\n');
}

/**
 * Rows (changed, context and folded) the HTML side-by-side view holds at most: past this a page
 * takes a browser a minute to lay out (measured in test/bench/report.bench.ts), so the changes
 * after it are counted, and the JSON and CSV reports, which have no such limit, list them all.
 */
export const maxHtmlRows = 10_000;

function rowsOf(change: ReportContentChange): number {
  return Math.max(change.removed.length, change.added.length);
}

function regionRows(region: UnchangedRegion): number {
  return region.head.length + region.middle.length + region.tail.length;
}

/**
 * How many content changes the page shows (the first ones, up to maxHtmlRows rows with the
 * unchanged regions between them); the change list links only to these.
 */
export function changesOnPage(model: ReportModel): number {
  const { changes } = model.content;
  const regions = model.content.unchanged ?? [];
  let next = 0;
  let rows = 0;
  for (const [index, change] of changes.entries()) {
    if (rows >= maxHtmlRows) return index;
    // Each region names the change it comes before.
    while (next < regions.length && regions[next]!.beforeChange <= index)
      rows += regionRows(regions[next++]!);
    rows += rowsOf(change);
  }
  return changes.length;
}

/** The side-by-side table of the content diff, calling `onChange` as changes are written. */
export function contentDiffHtml(
  model: ReportModel,
  onChange: (done: number, total: number) => void = () => {},
): string {
  const changes = model.content.changes;
  if (changes.length === 0) return '<p>No content changes are shown.</p>';
  const regions = model.content.unchanged ?? [];
  const shown = changesOnPage(model);
  const parts: string[] = [];
  let next = 0;
  for (const [index, change] of changes.slice(0, shown).entries()) {
    while (next < regions.length && regions[next]!.beforeChange <= index)
      parts.push(regionHtml(regions[next++]!));
    parts.push(changeHtml(change, index));
    if (index % 500 === 0) onChange(index, changes.length);
  }
  if (shown === changes.length)
    while (next < regions.length) parts.push(regionHtml(regions[next++]!));
  onChange(changes.length, changes.length);
  const notes: string[] = [];
  if (!model.content.unchanged)
    notes.push('Unchanged lines are not part of this report; only changed lines are shown.');
  const left = changes.length - shown;
  if (left > 0) {
    const leftRows = changes.slice(shown).reduce((total, change) => total + rowsOf(change), 0);
    notes.push(
      `This page shows the first ${shown.toLocaleString('en-US')} content changes; ${left.toLocaleString('en-US')} more (${leftRows.toLocaleString('en-US')} changed lines) are listed in the JSON and CSV reports of the same comparison.`,
    );
  }
  const noteHtml = notes
    .map((note) => `<p class="note" id="content-note">${escapeHtml(note)}</p>`)
    .join('');
  return `${noteHtml}<table class="sbs">${columns}<thead><tr><th colspan="3">Left: ${escapeHtml(model.documents.left.id)}</th><th colspan="3">Right: ${escapeHtml(model.documents.right.id)}</th></tr></thead>\n${parts.join('\n')}</table>`;
}
