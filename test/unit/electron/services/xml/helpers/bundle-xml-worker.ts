/**
 * Builds the XML worker the way `npm run build` does (esbuild, one CommonJS file) into a
 * temporary folder, once per test file. Tests that start many workers use it: a bundled worker
 * starts in tens of milliseconds, the tsx source bootstrap in several hundred.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { XmlWorkerScript } from '../../../../../../electron/services/xml/resolve-xml-worker';

const entry = fileURLToPath(
  new URL('../../../../../../electron/services/xml/xml-worker.ts', import.meta.url),
);

/** A bundled worker and a function that deletes it. */
export async function bundleXmlWorker(): Promise<{
  worker: XmlWorkerScript;
  remove: () => Promise<void>;
}> {
  const folder = await mkdtemp(join(tmpdir(), 'archivist-xml-worker-'));
  const path = join(folder, 'xml-worker.cjs');
  await build({
    entryPoints: [entry],
    outfile: path,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
  });
  return {
    worker: { kind: 'bundle', path },
    remove: () => rm(folder, { recursive: true, force: true }),
  };
}

/** A stand-in worker script from this folder (they misbehave on purpose). */
export function fakeWorker(name: string): XmlWorkerScript {
  return { kind: 'bundle', path: fileURLToPath(new URL(`./${name}`, import.meta.url)) };
}
