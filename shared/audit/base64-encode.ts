/** Base64 encoding for the query entity (shared/crypto only decodes). */
import { encodeUtf8 } from '../crypto/utf8';

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard Base64 with padding of the UTF-8 bytes of `text`. */
export function encodeBase64Text(text: string): string {
  const bytes = encodeUtf8(text);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1] ?? 0;
    const c = bytes[i + 2] ?? 0;
    const n = (a << 16) | (b << 8) | c;
    out += alphabet[(n >> 18) & 63] ?? '';
    out += alphabet[(n >> 12) & 63] ?? '';
    out += i + 1 < bytes.length ? (alphabet[(n >> 6) & 63] ?? '') : '=';
    out += i + 2 < bytes.length ? (alphabet[n & 63] ?? '') : '=';
  }
  return out;
}
