/**
 * Paths and ignore rules of canonical lines, worked out once per element rather than per line:
 * unrelated documents have thousands of changed lines, and building each line's path string and
 * looking it up in a map of strings cost more than the rest of the content changes. Every element
 * gets a path id (its parent's id plus its name without the sibling index), shared by both
 * sides, so a rule is matched once per distinct path and two lines are on the same path when
 * their ids are equal; the path text is built only for those distinct paths.
 */
import { keepShape } from '../keep-shape';
import { canonicalizeXml, type CanonicalXml } from './canonical-xml';
import { compileRules, noIgnoreProfile, type IgnoreRule, type RuleMatcher } from './ignore-profile';

/** The pseudo path id of the document's parent ('' as text, so a child's path is `/name`). */
const rootPathId = 0;

const chunkBits = 10;
const chunkMask = (1 << chunkBits) - 1;
type PathChunks = ((string | undefined)[] | undefined)[];

/** Path ids, path texts and element rules of the lines of two canonical forms. */
export class ElementPaths {
  /** Path id of each element per side (-1 until asked). */
  private readonly pathIds: readonly [Int32Array, Int32Array];
  /**
   * Path with sibling indexes of each element asked for, per side, in chunks of 1,024 elements
   * made when first needed: a map of a hundred thousand elements spent its time growing, one
   * array for a million elements cost more to fill than a few edits take, and an array written
   * at scattered indexes would fall back to a slow dictionary.
   */
  private readonly indexedPaths: readonly [PathChunks, PathChunks];
  /** Child path ids by path id, then by element name (with and without its sibling index). */
  private readonly childIds: (Map<string, number> | undefined)[] = [undefined];
  /** The text of each path id (rules and attribute rules see it). */
  private readonly pathTexts: string[] = [''];
  /** The element rule of each path id (null: none, undefined: not matched yet). */
  private readonly pathRules: (IgnoreRule | null | undefined)[] = [undefined];

  constructor(
    private readonly sides: readonly [CanonicalXml, CanonicalXml],
    readonly rules: RuleMatcher,
  ) {
    const table = (side: CanonicalXml) => new Int32Array(side.elementSegment.length).fill(-1);
    this.pathIds = [table(sides[0]), table(sides[1])];
    const texts = (side: CanonicalXml): PathChunks =>
      new Array<(string | undefined)[] | undefined>(
        (side.elementSegment.length >> chunkBits) + 1,
      ).fill(undefined);
    this.indexedPaths = [texts(sides[0]), texts(sides[1])];
  }

  /** The path id of a line's element (-1 for lines outside any element, whose path is `/`). */
  linePathId(side: 0 | 1, line: number): number {
    const element = this.sides[side].lineElement[line] ?? -1;
    return element < 0 ? -1 : this.elementPathId(side, element);
  }

  /** The path text of a path id from linePathId, without sibling indexes, as rules see it. */
  pathText(pathId: number): string {
    return pathId < 0 ? '/' : this.pathTexts[pathId]!;
  }

  /** The element rule covering a line's element, if any. */
  lineRule(side: 0 | 1, line: number): IgnoreRule | undefined {
    const pathId = this.linePathId(side, line);
    if (pathId < 0) return this.rules.element('/');
    let rule = this.pathRules[pathId];
    if (rule === undefined) {
      rule = this.rules.element(this.pathTexts[pathId]!) ?? null;
      this.pathRules[pathId] = rule;
    }
    return rule ?? undefined;
  }

  /** The path of a line's element with sibling indexes, as ContentChange.path shows it. */
  indexedPath(side: 0 | 1, line: number): string {
    const element = this.sides[side].lineElement[line] ?? -1;
    return element < 0 ? '/' : this.indexedPathOf(side, element);
  }

  private elementPathId(side: 0 | 1, element: number): number {
    const ids = this.pathIds[side];
    let id = ids[element]!;
    if (id >= 0) return id;
    const canonical = this.sides[side];
    const parent = canonical.elementParent[element]!;
    const parentId = parent < 0 ? rootPathId : this.elementPathId(side, parent);
    const segment = canonical.elementSegment[element]!;
    let children = this.childIds[parentId];
    if (!children) {
      children = new Map();
      this.childIds[parentId] = children;
    }
    // Keyed by the segment as written (the writer reuses its segment strings, so their hashes
    // are known) and by the name without its index, which both lead to the same id.
    id = children.get(segment) ?? -1;
    if (id < 0) {
      // Only `name[n]` segments carry an index (the last character tells); names hold no '['.
      const name =
        segment.charCodeAt(segment.length - 1) === 93
          ? segment.slice(0, segment.lastIndexOf('['))
          : segment;
      id = children.get(name) ?? -1;
      if (id < 0) {
        id = this.pathTexts.length;
        children.set(name, id);
        this.pathTexts.push(`${this.pathTexts[parentId]!}/${name}`);
        this.pathRules.push(undefined);
        this.childIds.push(undefined);
      }
      children.set(segment, id);
    }
    ids[element] = id;
    return id;
  }

  private indexedPathOf(side: 0 | 1, element: number): string {
    const chunks = this.indexedPaths[side];
    let memo = chunks[element >> chunkBits];
    if (!memo) {
      memo = new Array<string | undefined>(1 << chunkBits).fill(undefined);
      chunks[element >> chunkBits] = memo;
    }
    let path = memo[element & chunkMask];
    if (path === undefined) {
      const canonical = this.sides[side];
      const parent = canonical.elementParent[element]!;
      const segment = canonical.elementSegment[element]!;
      path = parent < 0 ? `/${segment}` : `${this.indexedPathOf(side, parent)}/${segment}`;
      memo[element & chunkMask] = path;
    }
    return path;
  }
}

// The shape of the path tables outlives every comparison (see keepShape).
const emptyForm = canonicalizeXml({
  kind: 'element',
  name: 'x',
  namespace: '',
  attributes: [],
  children: [],
});
keepShape(new ElementPaths([emptyForm, emptyForm], compileRules(noIgnoreProfile)));
