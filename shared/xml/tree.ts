/**
 * The neutral, namespace-resolved XML tree the safe parser (electron/services/xml) produces and
 * the document mappers in shared/ consume. Plain JSON on purpose: it crosses worker and IPC
 * boundaries unchanged, and because names live in values (never in object keys) an element or
 * attribute called `__proto__` can never reach an object's prototype.
 */

export interface XmlAttribute {
  /** Local name, without prefix. */
  readonly name: string;
  /** Namespace URI; '' for an unprefixed attribute. */
  readonly namespace: string;
  readonly prefix?: string;
  readonly value: string;
}

export interface XmlElement {
  readonly kind: 'element';
  /** Local name, without prefix. */
  readonly name: string;
  /** Namespace URI; '' when the element is in no namespace. */
  readonly namespace: string;
  readonly prefix?: string;
  /** In document order. */
  readonly attributes: readonly XmlAttribute[];
  readonly children: readonly XmlNode[];
  /** 1-based line of the start tag, for error messages and linking diffs back to the source. */
  readonly line?: number;
}

/** Character data; CDATA sections arrive as text too. Entities are already resolved. */
export interface XmlText {
  readonly kind: 'text';
  readonly text: string;
  /**
   * 1-based line of the text's first non-whitespace character, only where that is not the line
   * of its element's start tag (text after a line break in mixed content): a change there names
   * its own line. Absent on most texts (`<td>text</td>`), which keeps a large tree small.
   */
  readonly line?: number;
}

export interface XmlComment {
  readonly kind: 'comment';
  readonly text: string;
  /** 1-based line of `<!--`: a commented-out block's diff names its own line, not its parent's. */
  readonly line?: number;
}

export type XmlNode = XmlElement | XmlText | XmlComment;

/** Well-known namespaces of Kanta documents (DOMAIN.md §2). */
export const Namespaces = {
  hl7v3: 'urn:hl7-org:v3',
  hl7fi: 'urn:hl7finland',
  xmldsig: 'http://www.w3.org/2000/09/xmldsig#',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
  fhir: 'http://hl7.org/fhir',
} as const;
