/**
 * The entries of two aligned sections, as change list items (issue 7, "CDA-aware change list"):
 * aligned by id, then code, then order; each changed pair read fact by fact (entry-changes.ts),
 * and an entry on one side only named whole by its statement. The section walk that calls this
 * (cda-change-list.ts) extends it, and shares the names and the unchanged test kept here.
 */
import type { XmlElement, XmlNode } from '../xml/tree';
import type { NameOf } from './cda-facts';
import { align } from './align';
import { entriesOf, type EntryNode, type SectionNode, type UnchangedTest } from './cda-body-nodes';
import { ChangeListSink } from './change-list-items';
import { entryChanges } from './entry-changes';
import { entryFactsOfPair } from './repeated-children';
import { statementIn, statementWords, subtreeWords } from './entry-subtree-words';

/** Entry alignment passes: id, then code, then order. */
const entryKeys: readonly ((e: EntryNode) => string | undefined)[] = [
  (e) => e.id,
  (e) => e.code,
  () => '',
];

/** Reads the entries of section pairs into the list it collects. */
export class SectionEntryChanges extends ChangeListSink {
  constructor(
    protected readonly nameOfLeft: NameOf,
    protected readonly nameOfRight: NameOf,
    protected readonly isUnchanged: UnchangedTest,
    isPastFuse: () => boolean,
  ) {
    super(isPastFuse);
  }

  /** The entries of two aligned sections: aligned, then each one-sided or changed one read. */
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

  /** A changed pair of entries: one item per changed fact, or per part on one side only. */
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

function isEntry(node: XmlNode): node is XmlElement {
  return node.kind === 'element' && node.name === 'entry';
}
