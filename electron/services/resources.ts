/**
 * Files Archivist ships in resources/ (the report stylesheet, the sandbox's test signing key),
 * found at run time. Walked up from this module because the module moves: the source tree keeps
 * resources/ two folders above electron/services, the bundled command line and main process
 * (dist/cli, dist/main: one bundle, so this module is the bundle) two above, and the packaged app
 * has it in Electron's resources path (electron-builder.yml, extraResources).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { err, ok, type Result } from '../../shared/result';

/** How many folders are tried, this module's own first: enough for every layout above. */
const levels = 6;

/** Where `resources/<relativePath>` may be, nearest first. */
export function resourceCandidates(relativePath: string): string[] {
  const inResources = path.join('resources', relativePath);
  const candidates: string[] = [];
  let folder = path.dirname(fileURLToPath(import.meta.url));
  for (let level = 0; level < levels; level++) {
    candidates.push(path.join(folder, inResources));
    folder = path.dirname(folder);
  }
  const packaged = (process as { resourcesPath?: string }).resourcesPath;
  if (packaged) candidates.push(path.join(packaged, inResources));
  return candidates;
}

/**
 * The path of `resources/<relativePath>`, or `resource-missing` naming the file and where it was
 * looked for (an installation without it is broken: the sentence says to reinstall). `what`
 * names the file for a user, e.g. "The report stylesheet".
 */
export function findResource(relativePath: string, what = 'The file'): Result<string> {
  const candidates = resourceCandidates(relativePath);
  const found = candidates.find((candidate) => existsSync(candidate));
  if (found !== undefined) return ok(found);
  const start = path.dirname(fileURLToPath(import.meta.url));
  const packaged = (process as { resourcesPath?: string }).resourcesPath;
  const where = `in ${start} and the ${levels - 1} folders above it${packaged ? ` and in ${packaged}` : ''}`;
  return err(
    'resource-missing',
    `${what} ${path.join('resources', relativePath)} was not found beside Archivist (looked ${where}); reinstall Archivist.`,
  );
}
