/**
 * The structure the change list aligns: the sections of a structuredBody (or of a section) with
 * their alignment keys (templateId, code, title) and the entries of a section (id, code).
 */
import { Namespaces, type XmlElement, type XmlNode } from '../xml/tree';
import { attribute, describeLeaf, firstChild, statementLabel } from './cda-facts';
import { collapseWhitespace } from './canonical-text';

/** One section with what aligns it to its counterpart. */
export interface SectionNode {
  readonly element: XmlElement;
  readonly path: string;
  readonly templateKey: string;
  readonly codeKey: string;
  readonly title: string;
  readonly label: string;
  readonly index: number;
}

/** What sections are aligned by (the change list's and the narrative diff's sections). */
export type SectionKeyFields = Pick<SectionNode, 'templateKey' | 'codeKey' | 'title'>;

/** Section alignment passes, strictest first: templateId + code + title, down to order. */
export const sectionKeys: readonly ((s: SectionKeyFields) => string | undefined)[] = [
  (s) => `${s.templateKey}|${s.codeKey}|${s.title}`,
  (s) => (s.templateKey || s.codeKey ? `${s.templateKey}|${s.codeKey}` : undefined),
  (s) => (s.templateKey ? s.templateKey : undefined),
  (s) => (s.title ? s.title : undefined),
  (s) => (!s.templateKey && !s.codeKey && !s.title ? '' : undefined),
];

/** The structuredBody of a ClinicalDocument and its canonical path, if it has one. */
export function bodySections(root: XmlElement): { parent: XmlElement; path: string } | undefined {
  const component = firstChild(root, 'component');
  const body = firstChild(component, 'structuredBody');
  return body ? { parent: body, path: `/${root.name}/component/structuredBody` } : undefined;
}

/** `root^extension` of every templateId child, appended to `out` (loops: run per section). */
function templateIdsOf(element: XmlElement, out: string[]): void {
  const children = element.children;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.kind === 'element' && child.name === 'templateId')
      out.push(`${attribute(child, 'root') ?? ''}^${attribute(child, 'extension') ?? ''}`);
  }
}

/** The sections directly under a parent, each with the component that holds it, in order. */
export interface SectionSlots {
  readonly components: readonly XmlElement[];
  readonly sections: readonly XmlElement[];
  /** True when a component has templateIds of its own (outside its section). */
  readonly hasComponentTemplateIds: boolean;
}

/** The components directly under `parent` that hold a section, and their sections. */
export function sectionSlotsOf(parent: XmlElement): SectionSlots {
  const components: XmlElement[] = [];
  const sections: XmlElement[] = [];
  let hasComponentTemplateIds = false;
  const children = parent.children;
  for (let i = 0; i < children.length; i++) {
    const component = children[i]!;
    if (component.kind !== 'element' || component.name !== 'component') continue;
    // One pass over the component's children finds its section and any templateId of its own.
    let section: XmlElement | undefined;
    const inner = component.children;
    for (let j = 0; j < inner.length; j++) {
      const node = inner[j]!;
      if (node.kind !== 'element') continue;
      if (node.name === 'templateId') hasComponentTemplateIds = true;
      else if (!section && node.name === 'section' && node.namespace === Namespaces.hl7v3)
        section = node;
    }
    if (!section) continue;
    components.push(component);
    sections.push(section);
  }
  return { components, sections, hasComponentTemplateIds };
}

function titleOf(section: XmlElement): string {
  const titleElement = firstChild(section, 'title');
  return titleElement ? collapseWhitespace(describeLeaf(titleElement)) : '';
}

const titlesBySlots = new WeakMap<SectionSlots, (string | undefined)[]>();

/**
 * The title of the section at `index` among `slots`, read once: a section's node and its
 * parent's labels both need it, and with thousands of sections reading it twice showed.
 */
