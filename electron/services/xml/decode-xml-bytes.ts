/**
 * Bytes → text, following XML 1.0 Appendix F (https://www.w3.org/TR/xml/#sec-guessing): a byte
 * order mark decides UTF-8 or UTF-16, otherwise the declaration's `encoding`, otherwise UTF-8.
 * Decoding is fatal: a byte sequence that is not valid in the chosen encoding is refused, never
 * replaced by U+FFFD, so what the user sees is exactly what the file says.
 */
import { Buffer } from 'node:buffer';
import { err, ok, type Result } from '../../../shared/result';
import { formatSize, lineAndColumn, quoteName, xmlError, type XmlError } from './xml-errors';

/** The encodings Archivist reads. */
export type XmlEncoding =
  'utf-8' | 'utf-16le' | 'utf-16be' | 'iso-8859-1' | 'windows-1252' | 'us-ascii';

/** Decoded text without its byte order mark, and the encoding that produced it. */
export interface DecodedXml {
  readonly text: string;
  readonly encoding: XmlEncoding;
}

type SingleEncoding = Exclude<XmlEncoding, 'utf-16le' | 'utf-16be'>;

const labels: ReadonlyMap<string, SingleEncoding | 'utf-16'> = new Map([
  ...['utf-8', 'utf8'].map((label) => [label, 'utf-8'] as const),
  ...['utf-16', 'utf16', 'utf-16le', 'utf-16be'].map((label) => [label, 'utf-16'] as const),
  ...['iso-8859-1', 'iso8859-1', 'iso_8859-1', 'latin1', 'latin-1', 'l1', 'iso-ir-100', 'cp819']
    // WHATWG's TextDecoder treats these labels as windows-1252; XML means real ISO-8859-1.
    .map((label) => [label, 'iso-8859-1'] as const),
  ...['windows-1252', 'cp1252', 'x-cp1252'].map((label) => [label, 'windows-1252'] as const),
  ...['us-ascii', 'ascii', 'iso646-us'].map((label) => [label, 'us-ascii'] as const),
]);

const supported = 'UTF-8, UTF-16 (with a byte order mark), ISO-8859-1, windows-1252 and US-ASCII';
const declaredEncoding =
  /^<\?xml[ \t\r\n][^?>]*?encoding[ \t\r\n]*=[ \t\r\n]*(["'])([^"']{0,64})\1/;

/** Decodes an XML entity's bytes; refuses unsupported, conflicting or invalid encodings. */
export function decodeXmlBytes(bytes: Uint8Array): Result<DecodedXml> {
  const bom = byteOrderMark(bytes);
  if (!bom.ok) return bom;
  const { encoding: fromBom, length } = bom.value;
  const body = bytes.subarray(length);
  if (fromBom === 'utf-16le' || fromBom === 'utf-16be') {
    const decoded = decodeUtf16(body, fromBom);
    if (!decoded.ok) return decoded;
    const declared = declaredLabel(decoded.value.slice(0, 256));
    if (declared !== undefined && labels.get(declared) !== 'utf-16') {
      return conflict(declared, 'a UTF-16 byte order mark');
    }
    return ok({ text: decoded.value, encoding: fromBom });
  }
  const declared = declaredLabel(Buffer.from(body.subarray(0, 256)).toString('latin1'));
  const encoding = declared === undefined ? 'utf-8' : labels.get(declared);
  if (encoding === undefined) {
    return err(
      'xml-encoding',
      `The document declares the encoding ${quoteName(declared ?? '')}, which Archivist does not read; it reads ${supported}.`,
      { line: 1, column: 1 },
    );
  }
  if (encoding === 'utf-16') return conflict(declared ?? '', 'no byte order mark');
  if (fromBom === 'utf-8' && encoding !== 'utf-8')
    return conflict(declared ?? '', 'a UTF-8 byte order mark');
  return decodeSingle(body, encoding);
}

function conflict(declared: string, found: string): Result<never> {
  return err(
    'xml-encoding',
    `The document declares the encoding ${quoteName(declared)} but starts with ${found}; Archivist cannot tell which is right and refuses to guess.`,
    { line: 1, column: 1 },
  );
}

function declaredLabel(prefix: string): string | undefined {
  return declaredEncoding.exec(prefix)?.[2]?.trim().toLowerCase();
}

function byteOrderMark(
  bytes: Uint8Array,
): Result<{ encoding: XmlEncoding | undefined; length: number }> {
  const [b0, b1, b2, b3] = bytes;
  if (
    (b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) ||
    (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff)
  ) {
    return err(
      'xml-encoding',
      `The document is encoded in UTF-32, which Archivist does not read; it reads ${supported}.`,
    );
  }
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return ok({ encoding: 'utf-8', length: 3 });
  if (b0 === 0xff && b1 === 0xfe) return ok({ encoding: 'utf-16le', length: 2 });
  if (b0 === 0xfe && b1 === 0xff) return ok({ encoding: 'utf-16be', length: 2 });
  const isUtf16WithoutBom =
    (b0 === 0x3c && b1 === 0 && b2 === 0x3f && b3 === 0) ||
    (b0 === 0 && b1 === 0x3c && b2 === 0 && b3 === 0x3f);
  if (isUtf16WithoutBom) {
    return err(
      'xml-encoding',
      'The document looks like UTF-16 but has no byte order mark, which XML requires for UTF-16; Archivist refuses to guess the byte order.',
    );
  }
  return ok({ encoding: undefined, length: 0 });
}

function decodeUtf16(body: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): Result<string> {
  if (body.length % 2 !== 0) {
    return err(
      'xml-encoding',
      'The UTF-16 document has an odd number of bytes: it is truncated or not UTF-16.',
    );
  }
  // Node's TextDecoder reads UTF-16BE only with full ICU; swapping to LE works everywhere.
  const input = encoding === 'utf-16be' ? Buffer.from(body).swap16() : body;
  try {
    return ok(new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true }).decode(input));
  } catch {
    return err(
      'xml-encoding',
      'The UTF-16 document contains an unpaired surrogate: it is damaged or not UTF-16.',
    );
  }
}

