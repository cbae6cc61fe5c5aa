/**
 * The canonical XML form the content diff works on (issue 7, "Content diff"): attributes sorted,
 * namespace prefixes replaced by one stable prefix per namespace URI, insignificant whitespace
 * dropped and text whitespace collapsed, one element or text per line with indentation. What
 * differs by design or cannot be read line by line is taken out of line: XML signatures and long
 * Base64 payloads become one line `[signature …]` / `[base64: N bytes, sha256 …]`, so they compare
 * by hash and size and never reach a word diff (a 30 KB Base64 line took 53 s, TOOLCHAIN.md).
 * Every line keeps the element it belongs to, so a change can be named by its path.
 */
import { looksLikeBase64 } from '../crypto/base64';
import { encodeUtf8 } from '../crypto/utf8';
import { pureCodec, type PayloadCodec } from '../documents/payload';
import { Namespaces, type XmlElement } from '../xml/tree';
import {
  Builder,
  escapeAttribute,
  indentOf,
  siblingSegments,
  startTagParts,
  xmlNamespace,
  type Sink,
} from './canonical-builder';
import type { LineInterner } from './line-diff';
import { canonicalText, collapseWhitespace, hasContent } from './canonical-text';

export { collapseWhitespace } from './canonical-text';

/** A payload taken out of line, compared by size and hash. */
export interface OutOfLinePayload {
  readonly kind: 'base64' | 'signature';
  /** Canonical path of the element that held it. */
  readonly path: string;
  /** Index of its placeholder line in `lines`. */
  readonly line: number;
  /** Decoded bytes (Base64), or UTF-8 bytes of the canonical signature text. */
  readonly bytes: number;
  readonly sha256: string;
  /** False when the text looked like Base64 but did not decode; then size and hash are of the text. */
  readonly isValidBase64?: boolean;
}

/** The canonical form of one document. */
export interface CanonicalXml {
  readonly lines: readonly string[];
  /** For each line, the element it belongs to (index into the element tables). */
  readonly lineElement: Int32Array;
  /** For each element: its path segment (with a [n] index among same-named siblings), parent, source line. */
  readonly elementSegment: readonly string[];
  readonly elementParent: Int32Array;
  readonly elementSourceLine: Int32Array;
  readonly payloads: readonly OutOfLinePayload[];
  /** Namespace URI → canonical prefix ('' for the document element's namespace). */
  readonly prefixes: ReadonlyMap<string, string>;
  /** Each line's id in the LineInterner given to canonicalizeXml, if one was. */
  readonly lineIds?: Int32Array;
  /** Line range [start, end) of every `section`, `entry` and `text` element. */
  readonly ranges: ReadonlyMap<XmlElement, readonly [number, number]>;
}

/** Texts at least this long that look like Base64 are taken out of line. */
const minOutOfLineBase64 = 256;

/**
 * Builds the canonical form of a parsed document; `codec` decodes and hashes out-of-line
 * payloads (default the pure-TypeScript one; a 15 MB attachment takes ~350 ms with it). With an
 * `interner`, each line is interned as it is written and the form carries the ids (`lineIds`).
 */
export function canonicalizeXml(
  root: XmlElement,
  codec: PayloadCodec = pureCodec,
  interner?: LineInterner,
): CanonicalXml {
  const builder = new Builder(root.namespace, codec, interner);
  writeElement(
    builder,
    builder.main,
    root,
    builder.register(builder.qualified(root.name, root.namespace), -1, root.line),
    0,
  );
  // The document element declares every namespace used, sorted by prefix.
  const declarations = [...builder.prefixes]
    .filter(([uri]) => uri !== xmlNamespace)
    .sort((x, y) => x[1].localeCompare(y[1]))
    .map(
      ([uri, prefix]) =>
        ` ${prefix === '' ? 'xmlns' : `xmlns:${prefix}`}="${escapeAttribute(uri)}"`,
    )
    .join('');
  const first = builder.lines[0] ?? '';
  const nameEnd = first.search(/[\s/>]/);
  builder.lines[0] = `${first.slice(0, nameEnd)}${declarations}${first.slice(nameEnd)}`;
  // The first line changed after it was interned: its id is that of its final text.
  if (interner && builder.lineIds.length > 0) {
    builder.lineIds[0] = interner.intern(builder.lines[0]);
    builder.lines[0] = interner.line(builder.lineIds[0]);
  }
  return {
    ...(interner ? { lineIds: Int32Array.from(builder.lineIds) } : {}),
    lines: builder.lines,
    lineElement: Int32Array.from(builder.lineElement),
    elementSegment: builder.elementSegment,
    elementParent: Int32Array.from(builder.elementParent),
    elementSourceLine: Int32Array.from(builder.elementSourceLine),
    payloads: builder.payloads,
    prefixes: builder.prefixes,
    ranges: builder.ranges,
  };
}

