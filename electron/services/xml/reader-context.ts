/**
 * State the reader's parts share: the decoded text, the caps, a node budget, a lazily advanced
 * line counter, and cached `indexOf` results. The caches matter for safety, not only speed: a
 * naive "is there an '&' before the end of this value?" scan runs to the end of the document
 * when there is none, and repeated per attribute that is quadratic on hostile input.
 */
import type { XmlLimits } from './xml-limits';
import { XmlReadFailure, protectSuffix, type MessageAt, type XmlErrorCode } from './xml-errors';

interface CachedSearch {
  from: number;
  at: number;
}

/** Shared reading state over one decoded document. */
export class ReaderContext {
  readonly length: number;
  private nodes = 0;
  private lineCursor = 0;
  private line = 1;
  private nextNewline = -1;
  private readonly searches = new Map<string, CachedSearch>();
  private readonly interned = new Map<string, string>();
  private readonly splits = new Map<string, readonly [string, string]>();
  /**
   * Checked names by a hash of their characters (direct-mapped: a collision only means the name
   * is read and checked again). A document repeats a few dozen names a million times; finding
   * them in place saves slicing, hashing and checking each one (readName).
   */
  readonly knownNames: (string | undefined)[] = new Array<string | undefined>(4096).fill(undefined);
  /** "\n" and n spaces, by n: indentation found in place instead of sliced and interned. */
  private readonly indentations: string[] = [];

  constructor(
    readonly text: string,
    readonly limits: XmlLimits,
  ) {
    this.length = text.length;
  }

  /** First occurrence of `needle` at or after `from`, or the text length when there is none. */
  next(needle: string, from: number): number {
    const cached = this.searches.get(needle);
    if (cached && cached.from <= from && from <= cached.at) return cached.at;
    const found = this.text.indexOf(needle, from);
    const at = found === -1 ? this.length : found;
    this.searches.set(needle, { from, at });
    return at;
  }

  /** 1-based line of a position; positions must not go backwards (each character is counted once). */
  lineAt(position: number): number {
    if (position < this.lineCursor) return this.line;
    // nextNewline is kept between calls: searching afresh would rescan a one-line document per element.
    let newline =
      this.nextNewline >= this.lineCursor ? this.nextNewline : this.newlineFrom(this.lineCursor);
    while (newline < position) {
      this.line += 1;
      newline = this.newlineFrom(newline + 1);
    }
    this.nextNewline = newline;
    this.lineCursor = position;
    return this.line;
  }

  private newlineFrom(from: number): number {
    const found = this.text.indexOf('\n', from);
    return found === -1 ? this.length : found;
  }

  /**
   * One shared copy of a short string (names, indentation): a tree of a million nodes would
   * otherwise hold a million copies of "component" and "\n      ". Bounded, so hostile input
   * with endless distinct names cannot grow the table without limit.
   */
  intern(value: string): string {
    if (value.length > 64) return value;
    const known = this.interned.get(value);
    if (known !== undefined) return known;
    if (this.interned.size < 65_536) this.interned.set(value, value);
    return value;
  }

  /**
   * [prefix, local name] of a qualified name split at `colon`, interned; the same pair for the
   * same name (names are interned, so the lookup hashes nothing). Unchecked: callers check.
   */
  splitAt(qname: string, colon: number): readonly [string, string] {
    const known = this.splits.get(qname);
    if (known !== undefined) return known;
    const split = [
      this.intern(qname.slice(0, colon)),
      this.intern(qname.slice(colon + 1)),
    ] as const;
    if (this.splits.size < 65_536) this.splits.set(qname, split);
    return split;
  }

  /** The knownNames slot of the characters at [start, end). */
  nameSlot(start: number, end: number): number {
    const { text } = this;
    let hash = end - start;
    for (let at = start; at < end; at += 1) hash = (Math.imul(hash, 31) + text.charCodeAt(at)) | 0;
    return (hash ^ (hash >>> 12)) & 4095;
  }

  /** The text at [start, end) when it is a line break and spaces only (shared), else undefined. */
  indentation(start: number, end: number): string | undefined {
    const { text } = this;
    if (text.charCodeAt(start) !== 0x0a || end - start > 65) return undefined;
    for (let at = start + 1; at < end; at += 1) if (text.charCodeAt(at) !== 0x20) return undefined;
    const spaces = end - start - 1;
    return (this.indentations[spaces] ??= this.intern(`\n${' '.repeat(spaces)}`));
  }

  /** Counts one more node of the tree; refuses the document past the node cap. */
  countNode(position: number): void {
    this.nodes += 1;
    if (this.nodes > this.limits.maxNodes) {
      const max = this.limits.maxNodes.toLocaleString('en-US');
      this.fail(
        'xml-too-many-nodes',
        (where) =>
          `The document has more than ${max} elements, attributes, texts and comments (limit reached ${where}); ${protectSuffix}`,
        position,
      );
    }
  }

  /** Stops reading with a typed failure at a position. */
  fail(code: XmlErrorCode, describe: MessageAt, position: number, isEndOfInput = false): never {
    throw new XmlReadFailure(code, describe, position, isEndOfInput);
  }

  /** Stops reading because the input ended inside a construct. */
  failTruncated(what: string, position: number): never {
    this.fail(
      'xml-malformed',
      (where) =>
        `The document ends inside ${what} that starts ${where}: it is truncated or not well-formed XML.`,
      position,
      true,
    );
  }
}
