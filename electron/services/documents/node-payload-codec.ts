/**
 * Node's native Base64 and SHA-256 for the document readers (shared/documents PayloadCodec).
 * The pure-TypeScript versions in shared/crypto take ~350 ms for a 15 MB attachment, which kept
 * loadDocument at 1.7–2.6× raw xml2js (issue 3 asks ≤ 1.2×); these take ~50 ms.
 */
import { createHash } from 'node:crypto';
import { decodeBase64 as pureDecodeBase64 } from '../../../shared/crypto/base64';
import type { PayloadCodec } from '../../../shared/documents/payload';
import { ok, type Result } from '../../../shared/result';

/**
 * Decodes Base64 with the WHATWG "forgiving-base64" decoder behind `atob`: it skips exactly the
 * whitespace the pure decoder skips and refuses every other character, bad padding and impossible
 * lengths, where `Buffer.from(text, 'base64')` would silently drop what it does not understand.
 * What it refuses (including the URL-safe alphabet, which the pure decoder accepts) goes to the
 * pure decoder, so results and error messages stay identical.
 */
function decodeBase64(text: string): Result<Uint8Array> {
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    return pureDecodeBase64(text);
  }
  const bytes = Buffer.from(binary, 'latin1');
  return ok(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}

function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The codec loadDocument and the compare worker pass to the shared readers. */
export const nodePayloadCodec: PayloadCodec = { decodeBase64, sha256Hex };
