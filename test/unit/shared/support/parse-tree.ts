/**
 * Builds the neutral tree of shared/xml/tree.ts for tests with the product's own safe parser
 * (electron/services/xml parseXml), so the document mappers are tested on exactly the trees the
 * app gives them: namespace declarations as attributes, comments kept, line ends normalised.
 */
import { parseXml } from '../../../../electron/services/xml/parse-xml';
import type { XmlInput } from '../../../../electron/services/xml/prepare-text';
import type { XmlElement } from '../../../../shared/xml/tree';

/** Parses `xml` (text or bytes) into the neutral tree; throws with the parser's code and message. */
export function xmlTree(xml: XmlInput): XmlElement {
  const parsed = parseXml(xml);
  if (!parsed.ok) throw new Error(`${parsed.error.code}: ${parsed.error.message}`);
  return parsed.value;
}
