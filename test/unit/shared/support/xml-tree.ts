/**
 * TEST-ONLY stand-in for the safe XML parser (electron/services/xml/, written in parallel).
 * Builds the neutral tree of shared/xml/tree.ts from a string with xml2js so that the document
 * mappers can be tested now. It does none of the safety checks of the real parser, drops
 * comments and has no line numbers. Replace every use with the real `parseXml` once it lands,
 * then delete this file.
 */
import { Parser } from 'xml2js';
import type { XmlAttribute, XmlElement, XmlNode } from '../../../../shared/xml/tree';

interface RawAttribute {
  readonly value: string;
  readonly prefix: string;
  readonly local: string;
  readonly uri: string;
}

interface RawNode {
  readonly '#name': string;
  readonly _?: string;
  readonly $?: Readonly<Record<string, RawAttribute>>;
  readonly $ns?: { readonly uri: string; readonly local: string };
  readonly $$?: readonly RawNode[];
}

function convertAttributes(raw: RawNode): XmlAttribute[] {
  const attributes: XmlAttribute[] = [];
  for (const [qualified, attribute] of Object.entries(raw.$ ?? {})) {
    // Namespace declarations are not attributes in the neutral tree.
    if (qualified === 'xmlns' || qualified.startsWith('xmlns:')) continue;
    attributes.push({
      name: attribute.local,
      namespace: attribute.uri,
      ...(attribute.prefix ? { prefix: attribute.prefix } : {}),
      value: attribute.value,
    });
  }
  return attributes;
}

function convert(raw: RawNode): XmlElement {
  const children: XmlNode[] = [];
  for (const node of raw.$$ ?? []) {
    if (node['#name'] === '__text__') children.push({ kind: 'text', text: node._ ?? '' });
    else children.push(convert(node));
  }
  const qualified = raw['#name'];
  const colon = qualified.indexOf(':');
  return {
    kind: 'element',
    name: raw.$ns?.local ?? qualified,
    namespace: raw.$ns?.uri ?? '',
    ...(colon > 0 ? { prefix: qualified.slice(0, colon) } : {}),
    attributes: convertAttributes(raw),
    children,
  };
}

/** Parses `xml` into the neutral tree (test-only; throws on malformed XML). */
export function xmlTree(xml: string): XmlElement {
  const parser = new Parser({
    xmlns: true,
    explicitChildren: true,
    preserveChildrenOrder: true,
    charsAsChildren: true,
    includeWhiteChars: true,
    explicitRoot: false,
    trim: false,
    normalize: false,
  });
  let result: RawNode | undefined;
  let failure: Error | null = null;
  // xml2js calls back synchronously for string input.
  parser.parseString(xml.replace(/^\uFEFF/, ''), (error: Error | null, value: RawNode) => {
    failure = error;
    result = value;
  });
  if (failure) throw failure;
  if (!result) throw new Error('xml2js returned no result');
  return convert({ ...result, '#name': (result as RawNode)['#name'] ?? '' });
}
