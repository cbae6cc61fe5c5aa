/**
 * Base64 decoding (RFC 4648) without `Buffer` or `atob` (shared/ runs without Node and DOM
 * globals). Document payloads are untrusted: whitespace and line breaks are tolerated because
 * real files wrap Base64 at 64 or 76 columns, but any other character is refused rather than
 * skipped, so a corrupt payload is reported instead of silently decoding to different bytes.
 */
import { err, ok, type Result } from '../result';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const URL_SAFE_EXTRA: Readonly<Record<string, number>> = { '-': 62, _: 63 };

const DECODE_TABLE = (() => {
  const table = new Int16Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) table[ALPHABET.charCodeAt(i)] = i;
  for (const [char, value] of Object.entries(URL_SAFE_EXTRA)) table[char.charCodeAt(0)] = value;
  return table;
})();

function isWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0x0c;
}

/** Collects the 6-bit values of `text`, skipping whitespace; reports the first bad character. */
function sextets(text: string): Result<{ values: Uint8Array; count: number; padding: number }> {
  const values = new Uint8Array(text.length);
  let count = 0;
  let padding = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isWhitespace(code)) continue;
    if (code === 0x3d /* = */) {
      padding++;
      continue;
    }
    const value = code < 128 ? DECODE_TABLE[code]! : -1;
    if (value < 0 || padding > 0) {
      const what = value < 0 ? `the character '${text.charAt(i)}'` : 'data after "=" padding';
      return err('base64-invalid', `The Base64 content contains ${what} at position ${i + 1}.`);
    }
    values[count++] = value;
  }
  return ok({ values, count, padding });
}

/** Decodes Base64 text (standard or URL-safe alphabet, whitespace ignored) into bytes. */
export function decodeBase64(text: string): Result<Uint8Array> {
  const collected = sextets(text);
  if (!collected.ok) return collected;
  const { values, count, padding } = collected.value;
  if (count % 4 === 1 || padding > 2 || (padding > 0 && (count + padding) % 4 !== 0)) {
    return err('base64-invalid', 'The Base64 content has an impossible length (truncated?).');
  }
  const bytes = new Uint8Array(Math.floor((count * 3) / 4));
  let out = 0;
  for (let i = 0; i + 1 < count; i += 4) {
    const chunk =
      (values[i]! << 18) |
      (values[i + 1]! << 12) |
      ((values[i + 2] ?? 0) << 6) |
      (values[i + 3] ?? 0);
    bytes[out++] = (chunk >> 16) & 0xff;
    if (i + 2 < count) bytes[out++] = (chunk >> 8) & 0xff;
    if (i + 3 < count) bytes[out++] = chunk & 0xff;
  }
  return ok(bytes);
}

/** True when `text` consists only of Base64 characters and whitespace (and is not empty). */
export function looksLikeBase64(text: string): boolean {
  return /^[\sA-Za-z0-9+/=_-]+$/.test(text) && /[A-Za-z0-9]/.test(text);
}
