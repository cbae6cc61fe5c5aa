/**
 * One side of a comparison from its bytes, inside the compare worker: the safe XML parser, the
 * document reader, and for an HL7 V3 RCMR message the CDA it carries (which is what the content
 * diff compares; the message fields still take part in the metadata diff).
 *
 * The node cap is higher than the XML reader's default (1,000,000), which a 20 MB fully
 * structured document exceeds (about 1.25 million nodes). What bounds memory here is the compare
 * worker's heap cap (compare-in-worker.ts, 1,536 MB by default): a document past it ends in
 * `compare-resources`, never in a crash. The byte cap and every other reader cap stay as they are.
 */
import type { CompareSide } from '../../../shared/compare/compare-documents';
import { detectDocumentKind, readDocument } from '../../../shared/documents/read-document';
import { unwrapRcmr } from '../../../shared/documents/rcmr';
import { err, ok, type Result } from '../../../shared/result';
import { looksLikeJson } from '../documents/fhir-json-input';
import { nodePayloadCodec as codec } from '../documents/node-payload-codec';
import { parseXml } from '../xml/parse-xml';
import { sideMessage } from './side-message';

/** Node cap for compared documents: room for two 20 MB structured documents (~1.25M nodes each). */
export const compareMaxNodes = 5_000_000;
const limits = { maxNodes: compareMaxNodes };

/**
 * The reader says only "not XML: it looks like JSON" and leaves a tester with FHIR JSON in hand
 * wondering whether compare reads FHIR at all (issue 7 new-user review): it does, as XML.
 */
const fhirJsonRefusal =
  'The document is JSON, not XML: compare reads FHIR documents as XML only; `archivist show` reads FHIR JSON.';

/** Reads one side; errors name the side ("The left document is …") so the tester knows which file. */
export function readForCompare(bytes: Uint8Array, side: 'left' | 'right'): Result<CompareSide> {
  const fail = (error: { code: string; message: string }): Result<never> =>
    err(error.code, sideMessage(side, error.message));
  const tree = parseXml(bytes, limits);
  if (!tree.ok && tree.error.code === 'xml-not-xml' && looksLikeJson(bytes))
    return fail({ code: tree.error.code, message: fhirJsonRefusal });
  if (!tree.ok) return fail(tree.error);
  const metadata = readDocument(tree.value, {
    codec,
    parseEmbeddedXml: (inner) => parseXml(inner, limits),
  });
  if (!metadata.ok) return fail(metadata.error);
  if (detectDocumentKind(tree.value) !== 'rcmr')
    return ok({ metadata: metadata.value, tree: tree.value });
  const unwrapped = unwrapRcmr(tree.value);
  if (!unwrapped.ok) return fail(unwrapped.error);
  const inner = parseXml(unwrapped.value.cdaBytes, limits);
  return inner.ok ? ok({ metadata: metadata.value, tree: inner.value }) : fail(inner.error);
}
