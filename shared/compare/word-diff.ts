/**
 * Word-level diff inside one changed line pair. Tokenised (words, spaces, punctuation), never by
 * character, and never on long or Base64 lines: character diffs of such lines took 13–53 s
 * (TOOLCHAIN.md "Diff"). When a pair is out of bounds the answer is undefined and the line is
 * shown as replaced as a whole.
 */
import { looksLikeBase64 } from '../crypto/base64';
import { diffIds } from './line-diff';
import { myersInto, type ChangeBlock } from './myers';
import { indentationLength } from './word-marks';
import { slideToTags } from './word-slide';

/** A run of text that is equal on both sides, or only on one. */
export interface WordSegment {
  readonly kind: 'equal' | 'removed' | 'added';
  readonly text: string;
}

/**
 * Lines longer than this are not word-diffed. Tokens are cut by one linear scan, the equal head
 * and tail are skipped, and the work budget bounds the rest, so a long narrative paragraph with
 * one changed word still gets its word diff; this only caps the scan of a thousand pairs.
 */
export const maxWordDiffLineLength = 65_536;
const wordDiffBudget = 200_000;
/** Token middles up to this many tokens in total go straight to Myers (as diffIds would). */
const smallMiddleTokens = 128;

const tokenPattern = /[ \t]+|[\p{L}\p{N}_]+|[^ \t\p{L}\p{N}_]/gu;
const wordCharacter = /^[\p{L}\p{N}_]$/u;

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

/** Whether each UTF-16 unit below 0x10000 is a word character (0 not known yet, 1 yes, 2 no). */
const isWordUnit = new Uint8Array(0x10000);

/** Whether the code point is a word character: a letter, a digit or `_` (tokenPattern's class). */
export function isWord(codePoint: number): boolean {
  if (codePoint < 0x10000) {
    let known = isWordUnit[codePoint]!;
    if (known === 0) {
      known = wordCharacter.test(String.fromCharCode(codePoint)) ? 1 : 2;
      isWordUnit[codePoint] = known;
    }
    return known === 1;
  }
  return wordCharacter.test(String.fromCodePoint(codePoint));
}

/**
 * The tokens of one line as start offsets, and ids of the tokens between the equal head and tail,
 * in buffers kept between pairs (up to a thousand pairs are word-diffed per comparison, and a
 * fresh typed array per line lives outside the heap).
 */
class TokenBuffer {
  /** The line last cut. */
  line = '';
  ids = new Int32Array(256);
  /** Where each token starts, and the line's length after the last. */
  starts = new Int32Array(257);
  count = 0;

  /** Cuts a line into tokenize's tokens, without a regular expression or a string per token. */
  cut(line: string): void {
    if (line.length + 1 > this.starts.length) {
      this.ids = new Int32Array(line.length);
      this.starts = new Int32Array(line.length + 1);
    }
    const starts = this.starts;
    let count = 0;
    let at = 0;
    while (at < line.length) {
      starts[count++] = at;
      const unit = line.charCodeAt(at);
      if (unit === 32 || unit === 9) {
        do at++;
        while (at < line.length && (line.charCodeAt(at) === 32 || line.charCodeAt(at) === 9));
      } else {
        let codePoint = line.codePointAt(at)!;
        const isWordToken = isWord(codePoint);
        do at += codePoint > 0xffff ? 2 : 1;
        while (isWordToken && at < line.length && isWord((codePoint = line.codePointAt(at)!)));
      }
    }
    starts[count] = line.length;
    this.count = count;
    this.line = line;
  }

  /**
   * Interns tokens [from, to) of the line into ids at the same indexes. A token of one UTF-16
   * unit (punctuation, a single space: most tokens of XML) is its own id, the unit; longer ones
   * are numbered from 0x10000 on in `dictionary`.
   */
  intern(line: string, from: number, to: number, dictionary: Map<string, number>): void {
    const { ids, starts } = this;
    for (let k = from; k < to; k++) {
      const start = starts[k]!;
      const end = starts[k + 1]!;
      if (end - start === 1) {
        ids[k] = line.charCodeAt(start);
        continue;
      }
      const token = line.slice(start, end);
      let id = dictionary.get(token);
      if (id === undefined) {
        id = firstLongTokenId + dictionary.size;
        dictionary.set(token, id);
      }
      ids[k] = id;
    }
  }
}

const leftTokens = new TokenBuffer();
const rightTokens = new TokenBuffer();
const dictionary = new Map<string, number>();
const firstLongTokenId = 0x10000;
const maxDictionarySize = 20_000;

/**
 * The ids of a pair renumbered 0, 1, 2, … in order of appearance, for diffIds (whose tables are
 * as long as the largest id); the script depends only on which ids are equal.
 */
function denseIds(
  left: Int32Array,
  right: Int32Array,
): { left: Int32Array; right: Int32Array; distinct: number } {
  const numbers = new Map<number, number>();
  const renumber = (ids: Int32Array): Int32Array =>
    ids.map((id) => {
      let dense = numbers.get(id);
      if (dense === undefined) {
        dense = numbers.size;
        numbers.set(id, dense);
      }
      return dense;
    });
  return { left: renumber(left), right: renumber(right), distinct: numbers.size };
}

function commonPrefixLength(x: string, y: string): number {
  const most = Math.min(x.length, y.length);
  let length = 0;
  while (length < most && x.charCodeAt(length) === y.charCodeAt(length)) length++;
  return length;
}

