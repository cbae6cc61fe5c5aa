/**
 * Element names as the canonical writer (canonical-writer.ts) uses them: one Tag per name with its
 * tag-only lines per depth and their interned ids, and the start tags and path segments of
 * elements. Looked up once per element, so the writer's work per line is a few array reads.
 */
import type { XmlAttribute, XmlElement, XmlNode } from '../xml/tree';
import type { Builder } from './canonical-builder';
import type { LineInterner } from './line-interner';
import { finalHash, hashSeed, hashText, IdTable, type TextLines } from './canonical-text';
import { isXsiType, typedAttributes } from './canonical-scope';

/** Namespace declarations (`xmlns:…`) are not attributes of the canonical form. */
export const xmlnsNamespace = 'http://www.w3.org/2000/xmlns/';

/** The tag-only lines of an element: `<name>`, `</name>`, `<name/>`. */
export const TagLine = { start: 0, end: 1, empty: 2 } as const;
export type TagLine = (typeof TagLine)[keyof typeof TagLine];

const indents: string[] = [];

/** Two spaces per depth, one shared string per depth. */
export function indentOf(depth: number): string {
  return (indents[depth] ??= '  '.repeat(depth));
}

/**
 * Ids of start-tag lines with attributes by family (name, depth, and `/>` or `>`) and the
 * element's attributes in document order, shared by both sides of a comparison: a repeated
 * `<code code="…" codeSystem="…"/>` is found without sorting, escaping, building or hashing its
 * line. Only a cache: a new key's line is interned whole, so two attribute orders that make one
 * line get one id.
 */
export class AttributeLines extends IdTable<readonly XmlAttribute[]> {
  protected isSame(stored: readonly XmlAttribute[], attributes: readonly XmlAttribute[]): boolean {
    if (stored.length !== attributes.length) return false;
    for (let i = 0; i < attributes.length; i++) {
      const x = stored[i]!;
      const y = attributes[i]!;
      if (x.value !== y.value || x.name !== y.name || x.namespace !== y.namespace) return false;
    }
    return true;
  }

  /** The hash of an element's attributes in a family (mostly their values; isSame checks all). */
  hashOf(attributes: readonly XmlAttribute[], family: number): number {
    let hash = hashSeed(family);
    for (let i = 0; i < attributes.length; i++) {
      const attribute = attributes[i]!;
      // Names mostly repeat within a family, so their length stands for them here.
      hash = (Math.imul(hash, 31) + attribute.name.length) | 0;
      hash = (Math.imul(hashText(hash, attribute.value), 31) + 34) | 0;
    }
    return finalHash(hash);
  }
}

/** One element name (qualified) and the lines that depend only on it and the depth. */
export class Tag {
  /** `<name`, the start of a start tag with attributes. */
  readonly open: string;
  /** `</name>`, the end of a `<name>text</name>` line. */
  readonly close: string;
  /** `section`, `entry` and `text` remember their line ranges (the change list skips unchanged ones). */
  readonly hasRange: boolean;
  /** Segments `name[n]` of same-named siblings, by n. */
  private readonly indexed: string[] = [];
  /** Per kind (TagLine) and depth: the line, and its id in the builder's interner. */
  private readonly lines: [string[], string[], string[]] = [[], [], []];
  private readonly ids: [number[], number[], number[]] = [[], [], []];
  /** Per depth: the family number of this tag's `<name>text</name>` lines (see TextLines). */
  private readonly families: number[] = [];
  /** Per depth: the family numbers of start-tag lines with attributes, ending `/>` and `>`. */
  private readonly emptyFamilies: number[] = [];
  private readonly startFamilies: number[] = [];

  constructor(
    /** Qualified name, e.g. `hl7fi:localHeader`. */
    readonly name: string,
    localName: string,
  ) {
    this.open = `<${name}`;
    this.close = `</${name}>`;
    this.hasRange = localName === 'section' || localName === 'entry' || localName === 'text';
  }

  line(kind: TagLine, depth: number): string {
    const lines = this.lines[kind];
    return (lines[depth] ??=
      kind === TagLine.start
        ? `${indentOf(depth)}<${this.name}>`
        : kind === TagLine.end
          ? `${indentOf(depth)}</${this.name}>`
          : `${indentOf(depth)}<${this.name}/>`);
  }

  id(kind: TagLine, depth: number, interner: LineInterner): number {
    return (this.ids[kind][depth] ??= interner.intern(this.line(kind, depth)));
  }

  /**
   * The family of `<name>text</name>` lines at one depth in `table`, by canonical text. Such a
   * line equals no other kind of line (its text has no `<`; a start tag with attributes has a
   * space after the name), so it is added to the interner without hashing the whole line
   * (LineInterner.add), and its id is found by the text alone.
   */
  texts(depth: number, table: TextLines): number {
    return (this.families[depth] ??= table.family(this.line(TagLine.start, depth)));
  }

