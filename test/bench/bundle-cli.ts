/**
 * The command line and its workers bundled as `npm run build` does, into `<into>/dist`, with
 * resources/ beside it (the report stylesheet is found by walking up from the bundle, as in an
 * installed copy). The compare and report benchmarks run this bundle.
 */
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const repo = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

/**
 * Bundles the command line; returns the path of its entry (`<into>/dist/cli/archivist.cjs`, the
 * launcher that runs `program.cjs` beside it with a V8 code cache, as build.mjs makes them).
 */
export async function bundleCli(into: string): Promise<string> {
  await build({
    entryPoints: {
      'cli/archivist': repo('electron/cli/launcher.ts'),
      'cli/program': repo('electron/cli/archivist.ts'),
      'workers/compare-worker': repo('electron/services/compare/compare-worker.ts'),
      'workers/xml-worker': repo('electron/services/xml/xml-worker.ts'),
    },
    outdir: join(into, 'dist'),
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['electron'],
    logLevel: 'warning',
    define: { 'import.meta.url': 'importMetaUrl' },
    inject: [repo('electron/tools/import-meta-url.js')],
  });
  symlinkSync(repo('resources'), join(into, 'resources'));
  return join(into, 'dist', 'cli', 'archivist.cjs');
}
