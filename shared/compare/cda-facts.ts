/**
 * What a CDA section or entry says, as comparable facts: the element readers both kinds use, how
 * a leaf reads, and a section's narrative as the list of its text lines, compared with the line
 * diff. An entry's keyed facts are in entry-facts.ts. Labels are the statements' code display
 * names, which is how testers name them.
 */
import { Namespaces, type XmlElement } from '../xml/tree';
import { collapseWhitespace, hasContent } from './canonical-text';
import { attributesInWords } from './attribute-words';
import { codedText } from './describe-value';

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
export function describeOwnAttributes(element: XmlElement): string {
  const code = attribute(element, 'code');
  if (code !== undefined) return codedText(code, attribute(element, 'displayName'));
  const value = attribute(element, 'value');
  if (value !== undefined) {
    const unit = attribute(element, 'unit');
    return unit ? `${value} ${unit}` : value;
  }
  return attributesInWords(element);
}

/** The name a statement goes by: its code's display name, else the code itself. */
export function statementLabel(element: XmlElement): string | undefined {
  const code = firstChild(element, 'code');
  return code ? (attribute(code, 'displayName') ?? attribute(code, 'code')) : undefined;
}

/** Qualified name of an element as the canonical form writes it. */
export type NameOf = (element: XmlElement) => string;

/**
 * Adds the element's source line, when known, as the last member (an assignment, not a spread of
 * a conditional object: these are made for every leaf of every changed entry).
 */
export function withLine<T extends object>(value: T, element: XmlElement): T & { line?: number } {
  if (element.line !== undefined) (value as T & { line?: number }).line = element.line;
  return value;
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
