/**
 * Content changes of the canonical forms: the line diff's blocks with their text, paths, source
 * lines and word diffs, and which ignore rule (if any) hides each. A block is hidden only when
 * every line in it is covered: by an element rule on its path, or, for a changed line pair of one
 * element, by attribute rules on every attribute that differs. Anything uncertain stays visible.
 */
import { sourceLineOf, type CanonicalXml } from './canonical-xml';
import { findMovedLines, type MovedLines } from './content-moves';
import { ElementPaths } from './element-paths';
import type { RuleMatcher } from './ignore-profile';
import type { ChangeBlock } from './line-diff';
import { diffWords, type WordSegment } from './word-diff';
import { hasSameHead, readsAsEdit } from './word-similarity';

export type { MovedLines } from './content-moves';

/** One changed region of the canonical form. */
export interface ContentChange {
  /** 0-based canonical line ranges [start, end). */
  readonly leftStart: number;
  readonly leftEnd: number;
  readonly rightStart: number;
  readonly rightEnd: number;
  /** Canonical path (with indexes) of the first changed line. */
  readonly path: string;
  /** 1-based lines in the source files, when known. */
  readonly leftSourceLine?: number;
  readonly rightSourceLine?: number;
  /** Canonical lines removed and added (at most maxLinesPerChange each; `omittedLines` says how many more). */
  readonly removed: readonly string[];
  readonly added: readonly string[];
  readonly omittedLines?: number;
  /**
   * Word diffs of the paired lines (removed[i] against added[i]); null where a pair is not one
   * line edited (moved lines, or lines too unlike, word-similarity.ts) or could not be diffed.
   */
  readonly words?: readonly (readonly WordSegment[] | null)[];
  /** Runs of these lines that another change has, unchanged, on the other side (content-moves.ts). */
  readonly moved?: readonly MovedLines[];
  /** The rule that hides this change. */
  readonly hiddenBy?: string;
}

export const maxLinesPerChange = 1000;
/** Word diffs are computed for at most this many line pairs per comparison. */
export const maxWordDiffPairs = 1000;

