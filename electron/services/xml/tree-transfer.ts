/**
 * Moves a tree from the worker to the caller cheaply. Structured clone of a tree with a million
 * nodes takes seconds (measured: 80 MB serialised, 3–4 s to deserialise 20 MB of structured CDA),
 * and it runs on the caller's thread. Packed, the structure is one Int32Array (transferred, not
 * copied), every string value is a slice of one joined string, and names are interned: the
 * caller only rebuilds objects.
 *
 * Layout, in document order: element = [1, name, namespace, prefix (-1: none), line,
 * attributeCount, childCount] then per attribute [name, namespace, prefix, start, end], then its
 * children; text = [2, start, end]; comment = [3, start, end, line]; a text with its own line
 * (XmlText.line) = [4, start, end, line]. Names index `names`; start/end index `text`. Every
 * element and comment the reader builds has a line, so unpacked ones always do.
 */
import { keepShape } from '../../../shared/keep-shape';
import type { XmlAttribute, XmlElement, XmlNode } from '../../../shared/xml/tree';

/** A tree packed for postMessage; `ops.buffer` goes in the transfer list. */
export interface PackedTree {
  readonly ops: Int32Array;
  readonly names: readonly string[];
  readonly text: string;
}

const elementOp = 1;
const textOp = 2;
const commentOp = 3;
const textLineOp = 4;

class Packer {
  ops = new Int32Array(1024);
  length = 0;
  readonly names: string[] = [];
  private readonly nameIds = new Map<string, number>();
  private readonly parts: string[] = [];
  private textLength = 0;

  /** Appends numbers (a fixed small count per call; no rest array to allocate). */
  push(a: number, b: number, c: number, d = NaN, e = NaN, f = NaN, g = NaN): void {
    if (this.length + 7 > this.ops.length) {
      const grown = new Int32Array(this.ops.length * 2);
      grown.set(this.ops.subarray(0, this.length));
      this.ops = grown;
    }
    const { ops } = this;
    ops[this.length++] = a;
    ops[this.length++] = b;
    ops[this.length++] = c;
    if (Number.isNaN(d)) return;
    ops[this.length++] = d;
    if (Number.isNaN(e)) return;
    ops[this.length++] = e;
    if (Number.isNaN(f)) return;
    ops[this.length++] = f;
    ops[this.length++] = g;
  }

  name(value: string | undefined): number {
    if (value === undefined) return -1;
    let id = this.nameIds.get(value);
    if (id === undefined) {
      id = this.names.length;
      this.names.push(value);
      this.nameIds.set(value, id);
    }
    return id;
  }

  /** Appends a string value; returns its start in the joined text (its end is start + length). */
  string(value: string): number {
    const start = this.textLength;
    this.parts.push(value);
    this.textLength += value.length;
    return start;
  }

  joined(): string {
    return this.parts.join('');
  }
}

/** Packs a tree (iteratively: depth is bounded by caps, but not by the call stack). */
export function packTree(root: XmlElement): PackedTree {
  const packer = new Packer();
  const pending: XmlNode[] = [root];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    if (node.kind === 'text') {
      const start = packer.string(node.text);
      if (node.line === undefined) packer.push(textOp, start, start + node.text.length);
      else packer.push(textLineOp, start, start + node.text.length, node.line);
      continue;
    }
    if (node.kind === 'comment') {
      const start = packer.string(node.text);
      packer.push(commentOp, start, start + node.text.length, node.line ?? 0);
      continue;
    }
    const { name, namespace, prefix, line, attributes, children } = node;
    packer.push(
      elementOp,
      packer.name(name),
      packer.name(namespace),
      packer.name(prefix),
      line ?? 0,
      attributes.length,
      children.length,
    );
    for (const attribute of attributes) {
      const nameId = packer.name(attribute.name);
      const namespaceId = packer.name(attribute.namespace);
      const prefixId = packer.name(attribute.prefix);
      const start = packer.string(attribute.value);
      packer.push(nameId, namespaceId, prefixId, start, start + attribute.value.length);
    }
    for (let index = children.length - 1; index >= 0; index -= 1) {
      const child = children[index];
      if (child) pending.push(child);
    }
  }
  return { ops: packer.ops.slice(0, packer.length), names: packer.names, text: packer.joined() };
}

