/**
 * Where the compare worker's script is: `dist/workers/compare-worker.cjs` beside the bundles, or
 * the tsx bootstrap beside this source file (Vitest, tsx). Same layout as the XML worker
 * (../xml/resolve-xml-worker.ts).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { err, ok, type Result } from '../../../shared/result';

export interface CompareWorkerScript {
  readonly kind: 'bundle' | 'source';
  readonly path: string;
}

/** Finds the worker for code running at `moduleUrl`. */
export function resolveCompareWorkerScript(
  moduleUrl: string = import.meta.url,
  fileExists: (path: string) => boolean = existsSync,
): Result<CompareWorkerScript> {
  const modulePath = fileURLToPath(moduleUrl);
  const script: CompareWorkerScript = modulePath.endsWith('.cjs')
    ? { kind: 'bundle', path: join(dirname(modulePath), '..', 'workers', 'compare-worker.cjs') }
    : { kind: 'source', path: join(dirname(modulePath), 'compare-worker-source.mjs') };
  if (!fileExists(script.path))
    return err(
      'compare-worker-missing',
      'The compare worker is missing, so Archivist cannot compare documents; rebuild or reinstall the application.',
    );
  return ok(script);
}