function commonSuffixLength(x: string, y: string): number {
  const most = Math.min(x.length, y.length);
  let length = 0;
  while (
    length < most &&
    x.charCodeAt(x.length - 1 - length) === y.charCodeAt(y.length - 1 - length)
  )
    length++;
  return length;
}

/**
 * The token blocks of a pair: what diffLineArrays gives for tokenize's lists with the word budget
 * (the equal head and tail cut, only the middles interned, a small middle straight to Myers,
 * else diffIds), or undefined when the budget ran out. A token of the head is equal on both
 * sides exactly when it ends at the same offset within the lines' common prefix (the tokens
 * before it being equal), and a tail token likewise from the end; so tokens are compared
 * without making a string of each.
 */
function tokenBlocks(left: string, right: string): readonly ChangeBlock[] | undefined {
  const a = leftTokens;
  const b = rightTokens;
  const n = a.count;
  const m = b.count;
  const prefix = commonPrefixLength(left, right);
  let head = 0;
  while (
    head < n &&
    head < m &&
    a.starts[head + 1] === b.starts[head + 1] &&
    a.starts[head + 1]! <= prefix
  )
    head++;
  const suffix = commonSuffixLength(left, right);
  let tail = 0;
  while (tail < n - head && tail < m - head) {
    const fromEnd = left.length - a.starts[n - 1 - tail]!;
    if (fromEnd !== right.length - b.starts[m - 1 - tail]! || fromEnd > suffix) break;
    tail++;
  }
  const middleA = n - head - tail;
  const middleB = m - head - tail;
  if (middleA === 0 && middleB === 0) return [];
  if (middleA === 0 || middleB === 0)
    return [
      { leftStart: head, leftEnd: head + middleA, rightStart: head, rightEnd: head + middleB },
    ];
  a.intern(left, head, n - tail, dictionary);
  b.intern(right, head, m - tail, dictionary);
  // Ids only need to be the same within one pair; the dictionary is kept for the next pairs
  // (their words mostly repeat) until it holds too many.
  if (dictionary.size > maxDictionarySize) dictionary.clear();
  const blocks: ChangeBlock[] = [];
  if (middleA + middleB <= smallMiddleTokens) {
    myersInto(a.ids, head, n - tail, b.ids, head, m - tail, middleA + middleB, blocks);
    return blocks;
  }
  const {
    left: middleIds,
    right: rightMiddleIds,
    distinct,
  } = denseIds(a.ids.subarray(head, n - tail), b.ids.subarray(head, m - tail));
  const diff = diffIds(middleIds, rightMiddleIds, distinct, { workBudget: wordDiffBudget });
  if (diff.isCoarse) return undefined;
  for (const block of diff.blocks)
    blocks.push({
      leftStart: block.leftStart + head,
      leftEnd: block.leftEnd + head,
      rightStart: block.rightStart + head,
      rightEnd: block.rightEnd + head,
    });
  return blocks;
}

/** Appends a segment, merged into the last one when it is of the same kind. */
function pushSegment(segments: WordSegment[], kind: WordSegment['kind'], text: string): void {
  if (text === '') return;
  const last = segments[segments.length - 1];
  if (last?.kind === kind) segments[segments.length - 1] = { kind, text: last.text + text };
  else segments.push({ kind, text });
}

/** Whether two lines start with the same indentation of `length` units. */
function hasSameIndentation(left: string, right: string, length: number): boolean {
  for (let k = 0; k < length; k++) if (left.charCodeAt(k) !== right.charCodeAt(k)) return false;
  return true;
}

/**
 * The word diff of a changed line pair, or undefined when the pair must not be word-diffed.
 * Segments are cut from the lines by token offsets rather than joined from token lists. An
 * indentation that differs is diffed apart from the words, as one removed and one added segment
 * first: it is the canonical form's depth, and its run of spaces must not be matched with one
 * inside the line (views leave it unmarked, word-marks.ts).
 */
export function diffWords(left: string, right: string): WordSegment[] | undefined {
  if (isUnfit(left) || isUnfit(right)) return undefined;
  const leftIndentation = indentationLength(left);
  const rightIndentation = indentationLength(right);
  const segments: WordSegment[] = [];
  if (leftIndentation === rightIndentation && hasSameIndentation(left, right, leftIndentation))
    return appendWordSegments(left, right, segments);
  pushSegment(segments, 'removed', left.slice(0, leftIndentation));
  pushSegment(segments, 'added', right.slice(0, rightIndentation));
  return appendWordSegments(left.slice(leftIndentation), right.slice(rightIndentation), segments);
}

/** Appends the word segments of a pair, or gives undefined when the work budget ran out. */
function appendWordSegments(
  left: string,
  right: string,
  segments: WordSegment[],
): WordSegment[] | undefined {
  leftTokens.cut(left);
  rightTokens.cut(right);
  const found = tokenBlocks(left, right);
  if (!found) return undefined;
  const blocks = slideToTags(found, leftTokens, rightTokens);
  const at = leftTokens.starts;
  const bt = rightTokens.starts;
  let from = 0;
  for (const block of blocks) {
    pushSegment(segments, 'equal', left.slice(at[from]!, at[block.leftStart]!));
    pushSegment(segments, 'removed', left.slice(at[block.leftStart]!, at[block.leftEnd]!));
    pushSegment(segments, 'added', right.slice(bt[block.rightStart]!, bt[block.rightEnd]!));
    from = block.leftEnd;
  }
  pushSegment(segments, 'equal', left.slice(at[from]!, at[leftTokens.count]!));
  return segments;
}
