/**
 * The fast path to a document's header: read only what comes before the CDA body
 * (`structuredBody` or `nonXMLBody` in urn:hl7-org:v3), so header metadata is ready in a few
 * milliseconds even when the body is a 20 MB attachment. The bytes before the first body-like
 * name are cut off, decoded and read with the same strict reader, which stops at the body's start
 * tag and closes what is open. A mention of the name in a comment or attribute just makes the
 * reader need more input, and the next cut is tried. The work is bounded by `maxHeaderBytes`, so
 * this is safe to call on the main thread.
 */
import type { XmlElement } from '../../../shared/xml/tree';
import { Namespaces } from '../../../shared/xml/tree';
import { Buffer } from 'node:buffer';
import { err, ok, type Result } from '../../../shared/result';
import { tooLarge } from './decode-xml-bytes';
import { formatSize } from './xml-errors';
import { resolveXmlLimits, type XmlLimits } from './xml-limits';
import { inputSize, readPrepared } from './parse-xml';
import type { XmlInput } from './prepare-text';

/** A document's element tree up to its body; the body element, if reached, has no children. */
export interface XmlHeader {
  readonly root: XmlElement;
  /** True when reading stopped at the body: the tree lacks the body's content and what follows it. */
  readonly isPartial: boolean;
}

const bodyNames = ['structuredBody', 'nonXMLBody'];
/** After this many cuts that each ended inside markup, read the whole (bounded) document. */
const maxCuts = 4;

function isBody(element: XmlElement): boolean {
  return element.namespace === Namespaces.hl7v3 && bodyNames.includes(element.name);
}

/** Reads a document's header (everything before its CDA body); refuses like parseXml does. */
export function parseHeader(input: XmlInput, limits: Partial<XmlLimits> = {}): Result<XmlHeader> {
  const caps = resolveXmlLimits(limits);
  const size = inputSize(input);
  if (size > caps.maxBytes) {
    const { code, message } = tooLarge(size, caps.maxBytes);
    return err(code, message);
  }
  let from = 0;
  for (let cut = 0; cut < maxCuts; cut += 1) {
    const end = nextCut(input, from, caps.maxHeaderBytes);
    if (end === undefined || end > caps.maxHeaderBytes) break;
    const read = readPrepared(slice(input, end), caps, isBody);
    if (read.ok)
      return ok({
        root: read.value.root,
        isPartial: read.value.isStopped || end < lengthOf(input),
      });
    if (!read.isEndOfInput) return { ok: false, error: read.error };
    from = end;
  }
  if (lengthOf(input) > caps.maxHeaderBytes) {
    const limit = formatSize(caps.maxHeaderBytes, 'bytes');
    return err(
      'xml-header-too-large',
      `The document has no body within its first ${limit}, so its header cannot be read on its own; read the whole document instead.`,
    );
  }
  const read = readPrepared(input, caps, isBody);
  return read.ok
    ? ok({ root: read.value.root, isPartial: read.value.isStopped })
    : { ok: false, error: read.error };
}

function lengthOf(input: XmlInput): number {
  return typeof input === 'string' ? input.length : input.byteLength;
}

function slice(input: XmlInput, end: number): XmlInput {
  return typeof input === 'string' ? input.slice(0, end) : input.subarray(0, end);
}

/**
 * End of the next candidate prefix after `from`: just past the '>' that follows the next
 * body-like name. UTF-16 input has no ASCII names in its bytes, so it yields no cut and is read
 * whole (within the header cap). Cutting after an ASCII '>' never splits a UTF-8 sequence.
 */
function nextCut(input: XmlInput, from: number, maxHeaderBytes: number): number | undefined {
  // Only the first maxHeaderBytes are searched (a body further in is refused anyway), and each
  // name only up to the best match so far: a structured document is not scanned for nonXMLBody.
  let limit = Math.min(lengthOf(input), maxHeaderBytes + 1);
  let best: number | undefined;
  for (const name of bodyNames) {
    const at =
      typeof input === 'string'
        ? input.indexOf(name, from)
        : Buffer.from(input.buffer, input.byteOffset, limit).indexOf(name, from);
    if (at !== -1 && at < limit) {
      best = at;
      limit = at;
    }
  }
  if (best === undefined) return undefined;
  const close =
    typeof input === 'string'
      ? input.indexOf('>', best)
      : Buffer.from(input.buffer, input.byteOffset, input.byteLength).indexOf(0x3e, best);
  return close === -1 ? lengthOf(input) : close + 1;
}
