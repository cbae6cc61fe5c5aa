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

function emit(out: string[], prefix: string, line: string): void {
  out.push(prefix, line);
  if (!line.endsWith('\n')) out.push('\n\\ No newline at end of file\n');
}

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
      for (let i = at; i < block.leftStart; i++) emit(out, ' ', left[i]!);
      for (let i = block.leftStart; i < block.leftEnd; i++) emit(out, '-', left[i]!);
      for (let j = block.rightStart; j < block.rightEnd; j++) emit(out, '+', right[j]!);
      at = block.leftEnd;
    }
    for (let i = at; i < hunk.leftEnd; i++) emit(out, ' ', left[i]!);
  }
  return { patch: out.join(''), notes: diff.notes };
}
