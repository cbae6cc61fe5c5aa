/**
 * The report stylesheet (resources/report/report.css), read from disk at run time and inlined
 * into every HTML report; found beside Archivist by findResource (resources.ts).
 */
import { readFileSync } from 'node:fs';
import { err, ok, type Result } from '../../../shared/result';
import { findResource } from '../resources';

let cached: string | undefined;

/** The stylesheet's text, or `report-stylesheet-missing` naming the file and where it looked. */
export function reportCss(): Result<string> {
  if (cached !== undefined) return ok(cached);
  const file = findResource('report/report.css', 'The report stylesheet');
  if (!file.ok) return err('report-stylesheet-missing', file.error.message);
  cached = readFileSync(file.value, 'utf8');
  return ok(cached);
}
