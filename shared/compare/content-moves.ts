/**
 * Moved lines of a content diff: a run of lines one change removes and another change adds
 * again, unchanged. A line diff keeps one order, so a moved block is lines removed in one place
 * and added in another, and where the block was swapped with another, the hunks pair its lines
 * by position with unrelated ones (issue 7 review: two swapped sections made 48 hunks of word
 * noise). A run found here is named as moved, with the other side's line, and gets no word diff.
 *
 * As git's --color-moved: runs are matched greedily, the longest from each removed line, and a
 * run counts only with at least 20 letters and digits (git's number), here of text and attribute
 * values: tag and attribute names are in every line, so closing tags and structural lines such
 * as `<reference typeCode="SPRT">`, which repeat everywhere, never make a move by themselves.
 * Lines must be equal with their indentation (the canonical depth): a block moved to another
 * depth stays removed and added.
 */
import { keepShape } from '../keep-shape';
import { sourceLineOf, type CanonicalXml } from './canonical-xml';
import type { ChangeBlock } from './myers';
import { contentLength } from './word-similarity';

/** A run of one change's lines that another change has, unchanged, on the other side. */
export interface MovedLines {
  /** The side of its own change: lines it removed (left) or added (right). */
  readonly side: 'removed' | 'added';
  /** 0-based canonical lines [start, end) of that side. */
  readonly start: number;
  readonly end: number;
  /** The first of the same lines on the other side: canonical (0-based) and source (1-based) line. */
  readonly otherStart: number;
  readonly otherSourceLine?: number;
}

/**
 * Comparisons with more separate changes than this are not searched for moves: a reorganised
 * document has a few large changes; 20 MB with 10% of its lines edited has about 35,000.
 */
const maxMoveSearchBlocks = 20_000;
/** A run must hold at least this many letters and digits of text and values to count as moved. */
const minMovedContent = 20;
/**
 * Lines added at more places than this (`</td>`, `<component>`) do not start a run: looking each
 * place up spent the work budget on unrelated documents; a run reaches back over them instead.
 */
const maxStartsPerLine = 64;
/**
 * Line comparisons (about one per line looked at) the search may make; see findMovedLines. A
 * million finds a moved tenth of a 20 MB document (35,000 lines) many times over; on unrelated
 * 20 MB documents, where nothing moved, 4 million took 45 ms of a comparison that has 1 s.
 */
const defaultWorkBudget = 1_000_000;

/**
 * The changed lines of both sides as ids, equal lines equal ids: the canonical forms' own when
 * they were interned together (compareDocuments), else numbered here.
 */
function changedIds(
  left: CanonicalXml,
  right: CanonicalXml,
  blocks: readonly ChangeBlock[],
): { leftIds: Int32Array; rightIds: Int32Array } {
  if (left.lineIds && right.lineIds) return { leftIds: left.lineIds, rightIds: right.lineIds };
  const numbers = new Map<string, number>();
  const number = (lines: readonly string[], ids: Int32Array, start: number, end: number) => {
    for (let i = start; i < end; i++) {
      let id = numbers.get(lines[i]!);
      if (id === undefined) numbers.set(lines[i]!, (id = numbers.size));
      ids[i] = id;
    }
  };
  const leftIds = new Int32Array(left.lines.length);
  const rightIds = new Int32Array(right.lines.length);
  for (const block of blocks) {
    number(left.lines, leftIds, block.leftStart, block.leftEnd);
    number(right.lines, rightIds, block.rightStart, block.rightEnd);
  }
  return { leftIds, rightIds };
}

/**
 * The added lines in one list (block after block), and for each line id added at no more than
 * maxStartsPerLine places, those places, as chains through `next`.
 */
class AddedLines {
  /** Per place: its canonical line, and its block. */
  readonly line: Int32Array;
  readonly block: Int32Array;
  /** Per place: whether a run found already took it. */
  readonly isTaken: Uint8Array;
  /** Per line id: the first place (-1: none); per place: the next with the same id. */
  private readonly first: Int32Array;
  private readonly next: Int32Array;
  /** Per line id: at how many places it is added, up to maxStartsPerLine + 1. */
  private readonly places: Uint8Array;
  /** Per line id: its content length (contentLength) + 1, up to 255; 0 until known. */
  private readonly contentPlusOne: Uint8Array;

  constructor(blocks: readonly ChangeBlock[], rightIds: Int32Array) {
    let count = 0;
    let maxId = -1;
    for (const block of blocks) {
      count += block.rightEnd - block.rightStart;
      for (let j = block.rightStart; j < block.rightEnd; j++) maxId = Math.max(maxId, rightIds[j]!);
    }
    this.line = new Int32Array(count);
    this.block = new Int32Array(count);
    this.isTaken = new Uint8Array(count);
    this.next = new Int32Array(count).fill(-1);
    this.first = new Int32Array(maxId + 1).fill(-1);
    const last = new Int32Array(maxId + 1);
    const places = (this.places = new Uint8Array(maxId + 1));
    this.contentPlusOne = new Uint8Array(maxId + 1);
    let place = 0;
    blocks.forEach((block, b) => {
      for (let j = block.rightStart; j < block.rightEnd; j++, place++) {
        this.line[place] = j;
        this.block[place] = b;
        const id = rightIds[j]!;
        const before = places[id]!;
        if (before > maxStartsPerLine) continue;
        places[id] = before + 1;
        if (before === 0) this.first[id] = place;
        else this.next[last[id]!] = place;
        last[id] = place;
      }
    });
  }

