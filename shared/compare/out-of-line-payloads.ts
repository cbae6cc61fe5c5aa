/**
 * What the canonical form takes out of line (issue 7, "Content diff"): XML signatures, which
 * differ by design, and long Base64 payloads, which cannot be read line by line. Each becomes one
 * placeholder line, `[signature …]` or `[base64: N bytes, sha256 …]`, so it compares by hash and
 * size and never reaches a word diff (a 30 KB Base64 line took 53 s, TOOLCHAIN.md).
 */
import { looksLikeBase64 } from '../crypto/base64';
import { encodeUtf8 } from '../crypto/utf8';
import { Namespaces, type XmlElement } from '../xml/tree';
import type { Builder } from './canonical-builder';
import { escapeAttribute } from './canonical-tag';

/** A payload taken out of line, compared by size and hash. */
export interface OutOfLinePayload {
  readonly kind: 'base64' | 'signature';
  /** Canonical path of the element that held it. */
  readonly path: string;
  /** Index of its placeholder line in `lines`. */
  readonly line: number;
  /** Decoded bytes (Base64), or UTF-8 bytes of the canonical signature text. */
  readonly bytes: number;
  readonly sha256: string;
  /** False when the text looked like Base64 but did not decode; then size and hash are of the text. */
  readonly isValidBase64?: boolean;
}

/** Texts at least this long that look like Base64 are taken out of line. */
const minOutOfLineBase64 = 256;

function hasAttribute(element: XmlElement, name: string, value: string): boolean {
  // A loop, not `some` with a closure: this runs for every element that holds only text.
  const attributes = element.attributes;
  for (let i = 0; i < attributes.length; i++)
    if (attributes[i]!.name === name && attributes[i]!.value === value) return true;
  return false;
}

/** True for text to take out of line: declared Base64, or long wrapped Base64-looking text. */
export function isOutOfLineBase64(element: XmlElement, text: string): boolean {
  if (hasAttribute(element, 'representation', 'B64')) return text.trim() !== '';
  if (text.length < minOutOfLineBase64 || !looksLikeBase64(text)) return false;
  const tokens = text.trim().split(/[ \t\r\n]+/);
  return tokens.slice(0, -1).every((token) => token.length >= 40);
}

/** The placeholder line (without indentation) of a Base64 payload at `line`; notes the payload. */
export function base64Line(builder: Builder, text: string, path: string, line: number): string {
  const decoded = builder.codec.decodeBase64(text);
  if (decoded.ok) {
    const sha256 = builder.codec.sha256Hex(decoded.value);
    builder.payloads.push({ kind: 'base64', path, line, bytes: decoded.value.length, sha256 });
    return `[base64: ${decoded.value.length} bytes, sha256 ${sha256}]`;
  }
  const bytes = encodeUtf8(text);
  const sha256 = builder.codec.sha256Hex(bytes);
  builder.payloads.push({
    kind: 'base64',
    path,
    line,
    bytes: bytes.length,
    sha256,
    isValidBase64: false,
  });
  return `[base64 (does not decode): ${bytes.length} bytes of text, sha256 ${sha256}]`;
}

/** True for an XML signature, which is taken out of line whole. */
export function isSignature(element: XmlElement): boolean {
  return element.namespace === Namespaces.xmldsig && element.name === 'Signature';
}

/**
 * The placeholder line (without indentation) of a signature at `line`, from its canonical lines
 * (`parts`, as the writer captured them): their size and hash. Notes the payload.
 */
export function signatureLine(
  builder: Builder,
  signature: XmlElement,
  tagName: string,
  parts: readonly string[],
  path: string,
  line: number,
): string {
  const bytes = encodeUtf8(parts.join('\n'));
  const sha256 = builder.codec.sha256Hex(bytes);
  const idAttribute = signature.attributes.find((attribute) => attribute.name === 'Id')?.value;
  builder.payloads.push({ kind: 'signature', path, line, bytes: bytes.length, sha256 });
  const label = idAttribute === undefined ? '' : ` Id="${escapeAttribute(idAttribute)}"`;
  return `[signature ${tagName}${label}: ${parts.length} lines, sha256 ${sha256}]`;
}
