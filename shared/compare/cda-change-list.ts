/**
 * The CDA-aware change list of the body (issue 7, "CDA-aware change list"): sections aligned by
 * templateId + code (title as fallback, then order), entries by id (then code, then order), and
 * each difference said in domain terms: "section Lääkemääräys › #1, entry Annososio ja
 * jatko-osiot: text changed from A to B". A section found at another place is reported as moved.
 * The wording lives in change-list-items.ts, the aligned structure in cda-body-nodes.ts.
 */
import { keepShape } from '../keep-shape';
import { Namespaces, type XmlElement, type XmlNode } from '../xml/tree';
import {
  describeLeaf,
  firstChild,
  narrativeLines,
  type NameOf,
  type NarrativeLine,
} from './cda-facts';
import { align, movedOf, movedRuns, type Pair } from './align';
import {
  bodySections,
  changedSectionsInPlace,
  entriesOf,
  nodesOf,
  sectionKeys,
  sectionPath,
  sectionSlotsOf,
  type EntryNode,
  type SectionNode,
  type UnchangedTest,
} from './cda-body-nodes';
import { ChangeListSink, lineOf, type ChangeListItem } from './change-list-items';
import { entryChanges } from './entry-changes';
import { entryFactsOfPair } from './repeated-children';
import { statementIn, statementWords, subtreeWords } from './entry-subtree-words';
import { diffLineArrays, type ChangeBlock } from './line-diff';

export { maxChangeListItems, type ChangeListItem } from './change-list-items';
export type { UnchangedTest } from './cda-body-nodes';

/** Entry alignment passes: id, then code, then order. */
const entryKeys: readonly ((e: EntryNode) => string | undefined)[] = [
  (e) => e.id,
  (e) => e.code,
  () => '',
];

/**
 * Narrative lines the line diff removed on the left and added, with the same text, on the right:
 * left index → right index, and the right index j noted as -1 - j (the two never collide).
 */
function narrativeMoves(
  left: readonly NarrativeLine[],
  right: readonly NarrativeLine[],
  blocks: readonly ChangeBlock[],
): Map<number, number> {
  const addedByText = new Map<string, number[]>();
  for (const block of blocks)
    for (let j = block.rightStart; j < block.rightEnd; j++) {
      const text = right[j]!.text;
      const same = addedByText.get(text);
      if (same) same.push(j);
      else addedByText.set(text, [j]);
    }
  const moves = new Map<number, number>();
  for (const block of blocks)
    for (let i = block.leftStart; i < block.leftEnd; i++) {
      const to = addedByText.get(left[i]!.text)?.shift();
      if (to === undefined) continue;
      moves.set(i, to);
      moves.set(-1 - to, i);
    }
  return moves;
}

/** Walks two bodies in step: sections, then their narrative, entries and nested sections. */
class ChangeList extends ChangeListSink {
  constructor(
    private readonly nameOfLeft: NameOf,
    private readonly nameOfRight: NameOf,
    private readonly isUnchanged: UnchangedTest,
    isPastFuse: () => boolean,
  ) {
    super(isPastFuse);
  }

