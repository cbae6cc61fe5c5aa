/**
 * `report verify`: recomputes a report's manifest and says OK or exactly what was altered: an
 * embedded source (checked first, by side and name), the report body, or the manifest itself.
 */
import { err, ok, type Result } from '../../../shared/result';
import {
  bodyHash,
  csvManifestPrefix,
  hashFieldOffset,
  pdfManifestPrefix,
  sha256Hex,
  type ReportFormat,
  type ReportManifest,
} from './integrity';
import { formatOf, missingManifest, notAReport, onlyLineEndsDiffer } from './report-damage';

/** What a verified report is. */
export interface VerifiedReport {
  readonly format: ReportFormat;
  readonly manifest: ReportManifest;
  /** How many sources were embedded and checked byte for byte. */
  readonly embeddedSources: number;
}

function lastLineAfter(text: string, prefix: string): string | undefined {
  const at = text.lastIndexOf(`\n${prefix}`);
  if (at < 0) return undefined;
  return text.slice(at + 1 + prefix.length).replace(/\r?\n$/, '');
}

/** The manifest's raw value, found where its format keeps it. */
function manifestValue(format: ReportFormat, bytes: Uint8Array): unknown {
  const text = Buffer.from(bytes).toString(format === 'pdf' ? 'latin1' : 'utf8');
  let json: string | undefined;
  if (format === 'html')
    json = /<script type="application\/json" id="archivist-manifest">([\s\S]*?)<\/script>/.exec(
      text,
    )?.[1];
  else if (format === 'csv') json = lastLineAfter(text, csvManifestPrefix);
  else if (format === 'pdf') json = lastLineAfter(text, pdfManifestPrefix);
  else json = text;
  if (json === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(json);
    return format === 'json' ? (parsed as { manifest?: unknown } | null)?.manifest : parsed;
  } catch {
    return undefined;
  }
}

function isManifest(value: unknown): value is ReportManifest {
  if (typeof value !== 'object' || value === null) return false;
  const manifest = value as Partial<ReportManifest>;
  return (
    manifest.kind === 'archivist-report-manifest' &&
    manifest.version === 1 &&
    typeof manifest.bodySha256 === 'string' &&
    Array.isArray(manifest.sources) &&
    manifest.sources.every(
      (source) =>
        typeof source === 'object' &&
        source !== null &&
        typeof source.sha256 === 'string' &&
        typeof source.source === 'string' &&
        (source.base64 === undefined || typeof source.base64 === 'string'),
    )
  );
}

/** Verifies a report file's bytes. */
export function verifyReport(bytes: Uint8Array): Result<VerifiedReport> {
  const format = formatOf(bytes);
  if (format === undefined) return err('report-no-manifest', notAReport(bytes));
  const manifest = manifestValue(format, bytes);
  if (manifest === undefined) return err('report-no-manifest', missingManifest(format, bytes));
  if (!isManifest(manifest))
    return err(
      'report-manifest-altered',
      'The report manifest was altered: its fields are not as Archivist writes them.',
    );
  let embedded = 0;
  for (const source of manifest.sources) {
    if (source.base64 === undefined) continue;
    const actual = sha256Hex(Buffer.from(source.base64, 'base64'));
    if (actual !== source.sha256)
      return err(
        'report-source-altered',
        `The embedded ${source.side} source (${source.source}) was altered: its SHA-256 is ${actual}, the manifest says ${source.sha256}.`,
      );
    embedded += 1;
  }
  const offset = hashFieldOffset(bytes);
  if (typeof offset === 'string')
    return err('report-manifest-altered', `The report manifest was altered: ${offset}.`);
  const actual = bodyHash(bytes, offset);
  if (actual !== manifest.bodySha256 && onlyLineEndsDiffer(bytes, manifest))
    return err(
      'report-body-altered',
      'The report does not verify because its line ends were changed (to CRLF or back, as mail programs and Windows tools do); nothing else differs. Ask for the original file, sent so its bytes stay as they are (zipped, or as an attachment, not pasted).',
    );
  if (actual !== manifest.bodySha256)
    return err(
      'report-body-altered',
      `The report body was altered: its SHA-256 is ${actual}, the manifest says ${manifest.bodySha256}.`,
    );
  return ok({ format, manifest, embeddedSources: embedded });
}
