/**
 * The canonical XML form the content diff works on (issue 7, "Content diff"): attributes sorted,
 * namespace prefixes replaced by one stable prefix per namespace URI, insignificant whitespace
 * dropped and text whitespace collapsed, one element or text per line with indentation. What
 * differs by design or cannot be read line by line is taken out of line: XML signatures and long
 * Base64 payloads become one line `[signature …]` / `[base64: N bytes, sha256 …]`, so they compare
 * by hash and size and never reach a word diff (out-of-line-payloads.ts). Every line keeps the
 * element it belongs to, so a change can be named by its path. The per-element writing is in
 * canonical-writer.ts.
 */
import { pureCodec, type PayloadCodec } from '../documents/payload';
import type { XmlElement } from '../xml/tree';
import { Builder, xmlNamespace } from './canonical-builder';
import { escapeAttribute } from './canonical-tag';
import { writeElement } from './canonical-writer';
import { LineInterner } from './line-interner';
import type { OutOfLinePayload } from './out-of-line-payloads';

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