function decodeSingle(
  body: Uint8Array,
  encoding: Exclude<XmlEncoding, 'utf-16le' | 'utf-16be'>,
): Result<DecodedXml> {
  if (encoding === 'utf-8') {
    try {
      return ok({
        text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body),
        encoding,
      });
    } catch {
      return invalidUtf8(body);
    }
  }
  const latin1 = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('latin1');
  if (encoding === 'iso-8859-1') return ok({ text: latin1, encoding });
  if (encoding === 'windows-1252')
    return ok({ text: latin1.replace(/[\u0080-\u009f]/g, fromCp1252), encoding });
  // eslint-disable-next-line no-control-regex -- finding control characters is the purpose
  const nonAscii = /[^\u0000-\u007f]/.exec(latin1);
  if (!nonAscii) return ok({ text: latin1, encoding });
  const { line, column } = lineAndColumn(latin1, nonAscii.index);
  return err(
    'xml-encoding',
    `The document declares US-ASCII but has a byte above 127 at line ${line}, column ${column}.`,
    { line, column },
  );
}

/** windows-1252's 0x80–0x9F; the five unassigned bytes keep their C1 code points, as in WHATWG. */
const cp1252High = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152,
  0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122,
  0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

function fromCp1252(char: string): string {
  return String.fromCharCode(cp1252High[char.charCodeAt(0) - 0x80] ?? char.charCodeAt(0));
}

function invalidUtf8(body: Uint8Array): Result<never> {
  const offset = firstInvalidUtf8(body);
  const before = new TextDecoder('utf-8').decode(body.subarray(0, offset));
  const { line, column } = lineAndColumn(before, before.length);
  const byte =
    body[offset] === undefined
      ? 'the end of the file'
      : `byte 0x${(body[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0')}`;
  return err(
    'xml-encoding',
    `The document is not valid UTF-8 at line ${line}, column ${column} (${byte} at byte offset ${offset}); it is damaged or in another encoding without saying so.`,
    { line, column },
  );
}

/** Offset of the first byte that breaks UTF-8 (RFC 3629 §4), or the length when the input ends mid-sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let at = 0;
  while (at < bytes.length) {
    const lead = bytes[at] ?? 0;
    if (lead < 0x80) {
      at += 1;
      continue;
    }
    const [count, low, high] =
      lead >= 0xc2 && lead <= 0xdf
        ? [1, 0x80, 0xbf]
        : lead === 0xe0
          ? [2, 0xa0, 0xbf]
          : lead === 0xed
            ? [2, 0x80, 0x9f]
            : lead >= 0xe1 && lead <= 0xef
              ? [2, 0x80, 0xbf]
              : lead === 0xf0
                ? [3, 0x90, 0xbf]
                : lead >= 0xf1 && lead <= 0xf3
                  ? [3, 0x80, 0xbf]
                  : lead === 0xf4
                    ? [3, 0x80, 0x8f]
                    : [0, 0, 0];
    if (count === 0) return at;
    for (let next = 1; next <= count; next += 1) {
      const byte = bytes[at + next];
      if (byte === undefined) return bytes.length;
      if (byte < (next === 1 ? low : 0x80) || byte > (next === 1 ? high : 0xbf)) return at;
    }
    at += count + 1;
  }
  return bytes.length;
}

/** The error for input larger than the cap, checked before anything is decoded. */
export function tooLarge(size: number, maxBytes: number): XmlError {
  return xmlError(
    'xml-too-large',
    `The document is ${formatSize(size, 'bytes')}, more than the ${formatSize(maxBytes, 'bytes')} Archivist reads; it refuses larger files to protect itself.`,
  );
}
