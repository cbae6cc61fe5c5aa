/**
 * Namespace resolution of one start tag (Namespaces in XML 1.0 §5–§6): its declarations, its
 * prefixed names, and the rule that two prefixes bound to one URI still make one attribute.
 */
import type { XmlAttribute } from '../../../shared/xml/tree';
import { xmlnsNamespace, type NamespaceScope } from './namespaces';
import type { ReaderContext } from './reader-context';
import type { RawAttribute } from './start-tag';
import { quoteName } from './xml-errors';

/** The xmlns and xmlns:p attributes of one start tag, as declarations. */
export function namespaceDeclarations(
  context: ReaderContext,
  attributes: readonly RawAttribute[],
): { prefix: string; uri: string; position: number }[] {
  const declarations: { prefix: string; uri: string; position: number }[] = [];
  for (const { qname, value, position } of attributes) {
    if (!qname.startsWith('xmlns')) continue;
    if (qname === 'xmlns') declarations.push({ prefix: '', uri: value, position });
    else if (qname.startsWith('xmlns:')) {
      const prefix = qname.slice(6);
      if (prefix === '' || prefix.includes(':')) {
        context.fail(
          'xml-namespace',
          (where) =>
            `The namespace declaration ${quoteName(qname)} ${where} has no valid prefix; the document breaks the rules of XML namespaces.`,
          position,
        );
      }
      declarations.push({ prefix, uri: value, position });
    }
  }
  return declarations;
}

/** [prefix, local name] of a qualified name; an element's prefix must be bound. */
export function splitName(
  context: ReaderContext,
  qname: string,
  position: number,
  scope: NamespaceScope,
  isElement: boolean,
): [string | undefined, string] {
  const colon = qname.indexOf(':');
  if (colon === -1) return [undefined, qname];
  const [prefix, local] = context.splitAt(qname, colon);
  if (colon === 0 || local === '' || local.includes(':') || (isElement && prefix === 'xmlns')) {
    context.fail(
      'xml-namespace',
      (where) =>
        `The name ${quoteName(qname)} ${where} is not a valid namespaced name; the document breaks the rules of XML namespaces.`,
      position,
    );
  }
  if (prefix !== 'xmlns' && scope.lookup(prefix) === undefined) {
    context.fail(
      'xml-namespace',
      (where) =>
        `The prefix ${quoteName(prefix)} ${where} is used but never declared; the document breaks the rules of XML namespaces.`,
      position,
    );
  }
  return [prefix, local];
}

/** Attributes with namespaces resolved; refuses one expanded name twice. */
export function resolveAttributes(
  context: ReaderContext,
  scope: NamespaceScope,
  attributes: readonly RawAttribute[],
): XmlAttribute[] {
  const count = attributes.length;
  let hasPrefix = false;
  for (let index = 0; index < count; index += 1)
    if (attributes[index]!.qname.includes(':')) hasPrefix = true;
  // Exact size, filled by index: the result has exactly as many slots as attributes.
  const resolved = new Array<XmlAttribute>(count);
  if (!hasPrefix) {
    // Unprefixed names are their own expanded names (no namespace; xmlns in its own), so the
    // qualified-name check (checkDuplicates) has already refused any repeat: no set to build.
    for (let index = 0; index < count; index += 1) {
      const { qname, value } = attributes[index]!;
      resolved[index] =
        qname === 'xmlns'
          ? { name: 'xmlns', namespace: xmlnsNamespace, value }
          : { name: qname, namespace: '', value };
    }
    return resolved;
  }
  const expanded = new Set<string>();
  for (let index = 0; index < count; index += 1)
    resolved[index] = resolveOne(context, scope, attributes[index]!, expanded);
  return resolved;
}

function resolveOne(
  context: ReaderContext,
  scope: NamespaceScope,
  { qname, value, position }: RawAttribute,
  expanded: Set<string>,
): XmlAttribute {
  if (qname === 'xmlns') return { name: 'xmlns', namespace: xmlnsNamespace, value };
  const [prefix, name] = splitName(context, qname, position, scope, false);
  if (prefix === undefined) return { name, namespace: '', value };
  const namespace = prefix === 'xmlns' ? xmlnsNamespace : (scope.lookup(prefix) ?? '');
  // Two prefixes bound to one namespace make p:x and q:x the same attribute (Namespaces in XML §6.3).
  const key = `${name} ${namespace}`;
  if (expanded.has(key)) {
    context.fail(
      'xml-duplicate-attribute',
      (where) =>
        `The attribute ${quoteName(name)} in namespace ${quoteName(namespace)} ${where} appears a second time in the same element, under another prefix; the document breaks the rules of XML namespaces.`,
      position,
    );
  }
  expanded.add(key);
  return { name, namespace, prefix, value };
}
