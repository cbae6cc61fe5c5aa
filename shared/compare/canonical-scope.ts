/**
 * The source document's namespace declarations in scope while the canonical writer walks it, so
 * that the prefix inside an `xsi:type` value (a QName, e.g. `cda:ST`) can be rewritten like the
 * prefixes of names: `xsi:type="cda:ST"` under xmlns:cda="urn:hl7-org:v3" and `xsi:type="ST"`
 * under xmlns="urn:hl7-org:v3" mean the same type and must write the same line (issue 7). The
 * parser keeps declarations as attributes in the xmlns namespace (parse-xml.ts), so the tree
 * needs nothing more.
 */
import { Namespaces, type XmlAttribute } from '../xml/tree';

/** Declarations (`xmlns`, `xmlns:p`) arrive as attributes in this namespace, as in the DOM. */
const xmlnsNamespace = 'http://www.w3.org/2000/xmlns/';
const xmlNamespace = 'http://www.w3.org/XML/1998/namespace';

/** True for the attribute `xsi:type`, whose value is a QName. */
export function isXsiType(attribute: XmlAttribute): boolean {
  return attribute.name === 'type' && attribute.namespace === Namespaces.xsi;
}

/**
 * Prefix → URI declarations in scope, innermost last ('' is the default namespace). Declarations
 * are rare below the document element, so a flat stack searched from its end is the cheapest.
 */
export class SourceScope {
  private readonly prefixes: string[] = [];
  private readonly uris: string[] = [];

  /** Adds an element's declarations; returns the mark to give `leave` after its content. */
  enter(attributes: readonly XmlAttribute[]): number {
    const mark = this.prefixes.length;
    for (let i = 0; i < attributes.length; i++) {
      const attribute = attributes[i]!;
      if (attribute.namespace !== xmlnsNamespace) continue;
      // `xmlns="…"` arrives named `xmlns`; `xmlns:p="…"` named `p` (p is never `xmlns`).
      this.prefixes.push(attribute.name === 'xmlns' ? '' : attribute.name);
      this.uris.push(attribute.value);
    }
    return mark;
  }

  leave(mark: number): void {
    if (this.prefixes.length === mark) return;
    this.prefixes.length = mark;
    this.uris.length = mark;
  }

  /** The URI bound to a prefix here: '' for an unbound default namespace, undefined if unbound. */
  lookup(prefix: string): string | undefined {
    for (let i = this.prefixes.length - 1; i >= 0; i--)
      if (this.prefixes[i] === prefix) return this.uris[i];
    if (prefix === '') return '';
    return prefix === 'xml' ? xmlNamespace : undefined;
  }
}

/**
 * An xsi:type value with its prefix replaced by the canonical one of its namespace (`names`, the
 * writer, gives the canonical qualified name of a local name in a namespace). A value that is not a
 * QName, or whose prefix is not declared, stays as written.
 */
export function canonicalTypeValue(
  scope: SourceScope,
  value: string,
  names: { qualified(name: string, namespace: string): string },
): string {
  const colon = value.indexOf(':');
  const local = colon < 0 ? value : value.slice(colon + 1);
  if (local === '' || colon === 0 || local.includes(':')) return value;
  const uri = scope.lookup(colon < 0 ? '' : value.slice(0, colon));
  return uri === undefined ? value : names.qualified(local, uri);
}

/**
 * The attributes as the line's cache key: an xsi:type value whose canonical form differs from its
 * text (its prefix rewritten) is keyed by the canonical form, so a line found by its attributes
 * is right whatever the declarations in scope. Also declares the type's namespace.
 */
export function typedAttributes(
  builder: { typeValue(value: string): string },
  attributes: readonly XmlAttribute[],
): readonly XmlAttribute[] {
  for (let i = 0; i < attributes.length; i++) {
    const attribute = attributes[i]!;
    if (!isXsiType(attribute)) continue;
    const value = builder.typeValue(attribute.value);
    if (value === attribute.value) return attributes;
    const keyed = attributes.slice();
    keyed[i] = { ...attribute, value };
    return keyed;
  }
  return attributes;
}
