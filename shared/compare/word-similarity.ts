/**
 * Whether a changed line pair is one line edited, worth a word diff, or one line replaced by
 * another, shown whole. A hunk pairs its removed and added lines by position, and where a block
 * moved or was replaced those are unrelated lines: word-diffed, they read as noise such as
 * `<[-templateId-] [-extension-]="[-2014-]-…` against `<{+code+} …` (issue 7 review, two swapped
 * sections). Tag and attribute names, punctuation and spaces are the markup every line has, so
 * sharing them says nothing; what counts is the text and the attribute values the lines share.
 *
 * The rule: the lines must start the same way (the same element, closing tag, comment, text or
 * placeholder; a commented-out line reads as the markup inside it), and then either one side is
 * unchanged (words only added or only removed), or only text and values changed (the same tag
 * and attribute names: `<effectiveTime value="[-2015…-]{+2016…+}"/>`, a new title), or at least a
 * quarter of their text and value characters (letters and digits, by token) are unchanged.
 *
 * Measured on the word-diffed pairs of 6 related corpus pairs, 300 mutated generated documents
 * and the benchmark's edited pairs (835 real edits), against top-level sections swapped in the
 * corpus documents and the benchmark's unrelated pair (3,497 unrelated pairs): real edits that
 * are not pure insertions or deletions keep at least 0.30 (signature placeholders with a new
 * hash 0.31, a rewritten name 0.30) unless they replace the only value of a line (a new date or
 * title: 0, shown whole loses nothing); unrelated pairs fall mostly at 0. At 0.25, 756 of the
 * 835 real pairs keep their word diff (70 have no value left in common, 9 pair different
 * elements) and 890 of the unrelated ones do (same-shaped lines such as two templateIds;
 * content-moves.ts finds those that moved, and in the swapped corpus sections 27 of 2,497 pairs
 * keep a word diff).
 */
import { isWord, type WordSegment } from './word-diff';

/** The least share of unchanged text and value characters for a word diff (see above). */
export const minUnchangedContentShare = 0.25;

/** Characters that end a name or a value: white space, `<`, `>`, `=`, quotes and `/`. */
function isBoundary(unit: number): boolean {
  return (
    unit === 32 ||
    unit === 9 ||
    unit === 60 ||
    unit === 62 ||
    unit === 61 ||
    unit === 34 ||
    unit === 39 ||
    unit === 47
  );
}

/**
 * Letters and digits of one side of a word diff: all, unchanged, and those of text and values.
 * A run of characters between boundaries is a name when it follows `<` or `</` (a tag) or ends
 * at `=` (an attribute); every other run is text or a value. Two counters live for the thread's
 * life: up to a thousand pairs are judged per comparison, and a 20 MB comparison's heap is big
 * enough that garbage made here showed up as collections.
 */
class SideCounter {
  words = 0;
  unchangedWords = 0;
  content = 0;
  unchangedContent = 0;
  /** Whether anything but white space changed on this side. */
  hasChange = false;
  /** Whether a tag or attribute name, or markup punctuation, changed on this side. */
  hasMarkupChange = false;
  private runWords = 0;
  private isRunChanged = false;
  private runUnchanged = 0;
  private isTagName = false;
  private previous = 0;

  reset(): void {
    this.words = this.unchangedWords = this.content = this.unchangedContent = 0;
    this.runWords = this.runUnchanged = this.previous = 0;
    this.hasChange = this.hasMarkupChange = this.isRunChanged = this.isTagName = false;
  }

  add(text: string, isChanged: boolean): void {
    for (let at = 0; at < text.length; at++) {
      const unit = text.charCodeAt(at);
      if (isBoundary(unit)) {
        this.endRun(unit === 61);
        // `</`: the slash after `<` still leads to the tag name.
        this.isTagName = unit === 60 || (unit === 47 && this.previous === 60);
        if (isChanged && unit !== 32 && unit !== 9) this.hasChange = this.hasMarkupChange = true;
      } else {
        // `<!`: a comment (or declaration), whose text follows without a boundary.
        if (unit === 33 && this.previous === 60) this.isTagName = false;
        if (isChanged) this.hasChange = this.isRunChanged = true;
        if (isWord(unit)) {
          this.runWords++;
          if (!isChanged) this.runUnchanged++;
        }
      }
      this.previous = unit;
    }
  }

