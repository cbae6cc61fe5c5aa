/**
 * The CDA an HL7 V3 RCMR archive message carries, as text, for the redaction scans (issue 8).
 * The message holds it Base64-encoded in a MIME part of `clinicalDocument/text` (DOMAIN.md §2),
 * so a scan of the message's own text sees only Base64 there, while the report shows the CDA
 * decoded (the content diff compares the CDA). This finds that part in the raw text, without a
 * second parse of a document the compare worker has already parsed, and decodes it the way the
 * document reader does (shared/documents/mime.ts extractMimePart, the shared Base64 decoder).
 */
import { extractMimePart } from '../documents/mime';
import { characterData } from './xml-character-data';

const prefix = String.raw`(?:[A-Za-z_][\w.-]*:)?`;
/** The interactions of shared/documents/rcmr.ts and any later RCMR_IN…FI.. of the same family. */
const rcmrRootName = /^RCMR_IN\d{6}FI\d{2}$/;
/** How far into the text the root element may start (a long leading comment, a declaration). */
const maxPrologLength = 65_536;

/** The local name of the root element, read past the XML declaration, comments and PIs. */
export function rootElementName(text: string): string | undefined {
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (at < Math.min(text.length, maxPrologLength)) {
    const next = text.indexOf('<', at);
    if (next < 0) return undefined;
    if (text.startsWith('<!--', next)) at = text.indexOf('-->', next) + 3;
    else if (text.startsWith('<?', next)) at = text.indexOf('?>', next) + 2;
    else
      return new RegExp(`^<${prefix}([A-Za-z_][\\w.-]*)`).exec(text.slice(next, next + 300))?.[1];
    if (at < 3) return undefined; // an unterminated comment or instruction
  }
  return undefined;
}

/** The raw content of the first `text` element after `from`, or undefined when there is none. */
function textContentAfter(text: string, from: number, until: number): string | undefined {
  const start = new RegExp(`<(${prefix})text(?=[\\s/>])([^>]*)>`, 'g');
  start.lastIndex = from;
  const tag = start.exec(text);
  if (!tag || tag.index > until || (tag[2] ?? '').endsWith('/')) return undefined;
  const contentStart = tag.index + tag[0].length;
  let end = text.indexOf(`</${tag[1] ?? ''}text`, contentStart);
  // A CDATA section may hold "</text": then the element ends after the section.
  const cdata = text.indexOf('<![CDATA[', contentStart);
  if (cdata >= 0 && cdata < end) {
    const cdataEnd = text.indexOf(']]>', cdata);
    end = cdataEnd < 0 ? -1 : text.indexOf(`</${tag[1] ?? ''}text`, cdataEnd);
  }
  return end < 0 ? undefined : text.slice(contentStart, end);
}

/**
 * The decoded text of every CDA the RCMR message `text` carries (one in a well-formed message);
 * empty for any other document, and for a part that cannot be decoded (the reader refuses such a
 * message, so no report shows anything of it).
 */
export function embeddedCdaTexts(text: string): string[] {
  const root = rootElementName(text);
  if (root === undefined || !rcmrRootName.test(root)) return [];
  const texts: string[] = [];
  const start = new RegExp(`<(${prefix})clinicalDocument(?=[\\s/>])`, 'g');
  for (let match = start.exec(text); match; match = start.exec(text)) {
    const found = text.indexOf(`</${match[1] ?? ''}clinicalDocument`, match.index);
    const close = found < 0 ? text.length : found;
    // The next search starts after this element: its megabytes of Base64 hold no element.
    start.lastIndex = close;
    const raw = textContentAfter(text, match.index, close);
    if (raw === undefined) continue;
    const part = extractMimePart(characterData(raw));
    // TextDecoder (not fatal: U+FFFD for bad bytes, never a throw) is about 10x faster here than
    // the pure decodeUtf8, which took 0.9 s for a 15 MB CDA; no warning is needed, only text.
    if (part.ok) texts.push(new TextDecoder('utf-8').decode(part.value.bytes));
  }
  return texts;
}
