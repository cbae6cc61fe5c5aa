import { el, serialize, type XmlElementSpec } from './canonical-xml';
import { BODY_ID, cdaBody, socialJson } from './cda-body';
import { cdaHeader } from './cda-header';
import type { DocumentSpec } from './document-spec';
import { localHeader, localSocialHeader } from './local-header';
import { createPrng } from './prng';
import { buildSignature, buildSignatureAsync, DSIG_NS } from './signature';

/** ISO 8601 with offset from a CDA timestamp (YYYYMMDDHHMMSS+0200). */
export function isoTime(cda: string): string {
  const [y, mo, d, h, mi, s] = [0, 4, 6, 8, 10, 12].map((at, i) =>
    cda.slice(at, at + (i === 0 ? 4 : 2)),
  );
  return `${y ?? ''}-${mo ?? ''}-${d ?? ''}T${h ?? ''}:${mi ?? ''}:${s ?? ''}+02:00`;
}

function documentText(spec: DocumentSpec, body: XmlElementSpec, signature: XmlElementSpec): string {
  const local =
    spec.kind === 'health'
      ? localHeader(spec, signature)
      : localSocialHeader(spec, signature, socialJson(spec));
  const root = el(
    'ClinicalDocument',
    {
      xmlns: 'urn:hl7-org:v3',
      'xmlns:hl7fi': 'urn:hl7finland',
      'xmlns:ds': DSIG_NS,
    },
    ...cdaHeader(spec),
    local,
    el('component', {}, body),
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serialize(root)}\n`;
}

/** The body and what its signature signs; the body's PRNG stream comes first, as always. */
function signedBody(spec: DocumentSpec) {
  const prng = createPrng(spec.seed);
  const body = cdaBody(spec, prng);
  return {
    body,
    bodyBytes: serialize(body),
    signingTime: isoTime(spec.effectiveTime),
    tamper: spec.problems.includes('signature-digest-mismatch'),
  };
}

/** Writes the whole CDA document as text; deterministic in the spec alone. */
export function renderDocumentText(spec: DocumentSpec): string {
  const { body, bodyBytes, signingTime, tamper } = signedBody(spec);
  return documentText(spec, body, buildSignature(BODY_ID, bodyBytes, signingTime, tamper));
}

/** The same bytes as renderDocument, signed on the thread pool (see buildSignatureAsync). */
export async function renderDocumentAsync(spec: DocumentSpec): Promise<Uint8Array> {
  const { body, bodyBytes, signingTime, tamper } = signedBody(spec);
  const signature = await buildSignatureAsync(BODY_ID, bodyBytes, signingTime, tamper);
  return new Uint8Array(Buffer.from(documentText(spec, body, signature), 'utf8'));
}

/** The document bytes (UTF-8). */
export function renderDocument(spec: DocumentSpec): Uint8Array {
  return new Uint8Array(Buffer.from(renderDocumentText(spec), 'utf8'));
}
