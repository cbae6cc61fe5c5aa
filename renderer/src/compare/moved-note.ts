/**
 * The note on the first line of a moved run (content-moves.ts): lines a change removed that
 * another change adds unchanged, or the other way round, are a move, not an edit, and the row
 * says where the same lines stand on the other side (issue 7 review: swapped sections read as
 * a wall of unrelated changes).
 */
import type { ContentChange } from '../../../shared/compare/content-changes';

/** `moved to line N` / `moved from line N` (1-based canonical line), or undefined. */
export function movedNote(
  change: ContentChange,
  side: 'left' | 'right',
  line: number,
): string | undefined {
  const own = side === 'left' ? 'removed' : 'added';
  const run = change.moved?.find((moved) => moved.side === own && moved.start === line);
  if (run === undefined) return undefined;
  const count = run.end - run.start;
  const lines = count === 1 ? '' : ` (${count} lines)`;
  return `moved ${side === 'left' ? 'to' : 'from'} line ${run.otherStart + 1}${lines}`;
}
