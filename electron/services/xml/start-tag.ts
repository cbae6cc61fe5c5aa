/**
 * Start tags: the element name, its attributes, duplicate checks (by qualified name, XML 1.0
 * §3.1 "Unique Att Spec", and by expanded name, Namespaces in XML §6.3) and namespace resolution.
 * The result uses arrays and values only: names never become object keys.
 */
import type { XmlAttribute, XmlElement, XmlNode } from '../../../shared/xml/tree';
import { expandReferences } from './references';
import type { NamespaceScope, NamespaceUndo } from './namespaces';
import { namespaceDeclarations, resolveAttributes, splitName } from './resolve-names';
import type { ReaderContext } from './reader-context';
import { isWhitespace, isXmlName, nameEnd } from './xml-chars';
import { formatSize, protectSuffix, quoteName } from './xml-errors';

/** An element under construction: its children are set when it closes (xml-reader.ts). */
export type BuildingElement = { -readonly [Key in keyof XmlElement]: XmlElement[Key] };

/** An element read from its start tag, with what it changed in the namespace scope. */
export interface StartTag {
  readonly qname: string;
  readonly element: BuildingElement;
  readonly undo: NamespaceUndo;
  readonly isEmpty: boolean;
  readonly end: number;
}

/** An attribute as written, before namespace resolution. */
export interface RawAttribute {
  readonly qname: string;
  readonly value: string;
  readonly position: number;
}

const noAttributes: readonly XmlAttribute[] = Object.freeze([]);
/** Shared by every element without children (frozen: nothing may add to it). */
export const noChildren: readonly XmlNode[] = Object.freeze([]);
const noUndo: NamespaceUndo = Object.freeze([]);

/** Reads the start tag at `lt` and builds its element (children still empty). */
export function readStartTag(context: ReaderContext, scope: NamespaceScope, lt: number): StartTag {
  const qname = readName(context, lt + 1, lt, 'element');
  const { attributes, end, isEmpty } = readAttributes(context, lt, qname);
  checkDuplicates(context, attributes);
  const declarations = namespaceDeclarations(context, attributes);
  const undo = declarations.length > 0 ? scope.declare(declarations) : noUndo;
  const [prefix, name] = splitName(context, qname, lt, scope, true);
  const resolved =
    attributes.length > 0 ? resolveAttributes(context, scope, attributes) : noAttributes;
  const children = noChildren;
  const namespace = scope.lookup(prefix ?? '') ?? '';
  const line = context.lineAt(lt);
  const element: BuildingElement =
    prefix === undefined
      ? { kind: 'element', name, namespace, attributes: resolved, children, line }
      : { kind: 'element', name, namespace, prefix, attributes: resolved, children, line };
  return { qname, element, undo, isEmpty, end };
}

/** Reads and checks a name at `start`; `what` names it in messages. */
export function readName(
  context: ReaderContext,
  start: number,
  position: number,
  what: string,
): string {
  const { text, limits } = context;
  const end = nameEnd(text, start, limits.maxNameLength);
  if (end - start > limits.maxNameLength) {
    context.fail(
      'xml-name-too-long',
      (where) =>
        `An ${what} name ${where} is longer than ${formatSize(limits.maxNameLength, 'characters')}; ${protectSuffix}`,
      position,
    );
  }
  const slot = context.nameSlot(start, end);
  const known = context.knownNames[slot];
  if (known !== undefined && known.length === end - start && text.startsWith(known, start))
    return known;
  const name = context.intern(text.slice(start, end));
  if (name === '' && start >= text.length) context.failTruncated(`a tag`, position);
  if (name === '' && what === 'element') {
    context.fail(
      'xml-malformed',
      (where) =>
        `A '<' ${where} does not start a valid tag (write '&lt;' for a literal less-than sign); the document is not well-formed XML.`,
      position,
    );
  }
  if (name === '') {
    context.fail(
      'xml-malformed',
      (where) =>
        `A tag has an unexpected character ${where} where an ${what} name should be; the document is not well-formed XML.`,
      position,
    );
  }
  if (!isXmlName(name)) {
    context.fail(
      'xml-malformed',
      (where) =>
        `The ${what} name ${quoteName(name)} ${where} is not a valid XML name; the document is not well-formed XML.`,
      position,
    );
  }
  context.knownNames[slot] = name;
  return name;
}

function skipWhitespace(text: string, from: number): number {
  let at = from;
  while (isWhitespace(text.charCodeAt(at))) at += 1;
  return at;
}

