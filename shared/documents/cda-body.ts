/**
 * The CDA body: a structuredBody becomes a tree of section summaries (templateId, code, title);
 * a nonXMLBody is decoded (media type, size, SHA-256, display text). Social welfare documents
 * carry a Base64 XHTML display form in nonXMLBody/text and structured JSON in `hl7fi:json`
 * (DOMAIN.md §2), both decoded. Embedded payloads are also listed as attachments.
 */
import { Namespaces, type XmlElement } from '../xml/tree';
import { readCode, readId, readIds } from './datatypes';
import type {
  Attachment,
  DecodedPayload,
  DocumentBody,
  ReadWarning,
  SectionSummary,
} from './model';
import { decodePayload, pureCodec, type PayloadCodec, type PayloadResult } from './payload';
import { attr, child, children, cleanText, compact, findDescendants, path } from './xml-access';

/** Decoded text of a payload and where it came from, for the identity-code scan. */
export interface DecodedText {
  readonly text: string;
  readonly where: string;
}

/** The body summary, its attachments, their decoded texts and what was tolerated. */
export interface BodyResult {
  readonly body: DocumentBody;
  readonly attachments: readonly Attachment[];
  readonly texts: readonly DecodedText[];
  readonly warnings: readonly ReadWarning[];
}

/** Collects attachments, decoded texts and warnings while the body is read. */
class Collector {
  readonly attachments: Attachment[] = [];
  readonly texts: DecodedText[] = [];
  readonly warnings: ReadWarning[] = [];

  /** Records one decoded payload found at `where` and returns its display form. */
  add(result: PayloadResult, where: string): DecodedPayload {
    this.warnings.push(...result.warnings);
    this.attachments.push(toAttachment(result.payload, where));
    if (result.fullText !== undefined)
      this.texts.push({ text: result.fullText, where: `${where} (decoded)` });
    return result.payload;
  }
}

function readSection(section: XmlElement, component: XmlElement | undefined): SectionSummary {
  const id = child(section, 'id');
  return compact({
    // Kanta documents put the templateId on the enclosing component, C-CDA on the section.
    templateIds: [...readIds(component, 'templateId'), ...readIds(section, 'templateId')],
    id: id && readId(id),
    code: readCode(child(section, 'code')),
    title: cleanText(child(section, 'title')),
    sections: readSections(section),
  });
}

function readSections(parent: XmlElement): readonly SectionSummary[] {
  return children(parent, 'component').flatMap((component) => {
    const section = child(component, 'section');
    return section ? [readSection(section, component)] : [];
  });
}

/** Decodes one `ED` element (text, observationMedia/value, hl7fi:json). */
function readEd(
  element: XmlElement,
  where: string,
  codec: PayloadCodec,
  defaultType?: string,
): PayloadResult {
  const mediaType = attr(element, 'mediaType') ?? defaultType;
  const url = attr(child(element, 'reference'), 'value');
  const isBase64 =
    attr(element, 'representation') === 'B64' || element.namespace === Namespaces.hl7fi;
  // The ED's own character data; child elements (reference, thumbnail) are not its content.
  const content = element.children.map((node) => (node.kind === 'text' ? node.text : '')).join('');
  if (content.trim() === '' && url !== undefined) {
    return { payload: compact({ mediaType, url }), warnings: [] };
  }
  const decoded = decodePayload(content, mediaType, isBase64, where, codec);
  const payload = compact({ ...decoded.payload, url });
  // Plain-text content is scanned where it stands in the tree; only decoded text needs a scan.
  return isBase64 && decoded.fullText !== undefined
    ? { payload, warnings: decoded.warnings, fullText: decoded.fullText }
    : { payload, warnings: decoded.warnings };
}

function toAttachment(payload: DecodedPayload, where: string): Attachment {
  return compact({
    mediaType: payload.mediaType,
    bytes: payload.bytes,
    sha256: payload.sha256,
    where,
    url: payload.url,
  });
}

function readNonXmlBody(
  component: XmlElement,
  nonXml: XmlElement,
  codec: PayloadCodec,
): BodyResult {
  const collected = new Collector();
  const text = child(nonXml, 'text');
  const content = text
    ? collected.add(readEd(text, 'nonXMLBody/text', codec), 'nonXMLBody/text')
    : {};
  const jsonParts = findDescendants(
    component,
    (e) => e.name === 'json' && e.namespace === Namespaces.hl7fi,
  );
  const structured = jsonParts.map((element) =>
    collected.add(readEd(element, 'hl7fi:json', codec, 'application/json'), 'hl7fi:json'),
  );
  return { body: { kind: 'nonXml', content, structured }, ...collected };
}

function readMedia(structured: XmlElement, codec: PayloadCodec): Collector {
  const collected = new Collector();
  const media = findDescendants(
    structured,
    (e) => e.name === 'observationMedia' && e.namespace === Namespaces.hl7v3,
  );
  for (const element of media) {
    const value = child(element, 'value');
    if (!value) continue;
    const where = `observationMedia ${attr(element, 'ID') ?? ''}`.trim();
    collected.add(readEd(value, where, codec), where);
  }
  return collected;
}

/**
 * Reads `component/structuredBody` or `component/nonXMLBody` of a ClinicalDocument; `codec`
 * does the Base64 and SHA-256 work (Node passes its native one).
 */
export function readBody(root: XmlElement, codec: PayloadCodec = pureCodec): BodyResult {
  const component = child(root, 'component');
  const structured = child(component, 'structuredBody');
  if (structured) {
    const { attachments, texts, warnings } = readMedia(structured, codec);
    const sections = readSections(structured);
    return { body: { kind: 'structured', sections }, attachments, texts, warnings };
  }
  const nonXml = path(root, 'component', 'nonXMLBody');
  if (component && nonXml) return readNonXmlBody(component, nonXml, codec);
  return { body: { kind: 'none' }, attachments: [], texts: [], warnings: [] };
}
