/**
 * Everything between the caller's input and the reader: quick refusals of what is clearly not
 * XML, decoding, line-end normalisation (XML 1.0 §2.11) and the scan for characters XML forbids.
 */
import { err, ok, type Result } from '../../../shared/result';
import { decodeXmlBytes } from './decode-xml-bytes';
import { describeChar, firstForbiddenChar, isWhitespace } from './xml-chars';
import { lineAndColumn } from './xml-errors';

/** What callers may pass: raw bytes (preferred: the encoding is then checked) or decoded text. */
export type XmlInput = Uint8Array | string;

const signatures: readonly (readonly [RegExp, string])[] = [
  [/^%PDF-/, 'a PDF file'],
  [/^\u0089PNG/, 'a PNG image'],
  [/^\u00ff\u00d8\u00ff/, 'a JPEG image'],
  // eslint-disable-next-line no-control-regex -- finding control characters is the purpose
  [/^PK\u0003\u0004/, 'a ZIP archive (for example a Word or Excel file)'],
  [/^[{[]/, 'JSON'],
  [/^(?:MIME-Version|Content-Type):/i, 'a MIME message'],
];

/** Text ready for the reader, or a refusal: empty, not XML, bad encoding, forbidden characters. */
export function prepareText(input: XmlInput): Result<string> {
  let text: string;
  if (typeof input === 'string') {
    text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  } else {
    if (input.byteLength === 0) return err('xml-empty', 'The document is empty (0 bytes).');
    const early = refuseNonXmlBytes(input);
    if (!early.ok) return early;
    const decoded = decodeXmlBytes(input);
    if (!decoded.ok) return decoded;
    text = decoded.value.text;
  }
  const start = checkStart(text);
  if (!start.ok) return start;
  // XML 1.0 §2.11: CR LF and lone CR are read as LF, before anything else looks at the text.
  const normalized = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  const forbidden = firstForbiddenChar(normalized, typeof input === 'string');
  if (forbidden !== -1) {
    const { line, column } = lineAndColumn(normalized, forbidden);
    return err(
      'xml-invalid-character',
      `The document contains the character ${describeChar(normalized, forbidden)} at line ${line}, column ${column}, which XML does not allow; the file is damaged or not XML.`,
      { line, column },
    );
  }
  return ok(normalized);
}

/** Refuses binary files before decoding, so a PDF is "not XML" rather than "not UTF-8". */
function refuseNonXmlBytes(bytes: Uint8Array): Result<void> {
  const [b0, b1] = bytes;
  const isUnicodeMark = (b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff) || b0 === 0;
  if (isUnicodeMark) return ok(undefined);
  const start = b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let at = start;
  while (at < bytes.length && isWhitespace(bytes[at] ?? 0)) at += 1;
  if (at === bytes.length) return ok(undefined);
  if (bytes[at] === 0x3c) return ok(undefined);
  const head = String.fromCharCode(...bytes.subarray(at, at + 16));
  return notXml(head);
}

function checkStart(text: string): Result<void> {
  let at = 0;
  while (at < text.length && isWhitespace(text.charCodeAt(at))) at += 1;
  if (text.length === 0) return err('xml-empty', 'The document is empty.');
  if (at === text.length) return err('xml-empty', 'The document contains only whitespace.');
  if (text.charCodeAt(at) === 0x3c) return ok(undefined);
  return notXml(text.slice(at, at + 16));
}

function notXml(head: string): Result<never> {
  const kind = signatures.find(([pattern]) => pattern.test(head))?.[1];
  const looksLike = kind === undefined ? 'it does not start with a tag' : `it looks like ${kind}`;
  return err('xml-not-xml', `The document is not XML: ${looksLike}.`, { line: 1, column: 1 });
}
