/**
 * Content changes of the canonical forms: the line diff's blocks with their text, paths, source
 * lines and word diffs, and which ignore rule (if any) hides each. A block is hidden only when
 * every line in it is covered: by an element rule on its path, or, for a changed line pair of one
 * element, by attribute rules on every attribute that differs. Anything uncertain stays visible.
 */
import { sourceLineOf, stripIndexes, type CanonicalXml } from './canonical-xml';
import type { IgnoreRule, RuleMatcher } from './ignore-profile';
import type { ChangeBlock } from './line-diff';
import { diffWords, type WordSegment } from './word-diff';

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
  /** Word diffs of the paired lines (removed[i] against added[i]), when they could be computed. */
  readonly words?: readonly (readonly WordSegment[] | null)[];
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

/**
 * Path and rule lookups memoised per element: unrelated documents have thousands of blocks. A
 * path is its parent's path plus one segment, so each element costs one concatenation.
 */
class Lookups {
  private readonly paths: readonly (string | undefined)[][];
  private readonly indexedPaths: readonly (string | undefined)[][];
  /** The element rule of each element (null: none), so a line costs an array read. */
  private readonly rulesOfElements: readonly (IgnoreRule | null | undefined)[][];

  constructor(
    private readonly sides: readonly [CanonicalXml, CanonicalXml],
    readonly rules: RuleMatcher,
  ) {
    // Filled up front: arrays written at scattered indexes would fall back to slow dictionaries.
    const table = (side: CanonicalXml) =>
      new Array<string | undefined>(side.elementSegment.length).fill(undefined);
    this.paths = [table(sides[0]), table(sides[1])];
    this.indexedPaths = [table(sides[0]), table(sides[1])];
    const ruleTable = (side: CanonicalXml) =>
      new Array<IgnoreRule | null | undefined>(side.elementSegment.length).fill(undefined);
    this.rulesOfElements = [ruleTable(sides[0]), ruleTable(sides[1])];
  }

  /** The element rule covering a line's element, if any. */
  lineRule(side: 0 | 1, line: number): IgnoreRule | undefined {
    const element = this.sides[side].lineElement[line] ?? -1;
    if (element < 0) return this.rules.element('/');
    const memo = this.rulesOfElements[side]!;
    let rule = memo[element];
    if (rule === undefined) {
      rule = this.rules.element(this.elementPath(side, element, false)) ?? null;
      memo[element] = rule;
    }
    return rule ?? undefined;
  }

  /** The path of a line's element without sibling indexes, as rules see it. */
  path(side: 0 | 1, line: number): string {
    return this.elementPath(side, this.sides[side].lineElement[line] ?? -1, false);
  }

  /** The path with sibling indexes, as ContentChange.path shows it. */
  indexedPath(side: 0 | 1, line: number): string {
    return this.elementPath(side, this.sides[side].lineElement[line] ?? -1, true);
  }

  private elementPath(side: 0 | 1, element: number, withIndexes: boolean): string {
    if (element < 0) return '/';
    const memo = (withIndexes ? this.indexedPaths : this.paths)[side]!;
    let path = memo[element];
    if (path === undefined) {
      const canonical = this.sides[side];
      const parent = canonical.elementParent[element]!;
      const segment = canonical.elementSegment[element]!;
      // Only `name[n]` segments have an index to strip (the last character tells).
      const name =
        withIndexes || segment.charCodeAt(segment.length - 1) !== 93
          ? segment
          : stripIndexes(segment);
      path = parent < 0 ? `/${name}` : `${this.elementPath(side, parent, withIndexes)}/${name}`;
      memo[element] = path;
    }
    return path;
  }
}

/** The rule hiding a whole block, or undefined when any line of it stays visible. */
function hidingRule(
  left: CanonicalXml,
  right: CanonicalXml,
  block: ChangeBlock,
  lookups: Lookups,
): string | undefined {
  const rules = lookups.rules;
  const removed = block.leftEnd - block.leftStart;
  const added = block.rightEnd - block.rightStart;
  let rule: string | undefined;
  for (let k = 0; k < Math.max(removed, added); k++) {
    const i = block.leftStart + k;
    const j = block.rightStart + k;
    const hasLeft = k < removed;
    const hasRight = k < added;
    const leftRule = hasLeft ? lookups.lineRule(0, i) : undefined;
    const rightRule = hasRight ? lookups.lineRule(1, j) : undefined;
    const isCovered = (!hasLeft || leftRule) && (!hasRight || rightRule);
    let covering = isCovered ? (leftRule ?? rightRule)?.id : undefined;
    if (!covering && hasLeft && hasRight && rules.hasAttributeRules) {
      const leftPath = lookups.path(0, i);
      if (leftPath === lookups.path(1, j))
        covering = attributeRule(left.lines[i]!, right.lines[j]!, leftPath, rules);
    }
    if (!covering) return undefined;
    rule ??= covering;
  }
  return rule;
}

/** Builds the content changes of a line diff over two canonical forms. */
export function contentChanges(
  left: CanonicalXml,
  right: CanonicalXml,
  blocks: readonly ChangeBlock[],
  rules: RuleMatcher,
): ContentChange[] {
  let wordPairs = 0;
  const lookups = new Lookups([left, right], rules);
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
    // Built member by member in a fixed order (the JSON shape stays the same): spreading
    // optional parts cost more than the rest of the work on unrelated documents.
    const change: {
      -readonly [K in keyof ContentChange]+?: ContentChange[K];
    } = {
      leftStart: block.leftStart,
      leftEnd: block.leftEnd,
      rightStart: block.rightStart,
      rightEnd: block.rightEnd,
      path:
        removedCount > 0
          ? lookups.indexedPath(0, block.leftStart)
          : lookups.indexedPath(1, block.rightStart),
    };
    const leftSourceLine = removedCount > 0 ? sourceLineOf(left, block.leftStart) : 0;
    const rightSourceLine = addedCount > 0 ? sourceLineOf(right, block.rightStart) : 0;
    if (leftSourceLine > 0) change.leftSourceLine = leftSourceLine;
    if (rightSourceLine > 0) change.rightSourceLine = rightSourceLine;
    change.removed = removed;
    change.added = added;
    if (omitted > 0) change.omittedLines = omitted;
    if (paired > 0 && wordPairs + paired <= maxWordDiffPairs) {
      wordPairs += paired;
      const words: (readonly WordSegment[] | null)[] = new Array<readonly WordSegment[] | null>(
        paired,
      );
      for (let k = 0; k < paired; k++) words[k] = diffWords(removed[k]!, added[k]!) ?? null;
      change.words = words;
    }
    const hiddenBy = hidingRule(left, right, block, lookups);
    if (hiddenBy !== undefined) change.hiddenBy = hiddenBy;
    changes[index] = change as ContentChange;
  }
  return changes;
}
