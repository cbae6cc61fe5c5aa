/**
 * The canonical XML lines of both compared documents, for callers that compared without asking
 * the compare worker for them (the command line's reports). The app does not use this: its
 * comparisons ask the worker for the lines (compareInWorker's keepLines), because canonicalising
 * here runs on the caller's thread, which in the app would block main for up to 4 MB a side.
 * Parsing runs in the XML worker; for an HL7 V3 RCMR message the lines are those of the CDA it
 * carries, as in the compare worker (read-for-compare.ts), so line numbers match.
 */
import { canonicalizeXml } from '../../../shared/compare/canonical-xml';
import type { CanonicalLines } from '../../../shared/ipc/compare-types';
import { unwrapRcmr } from '../../../shared/documents/rcmr';
import { detectDocumentKind } from '../../../shared/documents/read-document';
import { ok, type Result } from '../../../shared/result';
import { parseXmlInWorker } from '../xml/parse-xml-in-worker';

async function linesOf(bytes: Uint8Array): Promise<Result<readonly string[]>> {
  const tree = await parseXmlInWorker(bytes);
  if (!tree.ok) return tree;
  if (detectDocumentKind(tree.value) !== 'rcmr') return ok(canonicalizeXml(tree.value).lines);
  const unwrapped = unwrapRcmr(tree.value);
  if (!unwrapped.ok) return unwrapped;
  const inner = await parseXmlInWorker(unwrapped.value.cdaBytes);
  return inner.ok ? ok(canonicalizeXml(inner.value).lines) : inner;
}

/** Both sides' canonical lines, or the first error. */
export async function canonicalLinesOf(
  left: Uint8Array,
  right: Uint8Array,
): Promise<Result<CanonicalLines>> {
  const [a, b] = await Promise.all([linesOf(left), linesOf(right)]);
  if (!a.ok) return a;
  if (!b.ok) return b;
  return ok({ left: a.value, right: b.value });
}
