/**
 * The HTML report's change list. Each item points at the content change it describes, in the
 * content diff's own canonical line numbers and with a link to that change's "Change N" anchor,
 * found the way the app's change list finds it (shared/compare/change-item-links.ts). The source
 * files' line numbers meant nothing to a reader of the diff: a one-line source gave "2 / 2" for
 * every item (issue 7 review 9, defect 3).
 */
import { linkItems, type LinkableItem } from '../../../shared/compare/change-item-links';
import type { ReportContentChange, ReportModel } from '../../../shared/report/report-model';
import {
  documentTextRuns,
  defaultContentLanguage,
} from '../../../shared/documents/content-language';
import { escapeHtml as e } from './html-escape';

/** An item's sentence, its quoted values and section and entry names marked Finnish (lang). */
function itemTextHtml(change: ReportModel['changes'][number]): string {
  return documentTextRuns(change.text, [change.section, change.entry])
    .map((run) =>
      run.isDocument ? `<span lang="${defaultContentLanguage}">${e(run.text)}</span>` : e(run.text),
    )
    .join('');
}

/** A 0-based, end-exclusive canonical line range as the diff numbers it (1-based). */
function lineRange(start: number, end: number): string {
  if (end <= start) return 'none';
  return end - start === 1 ? String(start + 1) : `${start + 1}–${end}`;
}

/** Where an item's change is: its anchor (when on this page) and its lines on both sides. */
function whereHtml(
  item: ReportModel['changes'][number],
  change: ReportContentChange | undefined,
  index: number | undefined,
  onPage: number,
): string {
  if (change === undefined || index === undefined)
    return item.pathKind === 'model'
      ? '<span class="note">no content change (metadata only)</span>'
      : '<span class="note">no changed line under its path in the content diff</span>';
  const name = `Change ${index + 1}`;
  const anchor =
    index < onPage
      ? `<a href="#change-${index + 1}">${name}</a>`
      : `${name} <span class="note">(not on this page: see the JSON or CSV report)</span>`;
  const lines = `${lineRange(change.leftStart, change.leftEnd)} / ${lineRange(change.rightStart, change.rightEnd)}`;
  return `${anchor}<br><span class="nowrap">lines ${lines}</span>`;
}

/**
 * The content change each item points at (an index into model.content.changes), or undefined.
 * The app's linking falls back to the nearest change by source line even outside an item's
 * path; on one-line sources every line is "nearest", so the report keeps only changes under
 * the item's path (a section moved elsewhere has no changed line of its own).
 */
export function linkedChanges(model: ReportModel): (number | undefined)[] {
  const items: LinkableItem[] = model.changes.map((change) => ({
    pathKind: change.pathKind ?? 'canonical',
    path: change.path,
    ...(change.leftLine !== undefined ? { leftLine: change.leftLine } : {}),
    ...(change.rightLine !== undefined ? { rightLine: change.rightLine } : {}),
  }));
  const changes = model.content.changes;
  const { changeOfItem } = linkItems(
    changes.map((change) => ({ change })),
    items,
  );
  return items.map((item) => {
    const index = changeOfItem.get(item);
    if (index === undefined || item.pathKind === 'model') return index;
    const path = changes[index]!.path.replace(/\[\d+\]/g, '');
    return path.startsWith(item.path) ? index : undefined;
  });
}

/** The change list table; `onPage` is how many content changes the page shows (changesOnPage). */
export function changeListHtml(
  model: ReportModel,
  onPage: number,
  table: (headers: readonly string[], rows: readonly (readonly string[])[]) => string,
): string {
  if (model.changes.length === 0) return '<p>The change list is empty.</p>';
  const truncated = model.changeListTruncated
    ? '<p class="note">The change list was cut at its limit; the content diff below is complete.</p>'
    : '';
  const linked = linkedChanges(model);
  const intro =
    '<p class="note">"In the content diff" names the change below that an item is part of (a link to it) and its lines, left / right, numbered as the content diff numbers them.</p>';
  return `${intro}${truncated}${table(
    ['#', 'Where', 'Change', 'In the content diff'],
    model.changes.map((change, index) => {
      const at = linked[index];
      return [
        `<span class="nowrap">${index + 1}</span>`,
        `<span class="nowrap">${e(change.group)}</span>`,
        itemTextHtml(change),
        whereHtml(change, at === undefined ? undefined : model.content.changes[at], at, onPage),
      ];
    }),
  )}`;
}
