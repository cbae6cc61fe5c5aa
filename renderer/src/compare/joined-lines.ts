/**
 * The canonical lines the view shows, read out of the joined form they arrive in
 * (shared/ipc/compare-types.ts JoinedLines). Line starts are found once with indexOf, which makes
 * no strings; a line's text is cut only when a visible row asks for it, so a 2 MB pair costs the
 * UI thread a few milliseconds instead of 100,000 strings at once.
 */
import type { JoinedLines } from '../../../shared/ipc/compare-types';

/** One side's lines by number. */
export interface LineSource {
  readonly count: number;
  readonly at: (line: number) => string | undefined;
}

export interface ShownLines {
  readonly left: LineSource;
  readonly right: LineSource;
}

function lineSource(text: string, count: number): LineSource {
  const starts = new Int32Array(count + 1);
  let at = 0;
  for (let line = 1; line < count; line++) {
    const end = text.indexOf('\n', at);
    at = end < 0 ? text.length + 1 : end + 1;
    starts[line] = at;
  }
  starts[count] = text.length + 1;
  return {
    count,
    at: (line) =>
      Number.isInteger(line) && line >= 0 && line < count
        ? text.slice(starts[line]!, starts[line + 1]! - 1)
        : undefined,
  };
}

/** Both sides' line sources; `counts` are the comparison's line counts (an empty text has none). */
export function shownLines(
  lines: JoinedLines,
  counts: { readonly left: number; readonly right: number },
): ShownLines {
  return {
    left: lineSource(lines.left, counts.left),
    right: lineSource(lines.right, counts.right),
  };
}
