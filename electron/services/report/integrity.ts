/**
 * The integrity manifest every report carries (issue 8, "Integrity"): the sha256 of each source
 * document (and, unless the report is redacted, the source itself in Base64), the latest audit
 * checkpoint, and `bodySha256`: the sha256 of the whole report file with that one value written
 * as 64 zeros. So one hash covers every byte of the file, manifest and embedded sources included,
 * and `report verify` can still say which part changed by checking the sources first.
 *
 * Where the manifest sits: HTML, a `<script type="application/json" id="archivist-manifest">`
 * data block before `</body>` (never executed; the CSP allows no script anyway); JSON, the
 * top-level `manifest`; CSV, a last line `#archivist-manifest {json}`; PDF, a last line
 * `%archivist-manifest {json}` after `%%EOF` (a PDF comment, which readers skip).
 *
 * This detects alteration, not forgery: whoever changes a report can recompute its hash. The
 * audit checkpoint reference ties a report to the journal that recorded its export.
 */
import { createHash } from 'node:crypto';
import type { CheckpointReference } from '../../../shared/report/report-model';

export type ReportFormat = 'html' | 'json' | 'csv' | 'pdf';

/** One compared source as the manifest records it. */
export interface ManifestSource {
  readonly side: 'left' | 'right';
  readonly source: string;
  readonly sha256: string;
  readonly byteSize: number;
  /** The source's bytes; absent in redacted reports (they would carry the unmasked codes). */
  readonly base64?: string;
}

export interface ReportManifest {
  readonly kind: 'archivist-report-manifest';
  readonly version: 1;
  readonly reportFormat: ReportFormat;
  readonly createdAt: string;
  readonly toolVersion: string;
  readonly redacted: boolean;
  readonly bodySha256: string;
  readonly sources: readonly ManifestSource[];
  readonly auditCheckpoint: CheckpointReference | null;
}

export const zeroHash = '0'.repeat(64);
/** The manifest's hash field as it appears in the file (compact or pretty-printed JSON). */
export const bodyHashPattern = /"bodySha256":\s*"([0-9a-f]{64})"/g;
export const csvManifestPrefix = '#archivist-manifest ';
export const pdfManifestPrefix = '%archivist-manifest ';

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Manifest JSON that is safe inside an HTML data block (`</script>` cannot appear). */
export function manifestJson(manifest: ReportManifest): string {
  return JSON.stringify(manifest).replace(/</g, '\\u003c');
}

/** The byte offset of the one hash field of a report, or a reason there is not exactly one. */
export function hashFieldOffset(bytes: Uint8Array): number | string {
  // latin1 keeps one character per byte, so string offsets are byte offsets (PDFs are binary).
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const matches = [...text.matchAll(bodyHashPattern)];
  if (matches.length !== 1)
    return matches.length === 0
      ? 'it has no bodySha256 field'
      : `it has ${matches.length} bodySha256 fields instead of one`;
  const match = matches[0]!;
  return match.index + match[0].length - 65;
}

/** The sha256 of `bytes` with the 64 characters at `offset` read as zeros. */
export function bodyHash(bytes: Uint8Array, offset: number): string {
  const copy = Buffer.from(bytes);
  copy.write(zeroHash, offset, 'latin1');
  return sha256Hex(copy);
}

/**
 * Seals a report written with `bodySha256` = zeros: computes the hash over the file and writes
 * it in place of the zeros.
 */
export function sealReport(bytes: Uint8Array): Uint8Array {
  const offset = hashFieldOffset(bytes);
  if (typeof offset === 'string') throw new Error(`The report cannot be sealed: ${offset}.`);
  const hash = bodyHash(bytes, offset);
  const sealed = Buffer.from(bytes);
  sealed.write(hash, offset, 'latin1');
  return new Uint8Array(sealed.buffer, sealed.byteOffset, sealed.byteLength);
}

/** Adds the manifest to a finished report body, in the place its format keeps it. */
export function embedManifest(
  format: ReportFormat,
  body: Uint8Array,
  manifest: ReportManifest,
): Uint8Array {
  const json = manifestJson(manifest);
  if (format === 'html') {
    const text = Buffer.from(body).toString('utf8');
    const at = text.lastIndexOf('</body>');
    const block = `<script type="application/json" id="archivist-manifest">${json}</script>\n`;
    return Buffer.from(text.slice(0, at) + block + text.slice(at), 'utf8');
  }
  if (format === 'csv')
    return Buffer.concat([body, Buffer.from(`${csvManifestPrefix}${json}\r\n`)]);
  if (format === 'pdf')
    return Buffer.concat([body, Buffer.from(`\n${pdfManifestPrefix}${json}\n`, 'latin1')]);
  throw new Error('The JSON writer puts its manifest in the document itself.');
}
