/**
 * What a CDA section or entry says, as comparable facts. Entries become keyed facts: every leaf
 * element, keyed by its path from the entry where each step carries the code of the clinical
 * statement below it (`component{95}/observation/value`), so an added observation is one added
 * fact and does not shift the others. Narrative becomes the list of its text lines, compared with
 * the line diff. Labels are the statements' code display names, which is how testers name them.
 */
import { Namespaces, type XmlElement } from '../xml/tree';
import { collapseWhitespace, hasContent } from './canonical-text';
import { attributesInWords } from './attribute-words';
import { codedText } from './describe-value';

/** One leaf of an entry: where it is, what to call it, what it says. */
export interface Fact {
  readonly key: string;
  /** e.g. "Annososio ja jatko-osiot › text". */
  readonly label: string;
  readonly value: string;
  /** Canonical path (no indexes) of the leaf element. */
  readonly path: string;
  readonly line?: number;
}

/** One text line of a section's narrative. */
export interface NarrativeLine {
  readonly text: string;
  readonly path: string;
  readonly line?: number;
}

// The helpers below are loops rather than filter/find callbacks: they run for every element
// of every changed section and entry, and a callback is a closure made per call.

export function elementChildren(element: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  const children = element.children;
  for (let i = 0; i < children.length; i++) {
    const node = children[i]!;
    if (node.kind === 'element') out.push(node);
  }
  return out;
}

export function firstChild(element: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!element) return undefined;
  const children = element.children;
  for (let i = 0; i < children.length; i++) {
    const node = children[i]!;
    if (node.kind === 'element' && node.name === name && node.namespace === Namespaces.hl7v3)
      return node;
  }
  return undefined;
}

export function attribute(element: XmlElement | undefined, name: string): string | undefined {
  if (!element) return undefined;
  const attributes = element.attributes;
  for (let i = 0; i < attributes.length; i++) {
    const entry = attributes[i]!;
    if (entry.name === name && entry.namespace === '') return entry.value;
  }
  return undefined;
}

/** The element's own text (not its children's), whitespace collapsed. */
export function ownText(element: XmlElement): string {
  let text = '';
  const children = element.children;
  for (let i = 0; i < children.length; i++) {
    const node = children[i]!;
    if (node.kind === 'text') text += node.text;
  }
  return text === '' ? '' : collapseWhitespace(text);
}

/** How a coded or valued leaf reads: "Lääkäri (1)", "10 mg", or its attributes. */
export function describeLeaf(element: XmlElement): string {
  const text = ownText(element);
  if (text !== '') return text;
  return describeOwnAttributes(element);
}

/**
 * An element's own attributes as they read: a coded value (CD, CE, CV, CO…) as "Lääkäri (1)"
 * and a quantity as "10 mg", whether or not it has children (a CD with qualifiers read
 * "code=1 codeSystem=… displayName=Hoidollinen syy type=CD" beside its readable siblings);
 * anything else as its attributes in words.
 */
function describeOwnAttributes(element: XmlElement): string {
  const code = attribute(element, 'code');
  if (code !== undefined) return codedText(code, attribute(element, 'displayName'));
  const value = attribute(element, 'value');
  if (value !== undefined) {
    const unit = attribute(element, 'unit');
    return unit ? `${value} ${unit}` : value;
  }
  return attributesInWords(element);
}

/** The code of a clinical statement (its own `code`, or its only child's, through a wrapper). */
function statementCode(element: XmlElement): XmlElement | undefined {
  const own = firstChild(element, 'code');
  if (own) return own;
  const inner = elementChildren(element);
  return inner.length === 1 ? firstChild(inner[0], 'code') : undefined;
}

/** The name a statement goes by: its code's display name, else the code itself. */
export function statementLabel(element: XmlElement): string | undefined {
  const code = firstChild(element, 'code');
  return code ? (attribute(code, 'displayName') ?? attribute(code, 'code')) : undefined;
}

/** Qualified name of an element as the canonical form writes it. */
export type NameOf = (element: XmlElement) => string;

/**
 * What tells a step apart from its siblings: a statement's code, but a reference's typeCode.
 * The code inside a reference is the type of the document it points to, which changes when the
 * reference is pointed at the next version: keyed by it, KOR → MIT paired the SPRT reference
 * with the RPLC one and reported two changed references as nine items (review of issue 7).
 */
