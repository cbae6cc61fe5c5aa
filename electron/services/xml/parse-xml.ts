/**
 * The synchronous core of the safe XML layer: bytes or text in, the neutral tree or a typed
 * refusal out. It never throws and never reads anything but its input (no DTD, no entities,
 * no includes). It runs inside the XML worker; unit tests and tools may call it directly.
 */
import type { XmlElement } from '../../../shared/xml/tree';
import { Buffer } from 'node:buffer';
import { err, ok, type AppError, type Result } from '../../../shared/result';
import { tooLarge } from './decode-xml-bytes';
import { errorAt } from './xml-errors';
import { resolveXmlLimits, type XmlLimits } from './xml-limits';
import { prepareText, type XmlInput } from './prepare-text';
import { readXmlTree, type StopPredicate } from './xml-reader';

/** Size of an input in bytes (text counts as its UTF-8 encoding). */
export function inputSize(input: XmlInput): number {
  return typeof input === 'string' ? Buffer.byteLength(input, 'utf8') : input.byteLength;
}

/**
 * Parses one XML document strictly and returns its document element. Namespace declarations
 * stay visible as attributes in the `http://www.w3.org/2000/xmlns/` namespace (as in the DOM);
 * comments inside the document element are kept; processing instructions and everything outside
 * the document element are dropped; adjacent text and CDATA are merged into one text node.
 */
export function parseXml(input: XmlInput, limits: Partial<XmlLimits> = {}): Result<XmlElement> {
  const caps = resolveXmlLimits(limits);
  const size = inputSize(input);
  if (size > caps.maxBytes) {
    const { code, message } = tooLarge(size, caps.maxBytes);
    return err(code, message);
  }
  const outcome = readPrepared(input, caps);
  return outcome.ok ? ok(outcome.value.root) : { ok: false, error: outcome.error };
}

/** A read of prepared input; `isEndOfInput` says more input might have completed it. */
export type PreparedRead =
  | {
      readonly ok: true;
      readonly value: { readonly root: XmlElement; readonly isStopped: boolean };
    }
  | { readonly ok: false; readonly error: AppError; readonly isEndOfInput: boolean };

/** Prepares and reads already size-checked input; the header reader uses it on prefixes. */
export function readPrepared(
  input: XmlInput,
  caps: XmlLimits,
  stopAt?: StopPredicate,
): PreparedRead {
  const text = prepareText(input);
  if (!text.ok) return { ok: false, error: text.error, isEndOfInput: false };
  const outcome = readXmlTree(text.value, caps, stopAt);
  if (outcome.ok) return { ok: true, value: { root: outcome.root, isStopped: outcome.isStopped } };
  return {
    ok: false,
    error: errorAt(text.value, outcome.failure),
    isEndOfInput: outcome.failure.isEndOfInput,
  };
}
