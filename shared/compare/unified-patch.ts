/**
 * A unified diff of the raw text of two files, for `archivist compare --format unified`: a patch
 * that `git apply` and `patch` apply to the left file to give the right file byte for byte
 * (issue 7, "Command line"). So it diffs the lines exactly as they are, terminators included:
 * CRLF stays CRLF, a byte-order mark stays on line 1, a missing final newline is marked
 * `\ No newline at end of file`. The line diff is the same bounded one as for content, so even a
 * coarse result is a correct patch.
 */
import { encodeUtf8 } from '../crypto/utf8';
import { diffLineArrays, type ChangeBlock } from './line-diff';

export interface UnifiedPatchOptions {
  /** Unchanged lines around each change (default 3, as diff -u). */
  readonly context?: number;
  readonly workBudget?: number;
}

/** Lines with their terminators ('\n', so a CRLF line keeps its '\r'); the last may have none. */
export function splitRawLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', start)) {
    lines.push(text.slice(start, at + 1));
    start = at + 1;
  }
  if (start < text.length) lines.push(text.slice(start));
  return lines;
}

/** A hunk: ranges of lines [start, end) on each side, covering one or more blocks plus context. */
interface Hunk {
  leftStart: number;
  leftEnd: number;
  rightStart: number;
  rightEnd: number;
  blocks: ChangeBlock[];
}

function hunksOf(
  blocks: readonly ChangeBlock[],
  leftCount: number,
  rightCount: number,
  context: number,
): Hunk[] {
  const hunks: Hunk[] = [];
  for (const block of blocks) {
    const before = Math.min(context, block.leftStart, block.rightStart);
    const last = hunks[hunks.length - 1];
    if (last && block.leftStart - before <= last.leftEnd) {
      last.leftEnd = Math.min(leftCount, block.leftEnd + context);
      last.rightEnd = Math.min(rightCount, block.rightEnd + context);
      last.blocks.push(block);
      continue;
    }
    hunks.push({
      leftStart: block.leftStart - before,
      rightStart: block.rightStart - before,
      leftEnd: Math.min(leftCount, block.leftEnd + context),
      rightEnd: Math.min(rightCount, block.rightEnd + context),
      blocks: [block],
    });
  }
  // Trailing context cannot run past the other side's end: keep both sides' context equal.
  for (const hunk of hunks) {
    const lastBlock = hunk.blocks[hunk.blocks.length - 1]!;
    const after = Math.min(hunk.leftEnd - lastBlock.leftEnd, hunk.rightEnd - lastBlock.rightEnd);
    hunk.leftEnd = lastBlock.leftEnd + after;
    hunk.rightEnd = lastBlock.rightEnd + after;
  }
  return hunks;
}

/** `start,count` of a unified hunk header (an empty range names the line before it). */
function range(start: number, end: number): string {
  const count = end - start;
  return count === 0 ? `${start},0` : `${start + 1},${count}`;
}

const noNewlineMarker = '\n\\ No newline at end of file\n';

/** Writes one patch line: `prefix`, then the line as the file has it. */
type LineWriter = (out: string[], prefix: string, line: string) => void;

/** For splitRawLines' lines: a line without its '\n' is the file's unterminated last line. */
const writeRawLine: LineWriter = (out, prefix, line) => {
  out.push(prefix, line);
  if (!line.endsWith('\n')) out.push(noNewlineMarker);
};

/** Escapes git writes for these bytes in a quoted path (quote.c, `cq_lookup`); others are octal. */
const quoteEscapes: Readonly<Record<number, string>> = {
  0x07: '\\a',
  0x08: '\\b',
  0x09: '\\t',
  0x0a: '\\n',
  0x0b: '\\v',
  0x0c: '\\f',
  0x0d: '\\r',
  0x22: '\\"',
  0x5c: '\\\\',
};

/**
 * `prefix` + `path` as `git diff` writes it in a header: as it is, or, when it holds a control
 * character, a quote, a backslash or a non-ASCII character, in double quotes with C escapes and
 * the UTF-8 bytes in octal (git's default core.quotePath). `git apply` and GNU patch read both.
 */
