/**
 * Word-level diff inside one changed line pair. Tokenised (words, spaces, punctuation), never by
 * character, and never on long or Base64 lines: character diffs of such lines took 13–53 s
 * (TOOLCHAIN.md "Diff"). When a pair is out of bounds the answer is undefined and the line is
 * shown as replaced as a whole.
 */
import { looksLikeBase64 } from '../crypto/base64';
import { diffIds, smallRegionLines, type ChangeBlock } from './line-diff';
import { myersBlocks } from './myers';

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

/**
 * The token blocks of a pair: the equal head and tail are cut off by comparing tokens, and the
 * middle goes to Myers directly when it is small (as diffIds would send it), else to diffIds.
 * This is what diffLineArrays does, without its interning of every token and its scratch
 * tables: a comparison word-diffs up to a thousand pairs.
 */
function tokenBlocks(a: readonly string[], b: readonly string[]): ChangeBlock[] | undefined {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  )
    tail++;
  const n = a.length - head - tail;
  const m = b.length - head - tail;
  if (n === 0 && m === 0) return [];
  if (n === 0 || m === 0)
    return [{ leftStart: head, leftEnd: head + n, rightStart: head, rightEnd: head + m }];
  const ids = new Map<string, number>();
  const intern = (tokens: readonly string[], count: number): Int32Array => {
    const out = new Int32Array(count);
    for (let i = 0; i < count; i++) {
      const token = tokens[head + i]!;
      let id = ids.get(token);
      if (id === undefined) {
        id = ids.size;
        ids.set(token, id);
      }
      out[i] = id;
    }
    return out;
  };
  const x = intern(a, n);
  const y = intern(b, m);
  let list: readonly ChangeBlock[];
  if (n + m <= smallRegionLines)
    list = myersBlocks({ a: x, aStart: 0, aEnd: n, b: y, bStart: 0, bEnd: m }, n + m)!;
  else {
    const diff = diffIds(x, y, ids.size, { workBudget: wordDiffBudget });
    if (diff.isCoarse) return undefined;
    list = diff.blocks;
  }
  return list.map((block) => ({
    leftStart: block.leftStart + head,
    leftEnd: block.leftEnd + head,
    rightStart: block.rightStart + head,
    rightEnd: block.rightEnd + head,
  }));
}

/** The word diff of a changed line pair, or undefined when the pair must not be word-diffed. */
export function diffWords(left: string, right: string): WordSegment[] | undefined {
  if (isUnfit(left) || isUnfit(right)) return undefined;
  const a = tokenize(left);
  const b = tokenize(right);
  const blocks = tokenBlocks(a, b);
  if (!blocks) return undefined;
  const segments: WordSegment[] = [];
  const push = (kind: WordSegment['kind'], text: string): void => {
    if (text === '') return;
    const last = segments[segments.length - 1];
    if (last?.kind === kind) segments[segments.length - 1] = { kind, text: last.text + text };
    else segments.push({ kind, text });
  };
  let at = 0;
  for (const block of blocks) {
    push('equal', a.slice(at, block.leftStart).join(''));
    push('removed', a.slice(block.leftStart, block.leftEnd).join(''));
    push('added', b.slice(block.rightStart, block.rightEnd).join(''));
    at = block.leftEnd;
  }
  push('equal', a.slice(at).join(''));
  return segments;
}
