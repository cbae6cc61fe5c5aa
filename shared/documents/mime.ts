/**
 * Extracts the CDA part of the MIME `multipart/related` text that HL7 V3 archive messages carry
 * in `clinicalDocument/text` (DOMAIN.md §2). Real messages have imperfect MIME headers, so this
 * is tolerant where RFC 2045/2046 is strict: missing boundary parameter, mixed CRLF/LF, extra
 * whitespace, header names in any case, a missing Content-Transfer-Encoding, no MIME headers at
 * all. What it tolerated is reported in `notes`. The bytes it returns are parsed strictly later.
 */
import { decodeBase64, looksLikeBase64 } from '../crypto/base64';
import { encodeUtf8 } from '../crypto/utf8';
import { err, ok, type Result } from '../result';

/** The extracted part and how it was found. */
export interface MimeExtraction {
  readonly bytes: Uint8Array;
  readonly boundary?: string;
  readonly partContentType?: string;
  readonly transferEncoding?: string;
  readonly notes: readonly string[];
}

interface Part {
  readonly headers: ReadonlyMap<string, string>;
  readonly body: string;
}

const HEADER_LINE = /^([A-Za-z][A-Za-z0-9-]*)\s*:\s*(.*)$/;

/** Splits header lines (unfolding continuations) from the body at the first empty line. */
function splitHeaders(lines: readonly string[]): Part {
  const headers = new Map<string, string>();
  let index = 0;
  let last: string | undefined;
  for (; index < lines.length; index++) {
    const line = lines[index]!;
    if (line.trim() === '') {
      index++;
      break;
    }
    const match = HEADER_LINE.exec(line);
    if (match) {
      last = match[1]!.toLowerCase();
      headers.set(last, match[2]!.trim());
    } else if (/^\s/.test(line) && last !== undefined) {
      headers.set(last, `${headers.get(last) ?? ''} ${line.trim()}`);
    } else {
      break; // not a header: there are none, the body starts here
    }
  }
  return { headers, body: lines.slice(headers.size === 0 ? 0 : index).join('\n') };
}

/** The value of a `;`-separated parameter such as `boundary`, unquoted. */
export function headerParameter(value: string, name: string): string | undefined {
  for (const piece of value.split(';').slice(1)) {
    const match = /^\s*([^=\s]+)\s*=\s*(.*?)\s*$/.exec(piece);
    if (match && match[1]!.toLowerCase() === name) return match[2]!.replace(/^"(.*)"$/, '$1');
  }
  return undefined;
}

/** Splits `lines` at delimiter lines `--boundary`; the preamble and epilogue are dropped. */
function splitParts(lines: readonly string[], boundary: string): Part[] {
  const parts: Part[] = [];
  let current: string[] | undefined;
  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed === `--${boundary}` || trimmed === `--${boundary}--`) {
      if (current) parts.push(splitHeaders(current));
      current = trimmed === `--${boundary}` ? [] : undefined;
      continue;
    }
    current?.push(line);
  }
  if (current && current.some((line) => line.trim() !== '')) parts.push(splitHeaders(current));
  return parts;
}

function choosePart(parts: readonly Part[], notes: string[]): Part | undefined {
  const xml = parts.find((part) => /xml/i.test(part.headers.get('content-type') ?? ''));
  if (xml) return xml;
  if (parts.length > 1) notes.push('No part is declared as XML; the first part was used.');
  return parts[0];
}

/** Decodes a part body by its transfer encoding, or by its look when none is given. */
function decodeBody(
  body: string,
  encoding: string | undefined,
  notes: string[],
): Result<Uint8Array> {
  const trimmed = body.trim();
  if (encoding === undefined) {
    if (looksLikeBase64(trimmed)) {
      notes.push('The part has no Content-Transfer-Encoding; its content looked like Base64.');
      return decodeBase64(trimmed);
    }
    if (trimmed.startsWith('<')) {
      notes.push('The part has no Content-Transfer-Encoding; its content was taken as XML text.');
      return ok(encodeUtf8(trimmed));
    }
    return err('rcmr-mime-undecodable', 'The MIME part is neither Base64 nor XML.');
  }
  if (encoding.toLowerCase() === 'base64') return decodeBase64(trimmed);
  if (/^(7bit|8bit|binary)$/i.test(encoding) && trimmed.startsWith('<'))
    return ok(encodeUtf8(trimmed));
  return err(
    'rcmr-mime-undecodable',
    `The MIME part has an unsupported Content-Transfer-Encoding "${encoding}".`,
  );
}

function findBoundary(top: Part, lines: readonly string[], notes: string[]): string | undefined {
  const declared = headerParameter(top.headers.get('content-type') ?? '', 'boundary');
  if (declared) return declared;
  const delimiter = lines.find((line) => /^--\S/.test(line.trim()));
  if (!delimiter) return undefined;
  notes.push('The Content-Type has no boundary parameter; the first delimiter line was used.');
  return delimiter.trim().slice(2).replace(/--$/, '');
}

/** Extracts and decodes the CDA part of a MIME text (or bare Base64, or bare XML). */
export function extractMimePart(text: string): Result<MimeExtraction> {
  const normalised = text.replace(/\r\n?/g, '\n');
  const trimmed = normalised.trim();
  const notes: string[] = [];
  if (trimmed === '')
    return err(
      'rcmr-no-content',
      'The message carries no document: clinicalDocument/text is empty.',
    );
  if (trimmed.startsWith('<')) {
    notes.push('The text holds the XML directly, without MIME.');
    return ok({ bytes: encodeUtf8(trimmed), notes });
  }
  if (looksLikeBase64(trimmed) && !trimmed.includes(':')) {
    notes.push('The text has no MIME headers; it was decoded as Base64.');
    const bytes = decodeBase64(trimmed);
    return bytes.ok ? ok({ bytes: bytes.value, notes }) : bytes;
  }
  const lines = trimmed.split('\n');
  const top = splitHeaders(lines);
  const boundary = findBoundary(top, lines, notes);
  const parts = boundary === undefined ? [] : splitParts(top.body.split('\n'), boundary);
  const part = choosePart(parts, notes);
  if (!part)
    return err(
      'rcmr-mime-no-part',
      'The MIME text in clinicalDocument/text has no part that could hold the document.',
    );
  const transferEncoding = part.headers.get('content-transfer-encoding');
  const bytes = decodeBody(part.body, transferEncoding, notes);
  if (!bytes.ok) return bytes;
  if (bytes.value.length === 0)
    return err('rcmr-no-content', 'The MIME part that should hold the document is empty.');
  const partContentType = part.headers.get('content-type');
  return ok({
    bytes: bytes.value,
    ...(boundary === undefined ? {} : { boundary }),
    ...(partContentType === undefined ? {} : { partContentType }),
    ...(transferEncoding === undefined ? {} : { transferEncoding }),
    notes,
  });
}