const noAttributes: readonly XmlAttribute[] = Object.freeze([]);
const noChildren: readonly XmlNode[] = Object.freeze([]);

/** Thrown when packed data does not describe a tree; only a bug or a foreign worker causes it. */
class PackedTreeError extends Error {}

/** Rebuilds the tree; undefined when the data is not a well-formed packed tree. */
export function unpackTree(packed: PackedTree): XmlElement | undefined {
  try {
    return new Unpacker(packed).tree();
  } catch (error) {
    if (error instanceof PackedTreeError || error instanceof RangeError) return undefined;
    throw error;
  }
}

class Unpacker {
  private at = 0;

  constructor(private readonly packed: PackedTree) {}

  tree(): XmlElement {
    const open: { children: XmlNode[]; remaining: number }[] = [];
    let root: XmlElement | undefined;
    do {
      const { node, children } = this.node();
      const parent = open[open.length - 1];
      if (parent) {
        parent.children[parent.children.length - parent.remaining] = node;
        parent.remaining -= 1;
      } else if (node.kind === 'element') root = node;
      else throw new PackedTreeError();
      if (children && children.remaining > 0) open.push(children);
      while (open.length > 0 && (open[open.length - 1]?.remaining ?? 0) === 0) open.pop();
    } while (open.length > 0);
    if (!root || this.at !== this.packed.ops.length) throw new PackedTreeError();
    return root;
  }

  private int(): number {
    const value = this.packed.ops[this.at++];
    if (value === undefined) throw new PackedTreeError();
    return value;
  }

  private name(): string {
    const value = this.packed.names[this.int()];
    if (value === undefined) throw new PackedTreeError();
    return value;
  }

  private optionalName(): string | undefined {
    const id = this.int();
    return id === -1 ? undefined : this.packed.names[id];
  }

  private string(): string {
    const start = this.int();
    const end = this.int();
    if (start < 0 || end < start || end > this.packed.text.length) throw new PackedTreeError();
    return this.packed.text.slice(start, end);
  }

  private node(): { node: XmlNode; children?: { children: XmlNode[]; remaining: number } } {
    const op = this.int();
    if (op === textOp) return { node: { kind: 'text', text: this.string() } };
    if (op === commentOp)
      return { node: { kind: 'comment', text: this.string(), line: this.int() } };
    if (op === textLineOp) return { node: { kind: 'text', text: this.string(), line: this.int() } };
    if (op !== elementOp) throw new PackedTreeError();
    const name = this.name();
    const namespace = this.name();
    const prefix = this.optionalName();
    const line = this.int();
    const attributeCount = this.int();
    const childCount = this.int();
    let attributes = noAttributes;
    if (attributeCount > 0) {
      const list = new Array<XmlAttribute>(attributeCount);
      for (let index = 0; index < attributeCount; index += 1) list[index] = this.attribute();
      attributes = list;
    }
    // Exact-size arrays, filled by index: pushing would leave spare capacity in every one.
    const children: XmlNode[] =
      childCount === 0 ? (noChildren as XmlNode[]) : new Array<XmlNode>(childCount);
    // Literal objects with one fixed shape each: spreads here made unpacking several times slower.
    const node: XmlElement =
      prefix === undefined
        ? { kind: 'element', name, namespace, attributes, children, line }
        : { kind: 'element', name, namespace, prefix, attributes, children, line };
    return { node, children: { children, remaining: childCount } };
  }

  private attribute(): XmlAttribute {
    const name = this.name();
    const namespace = this.name();
    const prefix = this.optionalName();
    const value = this.string();
    return prefix === undefined ? { name, namespace, value } : { name, namespace, prefix, value };
  }
}

// The packer's and unpacker's shapes outlive every tree (see keepShape).
keepShape(new Packer());
keepShape(new Unpacker({ ops: new Int32Array(0), names: [], text: '' }));