  /** Ends the last run: call once after the last `add`. */
  finish(): void {
    this.endRun(false);
  }

  private endRun(isAttributeName: boolean): void {
    this.words += this.runWords;
    this.unchangedWords += this.runUnchanged;
    if (!this.isTagName && !isAttributeName) {
      this.content += this.runWords;
      this.unchangedContent += this.runUnchanged;
    } else if (this.isRunChanged) this.hasMarkupChange = true;
    this.runWords = this.runUnchanged = 0;
    this.isRunChanged = false;
  }
}

const leftCounter = new SideCounter();
const rightCounter = new SideCounter();

function count(segments: readonly WordSegment[]): void {
  leftCounter.reset();
  rightCounter.reset();
  for (const segment of segments) {
    if (segment.kind !== 'added') leftCounter.add(segment.text, segment.kind === 'removed');
    if (segment.kind !== 'removed') rightCounter.add(segment.text, segment.kind === 'added');
  }
  leftCounter.finish();
  rightCounter.finish();
}

/**
 * The share of the pair's text and value characters (letters and digits) that are unchanged;
 * for lines with none (`<text>` against `<!--<text>-->`), the share of all their letters and
 * digits, names included; 1 for lines with neither.
 */
export function unchangedContentShare(segments: readonly WordSegment[]): number {
  count(segments);
  return countedShare();
}

function countedShare(): number {
  const content = leftCounter.content + rightCounter.content;
  if (content > 0) return (leftCounter.unchangedContent + rightCounter.unchangedContent) / content;
  const words = leftCounter.words + rightCounter.words;
  return words > 0 ? (leftCounter.unchangedWords + rightCounter.unchangedWords) / words : 1;
}

/** How many letters and digits of a line are text or attribute values, not names. */
export function contentLength(line: string): number {
  leftCounter.reset();
  leftCounter.add(line, false);
  leftCounter.finish();
  return leftCounter.content;
}

/** Where a line's head starts: after its indentation, and inside `<!--` before markup. */
function headStart(line: string): number {
  let at = 0;
  while (at < line.length && (line.charCodeAt(at) === 32 || line.charCodeAt(at) === 9)) at++;
  return line.startsWith('<!--<', at) ? at + 4 : at;
}

/**
 * Where the head that starts at `at` ends: after `<td` or `</td`, after `<!--` for a comment,
 * after `[signature` or `[base64` for a placeholder; a text line has an empty head.
 */
function headEnd(line: string, at: number): number {
  if (line.startsWith('<!--', at)) return at + 4;
  const first = line.charCodeAt(at);
  let end = at + 1;
  if (first === 60) {
    if (line.charCodeAt(end) === 47) end++;
    while (end < line.length && !isBoundary(line.charCodeAt(end)) && line.charCodeAt(end) !== 33)
      end++;
    return end;
  }
  if (first !== 91) return at;
  for (let unit = line.charCodeAt(end); end < line.length; unit = line.charCodeAt(++end))
    if (unit === 32 || unit === 9 || unit === 58 || unit === 93) break;
  return end;
}

/** Whether two lines start the same way (see above); a commented-out line as its markup. */
export function hasSameHead(left: string, right: string): boolean {
  const leftStart = headStart(left);
  const rightStart = headStart(right);
  const length = headEnd(left, leftStart) - leftStart;
  if (headEnd(right, rightStart) - rightStart !== length) return false;
  return left.startsWith(right.slice(rightStart, rightStart + length), leftStart);
}

/** Whether a changed line pair reads as one line edited, so its word diff is shown (see above). */
export function readsAsEdit(
  left: string,
  right: string,
  segments: readonly WordSegment[],
): boolean {
  if (!hasSameHead(left, right)) return false;
  count(segments);
  if (!leftCounter.hasChange || !rightCounter.hasChange) return true;
  // The same markup with other values (a new date, a new title): the marks fall on the values
  // alone and say exactly what changed.
  if (!leftCounter.hasMarkupChange && !rightCounter.hasMarkupChange) return true;
  return countedShare() >= minUnchangedContentShare;
}
