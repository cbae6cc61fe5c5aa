/**
 * Ranges of a kept comparison's canonical lines, for `documents:compare-lines`: the compare view
 * asks for the unchanged lines it shows instead of getting every line in the compare answer (an
 * ~8 MB answer on a 2 MB pair, parsed in one long task on the UI thread). Line starts are found
 * once per side with indexOf (no strings made) the first time a range of that side is asked for.
 */
import type {
  CompareLineSide,
  CompareLinesResult,
  CompareNarrativeResult,
  JoinedLines,
} from '../../../shared/ipc/compare-types';
import type { NarrativeComparison } from '../../../shared/narrative-diff/narrative-diff';
import { err, ok, type Result } from '../../../shared/result';

/** One side's joined lines with their line starts, built on first use. */
export interface IndexedSide {
  readonly text: string;
  readonly count: number;
  starts?: Int32Array;
}

export type IndexedLines = { readonly [S in CompareLineSide]: IndexedSide };

export function indexedLines(
  lines: JoinedLines,
  counts: { readonly left: number; readonly right: number },
): IndexedLines {
  return {
    left: { text: lines.left, count: counts.left },
    right: { text: lines.right, count: counts.right },
  };
}

/** starts[k] is where line k begins; starts[count] is one past the text's end (a virtual "\n"). */
function lineStarts(side: IndexedSide): Int32Array {
  if (side.starts) return side.starts;
  const starts = new Int32Array(side.count + 1);
  let at = 0;
  for (let line = 1; line < side.count; line++) {
    const end = side.text.indexOf('\n', at);
    at = end < 0 ? side.text.length + 1 : end + 1;
    starts[line] = at;
  }
  starts[side.count] = side.text.length + 1;
  side.starts = starts;
  return starts;
}

/** Lines start..start+count-1 of a side (fewer at its end); a start past the end is an error. */
export function lineRange(
  side: IndexedSide,
  start: number,
  count: number,
): Result<CompareLinesResult> {
  if (start > side.count || (start === side.count && side.count > 0))
    return err(
      'compare-lines-range',
      `Line ${start + 1} does not exist: that side has ${side.count} lines.`,
    );
  const starts = lineStarts(side);
  const end = Math.min(side.count, start + count);
  const lines: string[] = [];
  for (let line = start; line < end; line++)
    lines.push(side.text.slice(starts[line]!, starts[line + 1]! - 1));
  return ok({ start, lines, total: side.count });
}

/** About this much JSON text per narrative page (a 2.2 MB narrative in one answer was a long task). */
export const narrativePageChars = 256 * 1024;

/** Rows start..start+count-1 of a narrative diff, fewer when they pass `narrativePageChars`. */
export function narrativePage(
  narrative: NarrativeComparison,
  start: number,
  count: number,
): Result<CompareNarrativeResult> {
  const total = narrative.rows.length;
  if (start > total || (start === total && total > 0))
    return err(
      'compare-narrative-range',
      `Narrative row ${start + 1} does not exist: there are ${total} rows.`,
    );
  const end = Math.min(total, start + count);
  let chars = 0;
  let stop = start;
  // At least one row per page, so a client that asks again always gets further.
  while (stop < end && (stop === start || chars < narrativePageChars)) {
    chars += JSON.stringify(narrative.rows[stop]).length;
    stop++;
  }
  return ok({
    narrative: {
      changedRows: narrative.changedRows,
      notes: narrative.notes,
      start,
      rows: narrative.rows.slice(start, stop),
      total,
    },
  });
}
