/**
 * The side-by-side content diff of an HTML report: changes as removed/added rows, the unchanged
 * stretches between them with a few context rows visible and the middle in a <details> element,
 * which collapses and expands without any script (the report's CSP allows none).
 */
import type { ReportContentChange, ReportModel } from '../../../shared/report/report-model';
import type { SideBySideRow, UnchangedRegion } from '../../../shared/report/unchanged-regions';
import { movedNote } from '../../../shared/compare/content-moves';
import { escapeHtml } from './html-escape';

function cell(line: string | null, number: number, kind: string): string {
  if (line === null) return '<td class="n"></td><td class="empty"></td>';
  return `<td class="n">${number + 1}</td><td class="${kind}">${escapeHtml(line)}</td>`;
}

function rowsHtml(
  rows: readonly SideBySideRow[],
  leftFrom: number,
  rightFrom: number,
  kind = 'same',
): string {
  return rows
    .map(
      ([left, right], index) =>
        `<tr>${cell(left, leftFrom + index, kind)}${cell(right, rightFrom + index, kind)}</tr>`,
    )
    .join('\n');
}

/** A changed line, with the moved-run note on the first line of a run (content-moves.ts). */
function changedCell(
  change: ReportContentChange,
  side: 'left' | 'right',
  line: string | null,
  number: number,
): string {
  const html = cell(line, number, side === 'left' ? 'del' : 'ins');
  const note = line === null ? undefined : movedNote(change, side, number);
  return note === undefined
    ? html
    : html.replace(/<\/td>$/, ` <span class="moved">${escapeHtml(note)}</span></td>`);
}

function changeHtml(change: ReportContentChange, index: number): string {
  const count = Math.max(change.removed.length, change.added.length);
  const rows: string[] = [];
  for (let row = 0; row < count; row++) {
    const left = change.removed[row] ?? null;
    const right = change.added[row] ?? null;
    rows.push(
      `<tr>${changedCell(change, 'left', left, change.leftStart + row)}${changedCell(change, 'right', right, change.rightStart + row)}</tr>`,
    );
  }
  const omitted =
    change.omittedLines > 0
      ? `<tr><td colspan="4" class="note">${change.omittedLines} more changed lines are not shown.</td></tr>`
      : '';
  return `<tbody class="change" id="change-${index + 1}"><tr><th colspan="4" class="path">Change ${index + 1}: ${escapeHtml(change.path)}</th></tr>\n${rows.join('\n')}${omitted}</tbody>`;
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
        ? `<table class="sbs">${rowsHtml(region.middle, left, right)}</table>`
        : '';
    parts.push(
      `<tbody class="collapsed"><tr><td colspan="4"><details><summary>${middleCount.toLocaleString('en-US')} lines without shown changes (left ${left + 1}–${left + middleCount}, right ${right + 1}–${right + middleCount})</summary>${inner}${omitted}</details></td></tr></tbody>`,
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

/** The side-by-side table of the content diff, calling `onChange` as changes are written. */
export function contentDiffHtml(
  model: ReportModel,
  onChange: (done: number, total: number) => void = () => {},
): string {
  const changes = model.content.changes;
  if (changes.length === 0) return '<p>No content changes are shown.</p>';
  const regions = model.content.unchanged ?? [];
  // Each region names the change it comes before.
  const parts: string[] = [];
  let next = 0;
  let rows = 0;
  let shown = changes.length;
  for (const [index, change] of changes.entries()) {
    if (rows >= maxHtmlRows) {
      shown = index;
      break;
    }
    while (next < regions.length && regions[next]!.beforeChange <= index) {
      const region = regions[next++]!;
      parts.push(regionHtml(region));
      rows += region.head.length + region.middle.length + region.tail.length;
    }
    parts.push(changeHtml(change, index));
    rows += rowsOf(change);
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
  return `${noteHtml}<table class="sbs"><colgroup><col class="n"><col><col class="n"><col></colgroup><thead><tr><th colspan="2">Left: ${escapeHtml(model.documents.left.id)}</th><th colspan="2">Right: ${escapeHtml(model.documents.right.id)}</th></tr></thead>\n${parts.join('\n')}</table>`;
}
