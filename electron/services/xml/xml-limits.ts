/**
 * Caps applied while reading XML. The defaults follow issue 3 ("Safe XML"): they are far above
 * what real Kanta documents need (multi-megabyte Base64 attachments are legal, so text may be as
 * long as the whole document) and far below what would exhaust the worker's memory.
 */

/** Every cap the reader enforces; all counts are in characters unless named bytes. */
export interface XmlLimits {
  /** Size of the input before decoding. */
  readonly maxBytes: number;
  /** Nesting depth of elements (the document element is depth 1). */
  readonly maxDepth: number;
  readonly maxAttributesPerElement: number;
  /** Element, attribute, prefix and processing-instruction target names. */
  readonly maxNameLength: number;
  readonly maxAttributeValueLength: number;
  /** One text node, CDATA sections included, and one comment. */
  readonly maxTextLength: number;
  /**
   * Elements, attributes, text nodes and comments together: bounds the tree's memory and the
   * time to build it. A million is about 16 MB of typical structured CDA (the synthetic 2 MB
   * benchmark document has 125,000); Base64 attachments are one node however large.
   */
  readonly maxNodes: number;
  /** Most bytes the header reader decodes before it gives up (it then refuses, never hangs). */
  readonly maxHeaderBytes: number;
}

const megabyte = 1024 * 1024;

/** The caps used when a caller gives none. */
export const defaultXmlLimits: XmlLimits = Object.freeze({
  maxBytes: 50 * megabyte,
  maxDepth: 512,
  maxAttributesPerElement: 256,
  maxNameLength: 1024,
  maxAttributeValueLength: 10 * megabyte,
  maxTextLength: 50 * megabyte,
  maxNodes: 1_000_000,
  maxHeaderBytes: 8 * megabyte,
});

/** Defaults overridden by the given caps; a bad value (not a positive integer) keeps the default. */
export function resolveXmlLimits(overrides: Partial<XmlLimits> = {}): XmlLimits {
  const pick = (key: keyof XmlLimits): number => {
    const value = overrides[key];
    return typeof value === 'number' && Number.isSafeInteger(value) && value > 0
      ? value
      : defaultXmlLimits[key];
  };
  return {
    maxBytes: pick('maxBytes'),
    maxDepth: pick('maxDepth'),
    maxAttributesPerElement: pick('maxAttributesPerElement'),
    maxNameLength: pick('maxNameLength'),
    maxAttributeValueLength: pick('maxAttributeValueLength'),
    maxTextLength: pick('maxTextLength'),
    maxNodes: pick('maxNodes'),
    maxHeaderBytes: pick('maxHeaderBytes'),
  };
}
