/**
 * The JSON report: `{ "$schema", "schemaVersion", "manifest", "report" }`, valid against the
 * versioned schema resources/schemas/report-v1.schema.json. The report is the model without the
 * unchanged lines (those are for reading in the HTML view; the sources are in the manifest).
 */
import type { ReportModel } from '../../../shared/report/report-model';
import type { ReportManifest } from './integrity';

/** The schema's id as the JSON report names it. */
export const reportSchemaId = 'https://archivist.invalid/schemas/report-v1.schema.json';

/** The JSON report text with the manifest in place (its bodySha256 still zeros until sealed). */
export function reportJson(model: ReportModel, manifest: ReportManifest): string {
  const { unchanged: _unchanged, ...content } = model.content;
  const report = { ...model, content };
  return `${JSON.stringify({ $schema: reportSchemaId, schemaVersion: model.schemaVersion, manifest, report }, null, 2)}\n`;
}
