/**
 * The writer's state and its caches for the canonical form (canonical-xml.ts): lines and their
 * elements, namespace prefixes, and the strings that repeat across a document (qualified names,
 * `name[n]` segments, tag-only lines, start tags), built once each because a 20 MB document has
 * a million elements and allocation, not logic, is what its canonical form costs.
 */
import { sha256Hex } from '../crypto/sha256';
import { encodeUtf8 } from '../crypto/utf8';
import type { PayloadCodec } from '../documents/payload';
import { Namespaces, type XmlAttribute, type XmlElement, type XmlNode } from '../xml/tree';
import type { OutOfLinePayload } from './canonical-xml';
import type { LineInterner } from './line-diff';

/** Namespace declarations (`xmlns:…`) are not attributes of the canonical form. */
export const xmlnsNamespace = 'http://www.w3.org/2000/xmlns/';
/** The `xml:` namespace, declared implicitly, so never written out. */
export const xmlNamespace = 'http://www.w3.org/XML/1998/namespace';

/** Prefixes that are the same in every canonical form; other namespaces get `ns` + a hash. */
const wellKnownPrefixes = new Map<string, string>([
  [Namespaces.hl7fi, 'hl7fi'],
  [Namespaces.xmldsig, 'ds'],
  [Namespaces.xsi, 'xsi'],
  [xmlNamespace, 'xml'],
]);

/** Where lines go: the main form, or a signature being measured. */
export interface Sink {
  push(line: string, element: number): void;
}

/** Everything one canonicalisation collects, and the caches that keep its allocations down. */
export class Builder {
  readonly lines: string[] = [];
  readonly lineElement: number[] = [];
  readonly elementSegment: string[] = [];
  readonly elementParent: number[] = [];
  readonly elementSourceLine: number[] = [];
  readonly payloads: OutOfLinePayload[] = [];
  readonly prefixes = new Map<string, string>();
  readonly ranges = new Map<XmlElement, readonly [number, number]>();
  /** Namespace URI → local name → qualified name: built once, not once per element. */
  private readonly qualifiedNames = new Map<string, Map<string, string>>();
  /** Qualified name → `name[n]` segments, shared by every element at that index. */
  private readonly indexedSegments = new Map<string, string[]>();
  /** Shared lines per tag and depth (see tagLine). */
  private readonly tagLines = {
    '<': new Map<string, string[]>(),
    '</': new Map<string, string[]>(),
    '/>': new Map<string, string[]>(),
  };
  /** Qualified name → `<name`, the start of its start tag. */
  private readonly openTags = new Map<string, string>();
  /** Scratch for sorting one start tag's attributes (startTagParts is not re-entered). */
  readonly attributeNames: string[] = [];
  readonly attributeValues: string[] = [];
  /** Scratch for siblingSegments' names (not re-entered either). */
  readonly siblingNames: string[] = [];
  /** Children's path segments, one array per nesting level of the writer, reused. */
  private readonly segmentArrays: string[][] = [];
  /** How many elements the writer is inside (a signature restarts its indentation, not this). */
  nesting = 0;
  /** Each main line's id in the interner, when there is one. */
  readonly lineIds: number[] = [];
  readonly main: Sink = {
    push: (line, element) => {
      const interner = this.interner;
      if (interner) {
        const id = interner.intern(line);
        this.lineIds.push(id);
        this.lines.push(interner.line(id));
      } else this.lines.push(line);
      this.lineElement.push(element);
    },
  };

  constructor(
    readonly rootNamespace: string,
    /** Base64 and SHA-256 of out-of-line payloads (Node passes its native ones). */
    readonly codec: PayloadCodec,
    /** Interns main lines as they are written (see LineInterner). */
    readonly interner?: LineInterner,
  ) {}

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

  /**
   * A line that only depends on its depth and tag (`  </tr>`, `  <tr>`): one shared string per
   * kind, so the line diff hashes it once instead of flattening a fresh copy for every element.
   */
  tagLine(kind: '<' | '</' | '/>', depth: number, name: string): string {
    // One map per kind, keyed by the (shared) name string: no key is built per call.
    const lines = this.tagLines[kind];
    let byDepth = lines.get(name);
    if (byDepth === undefined) {
      byDepth = [];
      lines.set(name, byDepth);
    }
    return (byDepth[depth] ??=
      kind === '/>' ? `${indentOf(depth)}<${name}/>` : `${indentOf(depth)}${kind}${name}>`);
  }