function stepQualifier(element: XmlElement): string | undefined {
  if (element.name === 'code') return undefined;
  if (isReference(element)) return attribute(element, 'typeCode');
  const code = statementCode(element);
  return code && (attribute(code, 'code') ?? attribute(code, 'nullFlavor'));
}

/** A child's step in a fact key before any index: its name, and its qualifier if it has one. */
export function stepBase(element: XmlElement, nameOf: NameOf, isQualified: boolean): string {
  const qualifier = isQualified ? stepQualifier(element) : undefined;
  return qualifier === undefined ? nameOf(element) : `${nameOf(element)}{${qualifier}}`;
}

/** Step keys of one element's children; `given` holds those aligned with the other side. */
function stepKeys(
  elements: readonly XmlElement[],
  nameOf: NameOf,
  isQualified: boolean,
  given: ReadonlyMap<XmlElement, string> | undefined,
): string[] {
  const keys = elements.map((element) => stepBase(element, nameOf, isQualified));
  const totals = new Map<string, number>();
  for (const key of keys) totals.set(key, (totals.get(key) ?? 0) + 1);
  const seen = new Map<string, number>();
  return keys.map((key, at) => {
    const aligned = given?.get(elements[at]!);
    if (aligned !== undefined) return aligned;
    if (totals.get(key) === 1) return key;
    const index = (seen.get(key) ?? 0) + 1;
    seen.set(key, index);
    return `${key}[${index}]`;
  });
}

/**
 * Adds the element's source line, when known, as the last member (an assignment, not a spread of
 * a conditional object: these are made for every leaf of every changed entry).
 */
function withLine<T extends object>(value: T, element: XmlElement): T & { line?: number } {
  if (element.line !== undefined) (value as T & { line?: number }).line = element.line;
  return value;
}

/** An element of an entry that holds facts: an added or removed one is named as a whole. */
export interface FactOwner {
  readonly key: string;
  /** e.g. "Lääkemääräyksen mitätöinnin syy › observation". */
  readonly label: string;
  readonly path: string;
  readonly element: XmlElement;
}

/**
 * Every leaf fact of an entry (or any statement), keyed relative to it; with `owners`, also
 * every element below the entry that has children, by its key (the prefix of its facts' keys).
 * Repeated children are keyed by their place among their kind (`component{95}[2]`), or by the
 * step `alignedSteps` gives them (repeated-children.ts pairs them with the other side's).
 */
export function entryFacts(
  entry: XmlElement,
  entryPath: string,
  nameOf: NameOf,
  owners?: Map<string, FactOwner>,
  alignedSteps?: ReadonlyMap<XmlElement, string>,
): Fact[] {
  const facts: Fact[] = [];
  const walk = (
    element: XmlElement,
    key: string,
    path: string,
    label: string | undefined,
  ): void => {
    if (element !== entry && isReference(element)) {
      facts.push(withLine(referenceFact(element, key, path, nameOf), element));
      return;
    }
    const ownLabel = element === entry ? undefined : (statementLabel(element) ?? label);
    const children = elementChildren(element);
    if (children.length === 0) {
      const value = describeLeaf(element);
      if (value === '') return;
      const leaf = nameOf(element);
      facts.push(
        withLine(
          { key, label: label === undefined ? leaf : `${label} › ${leaf}`, value, path },
          element,
        ),
      );
      return;
    }
    const attributes = element === entry ? '' : describeOwnAttributes(element);
    if (element !== entry && (attributes !== '' || owners)) {
      const ownerLabel =
        ownLabel === undefined ? nameOf(element) : `${ownLabel} › ${nameOf(element)}`;
      owners?.set(key, { key, label: ownerLabel, path, element });
      if (attributes !== '')
        facts.push(
          withLine({ key: `${key}/@`, label: ownerLabel, value: attributes, path }, element),
        );
    }
    // The entry's own statement is not keyed by its code: the entry is already aligned, and a
    // changed code must read as a change, not as everything removed and added.
    const keys = stepKeys(children, nameOf, element !== entry, alignedSteps);
    children.forEach((child, index) => {
      // A statement's own code is labelled by the statement above it, not by itself.
      const childLabel = child.name === 'code' ? label : ownLabel;
      walk(child, `${key}/${keys[index]!}`, `${path}/${nameOf(child)}`, childLabel);
    });
  };
  walk(entry, '', entryPath, undefined);
  return facts;
}

