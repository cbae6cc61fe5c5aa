/**
 * The report stylesheet (resources/report/report.css), read from disk at run time and inlined
 * into every HTML report. Found by walking up from this module: the source tree, the bundled
 * command line (dist/cli) and the packaged app all keep resources/ a few folders above it.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { err, ok, type Result } from '../../../shared/result';

const relative = path.join('resources', 'report', 'report.css');

/** Where the stylesheet may be, nearest first. */
function candidates(): string[] {
  const out: string[] = [];
  let folder = path.dirname(fileURLToPath(import.meta.url));
  for (let level = 0; level < 6; level++) {
    out.push(path.join(folder, relative));
    folder = path.dirname(folder);
  }
  const packaged = (process as { resourcesPath?: string }).resourcesPath;
  if (packaged) out.push(path.join(packaged, relative));
  return out;
}

let cached: string | undefined;

/** The stylesheet's text, or a clear error naming the missing file. */
export function reportCss(): Result<string> {
  if (cached !== undefined) return ok(cached);
  for (const file of candidates()) {
    if (!existsSync(file)) continue;
    cached = readFileSync(file, 'utf8');
    return ok(cached);
  }
  return err(
    'report-stylesheet-missing',
    `The report stylesheet ${relative} was not found beside Archivist; reinstall it.`,
  );
}
