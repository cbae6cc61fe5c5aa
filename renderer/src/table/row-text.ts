/**
 * The text "Filter all columns" searches in: a row's filterable values, lower-cased and joined by
 * line breaks (which a typed filter never contains, so no match spans two values). Built once per
 * row object and kept in a WeakMap, because rows never change and a keystroke must not lower-case
 * 100,000 rows again.
 */
import type { DocumentRow } from '../../../shared/ipc/workspace-types';

const rowTexts = new WeakMap<DocumentRow, string>();

/** The lower-cased text of one row, from the cache when it was built before. */
export function rowTextOf(row: DocumentRow): string {
  let text = rowTexts.get(row);
  if (text === undefined) {
    text = [
      row.status,
      row.identityProblems.length > 0 ? 'problem' : '',
      row.title,
      // As the Date column shows it ("2024-05-06 08:53:11"), so what is seen can be typed.
      row.date.replace('T', ' ').slice(0, 19),
      row.patient,
      row.register,
      row.view,
      row.documentId,
      row.setId,
      row.organisation,
    ]
      .join('\n')
      .toLowerCase();
    rowTexts.set(row, text);
  }
  return text;
}
