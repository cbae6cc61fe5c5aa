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
import { Builder, xmlNamespace } from './canonical-builder';
import {
  escapeAttribute,
  indentOf,
  siblingSegments,
  startTag,
  TagLine,
  type Tag,
} from './canonical-tag';
import { LineInterner } from './line-interner';
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
  /**
   * Line index → source line of each comment line, and of each text line of mixed content that
   * starts on a line of its own (XmlText.line): both are written as lines of their parent
   * element, but a commented-out block or the third line of a paragraph is often far from the
   * parent's start tag.
   */
  readonly ownSourceLines: ReadonlyMap<number, number>;
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
  // Lines are always interned: a repeated line (most of a document's) is then stored once.
  const builder = new Builder(root.namespace, codec, interner ?? new LineInterner());
  const rootTag = builder.tag(root.name, root.namespace);
  writeElement(builder, root, rootTag, builder.register(rootTag.name, -1, root.line), 0);
  // The document element declares every namespace used, sorted by prefix.
  const declarations = [...builder.prefixes]
    .filter(([uri]) => uri !== xmlNamespace)
    .sort((x, y) => x[1].localeCompare(y[1]))
    .map(
      ([uri, prefix]) =>
        ` ${prefix === '' ? 'xmlns' : `xmlns:${prefix}`}="${escapeAttribute(uri)}"`,
    )
    .join('');
  const lineCount = builder.lines.length;
  const first = builder.lines[0] ?? '';
  const nameEnd = first.search(/[\s/>]/);
  // The first line changed after it was interned: its id is that of its final text.
  if (lineCount > 0) {
    builder.lineIds[0] = builder.interner.intern(
      `${first.slice(0, nameEnd)}${declarations}${first.slice(nameEnd)}`,
    );
    builder.lines[0] = builder.interner.line(builder.lineIds[0]);
  }
  const elementCount = builder.elementSegment.length;
  return {
    ...(interner ? { lineIds: builder.lineIds.slice(0, lineCount) } : {}),
    lines: builder.lines,
    lineElement: builder.lineElement.slice(0, lineCount),
    elementSegment: builder.elementSegment,
    elementParent: builder.elementParent.slice(0, elementCount),
    elementSourceLine: builder.elementSourceLine.slice(0, elementCount),
    ownSourceLines: builder.ownSourceLines,
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

/** The source line (1-based) of a canonical line (its own, else its element's); 0 when unknown. */
export function sourceLineOf(canonical: CanonicalXml, line: number): number {
  const own = canonical.ownSourceLines.get(line);
  if (own !== undefined) return own;
  const element = canonical.lineElement[line];
  return element === undefined ? 0 : (canonical.elementSourceLine[element] ?? 0);
}

/** A path without its `[n]` sibling indexes. */
export function stripIndexes(path: string): string {
  return path.replace(/\[\d+\]/g, '');
}

function hasAttribute(element: XmlElement, name: string, value: string): boolean {
  // A loop, not `some` with a closure: this runs for every element that holds only text.
  const attributes = element.attributes;
  for (let i = 0; i < attributes.length; i++)
    if (attributes[i]!.name === name && attributes[i]!.value === value) return true;
  return false;
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
  element: XmlElement,
  tag: Tag,
  id: number,
  depth: number,
): void {
  const firstLine = builder.lines.length;
  // Most elements have no attributes, so no declarations: the scope is left alone for them.
  const hasAttributes = element.attributes.length > 0;
  const scope = hasAttributes ? builder.scope.enter(element.attributes) : 0;
  writeElementLines(builder, element, tag, id, depth);
  if (hasAttributes) builder.scope.leave(scope);
  if (tag.hasRange && builder.capture === undefined)
    builder.ranges.set(element, [firstLine, builder.lines.length]);
}

function writeElementLines(
  builder: Builder,
  element: XmlElement,
  tag: Tag,
  id: number,
  depth: number,
): void {
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
  const indent = indentOf(depth);
  if (significant === 0) {
    if (!hasAttributes) builder.emitTag(tag, TagLine.empty, depth, id);
    else builder.emitStart(tag, element, depth, true, id);
    return;
  }
  const isMain = builder.capture === undefined;
  if (texts === significant) {
    if (isMain && isOutOfLineBase64(element, raw)) {
      if (hasAttributes) builder.emitStart(tag, element, depth, false, id);
      else builder.emitTag(tag, TagLine.start, depth, id);
      builder.emit(
        `${indent}  ${base64Line(builder, raw, builder.path(id), builder.lines.length)}`,
        id,
      );
      builder.emitTag(tag, TagLine.end, depth, id);
      return;
    }
    // The commonest line of all: `<td>text</td>`.
    if (!hasAttributes) builder.emitText(tag, depth, raw, id);
    else
      builder.emit(
        indent + startTag(builder, tag, element) + '>' + canonicalText(raw) + tag.close,
        id,
      );
    return;
  }
  if (hasAttributes) builder.emitStart(tag, element, depth, false, id);
  else builder.emitTag(tag, TagLine.start, depth, id);
  // Tags and segments per nesting level, reused: the children below write into deeper levels'.
  const level = builder.nesting++;
  const tags = builder.tagsAt(level);
  const segments = builder.segmentsAt(level);
  siblingSegments(builder, children, elements, tags, segments);
  const inner = indentOf(depth + 1);
  let elementIndex = 0;
  for (let i = 0; i < children.length; i++) {
    const node = children[i]!;
    if (node.kind === 'text') {
      // Usually every text here is the whitespace between elements (texts === 0): not rescanned.
      if (texts > 0 && hasContent(node.text)) {
        if (node.line !== undefined && builder.capture === undefined)
          builder.ownSourceLines.set(builder.lines.length, node.line);
        builder.emit(inner + canonicalText(node.text), id);
      }
    } else if (node.kind === 'comment') {
      // Not while a signature is measured: its lines are not the form's.
      if (node.line && builder.capture === undefined)
        builder.ownSourceLines.set(builder.lines.length, node.line);
      builder.emit(`${inner}<!--${collapseWhitespace(node.text)}-->`, id);
    } else {
      const childTag = tags[elementIndex]!;
      const childId = builder.register(segments[elementIndex++]!, id, node.line);
      if (isMain && isSignature(node)) writeSignature(builder, node, childTag, childId, depth + 1);
      else writeElement(builder, node, childTag, childId, depth + 1);
    }
  }
  builder.nesting = level;
  builder.emitTag(tag, TagLine.end, depth, id);
}

/** A signature becomes one line: its canonical text's size and hash. */
function writeSignature(
  builder: Builder,
  element: XmlElement,
  tag: Tag,
  id: number,
  depth: number,
): void {
  const parts: string[] = [];
  builder.capture = parts;
  writeElement(builder, element, tag, id, 0);
  builder.capture = undefined;
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
  builder.emit(
    `${indentOf(depth)}[signature ${tag.name}${label}: ${parts.length} lines, sha256 ${sha256}]`,
    id,
  );
}
