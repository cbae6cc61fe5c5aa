/**
 * The compare worker sends each side's canonical lines joined into one string (one string
 * crosses a thread far faster than 100,000); the report writers want them as lines again.
 */
import type { CompareResult } from '../../../shared/compare/compare-result';
import type { CanonicalLines, JoinedLines } from '../../../shared/ipc/compare-types';
import { placeReportLines, type ReportLines } from './report-lines';

/**
 * Both sides' lines from the joined form (an empty document has no line, not one ''). From the
 * report-only form (keepLines 'report'), each side has its full length but only the lines a
 * report shows.
 */
export function splitJoinedLines(
  lines: JoinedLines | ReportLines,
  result: CompareResult,
): CanonicalLines {
  if ('leftNumbers' in lines) return placeReportLines(lines, result);
  const split = (text: string, count: number) => (count === 0 ? [] : text.split('\n'));
  return {
    left: split(lines.left, result.content.leftLines),
    right: split(lines.right, result.content.rightLines),
  };
}
