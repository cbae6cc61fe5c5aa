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

/** Where each token starts in its line, and the line's length last. */
function tokenStarts(tokens: readonly string[]): Int32Array {
  const starts = new Int32Array(tokens.length + 1);
  for (let i = 0; i < tokens.length; i++) starts[i + 1] = starts[i]! + tokens[i]!.length;
  return starts;
}

/** Appends a segment, merged into the last one when it is of the same kind. */
function pushSegment(segments: WordSegment[], kind: WordSegment['kind'], text: string): void {
  if (text === '') return;
  const last = segments[segments.length - 1];
  if (last?.kind === kind) segments[segments.length - 1] = { kind, text: last.text + text };
  else segments.push({ kind, text });
}

/**
 * The word diff of a changed line pair, or undefined when the pair must not be word-diffed.
 * Segments are cut from the lines by token offsets rather than joined from token lists: up to
 * a thousand pairs are word-diffed per comparison.
 */
export function diffWords(left: string, right: string): WordSegment[] | undefined {
  if (isUnfit(left) || isUnfit(right)) return undefined;
  const a = tokenize(left);
  const b = tokenize(right);
  const diff = diffLineArrays(a, b, { workBudget: wordDiffBudget });
  if (diff.isCoarse) return undefined;
  const at = tokenStarts(a);
  const bt = tokenStarts(b);
  const segments: WordSegment[] = [];
  let from = 0;
  for (const block of diff.blocks) {
    pushSegment(segments, 'equal', left.slice(at[from]!, at[block.leftStart]!));
    pushSegment(segments, 'removed', left.slice(at[block.leftStart]!, at[block.leftEnd]!));
    pushSegment(segments, 'added', right.slice(bt[block.rightStart]!, bt[block.rightEnd]!));
    from = block.leftEnd;
  }
  pushSegment(segments, 'equal', left.slice(at[from]!, at[a.length]!));
  return segments;
}