  /** The sections under two parents: aligned, then each changed pair walked. */
  sections(
    left: XmlElement,
    leftPath: string,
    right: XmlElement,
    rightPath: string,
    chain: string,
  ): void {
    // Past the fuse the sections are still aligned and named (a section-level diff); only a full
    // list stops here.
    if (this.isFull) {
      this.isTruncated = true;
      return;
    }
    const leftSlots = sectionSlotsOf(left);
    const rightSlots = sectionSlotsOf(right);
    const paths = { left: sectionPath(leftPath), right: sectionPath(rightPath) };
    const named = (s: SectionNode) => (chain ? `${chain} › ${s.label}` : s.label);
    // Most pairs of versions keep their sections in place: then only the changed ones are read.
    const inPlace = changedSectionsInPlace(leftSlots, rightSlots, paths, this.isUnchanged);
    if (inPlace) {
      for (const [l, r] of inPlace) this.changed(l, r, named(r));
      return;
    }
    const { pairs, removed, added } = align(
      nodesOf(leftSlots, paths.left),
      nodesOf(rightSlots, paths.right),
      sectionKeys,
    );
    for (const s of removed)
      this.add({
        group: 'section',
        kind: 'removed',
        section: named(s),
        text: `section ${named(s)} removed`,
        path: s.path,
        pathKind: 'canonical',
        ...lineOf('leftLine', s.element),
      });
    for (const s of added)
      this.add({
        group: 'section',
        kind: 'added',
        section: named(s),
        text: `section ${named(s)} added`,
        path: s.path,
        pathKind: 'canonical',
        ...lineOf('rightLine', s.element),
      });
    const runs = movedRuns(movedOf(pairs));
    for (const pair of pairs) {
      // A full list takes no more items: the rest of the pairs is not even tested for changes
      // (two unrelated documents of thousands of sections fill it within their first few hundred).
      if (this.isFull) {
        this.isTruncated = true;
        return;
      }
      const [l, r] = pair;
      const run = runs.get(pair);
      if (run) this.moved(run, named);
      if (!this.isUnchanged(l.element, r.element)) this.changed(l, r, named(r));
    }
  }

  /** One item for a run of sections that moved together (see movedRuns). */
  private moved(run: readonly Pair<SectionNode>[], named: (s: SectionNode) => string): void {
    const [l, r] = run[0]!;
    const [lastL, lastR] = run[run.length - 1]!;
    this.add({
      group: 'section',
      kind: 'moved',
      section: named(r),
      text:
        run.length === 1
          ? `section ${named(r)} moved from position ${l.index + 1} to ${r.index + 1}`
          : `sections ${named(r)} … ${named(lastR)} (${run.length} sections) moved from positions ${l.index + 1}–${lastL.index + 1} to ${r.index + 1}–${lastR.index + 1}`,
      path: r.path,
      pathKind: 'canonical',
      ...lineOf('leftLine', l.element),
      ...lineOf('rightLine', r.element),
    });
  }

  /** A changed pair of sections: read in detail, or past the fuse only named as changed. */
  private changed(l: SectionNode, r: SectionNode, name: string): void {
    if (!this.isOutOfTime()) {
      this.section(l, r, name);
      return;
    }
    this.add({
      group: 'section',
      kind: 'changed',
      section: name,
      text: `section ${name} changed`,
      path: r.path,
      pathKind: 'canonical',
      ...lineOf('leftLine', l.element),
      ...lineOf('rightLine', r.element),
    });
  }

  section(l: SectionNode, r: SectionNode, name: string): void {
    if (this.stopWhenFull()) return;
    if (l.title !== r.title)
      this.field(
        'section',
        name,
        undefined,
        'title',
        l.title || undefined,
        r.title || undefined,
        `${r.path}/title`,
        l.element,
        r.element,
      );
    const lCode = firstChild(l.element, 'code');
    const rCode = firstChild(r.element, 'code');
    const lCodeText = lCode && describeLeaf(lCode);
    const rCodeText = rCode && describeLeaf(rCode);
    if (lCodeText !== rCodeText)
      this.field(
        'section',
        name,
        undefined,
        'code',
        lCodeText,
        rCodeText,
        `${r.path}/code`,
        l.element,
        r.element,
      );
    this.narrative(l, r, name);
    this.entries(l, r, name);
    this.sections(l.element, l.path, r.element, r.path, name);
  }

