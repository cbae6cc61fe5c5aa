/**
 * The stretches of canonical lines between shown content changes, for the report's side-by-side
 * view: a few lines of context next to each change stay visible, the middle is collapsed, and
 * huge stretches are cut so a report of a 20 MB pair stays usable in a browser. A stretch may hold
 * changes the ignore profile hid, so its two sides can differ in length; rows pair lines by position.
 */

/** One row of the side-by-side view: a left line and a right line (null where a side has none). */
export type SideBySideRow = readonly [string | null, string | null];

export interface UnchangedRegion {
  /** The index of the shown change this region comes before (the number of changes: the end). */
  readonly beforeChange: number;
  /** 0-based canonical line ranges [start, end), as in ContentChange. */
  readonly leftStart: number;
  readonly leftEnd: number;
  readonly rightStart: number;
  readonly rightEnd: number;
  /** Shown after the change before it (or at the start of the document). */
  readonly head: readonly SideBySideRow[];
  /** Collapsed in the view. */
  readonly middle: readonly SideBySideRow[];
  /** Rows of the middle left out of the report (past the caps). */
  readonly middleOmitted: number;
  /** Shown before the next change. */
  readonly tail: readonly SideBySideRow[];
}

interface Located {
  readonly leftStart: number;
  readonly leftEnd: number;
  readonly rightStart: number;
  readonly rightEnd: number;
}

/** Lines of context kept visible next to a change. */
export const contextRows = 3;
/** Rows one collapsed region carries at most. */
export const maxRowsPerRegion = 200;
/** Collapsed rows in the whole report at most (keeps a 20 MB pair's report a few MB). */
export const maxCollapsedRows = 10_000;

function rows(
  left: readonly string[],
  right: readonly string[],
  from: number,
  to: number,
  at: { leftStart: number; rightStart: number; leftEnd: number; rightEnd: number },
): SideBySideRow[] {
  const out: SideBySideRow[] = [];
  for (let row = from; row < to; row++) {
    const l = at.leftStart + row < at.leftEnd ? (left[at.leftStart + row] ?? null) : null;
    const r = at.rightStart + row < at.rightEnd ? (right[at.rightStart + row] ?? null) : null;
    out.push([l, r]);
  }
  return out;
}

/** The unchanged regions around `changes` (sorted by position, as the diff gives them). */
export function unchangedRegions(
  changes: readonly Located[],
  lines: { readonly left: readonly string[]; readonly right: readonly string[] },
): UnchangedRegion[] {
  const regions: UnchangedRegion[] = [];
  let budget = maxCollapsedRows;
  let leftAt = 0;
  let rightAt = 0;
  const stops = [
    ...changes,
    {
      leftStart: lines.left.length,
      leftEnd: lines.left.length,
      rightStart: lines.right.length,
      rightEnd: lines.right.length,
    },
  ];
  for (const [index, change] of stops.entries()) {
    const at = {
      leftStart: leftAt,
      leftEnd: Math.max(leftAt, change.leftStart),
      rightStart: rightAt,
      rightEnd: Math.max(rightAt, change.rightStart),
    };
    leftAt = Math.max(leftAt, change.leftEnd);
    rightAt = Math.max(rightAt, change.rightEnd);
    const count = Math.max(at.leftEnd - at.leftStart, at.rightEnd - at.rightStart);
    if (count === 0) continue;
    const isFirst = index === 0;
    const isLast = index === stops.length - 1;
    const headCount = isFirst ? 0 : Math.min(contextRows, count);
    const tailCount = isLast ? 0 : Math.min(contextRows, count - headCount);
    const middleCount = count - headCount - tailCount;
    const kept = Math.max(0, Math.min(middleCount, maxRowsPerRegion, budget));
    budget -= kept;
    regions.push({
      beforeChange: index,
      ...at,
      head: rows(lines.left, lines.right, 0, headCount, at),
      middle: rows(lines.left, lines.right, headCount, headCount + kept, at),
      middleOmitted: middleCount - kept,
      tail: rows(lines.left, lines.right, count - tailCount, count, at),
    });
  }
  return regions;
}
