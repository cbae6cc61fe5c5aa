// Builds everything the app and the command line run: the renderer with Vite, and the Node
// side (main, preload, command line, workers) with esbuild into one CommonJS file each.
// The preload must be a single file: a sandboxed preload cannot require our modules.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { chmod, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Node-side entry points: source → output (relative to dist/). */
export const nodeEntries = {
  'main/index': 'electron/main/index.ts',
  'preload/index': 'electron/preload/index.ts',
  // The `archivist` command is a launcher that runs cli/program with a V8 code cache.
  'cli/archivist': 'electron/cli/launcher.ts',
  'cli/program': 'electron/cli/archivist.ts',
  'workers/xml-worker': 'electron/services/xml/xml-worker.ts',
  'workers/compare-worker': 'electron/services/compare/compare-worker.ts',
};

/** Packages left outside the bundles: electron is provided by the runtime. */
const external = ['electron'];

async function buildNode() {
  await esbuild({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(Object.entries(nodeEntries)),
    outdir: 'dist',
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external,
    sourcemap: 'linked',
    logLevel: 'warning',
    define: { 'import.meta.url': 'importMetaUrl' },
    inject: [fileURLToPath(new URL('./import-meta-url.js', import.meta.url))],
  });
  await chmod(new URL('../../dist/cli/archivist.cjs', import.meta.url), 0o755);
}

async function buildRenderer() {
  await viteBuild({
    configFile: fileURLToPath(new URL('../../renderer/vite.config.ts', import.meta.url)),
    logLevel: 'warn',
  });
}

await rm(new URL('../../dist', import.meta.url), { recursive: true, force: true });
await Promise.all([buildNode(), buildRenderer()]);
console.log('built dist/');
