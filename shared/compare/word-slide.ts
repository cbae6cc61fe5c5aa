/**
 * Moves a word diff's pure insertions and deletions to tag boundaries. A run inserted next to
 * tokens equal to its own ends can sit at several places with the same result: `<!--<text>-->`
 * against `<text>` is `<` `{+!--<+}` `text` … as well as `{+<!--+}` `<text>` …, and the token
 * diff takes whichever it meets first. A run that starts at `<` or ends at `>` reads as the
 * markup that was added or removed (issue 7 review: a commented-out block), so it goes there;
 * where no place is better, the diff's own choice stays.
 */
import type { ChangeBlock } from './myers';

/** One line's tokens: where each starts, and the line's length after the last. */
export interface LineTokens {
  readonly line: string;
  readonly starts: Int32Array;
  readonly count: number;
}

function isSameToken(tokens: LineTokens, i: number, j: number): boolean {
  const { line, starts } = tokens;
  const start = starts[i]!;
  const other = starts[j]!;
  const length = starts[i + 1]! - start;
  if (starts[j + 1]! - other !== length) return false;
  for (let k = 0; k < length; k++)
    if (line.charCodeAt(start + k) !== line.charCodeAt(other + k)) return false;
  return true;
}

function isCharacter(tokens: LineTokens, k: number, unit: number): boolean {
  const start = tokens.starts[k]!;
  return tokens.starts[k + 1]! - start === 1 && tokens.line.charCodeAt(start) === unit;
}

/** How well tokens [start, end) read as markup: starting at `<`, ending at `>`. */
function tagScore(tokens: LineTokens, start: number, end: number): number {
  return (isCharacter(tokens, start, 0x3c) ? 1 : 0) + (isCharacter(tokens, end - 1, 0x3e) ? 1 : 0);
}

/** The blocks, each pure insertion or deletion moved to its best-reading place (see above). */
export function slideToTags(
  blocks: readonly ChangeBlock[],
  left: LineTokens,
  right: LineTokens,
): ChangeBlock[] {
  const slid: ChangeBlock[] = [];
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b]!;
    const isInsertion = block.leftStart === block.leftEnd;
    if (!isInsertion && block.rightStart !== block.rightEnd) {
      slid.push(block);
      continue;
    }
    // Only the changed side's tokens matter: the equal tokens around the run move with it.
    const tokens = isInsertion ? right : left;
    const start = isInsertion ? block.rightStart : block.leftStart;
    const length = (isInsertion ? block.rightEnd : block.leftEnd) - start;
    const previous = slid[slid.length - 1];
    const next = blocks[b + 1];
    const floor = previous ? (isInsertion ? previous.rightEnd : previous.leftEnd) : 0;
    const ceiling = next ? (isInsertion ? next.rightStart : next.leftStart) : tokens.count;
    let first = start;
    while (first > floor && isSameToken(tokens, first - 1, first + length - 1)) first--;
    let best = start;
    let bestScore = tagScore(tokens, start, start + length);
    for (let at = first; at + length <= ceiling; at++) {
      if (at > first && !isSameToken(tokens, at - 1, at + length - 1)) break;
      const score = tagScore(tokens, at, at + length);
      if (score > bestScore) [best, bestScore] = [at, score];
    }
    const shift = best - start;
    slid.push({
      leftStart: block.leftStart + shift,
      leftEnd: block.leftEnd + shift,
      rightStart: block.rightStart + shift,
      rightEnd: block.rightEnd + shift,
    });
  }
  return slid;
}
