/**
 * The CDA-aware change list of the body (issue 7, "CDA-aware change list"): sections aligned by
 * templateId + code (title as fallback, then order), entries by id (then code, then order), and
 * each difference said in domain terms: "section Lääkemääräys › #1, entry Annososio ja
 * jatko-osiot: text changed from A to B". A section found at another place is reported as moved.
 * The wording lives in change-list-items.ts, the aligned structure in cda-body-nodes.ts; this file
 * walks the sections, narrative-changes.ts and section-entry-changes.ts read what is in them.
 */
import { keepShape } from '../keep-shape';
import { Namespaces, type XmlElement } from '../xml/tree';
import { describeLeaf, firstChild, narrativeLines, type NameOf } from './cda-facts';
import { align, movedOf, movedRuns, type Pair } from './align';
import {
  bodySections,
  changedSectionsInPlace,
  nodesOf,
  sectionKeys,
  sectionPath,
  sectionSlotsOf,
  type SectionNode,
  type UnchangedTest,
} from './cda-body-nodes';
import { lineOf, type ChangeListItem } from './change-list-items';
import { addNarrativeChanges } from './narrative-changes';
import { SectionEntryChanges } from './section-entry-changes';

export { maxChangeListItems, type ChangeListItem } from './change-list-items';
export type { UnchangedTest } from './cda-body-nodes';

/**
 * Walks two bodies in step: sections, then their narrative (narrative-changes.ts), entries
 * (section-entry-changes.ts) and nested sections.
 */
class ChangeList extends SectionEntryChanges {
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
    addNarrativeChanges(this, name, left, right);
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
