/**
 * Where the XML worker's script is. Built code runs from one bundle per entry (dist/main/…,
 * dist/cli/…) with the worker beside them in dist/workers/; source code (Vitest, tsx) runs the
 * TypeScript worker through a tiny bootstrap that registers tsx in the thread.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { err, ok, type Result } from '../../../shared/result';

/** A worker script and how it runs: a CommonJS bundle, or the source through tsx. */
export interface XmlWorkerScript {
  readonly kind: 'bundle' | 'source';
  readonly path: string;
}

/**
 * Finds the worker for code running at `moduleUrl` (this module's URL, which in a bundle is the
 * bundle's own file): `dist/<entry>/x.cjs` → `dist/workers/xml-worker.cjs`, a source file →
 * `xml-worker-source.mjs` beside this module. `fileExists` is replaceable for tests.
 */
export function resolveXmlWorkerScript(
  moduleUrl: string = import.meta.url,
  fileExists: (path: string) => boolean = existsSync,
): Result<XmlWorkerScript> {
  const modulePath = fileURLToPath(moduleUrl);
  const isBundle = modulePath.endsWith('.cjs');
  const script: XmlWorkerScript = isBundle
    ? { kind: 'bundle', path: join(dirname(modulePath), '..', 'workers', 'xml-worker.cjs') }
    : { kind: 'source', path: join(dirname(modulePath), 'xml-worker-source.mjs') };
  if (!fileExists(script.path)) {
    return err(
      'xml-worker-missing',
      `The XML worker (${script.kind === 'bundle' ? 'workers/xml-worker.cjs' : 'xml-worker-source.mjs'}) is missing, so Archivist cannot read documents safely; rebuild or reinstall the application.`,
    );
  }
  return ok(script);
}