  /** `<name` for a qualified name, built once. */
  openTag(name: string): string {
    let open = this.openTags.get(name);
    if (open === undefined) {
      open = `<${name}`;
      this.openTags.set(name, open);
    }
    return open;
  }

  /** `name[index]`, the path segment of a same-named sibling. */
  indexedSegment(name: string, index: number): string {
    let segments = this.indexedSegments.get(name);
    if (segments === undefined) {
      segments = [];
      this.indexedSegments.set(name, segments);
    }
    return (segments[index] ??= `${name}[${index}]`);
  }

  /** The reusable segment array of one nesting level. */
  segmentsAt(level: number): string[] {
    return (this.segmentArrays[level] ??= []);
  }

  register(segment: string, parent: number, line: number | undefined): number {
    this.elementSegment.push(segment);
    this.elementParent.push(parent);
    this.elementSourceLine.push(line ?? 0);
    return this.elementSegment.length - 1;
  }

  path(element: number): string {
    const segments: string[] = [];
    for (let at = element; at >= 0; at = this.elementParent[at]!)
      segments.push(this.elementSegment[at]!);
    return `/${segments.reverse().join('/')}`;
  }
}

const indents: string[] = [];

/** Two spaces per depth, one shared string per depth. */
export function indentOf(depth: number): string {
  return (indents[depth] ??= '  '.repeat(depth));
}

/** An attribute value escaped for a double-quoted attribute (tabs and line breaks as references). */
export function escapeAttribute(value: string): string {
  if (!/[&<"\t\n\r]/.test(value)) return value;
  return value.replace(/[&<"\t\n\r]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '"' ? '&quot;' : `&#${c.charCodeAt(0)};`,
  );
}

/**
 * Appends `<name attr="…" …` to `parts`, attributes sorted by qualified name (stable). Most
 * elements have a handful of attributes, so they are insertion-sorted in the builder's scratch
 * arrays: no arrays of pairs, and the caller joins the whole line once.
 */
export function startTagParts(builder: Builder, element: XmlElement, parts: string[]): void {
  parts.push(builder.openTag(builder.qualified(element.name, element.namespace)));
  const attributes = element.attributes;
  const names = builder.attributeNames;
  const values = builder.attributeValues;
  let count = 0;
  for (let i = 0; i < attributes.length; i++) {
    const attribute = attributes[i]!;
    if (attribute.namespace === xmlnsNamespace) continue;
    const name = attributeName(builder, attribute);
    let at = count++;
    while (at > 0 && names[at - 1]! > name) {
      names[at] = names[at - 1]!;
      values[at] = values[at - 1]!;
      at--;
    }
    names[at] = name;
    values[at] = attribute.value;
  }
  for (let k = 0; k < count; k++)
    parts.push(' ', names[k]!, '="', escapeAttribute(values[k]!), '"');
}

/** Unprefixed attributes sort before prefixed ones (a leading space sorts first). */
function attributeName(builder: Builder, attribute: XmlAttribute): string {
  return attribute.namespace === ''
    ? attribute.name
    : builder.qualified(attribute.name, attribute.namespace);
}

/**
 * Writes the path segment of each child element into `segments`: its name, with `[n]` when
 * siblings share it. Counted by pairwise comparison for the usual handful of children (names are
 * interned, so comparing is cheap), with maps only for long child lists, where pairwise would be
 * quadratic.
 */
export function siblingSegments(
  builder: Builder,
  children: readonly XmlNode[],
  count: number,
  segments: string[],
): void {
  const names = builder.siblingNames;
  let k = 0;
  for (let i = 0; i < children.length; i++) {
    const node = children[i]!;
    if (node.kind === 'element') names[k++] = builder.qualified(node.name, node.namespace);
  }
  if (count <= 32) {
    for (let i = 0; i < count; i++) {
      const name = names[i]!;
      let index = 0;
      let total = 0;
      for (let j = 0; j < count; j++) {
        if (names[j] !== name) continue;
        total++;
        if (j <= i) index++;
      }
      segments[i] = total === 1 ? name : builder.indexedSegment(name, index);
    }
    return;
  }
  const totals = new Map<string, number>();
  for (let i = 0; i < count; i++) totals.set(names[i]!, (totals.get(names[i]!) ?? 0) + 1);
  const seen = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const name = names[i]!;
    if (totals.get(name) === 1) {
      segments[i] = name;
      continue;
    }
    const index = (seen.get(name) ?? 0) + 1;
    seen.set(name, index);
    segments[i] = builder.indexedSegment(name, index);
  }
}
