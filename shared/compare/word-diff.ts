/**
 * Word-level diff inside one changed line pair. Tokenised (words, spaces, punctuation), never by
 * character, and never on long or Base64 lines: character diffs of such lines took 13–53 s
 * (TOOLCHAIN.md "Diff"). When a pair is out of bounds the answer is undefined and the line is
 * shown as replaced as a whole.
 */
import { looksLikeBase64 } from '../crypto/base64';
import { diffLineArrays } from './line-diff';

/** A run of text that is equal on both sides, or only on one. */
export interface WordSegment {
  readonly kind: 'equal' | 'removed' | 'added';
  readonly text: string;
}

/** Lines longer than this are not word-diffed. */
export const maxWordDiffLineLength = 4096;
const wordDiffBudget = 200_000;

const tokenPattern = /[ \t]+|[\p{L}\p{N}_]+|[^ \t\p{L}\p{N}_]/gu;

/** Splits a line into words, runs of spaces and single other characters. */
export function tokenize(line: string): string[] {
  return line.match(tokenPattern) ?? [];
}

function isUnfit(line: string): boolean {
  const trimmed = line.trim();
  return (
    line.length > maxWordDiffLineLength ||
    (trimmed.length >= 64 && !/\s/.test(trimmed) && looksLikeBase64(trimmed))
  );
}

/** The word diff of a changed line pair, or undefined when the pair must not be word-diffed. */
export function diffWords(left: string, right: string): WordSegment[] | undefined {
  if (isUnfit(left) || isUnfit(right)) return undefined;
  const a = tokenize(left);
  const b = tokenize(right);
  const diff = diffLineArrays(a, b, { workBudget: wordDiffBudget });
  if (diff.isCoarse) return undefined;
  const segments: WordSegment[] = [];
  const push = (kind: WordSegment['kind'], text: string): void => {
    if (text === '') return;
    const last = segments[segments.length - 1];
    if (last?.kind === kind) segments[segments.length - 1] = { kind, text: last.text + text };
    else segments.push({ kind, text });
  };
  let at = 0;
  for (const block of diff.blocks) {
    push('equal', a.slice(at, block.leftStart).join(''));
    push('removed', a.slice(block.leftStart, block.leftEnd).join(''));
    push('added', b.slice(block.rightStart, block.rightEnd).join(''));
    at = block.leftEnd;
  }
  push('equal', a.slice(at).join(''));
  return segments;
}