const attributePattern = /([^\s=<>"/]+)="([^"]*)"/g;

/** The tag name and attributes of a canonical start-tag line (values are escaped without raw quotes). */
function parseTag(
  line: string,
): { name: string; rest: string; attributes: Map<string, string> } | undefined {
  const match = /^\s*<([^\s/>!]+)([^>]*?)\/?>(.*)$/.exec(line);
  if (!match) return undefined;
  const attributes = new Map<string, string>();
  for (const [, name, value] of match[2]!.matchAll(attributePattern)) attributes.set(name!, value!);
  return { name: match[1]!, rest: match[3]!, attributes };
}

/** The rule hiding a changed line pair of one element when only ignored attributes differ. */
function attributeRule(
  left: string,
  right: string,
  path: string,
  rules: RuleMatcher,
): string | undefined {
  if (!rules.hasAttributeRules) return undefined;
  const a = parseTag(left);
  const b = parseTag(right);
  if (!a || !b || a.name !== b.name || a.rest !== b.rest) return undefined;
  let rule: string | undefined;
  for (const name of new Set([...a.attributes.keys(), ...b.attributes.keys()])) {
    if (a.attributes.get(name) === b.attributes.get(name)) continue;
    const covering = rules.attribute(path, name);
    if (!covering) return undefined;
    rule ??= covering.id;
  }
  return rule;
}

/** The rule hiding a whole block, or undefined when any line of it stays visible. */
function hidingRule(
  left: CanonicalXml,
  right: CanonicalXml,
  block: ChangeBlock,
  paths: ElementPaths,
): string | undefined {
  const rules = paths.rules;
  const removed = block.leftEnd - block.leftStart;
  const added = block.rightEnd - block.rightStart;
  let rule: string | undefined;
  for (let k = 0; k < Math.max(removed, added); k++) {
    const i = block.leftStart + k;
    const j = block.rightStart + k;
    const hasLeft = k < removed;
    const hasRight = k < added;
    const leftRule = hasLeft ? paths.lineRule(0, i) : undefined;
    // An uncovered left line leaves only the attribute rules to cover the pair: without them
    // the block stays visible, and the right line's rule (a path lookup) is not needed.
    if (hasLeft && !leftRule && !(hasRight && rules.hasAttributeRules)) return undefined;
    const rightRule = hasRight ? paths.lineRule(1, j) : undefined;
    const isCovered = (!hasLeft || leftRule) && (!hasRight || rightRule);
    let covering = isCovered ? (leftRule ?? rightRule)?.id : undefined;
    if (!covering && hasLeft && hasRight && rules.hasAttributeRules) {
      // Equal path ids are equal paths (both sides share one table of them).
      const pathId = paths.linePathId(0, i);
      if (pathId === paths.linePathId(1, j))
        covering = attributeRule(left.lines[i]!, right.lines[j]!, paths.pathText(pathId), rules);
    }
    if (!covering) return undefined;
    rule ??= covering;
  }
  return rule;
}

type MutableChange = { -readonly [K in keyof ContentChange]+?: ContentChange[K] };

/**
 * A change up to its lines, in one object literal per shape: built member by member, the object
 * grew a separate store for its later members (a cost on unrelated documents' 100,000 changes),
 * and spreading optional parts cost more still. Members come in the same order either way, so
 * the JSON is the same; the optional ones after `added` are set by the caller.
 */
function newChange(
  block: ChangeBlock,
  path: string,
  leftSourceLine: number,
  rightSourceLine: number,
  removed: readonly string[],
  added: readonly string[],
): MutableChange {
  const { leftStart, leftEnd, rightStart, rightEnd } = block;
  if (leftSourceLine > 0 && rightSourceLine > 0)
    return {
      leftStart,
      leftEnd,
      rightStart,
      rightEnd,
      path,
      leftSourceLine,
      rightSourceLine,
      removed,
      added,
    };
  if (leftSourceLine > 0)
    return { leftStart, leftEnd, rightStart, rightEnd, path, leftSourceLine, removed, added };
  if (rightSourceLine > 0)
    return { leftStart, leftEnd, rightStart, rightEnd, path, rightSourceLine, removed, added };
  return { leftStart, leftEnd, rightStart, rightEnd, path, removed, added };
}

function isMoved(moved: readonly MovedLines[], side: MovedLines['side'], line: number): boolean {
  return moved.some((run) => run.side === side && run.start <= line && line < run.end);
}

/**
 * The word diffs of a change's line pairs, and how many pairs were diffed, or undefined when
 * that is more than `budget`. A pair with a moved line is not diffed: the moved line belongs
 * with its copy elsewhere, not with the line that happens to share its position.
 */
function pairWords(
  block: ChangeBlock,
  removed: readonly string[],
  added: readonly string[],
  moved: readonly MovedLines[] | undefined,
  budget: number,
): { segments: (readonly WordSegment[] | null)[]; diffed: number } | undefined {
  const paired = Math.min(removed.length, added.length);
  if (!moved && paired > budget) return undefined;
  const isPairMoved = (k: number): boolean =>
    moved !== undefined &&
    (isMoved(moved, 'removed', block.leftStart + k) ||
      isMoved(moved, 'added', block.rightStart + k));
  let diffed = 0;
  for (let k = 0; k < paired; k++) if (!isPairMoved(k)) diffed++;
  if (diffed > budget) return undefined;
  const segments = new Array<readonly WordSegment[] | null>(paired);
  for (let k = 0; k < paired; k++) {
    // Lines that start differently are never one line edited: not worth a word diff.
    const words =
      isPairMoved(k) || !hasSameHead(removed[k]!, added[k]!)
        ? undefined
        : diffWords(removed[k]!, added[k]!);
    segments[k] = words && readsAsEdit(removed[k]!, added[k]!, words) ? words : null;
  }
  return { segments, diffed };
}

/** Builds the content changes of a line diff over two canonical forms. */
export function contentChanges(
  left: CanonicalXml,
  right: CanonicalXml,
  blocks: readonly ChangeBlock[],
  rules: RuleMatcher,
): ContentChange[] {
  let wordPairs = 0;
  const paths = new ElementPaths([left, right], rules);
  const movedLines = findMovedLines(left, right, blocks);
  const changes: ContentChange[] = new Array<ContentChange>(blocks.length);
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index]!;
    const removedCount = block.leftEnd - block.leftStart;
    const addedCount = block.rightEnd - block.rightStart;
    const removed = left.lines.slice(
      block.leftStart,
      Math.min(block.leftEnd, block.leftStart + maxLinesPerChange),
    );
    const added = right.lines.slice(
      block.rightStart,
      Math.min(block.rightEnd, block.rightStart + maxLinesPerChange),
    );
    const omitted = removedCount - removed.length + addedCount - added.length;
    const paired = Math.min(removed.length, added.length);
    const change = newChange(
      block,
      removedCount > 0
        ? paths.indexedPath(0, block.leftStart)
        : paths.indexedPath(1, block.rightStart),
      removedCount > 0 ? sourceLineOf(left, block.leftStart) : 0,
      addedCount > 0 ? sourceLineOf(right, block.rightStart) : 0,
      removed,
      added,
    );
    if (omitted > 0) change.omittedLines = omitted;
    const moved = movedLines[index];
    const words =
      paired > 0
        ? pairWords(block, removed, added, moved, maxWordDiffPairs - wordPairs)
        : undefined;
    if (words) {
      wordPairs += words.diffed;
      change.words = words.segments;
    }
    if (moved) change.moved = moved;
    const hiddenBy = hidingRule(left, right, block, paths);
    if (hiddenBy !== undefined) change.hiddenBy = hiddenBy;
    changes[index] = change as ContentChange;
  }
  return changes;
}
