/**
 * The writer's state and its caches for the canonical form (canonical-xml.ts): lines and their
 * elements, namespace prefixes, and what repeats across a document (one Tag per element name
 * with its tag-only lines and their ids, `name[n]` segments, attribute starts), built once each:
 * a 20 MB document has a million elements, and allocation and hashing, not logic, are what its
 * canonical form costs. Most lines are never built at all: a tag-only line has one id per tag and
 * depth, and a `<name>text</name>` or attribute line is found by its text or attributes in
 * tables that both sides of a comparison share (TextLines, AttributeLines).
 */
import { sha256Hex } from '../crypto/sha256';
import { encodeUtf8 } from '../crypto/utf8';
import { pureCodec, type PayloadCodec } from '../documents/payload';
import { keepShape } from '../keep-shape';
import { Namespaces, type XmlElement } from '../xml/tree';
import type { OutOfLinePayload } from './out-of-line-payloads';
import { canonicalText, TextLines } from './canonical-text';
import { LineInterner } from './line-interner';
import { AttributeLines, attributeLineId, startTag, Tag, TagLine } from './canonical-tag';
import { canonicalTypeValue, SourceScope } from './canonical-scope';

/** The `xml:` namespace, declared implicitly, so never written out. */
export const xmlNamespace = 'http://www.w3.org/XML/1998/namespace';

/** Prefixes that are the same in every canonical form; other namespaces get `ns` + a hash. */
const wellKnownPrefixes = new Map<string, string>([
  [Namespaces.hl7fi, 'hl7fi'],
  [Namespaces.xmldsig, 'ds'],
  [Namespaces.xsi, 'xsi'],
  [xmlNamespace, 'xml'],
]);

/** A bigger copy of a typed table that ran full: tables grow by doubling, trimmed at the end. */
function grown(table: Int32Array): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(table.length * 2);
  bigger.set(table);
  return bigger;
}

const tablesByInterner = new WeakMap<
  LineInterner,
  { texts: TextLines; attributes: AttributeLines }
>();

/** The line tables that belong to an interner (their ids are that interner's). */
function tablesOf(interner: LineInterner): { texts: TextLines; attributes: AttributeLines } {
  let tables = tablesByInterner.get(interner);
  if (tables === undefined) {
    tables = { texts: new TextLines(), attributes: new AttributeLines() };
    tablesByInterner.set(interner, tables);
  }
  return tables;
}

/** Everything one canonicalisation collects, and the caches that keep its allocations down. */
export class Builder {
  readonly lines: string[] = [];
  /** Per line, its element and its id in the interner; the first `lines.length` are filled. */
  lineElement: Int32Array<ArrayBuffer> = new Int32Array(1024);
  lineIds: Int32Array<ArrayBuffer> = new Int32Array(1024);
  readonly elementSegment: string[] = [];
  /** Per element, its parent and source line; the first `elementSegment.length` are filled. */
  elementParent: Int32Array<ArrayBuffer> = new Int32Array(1024);
  elementSourceLine: Int32Array<ArrayBuffer> = new Int32Array(1024);
  readonly payloads: OutOfLinePayload[] = [];
  readonly prefixes = new Map<string, string>();
  readonly ranges = new Map<XmlElement, readonly [number, number]>();
  /** Line index → source line of each comment or text line with its own (others take their element's). */
  readonly ownSourceLines = new Map<number, number>();
  /**
   * While a signature is measured its lines go here, unindented, instead of into the form (and
   * into the interner, whose ids are the form's lines only).
   */
  capture: string[] | undefined = undefined;
  /** Namespace URI → local name → Tag; the last namespace's map is kept at hand. */
  private readonly tags = new Map<string, Map<string, Tag>>();
  private lastNamespace: string | undefined = undefined;
  private lastTags = new Map<string, Tag>();
  private readonly tagsByName = new Map<string, Tag>();
  /** Namespace URI → local name → qualified name, for attributes. */
  private readonly qualifiedNames = new Map<string, Map<string, string>>();
  /** Attribute name → ` name="`, its start in a start tag. */
  private readonly attributeStarts = new Map<string, string>();
  /** Scratch for sorting one start tag's attributes (startTag is not re-entered). */
  readonly attributeNames: string[] = [];
  readonly attributeValues: string[] = [];
  /** The interner's `<name>text</name>` and attribute lines (shared by both sides of a comparison). */
  private readonly textLines: TextLines;
  readonly attributeLines: AttributeLines;
  /** Children's tags and path segments, one array each per nesting level, reused. */
  private readonly tagArrays: Tag[][] = [];
  private readonly segmentArrays: string[][] = [];
  /** The source's namespace declarations at the element being written (for xsi:type values). */
  readonly scope = new SourceScope();
  /** How many elements the writer is inside (a signature restarts its indentation, not this). */
  nesting = 0;

  constructor(
    readonly rootNamespace: string,
    /** Base64 and SHA-256 of out-of-line payloads (Node passes its native ones). */
    readonly codec: PayloadCodec,
    /** Interns lines as they are written (see LineInterner). */
    readonly interner: LineInterner,
  ) {
    const tables = tablesOf(interner);
    this.textLines = tables.texts;
    this.attributeLines = tables.attributes;
  }

  /** Adds a line of element `element` to the form (or to the signature being measured). */
  emit(line: string, element: number): void {
    if (this.capture !== undefined) this.capture.push(line.trimStart());
    else this.emitId(this.interner.intern(line), element);
  }

