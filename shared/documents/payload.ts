/**
 * Decoding of embedded payloads (CDA `ED`: nonXMLBody text, observationMedia, social welfare
 * `hl7fi:json`; FHIR `attachment.data`): size and SHA-256 of the bytes, and the text of textual
 * media types for display. Display text is capped so that a 20 MB attachment does not travel
 * through IPC inside the metadata; the hash always covers all bytes.
 */
import { decodeBase64 } from '../crypto/base64';
import { sha256Hex } from '../crypto/sha256';
import { decodeUtf8, encodeUtf8 } from '../crypto/utf8';
import type { Result } from '../result';
import type { DecodedPayload, ReadWarning } from './model';
import { compact } from './xml-access';

/** Longest display text kept in the model, in characters. */
export const MAX_DISPLAY_TEXT = 1_000_000;

/**
 * The byte work of decoding a payload. shared/ has only pure-TypeScript versions, which take
 * ~350 ms for a 15 MB attachment; Node passes its native ones (about 20× faster), which must
 * accept and refuse exactly what the pure ones do (issue 3: parse + map within 1.2× xml2js).
 */
export interface PayloadCodec {
  /** Base64 (standard or URL-safe, whitespace ignored) to bytes; a refusal says where. */
  readonly decodeBase64: (text: string) => Result<Uint8Array>;
  /** SHA-256 of the bytes as lowercase hex. */
  readonly sha256Hex: (bytes: Uint8Array) => string;
}

/** The pure-TypeScript codec, used when the caller passes none. */
export const pureCodec: PayloadCodec = { decodeBase64, sha256Hex };

/** A decoded payload and what went wrong while decoding it. */
export interface PayloadResult {
  readonly payload: DecodedPayload;
  readonly warnings: readonly ReadWarning[];
  /** The whole decoded text (not capped like `payload.text`), for the identity-code scan. */
  readonly fullText?: string;
}

/** True for media types that are text a tester can read (text/*, XML, XHTML, JSON). */
export function isTextual(mediaType: string | undefined): boolean {
  if (mediaType === undefined) return false;
  const base = mediaType.split(';')[0]!.trim().toLowerCase();
  return (
    base.startsWith('text/') ||
    /^application\/(.+\+)?(xml|json)$/.test(base) ||
    base === 'application/xhtml+xml'
  );
}

function isJson(mediaType: string | undefined): boolean {
  return /^application\/(.+\+)?json\b/i.test(mediaType ?? '');
}

function jsonDisplay(text: string): { text: string; isValidJson: boolean } {
  try {
    return { text: JSON.stringify(JSON.parse(text), null, 2), isValidJson: true };
  } catch {
    // Not JSON, or nested too deeply to re-serialise: show it as it came.
    return { text, isValidJson: false };
  }
}

function displayText(
  bytes: Uint8Array,
  mediaType: string | undefined,
  where: string,
): PayloadResult {
  const decoded = decodeUtf8(bytes);
  const warnings: ReadWarning[] = [];
  if (decoded.replacements > 0) {
    warnings.push({
      code: 'payload-not-utf8',
      message: `${where}: ${decoded.replacements} byte sequence(s) are not valid UTF-8 and are shown as �.`,
    });
  }
  const shown = isJson(mediaType) ? jsonDisplay(decoded.text) : { text: decoded.text };
  const isTextTruncated = shown.text.length > MAX_DISPLAY_TEXT;
  return {
    payload: compact({
      text: isTextTruncated ? shown.text.slice(0, MAX_DISPLAY_TEXT) : shown.text,
      isTextTruncated: isTextTruncated || undefined,
      isValidJson: 'isValidJson' in shown ? shown.isValidJson : undefined,
    }),
    warnings,
    fullText: decoded.text,
  };
}

/**
 * Decodes `content` (Base64 when `isBase64`, else the text itself, hashed as UTF-8) into size,
 * SHA-256 and, for textual media types, display text. `where` names the element in warnings.
 */
export function decodePayload(
  content: string,
  mediaType: string | undefined,
  isBase64: boolean,
  where: string,
  codec: PayloadCodec = pureCodec,
): PayloadResult {
  let bytes: Uint8Array;
  if (isBase64) {
    const decoded = codec.decodeBase64(content);
    if (!decoded.ok) {
      const warning = {
        code: 'payload-base64-invalid',
        message: `${where}: ${decoded.error.message}`,
      };
      return { payload: compact({ mediaType }), warnings: [warning] };
    }
    bytes = decoded.value;
  } else {
    bytes = encodeUtf8(content);
  }
  const shown = isTextual(mediaType) ? displayText(bytes, mediaType, where) : undefined;
  return {
    payload: compact({
      mediaType,
      bytes: bytes.length,
      sha256: codec.sha256Hex(bytes),
      ...shown?.payload,
    }),
    warnings: shown?.warnings ?? [],
    ...(shown?.fullText === undefined ? {} : { fullText: shown.fullText }),
  };
}