  /** The family of this tag's start-tag lines with attributes at one depth (`/>` or `>`). */
  attributeFamily(isEmpty: boolean, depth: number, table: AttributeLines): number {
    const families = isEmpty ? this.emptyFamilies : this.startFamilies;
    return (families[depth] ??= table.family(
      this.line(isEmpty ? TagLine.empty : TagLine.start, depth),
    ));
  }

  /** `name[index]`, the path segment of a same-named sibling. */
  segment(index: number): string {
    return (this.indexed[index] ??= `${this.name}[${index}]`);
  }
}

/** An attribute value escaped for a double-quoted attribute (tabs and line breaks as references). */
export function escapeAttribute(value: string): string {
  if (!/[&<"\t\n\r]/.test(value)) return value;
  return value.replace(/[&<"\t\n\r]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '"' ? '&quot;' : `&#${c.charCodeAt(0)};`,
  );
}

/**
 * `<name attr="…" …`, attributes sorted by qualified name (stable). Most elements have a handful
 * of attributes, so they are insertion-sorted in the builder's scratch arrays, and the tag is
 * concatenated from cached pieces: no arrays of pairs or parts per element.
 */
export function startTag(builder: Builder, tag: Tag, element: XmlElement): string {
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
    values[at] = isXsiType(attribute) ? builder.typeValue(attribute.value) : attribute.value;
  }
  let line = tag.open;
  for (let k = 0; k < count; k++)
    line += builder.attributeStart(names[k]!) + escapeAttribute(values[k]!) + '"';
  return line;
}

/**
 * The id of `  <name attr="…" …/>` (`isEmpty`) or `  <name attr="…" …>`, from the interner's
 * attribute lines when the same attributes were seen at this depth before, else built, interned
 * and remembered.
 */
export function attributeLineId(
  builder: Builder,
  tag: Tag,
  element: XmlElement,
  depth: number,
  isEmpty: boolean,
): number {
  const table = builder.attributeLines;
  const family = tag.attributeFamily(isEmpty, depth, table);
  const attributes = typedAttributes(builder, element.attributes);
  const hash = table.hashOf(attributes, family);
  let id = table.find(family, attributes, hash);
  if (id >= 0) {
    // Found without building the line: its attributes' namespaces are declared all the same
    // (the document element lists those of this side; startTag declares them on the way).
    for (let i = 0; i < attributes.length; i++) {
      const namespace = attributes[i]!.namespace;
      if (namespace !== '' && namespace !== xmlnsNamespace) builder.prefix(namespace);
    }
  } else {
    id = builder.interner.intern(
      indentOf(depth) + startTag(builder, tag, element) + (isEmpty ? '/>' : '>'),
    );
    table.add(family, attributes, hash, id);
  }
  return id;
}

/** Unprefixed attributes sort before prefixed ones (a leading space sorts first). */
function attributeName(builder: Builder, attribute: XmlAttribute): string {
  return attribute.namespace === ''
    ? attribute.name
    : builder.qualified(attribute.name, attribute.namespace);
}

/**
 * Writes the Tag and path segment of each child element into `tags` and `segments`: its name,
 * with `[n]` when siblings share it. Counted by pairwise comparison for the usual handful of
 * children (tags are shared objects, so comparing is cheap), with maps only for long child
 * lists, where pairwise would be quadratic.
 */
export function siblingSegments(
  builder: Builder,
  children: readonly XmlNode[],
  count: number,
  tags: Tag[],
  segments: string[],
): void {
  let k = 0;
  for (let i = 0; i < children.length; i++) {
    const node = children[i]!;
    if (node.kind === 'element') tags[k++] = builder.tag(node.name, node.namespace);
  }
  if (count <= 32) {
    for (let i = 0; i < count; i++) {
      const tag = tags[i]!;
      let index = 0;
      let total = 0;
      for (let j = 0; j < count; j++) {
        if (tags[j] !== tag) continue;
        total++;
        if (j <= i) index++;
      }
      segments[i] = total === 1 ? tag.name : tag.segment(index);
    }
    return;
  }
  const totals = new Map<Tag, number>();
  for (let i = 0; i < count; i++) totals.set(tags[i]!, (totals.get(tags[i]!) ?? 0) + 1);
  const seen = new Map<Tag, number>();
  for (let i = 0; i < count; i++) {
    const tag = tags[i]!;
    if (totals.get(tag) === 1) {
      segments[i] = tag.name;
      continue;
    }
    const index = (seen.get(tag) ?? 0) + 1;
    seen.set(tag, index);
    segments[i] = tag.segment(index);
  }
}