  narrative(l: SectionNode, r: SectionNode, name: string): void {
    if (this.stopWhenFull()) return;
    const leftText = firstChild(l.element, 'text');
    const rightText = firstChild(r.element, 'text');
    if (leftText && rightText && this.isUnchanged(leftText, rightText)) return;
    const left = narrativeLines(leftText, `${l.path}/text`, this.nameOfLeft);
    const right = narrativeLines(rightText, `${r.path}/text`, this.nameOfRight);
    const diff = diffLineArrays(
      left.map((line) => line.text),
      right.map((line) => line.text),
    );
    const moves = narrativeMoves(left, right, diff.blocks);
    for (const block of diff.blocks) {
      // A line that reappears unchanged elsewhere in the narrative moved: one item, named where it
      // left (two swapped paragraphs are two moves, not two removals and two additions).
      const removed: number[] = [];
      for (let i = block.leftStart; i < block.leftEnd; i++) {
        const to = moves.get(i);
        if (to === undefined) removed.push(i);
        else this.narrativeLine(name, left[i], right[to], 'moved');
      }
      const added: number[] = [];
      for (let j = block.rightStart; j < block.rightEnd; j++) if (!moves.has(-1 - j)) added.push(j);
      const paired = Math.min(removed.length, added.length);
      for (let k = 0; k < paired; k++)
        this.narrativeLine(name, left[removed[k]!], right[added[k]!]);
      for (let k = paired; k < removed.length; k++)
        this.narrativeLine(name, left[removed[k]!], undefined);
      for (let k = paired; k < added.length; k++)
        this.narrativeLine(name, undefined, right[added[k]!]);
    }
  }

  entries(l: SectionNode, r: SectionNode, name: string): void {
    if (this.stopWhenFull() || this.entriesUnchangedInPlace(l.element, r.element)) return;
    const { pairs, removed, added } = align(entriesOf(l.element), entriesOf(r.element), entryKeys);
    const path = `${r.path}/entry`;
    for (const e of removed) this.wholeEntry(e, 'removed', name, path);
    for (const e of added) this.wholeEntry(e, 'added', name, path);
    for (const [le, re] of pairs)
      if (!this.isUnchanged(le.element, re.element)) this.entry(le, re, name, path);
  }

  /**
   * True when both sections have as many entries and each equals the one at its place: then
   * the alignment (id, code, order) pairs them in place too and finds nothing, so it is skipped
   * (most changed sections change in their narrative only).
   */
  private entriesUnchangedInPlace(left: XmlElement, right: XmlElement): boolean {
    const a = left.children;
    const b = right.children;
    let i = 0;
    let j = 0;
    for (;;) {
      while (i < a.length && !isEntry(a[i]!)) i++;
      while (j < b.length && !isEntry(b[j]!)) j++;
      const x = a[i];
      const y = b[j];
      if (x === undefined || y === undefined) return x === y;
      if (!isEntry(x) || !isEntry(y) || !this.isUnchanged(x, y)) return false;
      i++;
      j++;
    }
  }

  /** An entry on one side only: one item naming its statement, by the entry's id. */
  private wholeEntry(e: EntryNode, kind: 'added' | 'removed', name: string, path: string): void {
    const statement = statementIn(e.element);
    const words = statement
      ? { statement: statement.name, field: e.label, summary: statementWords(statement) }
      : { field: 'entry', summary: e.label };
    const place = { section: name, entry: e.label, ...(e.id ? { shownEntry: e.id } : {}) };
    const at = this.statementPlace({ element: e.element, path }, kind);
    this.entryPart(place, kind, words, at.path, at.line);
  }

  /**
   * Where an added or removed element points: at the statement a wrapper (entry, component,
   * entryRelationship) holds, so that an ignore rule naming the statement hides it and the view
   * jumps to the statement's own line.
   */
  private statementPlace(
    owner: { readonly element: XmlElement; readonly path: string },
    kind: 'added' | 'removed',
  ): { path: string; line: number | undefined } {
    const statement = statementIn(owner.element);
    if (!statement || statement === owner.element)
      return { path: owner.path, line: owner.element.line };
    const nameOf = kind === 'added' ? this.nameOfRight : this.nameOfLeft;
    return { path: `${owner.path}/${nameOf(statement)}`, line: statement.line };
  }