/** The canonical path of a line's element, e.g. `/ClinicalDocument/component/structuredBody`. */
export function pathOfLine(canonical: CanonicalXml, line: number, withIndexes = true): string {
  const segments: string[] = [];
  for (let at = canonical.lineElement[line] ?? -1; at >= 0; at = canonical.elementParent[at]!)
    segments.push(canonical.elementSegment[at]!);
  const path = `/${segments.reverse().join('/')}`;
  return withIndexes ? path : stripIndexes(path);
}

/** The source line (1-based) of a canonical line's element, or 0 when unknown. */
export function sourceLineOf(canonical: CanonicalXml, line: number): number {
  const element = canonical.lineElement[line];
  return element === undefined ? 0 : (canonical.elementSourceLine[element] ?? 0);
}

/** A path without its `[n]` sibling indexes. */
export function stripIndexes(path: string): string {
  return path.replace(/\[\d+\]/g, '');
}

function hasAttribute(element: XmlElement, name: string, value: string): boolean {
  return element.attributes.some(
    (attribute) => attribute.name === name && attribute.value === value,
  );
}

/** True for text to take out of line: declared Base64, or long wrapped Base64-looking text. */
function isOutOfLineBase64(element: XmlElement, text: string): boolean {
  if (hasAttribute(element, 'representation', 'B64')) return text.trim() !== '';
  if (text.length < minOutOfLineBase64 || !looksLikeBase64(text)) return false;
  const tokens = text.trim().split(/[ \t\r\n]+/);
  return tokens.slice(0, -1).every((token) => token.length >= 40);
}

function base64Line(builder: Builder, text: string, path: string, line: number): string {
  const decoded = builder.codec.decodeBase64(text);
  if (decoded.ok) {
    const sha256 = builder.codec.sha256Hex(decoded.value);
    builder.payloads.push({ kind: 'base64', path, line, bytes: decoded.value.length, sha256 });
    return `[base64: ${decoded.value.length} bytes, sha256 ${sha256}]`;
  }
  const bytes = encodeUtf8(text);
  const sha256 = builder.codec.sha256Hex(bytes);
  builder.payloads.push({
    kind: 'base64',
    path,
    line,
    bytes: bytes.length,
    sha256,
    isValidBase64: false,
  });
  return `[base64 (does not decode): ${bytes.length} bytes of text, sha256 ${sha256}]`;
}

function isSignature(element: XmlElement): boolean {
  return element.namespace === Namespaces.xmldsig && element.name === 'Signature';
}

function writeElement(
  builder: Builder,
  sink: Sink,
  element: XmlElement,
  id: number,
  depth: number,
): void {
  const firstLine = builder.lines.length;
  writeElementLines(builder, sink, element, id, depth, indentOf(depth));
  // Sections, entries and narratives remember their lines, so the change list can skip the
  // unchanged ones.
  const name = element.name;
  if (sink === builder.main && (name === 'section' || name === 'entry' || name === 'text'))
    builder.ranges.set(element, [firstLine, builder.lines.length]);
}

