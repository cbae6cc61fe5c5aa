/**
 * What a report needs to know about each compared source beyond the comparison: the sha256 and
 * size of its bytes, every identity code in it (for the test-data findings and for redaction) and
 * every person name it holds (for redaction): the header's from the metadata, then every
 * structured name anywhere in the XML (performers, participants, informants, related persons in
 * the body). The header is read by the XML worker's fast path; the whole text is scanned for
 * hetu-shaped codes and names, so those in the body are found too.
 */
import { identityFinding, scanText, type IdentityCodeFinding } from '../../../shared/identity/scan';
import { personNamesIn } from '../../../shared/report/redaction';
import { redactionSecretsInXml } from '../../../shared/report/redaction-secrets-in-xml';
import type { ReportSideInput } from '../../../shared/report/report-model';
import type { Result } from '../../../shared/result';
import { ok } from '../../../shared/result';
import { loadHeader } from '../documents/load-document';
import { sha256Hex } from './integrity';

/** One compared document as the caller has it. */
export interface SourceDocument {
  readonly bytes: Uint8Array;
  /** A file path, or env:NAME:id. */
  readonly source: string;
  readonly environment?: string;
}

/**
 * The report's view of one source; fails only when its header cannot be read. `forRedaction`
 * false skips the names in the body: only redaction needs them, and scanning 20 MB for them
 * takes about half a second. The whole text is scanned while the XML worker reads the header.
 */
export async function describeSource(
  document: SourceDocument,
  { forRedaction = true }: { readonly forRedaction?: boolean } = {},
): Promise<Result<ReportSideInput>> {
  const pendingHeader = loadHeader(document.bytes, { source: document.source });
  const bytes = Buffer.from(
    document.bytes.buffer,
    document.bytes.byteOffset,
    document.bytes.byteLength,
  );
  // Identity codes are ASCII, and so is every character their pattern looks at around them; any
  // other character, however it is decoded, is not one of those. So Latin-1 (a byte a character,
  // several times faster than UTF-8 for 20 MB) finds exactly the codes UTF-8 text would. Names
  // need the real characters.
  const text = forRedaction ? bytes.toString('utf8') : undefined;
  const scanned = scanText(text ?? bytes.toString('latin1'), 'document text');
  // Names and hetu-root values of the whole text, an RCMR message's CDA decoded once for both.
  const secrets = text === undefined ? undefined : redactionSecretsInXml(text);
  const sha256 = sha256Hex(document.bytes);
  const header = await pendingHeader;
  if (!header.ok) return header;
  const codes: IdentityCodeFinding[] = [...header.value.metadata.identityCodes];
  const known = new Set(codes.map((code) => code.value));
  for (const found of scanned) {
    if (known.has(found.value)) continue;
    known.add(found.value);
    codes.push(identityFinding(found.value, found.where));
  }
  return ok({
    source: document.source,
    ...(document.environment !== undefined ? { environment: document.environment } : {}),
    sha256,
    byteSize: document.bytes.byteLength,
    identityCodes: codes,
    // The header's names first: masks are numbered in this order, as before body names were read.
    personNames: [...new Set([...personNamesIn(header.value.metadata), ...(secrets?.names ?? [])])],
    ...(secrets ? { hetuRootValues: secrets.identityCodes } : {}),
  });
}