function readAttributes(
  context: ReaderContext,
  lt: number,
  qname: string,
): { attributes: RawAttribute[]; end: number; isEmpty: boolean } {
  const { text, limits } = context;
  const attributes: RawAttribute[] = [];
  let at = lt + 1 + qname.length;
  for (;;) {
    const next = skipWhitespace(text, at);
    if (next >= text.length) context.failTruncated(`the start tag ${quoteName(qname)}`, lt);
    const code = text.charCodeAt(next);
    if (code === 0x3e) return { attributes, end: next + 1, isEmpty: false };
    if (code === 0x2f && text.charCodeAt(next + 1) === 0x3e)
      return { attributes, end: next + 2, isEmpty: true };
    if (next === at || code === 0x2f) {
      if (next + 1 >= text.length) context.failTruncated(`the start tag ${quoteName(qname)}`, lt);
      context.fail(
        'xml-malformed',
        (where) =>
          `The start tag ${quoteName(qname)} has an unexpected character ${where}; the document is not well-formed XML.`,
        next,
      );
    }
    if (attributes.length >= limits.maxAttributesPerElement) {
      context.fail(
        'xml-too-many-attributes',
        (where) =>
          `The element ${quoteName(qname)} ${where} has more than ${limits.maxAttributesPerElement} attributes; ${protectSuffix}`,
        lt,
      );
    }
    const name = readName(context, next, next, 'attribute');
    const equals = skipWhitespace(text, next + name.length);
    if (text.charCodeAt(equals) !== 0x3d) {
      if (equals >= text.length) context.failTruncated(`the start tag ${quoteName(qname)}`, lt);
      context.fail(
        'xml-malformed',
        (where) =>
          `The attribute ${quoteName(name)} ${where} has no '=' and value; the document is not well-formed XML.`,
        next,
      );
    }
    const value = readAttributeValue(context, skipWhitespace(text, equals + 1), name);
    context.countNode(next);
    attributes.push({ qname: name, value: value.value, position: next });
    at = value.end;
  }
}

function readAttributeValue(
  context: ReaderContext,
  start: number,
  name: string,
): { value: string; end: number } {
  const { text, limits } = context;
  const quote = text.charCodeAt(start);
  if (quote !== 0x22 && quote !== 0x27) {
    if (start >= text.length) context.failTruncated(`the attribute ${quoteName(name)}`, start);
    context.fail(
      'xml-malformed',
      (where) =>
        `The value of the attribute ${quoteName(name)} ${where} is not in quotes; the document is not well-formed XML.`,
      start,
    );
  }
  const close = text.indexOf(quote === 0x22 ? '"' : "'", start + 1);
  if (close === -1) context.failTruncated(`the value of the attribute ${quoteName(name)}`, start);
  if (close - start - 1 > limits.maxAttributeValueLength) {
    context.fail(
      'xml-attribute-too-long',
      (where) =>
        `The value of the attribute ${quoteName(name)} ${where} is longer than ${formatSize(limits.maxAttributeValueLength, 'characters')}; ${protectSuffix}`,
      start,
    );
  }
  if (context.next('<', start + 1) < close) {
    context.fail(
      'xml-malformed',
      (where) =>
        `The value of the attribute ${quoteName(name)} ${where} contains '<', which XML does not allow there; the document is not well-formed XML.`,
      start,
    );
  }
  if (context.next('&', start + 1) < close) {
    return { value: expandReferences(text, start + 1, close, true), end: close + 1 };
  }
  const raw = text.slice(start + 1, close);
  // XML 1.0 §3.3.3: literal tab and newline in a value are read as spaces.
  return { value: /[\t\n\r]/.test(raw) ? raw.replace(/[\t\n\r]/g, ' ') : raw, end: close + 1 };
}

function checkDuplicates(context: ReaderContext, attributes: readonly RawAttribute[]): void {
  const count = attributes.length;
  if (count < 2) return;
  // Pairwise below 16 attributes (no allocation for the common case), a Set above (no n²).
  const seen = count < 16 ? undefined : new Set<string>();
  for (let index = 0; index < count; index += 1) {
    const attribute = attributes[index];
    if (attribute === undefined) continue;
    const isDuplicate = seen
      ? seen.has(attribute.qname)
      : attributes.findIndex((other) => other.qname === attribute.qname) < index;
    if (isDuplicate) {
      context.fail(
        'xml-duplicate-attribute',
        (where) =>
          `The attribute ${quoteName(attribute.qname)} ${where} appears a second time in the same element; the document is not well-formed XML.`,
        attribute.position,
      );
    }
    seen?.add(attribute.qname);
  }
}