  /** The first place where a line of this id is added, or -1 (also for too common lines). */
  firstOf(id: number): number {
    return id < this.first.length && this.places[id]! <= maxStartsPerLine ? this.first[id]! : -1;
  }

  nextOf(place: number): number {
    return this.next[place]!;
  }

  /**
   * Whether lines [start, end) of `lines`, all added here too, hold minMovedContent letters and
   * digits of text and values. Known per line id: unrelated documents share many lines, and
   * counting them again for each short match took most of the search's time.
   */
  hasEnoughContent(lines: readonly string[], ids: Int32Array, start: number, end: number): boolean {
    let count = 0;
    for (let i = start; i < end && count < minMovedContent; i++) {
      const id = ids[i]!;
      let known = this.contentPlusOne[id]!;
      if (known === 0)
        this.contentPlusOne[id] = known = Math.min(contentLength(lines[i]!), 254) + 1;
      count += known - 1;
    }
    return count >= minMovedContent;
  }
}

// The search's shape outlives every comparison (see keepShape): after a full collection found
// none, the search ran deoptimised ("weak objects"), about five times slower at 20 MB.
keepShape(new AddedLines([], new Int32Array(0)));

/**
 * The moved runs of each block (by index; undefined where none moved). A work budget bounds the
 * line comparisons: past it the search stops, and runs not found by then read as removed and
 * added lines, as they did without this step (unrelated 20 MB documents have 100,000 changes).
 */
export function findMovedLines(
  left: CanonicalXml,
  right: CanonicalXml,
  blocks: readonly ChangeBlock[],
  workBudget = defaultWorkBudget,
): (MovedLines[] | undefined)[] {
  const moved = new Array<MovedLines[] | undefined>(blocks.length);
  // A document more than half rewritten, or changed in more than maxMoveSearchBlocks places, has
  // its moves among a wall of changes, and looking for them cost 30-45 ms of the 1 s a 20 MB pair
  // of unrelated documents has (issue 7; 100,000 changes): not searched.
  let removed = 0;
  for (const block of blocks) removed += block.leftEnd - block.leftStart;
  if (2 * removed > left.lines.length || blocks.length > maxMoveSearchBlocks) return moved;
  const { leftIds, rightIds } = changedIds(left, right, blocks);
  const added = new AddedLines(blocks, rightIds);
  let work = 0;
  for (let k = 0; k < blocks.length && work < workBudget; k++) {
    const { leftStart, leftEnd } = blocks[k]!;
    // Lines before `free` belong to a run found already.
    let free = leftStart;
    for (let i = leftStart; i < leftEnd && work < workBudget; i++) {
      let best = -1;
      let bestLength = 0;
      for (let place = added.firstOf(leftIds[i]!); place >= 0; place = added.nextOf(place)) {
        const other = added.block[place]!;
        if (other === k || added.isTaken[place]) continue;
        // Places of one block are consecutive, as its lines are.
        const most = Math.min(leftEnd - i, blocks[other]!.rightEnd - added.line[place]!);
        let length = 0;
        while (
          length < most &&
          !added.isTaken[place + length] &&
          leftIds[i + length] === rightIds[added.line[place + length]!]
        )
          length++;
        work += length + 1;
        if (length > bestLength) [best, bestLength] = [place, length];
      }
      if (bestLength === 0) continue;
      // A run may start before i, at lines too common to be looked up (`<component>`).
      let start = i;
      let from = best;
      const other = added.block[best]!;
      const otherFloor = blocks[other]!.rightStart;
      while (
        start > free &&
        added.line[from]! > otherFloor &&
        !added.isTaken[from - 1] &&
        leftIds[start - 1] === rightIds[added.line[from - 1]!]
      )
        [start, from] = [start - 1, from - 1];
      const end = i + bestLength;
      if (!added.hasEnoughContent(left.lines, leftIds, start, end)) continue;
      added.isTaken.fill(1, from, best + bestLength);
      const otherStart = added.line[from]!;
      (moved[k] ??= []).push(run('removed', start, end, otherStart, right));
      (moved[other] ??= []).push(run('added', otherStart, otherStart + end - start, start, left));
      free = end;
      i = end - 1;
    }
  }
  // Each block's removed runs first, then its added ones, each in line order.
  for (const runs of moved)
    runs?.sort((x, y) => (x.side === y.side ? x.start - y.start : x.side === 'removed' ? -1 : 1));
  return moved;
}

function run(
  side: MovedLines['side'],
  start: number,
  end: number,
  otherStart: number,
  other: CanonicalXml,
): MovedLines {
  const source = sourceLineOf(other, otherStart);
  return source > 0
    ? { side, start, end, otherStart, otherSourceLine: source }
    : { side, start, end, otherStart };
}

/**
 * The note on the first line of a moved run, for a view or a report: `moved to line N` /
 * `moved from line N` (1-based canonical line on the other side), or undefined.
 */
export function movedNote(
  change: { readonly moved?: readonly MovedLines[] },
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