function titleAt(slots: SectionSlots, index: number): string {
  let titles = titlesBySlots.get(slots);
  if (titles === undefined) {
    titles = new Array<string | undefined>(slots.sections.length);
    titlesBySlots.set(slots, titles);
  }
  return (titles[index] ??= titleOf(slots.sections[index]!));
}

/** A section's name: its title, else its code's name, else its place ("#3"). */
function plainLabel(slots: SectionSlots, index: number): string {
  const code = firstChild(slots.sections[index], 'code');
  return (
    titleAt(slots, index) ||
    (code && (attribute(code, 'displayName') ?? attribute(code, 'code'))) ||
    `#${index + 1}`
  );
}

/** "1st", "2nd", "3rd", "4th", "11th", "22nd". */
function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

const labelsBySlots = new WeakMap<SectionSlots, readonly string[]>();

/**
 * The labels of all sections among `slots`, a repeated one with its place among those of that
 * name ("Tutkimukset & hoito (2nd)"): two same-titled sections otherwise read alike in the
 * change list (review 9, defect 10). Read once per parent, when its first section is named.
 */
function labelsOf(slots: SectionSlots): readonly string[] {
  const known = labelsBySlots.get(slots);
  if (known) return known;
  const plain = slots.sections.map((_, index) => plainLabel(slots, index));
  const totals = new Map<string, number>();
  for (const label of plain) totals.set(label, (totals.get(label) ?? 0) + 1);
  const seen = new Map<string, number>();
  const labels = plain.map((label) => {
    if (totals.get(label) === 1) return label;
    const place = (seen.get(label) ?? 0) + 1;
    seen.set(label, place);
    return `${label} (${ordinal(place)})`;
  });
  labelsBySlots.set(slots, labels);
  return labels;
}

/** The node of the section at `index` among `slots` (its keys and label read from the XML). */
export function sectionNode(slots: SectionSlots, index: number, path: string): SectionNode {
  const component = slots.components[index]!;
  const section = slots.sections[index]!;
  const templateIds: string[] = [];
  templateIdsOf(component, templateIds);
  templateIdsOf(section, templateIds);
  const code = firstChild(section, 'code');
  return {
    element: section,
    path,
    templateKey: templateIds.join(' '),
    codeKey: code ? `${attribute(code, 'code') ?? ''}@${attribute(code, 'codeSystem') ?? ''}` : '',
    title: titleAt(slots, index),
    label: labelsOf(slots)[index]!,
    index,
  };
}

/** The path of the sections under a parent at `parentPath`. */
export function sectionPath(parentPath: string): string {
  return `${parentPath}/component/section`;
}

/** The sections directly under `parent` (through its components). */
export function sectionsOf(parent: XmlElement, parentPath: string): SectionNode[] {
  return nodesOf(sectionSlotsOf(parent), sectionPath(parentPath));
}

/** The nodes of all sections among `slots`. */
export function nodesOf(slots: SectionSlots, path: string): SectionNode[] {
  const nodes: SectionNode[] = [];
  for (let i = 0; i < slots.sections.length; i++) nodes.push(sectionNode(slots, i, path));
  return nodes;
}

/** One entry of a section with what aligns it to its counterpart. */
export interface EntryNode {
  readonly element: XmlElement;
  readonly id: string | undefined;
  readonly code: string | undefined;
  readonly label: string;
  readonly index: number;
}

/** The entries of a section. */
export function entriesOf(section: XmlElement): EntryNode[] {
  const nodes: EntryNode[] = [];
  const children = section.children;
  for (let i = 0; i < children.length; i++) {
    const entry = children[i]!;
    if (entry.kind !== 'element' || entry.name !== 'entry') continue;
    const statement = statementOf(entry);
    const id = firstChild(statement, 'id');
    const code = firstChild(statement, 'code');
    const root = id && attribute(id, 'root');
    const extension = root ? attribute(id, 'extension') : undefined;
    const idText = root ? (extension ? `${root}^${extension}` : root) : undefined;
    const index = nodes.length;
    nodes.push({
      element: entry,
      id: idText,
      code: code
        ? `${attribute(code, 'code') ?? ''}@${attribute(code, 'codeSystem') ?? ''}`
        : undefined,
      label: (statement && statementLabel(statement)) ?? idText ?? `#${index + 1}`,
      index,
    });
  }
  return nodes;
}