  entry(l: EntryNode, r: EntryNode, name: string, path: string): void {
    if (this.stopWhenFull()) return;
    const { facts, owners } = entryFactsOfPair(l.element, r.element, path, {
      left: this.nameOfLeft,
      right: this.nameOfRight,
    });
    const changes = entryChanges(facts.left, facts.right, owners);
    const withinEntry = (label: string) =>
      label.startsWith(`${r.label} › `) ? label.slice(r.label.length + 3) : label;
    for (const change of changes) {
      if (change.kind === 'subtree') {
        const { owner, side } = change;
        const words = subtreeWords(owner, change.facts);
        const field = withinEntry(words.field);
        const place = { section: name, entry: r.label, shownEntry: r.label };
        const at = this.statementPlace(owner, side);
        this.entryPart(place, side, { ...words, field }, at.path, at.line);
        continue;
      }
      const { left: a, right: b } = change;
      const fact = (b ?? a)!;
      const count = this.items.length;
      this.field('entry', name, r.label, withinEntry(fact.label), a?.value, b?.value, fact.path);
      // A full list took no item: the last one is another change's and keeps its lines.
      const last = this.items.length > count ? this.items[count] : undefined;
      if (last && (a?.line !== undefined || b?.line !== undefined))
        this.items[this.items.length - 1] = {
          ...last,
          ...(a?.line !== undefined ? { leftLine: a.line } : {}),
          ...(b?.line !== undefined ? { rightLine: b.line } : {}),
        };
    }
  }
}

// The change list's shape outlives every comparison (see keepShape).
keepShape(
  new ChangeList(
    () => '',
    () => '',
    () => false,
    () => false,
  ),
);

function isEntry(node: XmlNode): node is XmlElement {
  return node.kind === 'element' && node.name === 'entry';
}

/**
 * A name function that writes names as the canonical form does (its prefix map). Names are kept
 * per namespace and local name: this runs for every element of every changed narrative and
 * entry, and a map look-up and a new string each time were a tenth of the change list.
 */
export function nameWith(prefixes: ReadonlyMap<string, string>): NameOf {
  const known = new Map<string, Map<string, string>>();
  let lastNamespace: string | undefined;
  let lastNames: Map<string, string> | undefined;
  return (element) => {
    let names = element.namespace === lastNamespace ? lastNames : known.get(element.namespace);
    if (names === undefined) {
      names = new Map();
      known.set(element.namespace, names);
    }
    lastNamespace = element.namespace;
    lastNames = names;
    let name = names.get(element.name);
    if (name === undefined) {
      const prefix =
        element.namespace === Namespaces.hl7v3
          ? (prefixes.get(element.namespace) ?? '')
          : prefixes.get(element.namespace);
      name = prefix ? `${prefix}:${element.name}` : element.name;
      names.set(element.name, name);
    }
    return name;
  };
}

/** The body change list of two CDA documents (empty when either has no structured body). */
export function diffCdaBody(
  left: XmlElement,
  right: XmlElement,
  names: { readonly left: NameOf; readonly right: NameOf },
  /** True when two elements are known to be equal (lets big unchanged documents skip work). */
  isUnchanged: UnchangedTest = () => false,
  /** True once the comparison's time is up: the list stops where it is (stoppedByFuse). */
  isPastFuse: () => boolean = () => false,
): { items: ChangeListItem[]; isTruncated: boolean; stoppedByFuse: boolean } {
  const list = new ChangeList(names.left, names.right, isUnchanged, isPastFuse);
  const l = bodySections(left);
  const r = bodySections(right);
  if (l && r) list.sections(l.parent, l.path, r.parent, r.path, '');
  return { items: list.items, isTruncated: list.isTruncated, stoppedByFuse: list.stoppedByFuse };
}
