/**
 * Character classes of XML 1.0 (Fifth Edition), §2.2 and §2.3:
 * https://www.w3.org/TR/xml/#charsets and https://www.w3.org/TR/xml/#NT-Name.
 * ASCII takes a table lookup; other characters are checked by one regex per name.
 */

const nameStart = 1;
const nameOther = 2;

/** For each ASCII code: 1 = may start a name, 2 = may continue one, 0 = neither. */
const asciiName = new Uint8Array(128);
for (let code = 0; code < 128; code += 1) {
  const char = String.fromCharCode(code);
  if (/[A-Za-z_:]/.test(char)) asciiName[code] = nameStart;
  else if (/[0-9.-]/.test(char)) asciiName[code] = nameOther;
}

const startChars =
  ':A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF' +
  '\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD' +
  '\\u{10000}-\\u{EFFFF}';
const otherChars = '\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040';
// eslint-disable-next-line no-misleading-character-class -- the XML Name ranges include combining marks (U+0300–U+036F) on purpose
const namePattern = new RegExp(`^[${startChars}][${startChars}${otherChars}]*$`, 'u');

/** Characters XML forbids anywhere (C0 controls but tab/LF/CR, U+FFFE, U+FFFF). */
// eslint-disable-next-line no-control-regex -- finding control characters is the purpose
const forbiddenChar = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
/** A surrogate without its partner: only possible in strings handed to us, never from a decoder. */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True for the four XML whitespace characters. */
export function isWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d;
}

/**
 * End of the name-like run that starts at `start`: ASCII name characters and any non-ASCII
 * character (checked later by isXmlName). Stops early once the run exceeds `maxLength`.
 */
export function nameEnd(text: string, start: number, maxLength: number): number {
  const stop = Math.min(text.length, start + maxLength + 1);
  let at = start;
  while (at < stop) {
    const code = text.charCodeAt(at);
    if (code < 128 && asciiName[code] === 0) break;
    at += 1;
  }
  return at;
}

/** True when `name` matches the XML Name production. */
export function isXmlName(name: string): boolean {
  const first = name.charCodeAt(0);
  if (!(first < 128 ? asciiName[first] === nameStart : true)) return false;
  for (let at = 0; at < name.length; at += 1) {
    if (name.charCodeAt(at) >= 128) return namePattern.test(name);
  }
  return true;
}

/** True when a code point is an XML Char (what a character reference may produce). */
export function isXmlChar(codePoint: number): boolean {
  return (
    codePoint === 0x09 ||
    codePoint === 0x0a ||
    codePoint === 0x0d ||
    (codePoint >= 0x20 && codePoint <= 0xd7ff) ||
    (codePoint >= 0xe000 && codePoint <= 0xfffd) ||
    (codePoint >= 0x10000 && codePoint <= 0x10ffff)
  );
}

/** Position of the first character XML forbids, or -1. Strings from callers also get a surrogate check. */
export function firstForbiddenChar(text: string, checkSurrogates: boolean): number {
  const found = forbiddenChar.exec(text);
  const surrogate = checkSurrogates ? loneSurrogate.exec(text) : null;
  if (found && surrogate) return Math.min(found.index, surrogate.index);
  return found?.index ?? surrogate?.index ?? -1;
}

/** Describes a forbidden character for a message without echoing it: "U+0000". */
export function describeChar(text: string, position: number): string {
  const code = text.codePointAt(position) ?? 0;
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}