/** The clinical statement of an entry: its first element child that is not a templateId. */
function statementOf(entry: XmlElement): XmlElement | undefined {
  const children = entry.children;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.kind === 'element' && child.name !== 'templateId') return child;
  }
  return undefined;
}

/** Whether two elements are known equal, and optionally two runs of siblings in place. */
export interface UnchangedTest {
  (left: XmlElement, right: XmlElement): boolean;
  /**
   * True when the siblings from `leftFirst` to `leftLast` equal those from `rightFirst` to
   * `rightLast`, each at its place (a quick test: false only means "not known").
   */
  readonly run?: (
    leftFirst: XmlElement,
    leftLast: XmlElement,
    rightFirst: XmlElement,
    rightLast: XmlElement,
  ) => boolean;
}

/**
 * The changed section pairs of two parents when align(sectionKeys) would pair every section in
 * place, else undefined (the caller aligns them). That holds when both have as many sections and
 * the keys at each place are equal: the k-th section with a key on the left then meets the k-th
 * with that key on the right in the first pass, and none is moved. Runs of sections known
 * unchanged in place are passed over in halves without reading their keys, so a big document
 * with a few edits reads the keys of the few changed sections only (issue 7).
 */
export function changedSectionsInPlace(
  left: SectionSlots,
  right: SectionSlots,
  paths: { readonly left: string; readonly right: string },
  isUnchanged: UnchangedTest,
): [SectionNode, SectionNode][] | undefined {
  const count = left.sections.length;
  if (right.sections.length !== count) return undefined;
  // A component's own templateIds are outside its section's lines: compared one by one.
  if (left.hasComponentTemplateIds || right.hasComponentTemplateIds)
    for (let i = 0; i < count; i++)
      if (!sameTemplateIds(left.components[i]!, right.components[i]!)) return undefined;
  const changed: [SectionNode, SectionNode][] = [];
  const run = isUnchanged.run;
  const visit = (from: number, to: number): boolean => {
    if (from >= to) return true;
    const l = left.sections;
    const r = right.sections;
    if (to - from > 1) {
      if (run?.(l[from]!, l[to - 1]!, r[from]!, r[to - 1]!)) return true;
      const middle = (from + to) >> 1;
      return visit(from, middle) && visit(middle, to);
    }
    if (isUnchanged(l[from]!, r[from]!)) return true;
    const a = sectionNode(left, from, paths.left);
    const b = sectionNode(right, from, paths.right);
    if (a.templateKey !== b.templateKey || a.codeKey !== b.codeKey || a.title !== b.title)
      return false;
    changed.push([a, b]);
    return true;
  };
  return visit(0, count) ? changed : undefined;
}

/** True when two elements have the same templateId children (root and extension), in order. */
function sameTemplateIds(left: XmlElement, right: XmlElement): boolean {
  // In step over both child lists, without building the keys: this runs for every section.
  const a = left.children;
  const b = right.children;
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < a.length && !isTemplateId(a[i]!)) i++;
    while (j < b.length && !isTemplateId(b[j]!)) j++;
    const x = a[i];
    const y = b[j];
    if (x === undefined || y === undefined) return x === y;
    if (!isTemplateId(x) || !isTemplateId(y)) return false;
    if (attribute(x, 'root') !== attribute(y, 'root')) return false;
    if (attribute(x, 'extension') !== attribute(y, 'extension')) return false;
    i++;
    j++;
  }
}

function isTemplateId(node: XmlNode): node is XmlElement {
  return node.kind === 'element' && node.name === 'templateId';
}