const externalActs = new Set([
  'externalAct',
  'externalDocument',
  'externalObservation',
  'externalProcedure',
]);

/**
 * True for an act's reference to an external act or document; not for the `reference` of a text
 * value (`originalText/reference value="#x"`), which points into the narrative and stays a leaf.
 */
function isReference(element: XmlElement): boolean {
  if (element.name !== 'reference' || element.namespace !== Namespaces.hl7v3) return false;
  const children = element.children;
  for (let i = 0; i < children.length; i++) {
    const node = children[i]!;
    if (node.kind === 'element' && externalActs.has(node.name)) return true;
  }
  return false;
}

/**
 * A reference (to an external document, act, observation or procedure) as one fact, named by its
 * typeCode: "reference (RPLC)" = "id root=…, code Lääkemääräys (1), setId root=…". What it
 * points to changes as a whole, and the code inside names the target, not a statement: read leaf
 * by leaf, the target's code became the label of its id and the enclosing statement's name the
 * label of that code (review of issue 7).
 */
function referenceFact(reference: XmlElement, key: string, path: string, nameOf: NameOf): Fact {
  const typeCode = attribute(reference, 'typeCode');
  const parts = entryFacts(reference, '', nameOf).map((fact) => {
    // Keys are "/externalDocument{1}/id": the step under the target names the part.
    const part = fact.key
      .split('/')
      .slice(2)
      .join('/')
      .replace(/\{[^}]*\}/g, '');
    return part === '@' || part === '' ? fact.value : `${part} ${fact.value}`;
  });
  return {
    key,
    label: typeCode === undefined ? nameOf(reference) : `${nameOf(reference)} (${typeCode})`,
    value: parts.join(', '),
    path,
  };
}

/** The narrative of a section (`text`) as lines: each paragraph, cell, item or content run. */
export function narrativeLines(
  text: XmlElement | undefined,
  textPath: string,
  nameOf: NameOf,
): NarrativeLine[] {
  const lines: NarrativeLine[] = [];
  if (text) walkNarrative(text, textPath, nameOf, lines);
  return lines;
}

/**
 * One level of the narrative: text and inline markup continue the pending line, block-level
 * markup ends it and starts its own. A plain recursive function, not nested closures: it runs
 * for every element of every changed section.
 */
function walkNarrative(
  element: XmlElement,
  path: string,
  nameOf: NameOf,
  lines: NarrativeLine[],
): void {
  let pending = '';
  const children = element.children;
  for (let i = 0; i < children.length; i++) {
    const node = children[i]!;
    if (node.kind === 'text') pending += node.text;
    else if (node.kind === 'element') {
      if (isInlineRun(node)) pending += inlineText(node);
      else {
        pushNarrativeLine(lines, pending, path, element);
        pending = '';
        walkNarrative(node, `${path}/${nameOf(node)}`, nameOf, lines);
      }
    }
  }
  pushNarrativeLine(lines, pending, path, element);
}

function pushNarrativeLine(
  lines: NarrativeLine[],
  pending: string,
  path: string,
  element: XmlElement,
): void {
  // Most pending runs are the whitespace between block elements: no line, nothing to collapse.
  if (!hasContent(pending)) return;
  lines.push(withLine({ text: collapseWhitespace(pending), path }, element));
}

const inlineNames = new Set(['content', 'sub', 'sup', 'linkHtml', 'footnoteRef']);

function isInline(element: XmlElement): boolean {
  return inlineNames.has(element.name);
}

/** Inline markup whose element children are all inline too: it continues the line. */
function isInlineRun(element: XmlElement): boolean {
  if (!isInline(element)) return false;
  const children = element.children;
  for (let i = 0; i < children.length; i++) {
    const node = children[i]!;
    if (node.kind === 'element' && !isInline(node)) return false;
  }
  return true;
}

function inlineText(element: XmlElement): string {
  let text = '';
  const children = element.children;
  for (let i = 0; i < children.length; i++) {
    const node = children[i]!;
    if (node.kind === 'text') text += node.text;
    else if (node.kind === 'element') text += inlineText(node);
  }
  return text;
}
