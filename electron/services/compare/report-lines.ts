/**
 * The canonical lines a report's side-by-side view shows, and only those: the unchanged regions
 * around the shown changes (shared/report/unchanged-regions.ts: a few context rows, collapsed
 * middles up to their caps). A 20 MB pair has about a million lines a side, and a report shows at
 * most some tens of thousands, so the compare worker sends those with their line numbers instead
 * of both whole forms, and joined-lines.ts puts them back at their places.
 */
import type { CompareResult } from '../../../shared/compare/compare-result';
import type { CanonicalLines } from '../../../shared/ipc/compare-types';
import { unchangedRegions } from '../../../shared/report/unchanged-regions';

/** Some of each side's lines (joined with "\n"), the 0-based line number of each, and the counts. */
export interface ReportLines {
  readonly left: string;
  readonly right: string;
  readonly leftNumbers: readonly number[];
  readonly rightNumbers: readonly number[];
}

/** Line numbers of the rows of every unchanged region, per side, in order. */
function shownLineNumbers(
  shown: CompareResult['content']['shown'],
  lines: CanonicalLines,
): { left: number[]; right: number[] } {
  const left: number[] = [];
  const right: number[] = [];
  for (const region of unchangedRegions(shown, lines)) {
    const count = Math.max(region.leftEnd - region.leftStart, region.rightEnd - region.rightStart);
    const head = region.head.length;
    const rows = [
      [0, head + region.middle.length],
      [count - region.tail.length, count],
    ] as const;
    for (const [from, to] of rows)
      for (let row = from; row < to; row++) {
        if (region.leftStart + row < region.leftEnd) left.push(region.leftStart + row);
        if (region.rightStart + row < region.rightEnd) right.push(region.rightStart + row);
      }
  }
  return { left, right };
}

/** The lines a report shows; undefined (no lines sent) should one of them hold a line break. */
export function reportLinesOf(
  shown: CompareResult['content']['shown'],
  lines: CanonicalLines,
): ReportLines | undefined {
  const numbers = shownLineNumbers(shown, lines);
  const pick = (side: readonly string[], at: readonly number[]) => at.map((line) => side[line]!);
  const left = pick(lines.left, numbers.left);
  const right = pick(lines.right, numbers.right);
  const hasBreak = (side: readonly string[]) => side.some((line) => line.includes('\n'));
  if (hasBreak(left) || hasBreak(right)) return undefined;
  return {
    left: left.join('\n'),
    right: right.join('\n'),
    leftNumbers: numbers.left,
    rightNumbers: numbers.right,
  };
}

/** Each side as an array of its full length holding the sent lines at their places. */
export function placeReportLines(lines: ReportLines, result: CompareResult): CanonicalLines {
  const place = (text: string, numbers: readonly number[], count: number): string[] => {
    const side = new Array<string>(count);
    if (numbers.length === 0) return side;
    const parts = text.split('\n');
    for (let index = 0; index < numbers.length; index++) side[numbers[index]!] = parts[index]!;
    return side;
  };
  return {
    left: place(lines.left, lines.leftNumbers, result.content.leftLines),
    right: place(lines.right, lines.rightNumbers, result.content.rightLines),
  };
}
