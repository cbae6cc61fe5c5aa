/**
 * One side of a word diff as the runs a view draws, marked changed or not. The text output and
 * the compare view both draw word diffs through this, so they mark the same things. A line's
 * indentation is never marked: in the canonical form it is the element's depth, which changes
 * whenever an element is wrapped or unwrapped (commented out, say), and marking it hid the real
 * change among long struck-through blocks of spaces (issue 7 review).
 */
import type { WordSegment } from './word-diff';

/** A run of one side's text, and whether it is marked as changed. */
export interface MarkedRun {
  readonly text: string;
  readonly isChanged: boolean;
}

/** The length of a line's indentation: its leading spaces and tabs. */
export function indentationLength(line: string): number {
  let length = 0;
  while (length < line.length) {
    const unit = line.charCodeAt(length);
    if (unit !== 32 && unit !== 9) break;
    length++;
  }
  return length;
}

function pushRun(runs: MarkedRun[], text: string, isChanged: boolean): void {
  if (text === '') return;
  const last = runs[runs.length - 1];
  if (last?.isChanged === isChanged) runs[runs.length - 1] = { text: last.text + text, isChanged };
  else runs.push({ text, isChanged });
}

/**
 * The left side (equal and removed segments) or the right side (equal and added) of a word
 * diff, with the line's indentation unmarked. The runs spell out that side's line exactly.
 */
export function markedRuns(segments: readonly WordSegment[], side: 'left' | 'right'): MarkedRun[] {
  const changedKind = side === 'left' ? 'removed' : 'added';
  const runs: MarkedRun[] = [];
  let isInIndentation = true;
  for (const segment of segments) {
    if (segment.kind !== 'equal' && segment.kind !== changedKind) continue;
    let text = segment.text;
    if (isInIndentation) {
      const indentation = indentationLength(text);
      pushRun(runs, text.slice(0, indentation), false);
      if (indentation === text.length) continue;
      text = text.slice(indentation);
      isInIndentation = false;
    }
    pushRun(runs, text, segment.kind === changedKind);
  }
  return runs;
}
