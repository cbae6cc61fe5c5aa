/**
 * The compare worker sends each side's canonical lines joined into one string (one string
 * crosses a thread far faster than 100,000); the report writers want them as lines again.
 */
import type { CompareResult } from '../../../shared/compare/compare-documents';
import type { CanonicalLines, JoinedLines } from '../../../shared/ipc/compare-types';

/** Both sides' lines from the joined form (an empty document has no line, not one ''). */
export function splitJoinedLines(lines: JoinedLines, result: CompareResult): CanonicalLines {
  const split = (text: string, count: number) => (count === 0 ? [] : text.split('\n'));
  return {
    left: split(lines.left, result.content.leftLines),
    right: split(lines.right, result.content.rightLines),
  };
}
