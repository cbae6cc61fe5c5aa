/**
 * One side of a comparison from its bytes, inside the compare worker: the safe XML parser, the
 * document reader, and for an HL7 V3 RCMR message the CDA it carries (which is what the content
 * diff compares; the message fields still take part in the metadata diff).
 */
import type { CompareSide } from '../../../shared/compare/compare-documents';
import { detectDocumentKind, readDocument } from '../../../shared/documents/read-document';
import { unwrapRcmr } from '../../../shared/documents/rcmr';
import { err, ok, type Result } from '../../../shared/result';
import { parseXml } from '../xml/parse-xml';

/** Reads one side; errors name the side ("left document: …") so the tester knows which file. */
export function readForCompare(bytes: Uint8Array, side: 'left' | 'right'): Result<CompareSide> {
  const fail = (error: { code: string; message: string }): Result<never> =>
    err(error.code, `The ${side} document: ${error.message}`);
  const tree = parseXml(bytes);
  if (!tree.ok) return fail(tree.error);
  const metadata = readDocument(tree.value, { parseEmbeddedXml: (inner) => parseXml(inner) });
  if (!metadata.ok) return fail(metadata.error);
  if (detectDocumentKind(tree.value) !== 'rcmr')
    return ok({ metadata: metadata.value, tree: tree.value });
  const unwrapped = unwrapRcmr(tree.value);
  if (!unwrapped.ok) return fail(unwrapped.error);
  const inner = parseXml(unwrapped.value.cdaBytes);
  return inner.ok ? ok({ metadata: metadata.value, tree: inner.value }) : fail(inner.error);
}
