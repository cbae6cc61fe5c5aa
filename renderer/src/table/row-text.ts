/**
 * The text "Filter all columns" searches in: a row's filterable values as the columns show them,
 * lower-cased and joined by line breaks (which a typed filter never contains, so no match spans
 * two values). Built once per row by column-keys.ts, because a keystroke must not lower-case
 * 100,000 rows again.
 */
import type { DocumentRow } from '../../../shared/ipc/workspace-types';
import { documentColumns } from './document-columns';

const filterTexts = documentColumns.flatMap((column) =>
  column.filterText ? [column.filterText] : [],
);

/** The lower-cased text of one row. */
export function rowTextOf(row: DocumentRow): string {
  let text = '';
  for (let index = 0; index < filterTexts.length; index += 1)
    text += (index === 0 ? '' : '\n') + (filterTexts[index]?.(row) ?? '');
  return text.toLowerCase();
}
