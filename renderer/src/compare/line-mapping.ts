/**
 * Keeping the two sides in step: where a line of one side lands on the other (so switching
 * between side-by-side and inline keeps the place, and a change-list item finds its content
 * change), and which row shows a given line.
 */
import type { ContentChange } from '../../../shared/compare/content-changes';
import { modelPathLinker } from '../../../shared/compare/model-path-links';
import type { DiffRow, ViewChange } from './diff-rows';

/**
 * The line of the other side that corresponds to `line` of `side`: unchanged lines shift by the
 * changes before them; a line inside a change maps into the other side's part of that change.
 */
export function mapLine(
  changes: readonly ContentChange[],
  side: 'left' | 'right',
  line: number,
): number {
  const [start, end, otherStart, otherEnd] =
    side === 'left'
      ? (['leftStart', 'leftEnd', 'rightStart', 'rightEnd'] as const)
      : (['rightStart', 'rightEnd', 'leftStart', 'leftEnd'] as const);
  let low = 0;
  let high = changes.length;
  // The first change that ends after the line (changes are in line order on both sides).
  while (low < high) {
    const middle = (low + high) >> 1;
    if (changes[middle]![end] <= line) low = middle + 1;
    else high = middle;
  }
  const containing = changes[low];
  if (containing && containing[start] <= line) {
    const size = containing[otherEnd] - containing[otherStart];
    return containing[otherStart] + Math.min(line - containing[start], Math.max(size - 1, 0));
  }
  const before = changes[low - 1];
  return before ? before[otherEnd] + (line - before[end]) : line;
}

/** The row that shows `line` of `side`, or the nearest row before it (collapsed regions count). */
export function rowOfLine(rows: readonly DiffRow[], side: 'left' | 'right', line: number): number {
  let best = 0;
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index]!;
    const at =
      row.kind === 'same' || row.kind === 'change' || row.kind === 'collapsed'
        ? row[side]
        : undefined;
    if (at === undefined) continue;
    if (row.kind === 'collapsed' && at <= line && line < at + row.count) return index;
    if (at === line) return index;
    if (at < line) best = index;
    else break;
  }
  return best;
}

/** The line a row stands for on the left side (or the right when it has no left line). */
export function lineOfRow(
  row: DiffRow | undefined,
): { side: 'left' | 'right'; line: number } | undefined {
  if (!row || (row.kind !== 'same' && row.kind !== 'change' && row.kind !== 'collapsed'))
    return undefined;
  if (row.left !== undefined) return { side: 'left', line: row.left };
  if (row.right !== undefined) return { side: 'right', line: row.right };
  return undefined;
}

/**
 * The content change a change-list item points at: by its source line on either side, preferring
 * changes under the item's canonical path. A header or metadata item (a model path) points at the
 * change on the element its field lives in (model-path-links.ts), if any; else it has none and
 * lives in the metadata table only.
 */
export function changeForItem(
  item: {
    readonly pathKind: 'canonical' | 'model';
    readonly path: string;
    readonly leftLine?: number;
    readonly rightLine?: number;
  },
  changes: readonly ViewChange[],
): number | undefined {
  if (changes.length === 0) return undefined;
  if (item.pathKind === 'model')
    return modelPathLinker(changes.map((view) => view.change))(item.path);
  const stripped = (path: string) => path.replace(/\[\d+\]/g, '');
  let best: { index: number; score: number } | undefined;
  changes.forEach((view, index) => {
    const { change } = view;
    const distances = [
      item.leftLine !== undefined && change.leftSourceLine !== undefined
        ? Math.abs(change.leftSourceLine - item.leftLine)
        : Infinity,
      item.rightLine !== undefined && change.rightSourceLine !== undefined
        ? Math.abs(change.rightSourceLine - item.rightLine)
        : Infinity,
    ];
    const isUnder = stripped(change.path).startsWith(item.path);
    const score = Math.min(...distances) + (isUnder ? 0 : 1_000_000);
    if (!best || score < best.score) best = { index, score };
  });
  return best && best.score < Infinity ? best.index : undefined;
}
