/**
 * FHIR JSON input for loadDocument: a file whose first non-space byte is `{` is a FHIR resource
 * in JSON, not XML. It is decoded as strict UTF-8 (FHIR JSON is UTF-8) under the same byte cap as
 * XML and parsed with JSON.parse, which builds `__proto__` keys as own data properties and never
 * touches prototypes. Errors never quote the input: a syntax error message may contain patient data.
 */
import { err, ok, type Result } from '../../../shared/result';

const openingBrace = 0x7b;

function isJsonSpace(byte: number | undefined): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;
}

/** Offset after a UTF-8 byte order mark, if there is one. */
function afterBom(bytes: Uint8Array): number {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
}

/** True when the input looks like JSON: the first byte after a BOM and spaces is `{`. */
export function looksLikeJson(bytes: Uint8Array): boolean {
  let at = afterBom(bytes);
  while (at < bytes.length && isJsonSpace(bytes[at])) at += 1;
  return bytes[at] === openingBrace;
}

/** The input decoded as strict UTF-8, without its byte order mark. */
export function decodeJsonText(bytes: Uint8Array): Result<string> {
  try {
    return ok(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(afterBom(bytes))));
  } catch {
    return err(
      'document-not-utf8',
      'The file looks like FHIR JSON but is not valid UTF-8, which FHIR JSON must be; the file is damaged or in another encoding.',
    );
  }
}

/** Parses FHIR JSON text; refuses syntax errors and anything but an object. */
export function parseJsonText(text: string): Result<unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // A RangeError here means the nesting exhausted the stack: the same refusal, said honestly.
    const why =
      error instanceof RangeError ? 'it is nested too deeply to read' : 'it is not valid JSON';
    return err(
      'document-json-invalid',
      `The file starts like FHIR JSON but ${why}; the file is damaged or not a FHIR resource.`,
    );
  }
  return ok(value);
}