  /** Adds an already interned line. */
  emitId(id: number, element: number): void {
    const at = this.lines.length;
    if (at === this.lineIds.length) {
      this.lineIds = grown(this.lineIds);
      this.lineElement = grown(this.lineElement);
    }
    this.lineIds[at] = id;
    this.lineElement[at] = element;
    this.lines.push(this.interner.line(id));
  }

  /** Adds a tag-only line (`  <tr>`, `  </tr>`, `  <br/>`), interned once per tag and depth. */
  emitTag(tag: Tag, kind: TagLine, depth: number, element: number): void {
    if (this.capture !== undefined) this.capture.push(tag.line(kind, depth).trimStart());
    else this.emitId(tag.id(kind, depth, this.interner), element);
  }

  /** Adds a start-tag line with attributes (`/>` when `isEmpty`, else `>`). */
  emitStart(tag: Tag, element: XmlElement, depth: number, isEmpty: boolean, id: number): void {
    if (this.capture !== undefined)
      this.capture.push(startTag(this, tag, element) + (isEmpty ? '/>' : '>'));
    else this.emitId(attributeLineId(this, tag, element, depth, isEmpty), id);
  }

  /** Adds `<name>text</name>` for an element's raw text, found by its text when seen before. */
  emitText(tag: Tag, depth: number, raw: string, element: number): void {
    if (this.capture !== undefined) {
      this.capture.push(tag.line(TagLine.start, 0) + canonicalText(raw) + tag.close);
      return;
    }
    const table = this.textLines;
    const family = tag.texts(depth, table);
    const text = table.canonical(raw, family);
    const hash = table.hash;
    let id = table.find(family, text, hash);
    if (id < 0) {
      id = this.interner.add(tag.line(TagLine.start, depth) + text + tag.close);
      table.add(family, text, hash, id);
    }
    this.emitId(id, element);
  }

  prefix(uri: string): string {
    if (uri === '' || uri === this.rootNamespace) {
      if (uri !== '') this.prefixes.set(uri, '');
      return '';
    }
    let prefix = this.prefixes.get(uri);
    if (prefix === undefined) {
      prefix = wellKnownPrefixes.get(uri) ?? `ns${sha256Hex(encodeUtf8(uri)).slice(0, 8)}`;
      this.prefixes.set(uri, prefix);
    }
    return prefix;
  }

  /** The Tag of an element name (its prefix registered on first sight). */
  tag(name: string, namespace: string): Tag {
    let tags = this.lastTags;
    if (namespace !== this.lastNamespace) {
      tags = this.tags.get(namespace) ?? new Map<string, Tag>();
      this.tags.set(namespace, tags);
      this.lastNamespace = namespace;
      this.lastTags = tags;
    }
    let tag = tags.get(name);
    if (tag === undefined) {
      // Names that qualify alike (no namespace, and the document element's) share one Tag, so
      // they count as same-named siblings.
      const qualified = this.qualified(name, namespace);
      tag = this.tagsByName.get(qualified) ?? new Tag(qualified, name);
      this.tagsByName.set(qualified, tag);
      tags.set(name, tag);
    }
    return tag;
  }

  /** The qualified name of an attribute or element. */
  qualified(name: string, namespace: string): string {
    let names = this.qualifiedNames.get(namespace);
    if (names === undefined) {
      names = new Map();
      this.qualifiedNames.set(namespace, names);
    }
    let qualified = names.get(name);
    if (qualified === undefined) {
      const prefix = this.prefix(namespace);
      qualified = prefix === '' ? name : `${prefix}:${name}`;
      names.set(name, qualified);
    }
    return qualified;
  }

  /** An xsi:type value (a QName) with its namespace's canonical prefix, as names get theirs. */
  typeValue(value: string): string {
    return canonicalTypeValue(this.scope, value, this);
  }

  /** ` name="` for an attribute's qualified name, built once. */
  attributeStart(name: string): string {
    let start = this.attributeStarts.get(name);
    if (start === undefined) {
      start = ` ${name}="`;
      this.attributeStarts.set(name, start);
    }
    return start;
  }

  /** The reusable tag array of one nesting level. */
  tagsAt(level: number): Tag[] {
    return (this.tagArrays[level] ??= []);
  }

  /** The reusable segment array of one nesting level. */
  segmentsAt(level: number): string[] {
    return (this.segmentArrays[level] ??= []);
  }

  register(segment: string, parent: number, line: number | undefined): number {
    const id = this.elementSegment.length;
    if (id === this.elementParent.length) {
      this.elementParent = grown(this.elementParent);
      this.elementSourceLine = grown(this.elementSourceLine);
    }
    this.elementSegment.push(segment);
    this.elementParent[id] = parent;
    this.elementSourceLine[id] = line ?? 0;
    return id;
  }

  path(element: number): string {
    const segments: string[] = [];
    for (let at = element; at >= 0; at = this.elementParent[at]!)
      segments.push(this.elementSegment[at]!);
    return `/${segments.reverse().join('/')}`;
  }
}

// The shapes of a builder, its interner, line tables, tags and scope outlive every comparison.
const keptBuilder = new Builder('', pureCodec, new LineInterner());
keptBuilder.tag('', '');
keepShape(keptBuilder);
