/**
 * A tiny XML writer whose output is already in exclusive canonical form (exc-c14n): attributes
 * sorted, no self-closing tags, canonical escaping. Signed elements can then be digested over the
 * exact bytes that appear in the document.
 */

/** An element or a text node. */
export type XmlNode = string | XmlElementSpec;

/** A element to serialise; `attrs` with undefined values are left out. */
export interface XmlElementSpec {
  readonly name: string;
  readonly attrs?: Readonly<Record<string, string | undefined>>;
  readonly children?: readonly XmlNode[];
}

/** Escapes character data the way exc-c14n does (&, <, > and CR). */
export function escapeText(value: string): string {
  // Most text has nothing to escape; one test is cheaper than four replaces (100,000 documents).
  if (!/[&<>\r]/.test(value)) return value;
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#xD;');
}

/** Escapes an attribute value the way exc-c14n does (&, <, ", TAB, LF, CR). */
export function escapeAttr(value: string): string {
  if (!/[&<"\t\n\r]/.test(value)) return value;
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#x9;')
    .replace(/\n/g, '&#xA;')
    .replace(/\r/g, '&#xD;');
}

/** Builds an element spec; a shorthand that keeps generator code readable. */
export function el(
  name: string,
  attrs: Readonly<Record<string, string | undefined>> = {},
  ...children: readonly XmlNode[]
): XmlElementSpec {
  return { name, attrs, children };
}

// exc-c14n order: namespace declarations first (by prefix, default first), then attributes by
// (namespace URI, local name); our prefixed attributes are rare, so name order after xmlns is enough.
function attrOrder(a: string, b: string): number {
  const rank = (n: string): number => (n === 'xmlns' ? 0 : n.startsWith('xmlns:') ? 1 : 2);
  const byRank = rank(a) - rank(b);
  if (byRank !== 0) return byRank;
  const key = (n: string): string => (n.includes(':') && rank(n) === 2 ? `~${n}` : n);
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
}

function attributes(attrs: Readonly<Record<string, string | undefined>>): string {
  const present = Object.entries(attrs).filter(
    (entry): entry is [string, string] => entry[1] !== undefined,
  );
  if (present.length > 1) present.sort(([a], [b]) => attrOrder(a, b));
  let text = '';
  for (const [name, value] of present) text += ` ${name}="${escapeAttr(value)}"`;
  return text;
}

/** Serialises a node in canonical form. */
export function serialize(node: XmlNode): string {
  if (typeof node === 'string') return escapeText(node);
  let inner = '';
  for (const child of node.children ?? []) inner += serialize(child);
  return `<${node.name}${attributes(node.attrs ?? {})}>${inner}</${node.name}>`;
}