function writeElementLines(
  builder: Builder,
  sink: Sink,
  element: XmlElement,
  id: number,
  depth: number,
  indent: string,
): void {
  // Each line is joined once from its parts: one flat string, instead of a chain of pieces that
  // the line diff would have to flatten again when it hashes the line.
  const name = builder.qualified(element.name, element.namespace);
  const hasAttributes = element.attributes.length > 0;
  // One pass over the children instead of filtered copies: what is significant, and of what kind.
  const children = element.children;
  let significant = 0;
  let elements = 0;
  let texts = 0;
  let raw = '';
  for (let i = 0; i < children.length; i++) {
    const node = children[i]!;
    if (node.kind === 'element') elements++;
    else if (node.kind === 'text') {
      if (!hasContent(node.text)) continue;
      texts++;
      raw += node.text;
    }
    significant++;
  }
  if (significant === 0) {
    if (!hasAttributes) sink.push(builder.tagLine('/>', depth, name), id);
    else {
      const parts = [indent];
      startTagParts(builder, element, parts);
      parts.push('/>');
      sink.push(parts.join(''), id);
    }
    return;
  }
  if (texts === significant) {
    if (sink === builder.main && isOutOfLineBase64(element, raw)) {
      sink.push(
        hasAttributes ? startLine(builder, element, indent) : builder.tagLine('<', depth, name),
        id,
      );
      sink.push(
        `${indent}  ${base64Line(builder, raw, builder.path(id), builder.lines.length)}`,
        id,
      );
      sink.push(builder.tagLine('</', depth, name), id);
      return;
    }
    // The commonest line of all: `<td>text</td>`.
    const text = canonicalText(raw);
    if (!hasAttributes)
      sink.push(
        [indent, builder.tagLine('<', 0, name), text, builder.tagLine('</', 0, name)].join(''),
        id,
      );
    else {
      const parts = [indent];
      startTagParts(builder, element, parts);
      parts.push('>', text, builder.tagLine('</', 0, name));
      sink.push(parts.join(''), id);
    }
    return;
  }
  sink.push(
    hasAttributes ? startLine(builder, element, indent) : builder.tagLine('<', depth, name),
    id,
  );
  // Segments per nesting level, reused: the children below write into deeper levels' arrays.
  const level = builder.nesting++;
  const segments = builder.segmentsAt(level);
  siblingSegments(builder, children, elements, segments);
  const inner = indentOf(depth + 1);
  let elementIndex = 0;
  for (let i = 0; i < children.length; i++) {
    const node = children[i]!;
    if (node.kind === 'text') {
      if (hasContent(node.text)) sink.push(inner + canonicalText(node.text), id);
    } else if (node.kind === 'comment')
      sink.push(`${inner}<!--${collapseWhitespace(node.text)}-->`, id);
    else {
      const childId = builder.register(segments[elementIndex++]!, id, node.line);
      if (sink === builder.main && isSignature(node))
        writeSignature(builder, node, childId, depth + 1);
      else writeElement(builder, sink, node, childId, depth + 1);
    }
  }
  builder.nesting = level;
  sink.push(builder.tagLine('</', depth, name), id);
}

/** `  <name attr="…">`: the start line of an element with attributes. */
function startLine(builder: Builder, element: XmlElement, indent: string): string {
  const parts = [indent];
  startTagParts(builder, element, parts);
  parts.push('>');
  return parts.join('');
}

/** A signature becomes one line: its canonical text's size and hash. */
function writeSignature(builder: Builder, element: XmlElement, id: number, depth: number): void {
  const parts: string[] = [];
  writeElement(builder, { push: (line) => parts.push(line.trimStart()) }, element, id, 0);
  const bytes = encodeUtf8(parts.join('\n'));
  const sha256 = builder.codec.sha256Hex(bytes);
  const idAttribute = element.attributes.find((attribute) => attribute.name === 'Id')?.value;
  const path = builder.path(id);
  builder.payloads.push({
    kind: 'signature',
    path,
    line: builder.lines.length,
    bytes: bytes.length,
    sha256,
  });
  const label = idAttribute === undefined ? '' : ` Id="${escapeAttribute(idAttribute)}"`;
  builder.main.push(
    `${indentOf(depth)}[signature ${builder.qualified(element.name, element.namespace)}${label}: ${parts.length} lines, sha256 ${sha256}]`,
    id,
  );
}
