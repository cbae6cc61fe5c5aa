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

function invalidAt(text: string, index: number, afterPadding: boolean): Result<never> {
  const what = afterPadding ? 'data after "=" padding' : `the character '${text.charAt(index)}'`;
  return err('base64-invalid', `The Base64 content contains ${what} at position ${index + 1}.`);
}

/** Decodes Base64 text (standard or URL-safe alphabet, whitespace ignored) into bytes. */
export function decodeBase64(text: string): Result<Uint8Array> {
  const bytes = new Uint8Array(Math.floor((text.length * 3) / 4) + 3);
  let out = 0;
  let bits = 0;
  let bitCount = 0;
  let count = 0;
  let padding = 0;
  // One pass: validate, skip whitespace and emit a byte whenever 8 bits are collected.
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isWhitespace(code)) continue;
    if (code === 0x3d /* = */) {
      padding++;
      continue;
    }
    const value = code < 128 ? DECODE_TABLE[code]! : -1;
    if (value < 0 || padding > 0) return invalidAt(text, i, value >= 0);
    bits = ((bits << 6) | value) & 0xffffff;
    bitCount += 6;
    count++;
    if (bitCount >= 8) {
      bitCount -= 8;
      bytes[out++] = (bits >> bitCount) & 0xff;
    }
  }
  if (count % 4 === 1 || padding > 2 || (padding > 0 && (count + padding) % 4 !== 0)) {
    return err('base64-invalid', 'The Base64 content has an impossible length (truncated?).');
  }
  return ok(bytes.slice(0, out));
}

/** True when `text` consists only of Base64 characters and whitespace (and is not empty). */
export function looksLikeBase64(text: string): boolean {
  return /^[\sA-Za-z0-9+/=_-]+$/.test(text) && /[A-Za-z0-9]/.test(text);
}