export function patchHeaderPath(prefix: string, path: string): string {
  const whole = prefix + path;
  // eslint-disable-next-line no-control-regex -- control characters are what git quotes
  if (!/[\u0000-\u001f"\\\u007f-\uffff]/.test(whole)) return whole;
  let quoted = '';
  for (const byte of encodeUtf8(whole)) {
    const escape = quoteEscapes[byte];
    if (escape !== undefined) quoted += escape;
    else if (byte < 0x20 || byte >= 0x7f) quoted += `\\${byte.toString(8).padStart(3, '0')}`;
    else quoted += String.fromCharCode(byte);
  }
  return `"${quoted}"`;
}

/**
 * The unified patch turning `leftText` into `rightText` ('' when they are equal). `filePath`, the
 * left file's path relative to where the patch is applied, goes into both header lines
 * (`--- a/PATH`, `+++ b/PATH`, quoted as git quotes), so the patch changes the left file in place.
 */
export function unifiedPatch(
  leftText: string,
  rightText: string,
  filePath: string,
  options: UnifiedPatchOptions = {},
): { patch: string; notes: readonly string[] } {
  const left = splitRawLines(leftText);
  const right = splitRawLines(rightText);
  return patchOfLines(left, right, filePath, options, writeRawLine);
}

/**
 * Marks the last line of a file that does not end in '\n'. No Latin-1 text holds it (it is above
 * U+00FF), so a marked line never equals a line of the other file that has its '\n'.
 */
const unterminated = '\u0100';

/**
 * Latin-1 text split at each '\n' by String#split, the '\n's dropped, the unterminated last line
 * (if any) marked. One native call: in a fresh process, splitRawLines' loop of indexOf and slice
 * took 10 ms for a 2 MB pair and this 6 ms (issue 7). Two lines are equal exactly when the raw
 * lines are, so the line diff finds the same blocks and the patch is the same.
 */
function splitLatin1Lines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (text.endsWith('\n')) lines.pop();
  else lines[lines.length - 1] += unterminated;
  return lines;
}

/** For splitLatin1Lines' lines: the '\n' put back, or the marker turned into git's note. */
const writeSplitLine: LineWriter = (out, prefix, line) => {
  if (line.endsWith(unterminated)) out.push(prefix, line.slice(0, -1), noNewlineMarker);
  else out.push(prefix, line, '\n');
};

/**
 * unifiedPatch for the command line's files read as Latin-1 (one character per byte, so every
 * character is below U+0100): the same patch, its characters the patch's bytes.
 */
export function unifiedPatchLatin1(
  leftText: string,
  rightText: string,
  filePath: string,
  options: UnifiedPatchOptions = {},
): { patch: string; notes: readonly string[] } {
  const left = splitLatin1Lines(leftText);
  const right = splitLatin1Lines(rightText);
  return patchOfLines(left, right, filePath, options, writeSplitLine);
}

/** The patch of two line lists (either splitting), each line written by `write`. */
function patchOfLines(
  left: readonly string[],
  right: readonly string[],
  filePath: string,
  options: UnifiedPatchOptions,
  write: LineWriter,
): { patch: string; notes: readonly string[] } {
  const diff = diffLineArrays(
    left,
    right,
    options.workBudget !== undefined ? { workBudget: options.workBudget } : {},
  );
  if (diff.blocks.length === 0) return { patch: '', notes: diff.notes };
  const header = `--- ${patchHeaderPath('a/', filePath)}\t\n+++ ${patchHeaderPath('b/', filePath)}\t\n`;
  const out: string[] = [header];
  for (const hunk of hunksOf(diff.blocks, left.length, right.length, options.context ?? 3)) {
    out.push(
      `@@ -${range(hunk.leftStart, hunk.leftEnd)} +${range(hunk.rightStart, hunk.rightEnd)} @@\n`,
    );
    let at = hunk.leftStart;
    for (const block of hunk.blocks) {
      for (let i = at; i < block.leftStart; i++) write(out, ' ', left[i]!);
      for (let i = block.leftStart; i < block.leftEnd; i++) write(out, '-', left[i]!);
      for (let j = block.rightStart; j < block.rightEnd; j++) write(out, '+', right[j]!);
      at = block.leftEnd;
    }
    for (let i = at; i < hunk.leftEnd; i++) write(out, ' ', left[i]!);
  }
  return { patch: out.join(''), notes: diff.notes };
}
