/**
 * UTF-8 decoding and encoding without TextDecoder/TextEncoder: they are not part of the ES2023
 * library that shared/ compiles against (shared/tsconfig.json has no DOM or Node types), and the
 * decoder here must never throw on untrusted bytes. Malformed sequences become U+FFFD and are
 * counted, so a caller can tell a tester that a payload was not valid UTF-8.
 */

/** Decoded text plus the number of malformed sequences that were replaced with U+FFFD. */
export interface Utf8Decoded {
  readonly text: string;
  readonly replacements: number;
}

const REPLACEMENT = 0xfffd;

/** Length and minimum code point of a sequence by its lead byte; 0 for an invalid lead byte. */
function sequenceInfo(lead: number): { length: number; min: number; initial: number } {
  if (lead >= 0xc2 && lead <= 0xdf) return { length: 2, min: 0x80, initial: lead & 0x1f };
  if (lead >= 0xe0 && lead <= 0xef) return { length: 3, min: 0x800, initial: lead & 0x0f };
  if (lead >= 0xf0 && lead <= 0xf4) return { length: 4, min: 0x10000, initial: lead & 0x07 };
  return { length: 0, min: 0, initial: 0 };
}

/** Decodes one multi-byte sequence at `index`; returns the code point (or -1) and bytes used. */
function decodeSequence(bytes: Uint8Array, index: number): { codePoint: number; used: number } {
  const info = sequenceInfo(bytes[index]!);
  if (info.length === 0) return { codePoint: -1, used: 1 };
  let codePoint = info.initial;
  for (let k = 1; k < info.length; k++) {
    const next = bytes[index + k];
    if (next === undefined || (next & 0xc0) !== 0x80) return { codePoint: -1, used: k };
    codePoint = (codePoint << 6) | (next & 0x3f);
  }
  const isSurrogate = codePoint >= 0xd800 && codePoint <= 0xdfff;
  if (codePoint < info.min || codePoint > 0x10ffff || isSurrogate) {
    return { codePoint: -1, used: info.length };
  }
  return { codePoint, used: info.length };
}

/** Turns UTF-16 code units into a string in chunks (a huge argument list overflows the stack). */
function unitsToString(units: Uint16Array, length: number): string {
  const parts: string[] = [];
  for (let offset = 0; offset < length; offset += 8192) {
    // apply() takes the typed array as it is; spreading it would copy it into an Array first.
    parts.push(
      String.fromCharCode.apply(
        null,
        units.subarray(offset, Math.min(offset + 8192, length)) as unknown as number[],
      ),
    );
  }
  return parts.join('');
}

/** Decodes UTF-8 bytes (a leading byte order mark is dropped); never throws. */
export function decodeUtf8(bytes: Uint8Array): Utf8Decoded {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  // UTF-16 never needs more code units than UTF-8 needs bytes.
  const units = new Uint16Array(bytes.length);
  let length = 0;
  let replacements = 0;
  for (let i = start; i < bytes.length;) {
    const byte = bytes[i]!;
    if (byte < 0x80) {
      units[length++] = byte;
      i++;
      continue;
    }
    const { codePoint, used } = decodeSequence(bytes, i);
    i += used;
    if (codePoint < 0) {
      replacements++;
      units[length++] = REPLACEMENT;
    } else if (codePoint >= 0x10000) {
      units[length++] = 0xd800 + ((codePoint - 0x10000) >> 10);
      units[length++] = 0xdc00 + ((codePoint - 0x10000) & 0x3ff);
    } else {
      units[length++] = codePoint;
    }
  }
  return { text: unitsToString(units, length), replacements };
}

/** Encodes a string as UTF-8; lone surrogates become U+FFFD. */
export function encodeUtf8(text: string): Uint8Array {
  const out: number[] = [];
  for (const char of text) {
    let codePoint = char.codePointAt(0)!;
    if (codePoint >= 0xd800 && codePoint <= 0xdfff) codePoint = REPLACEMENT;
    if (codePoint < 0x80) out.push(codePoint);
    else if (codePoint < 0x800) out.push(0xc0 | (codePoint >> 6), 0x80 | (codePoint & 0x3f));
    else if (codePoint < 0x10000) {
      out.push(
        0xe0 | (codePoint >> 12),
        0x80 | ((codePoint >> 6) & 0x3f),
        0x80 | (codePoint & 0x3f),
      );
    } else {
      out.push(
        0xf0 | (codePoint >> 18),
        0x80 | ((codePoint >> 12) & 0x3f),
        0x80 | ((codePoint >> 6) & 0x3f),
        0x80 | (codePoint & 0x3f),
      );
    }
  }
  return Uint8Array.from(out);
}
