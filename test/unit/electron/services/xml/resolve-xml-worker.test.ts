import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { resolveXmlWorkerScript } from '../../../../../electron/services/xml/resolve-xml-worker';
import { parseXmlInWorker } from '../../../../../electron/services/xml/parse-xml-in-worker';

const repo = fileURLToPath(new URL('../../../../../', import.meta.url));
const always = (): boolean => true;
/** The build's import.meta.url shim (its extension has changed once; find it rather than name it). */
const shim =
  readdirSync(join(repo, 'electron/tools')).find((name) => name.startsWith('import-meta-url.')) ??
  'import-meta-url.js';

describe('resolveXmlWorkerScript', () => {
  it.each(['main/index.cjs', 'cli/archivist.cjs'])(
    'finds dist/workers/xml-worker.cjs from the bundle dist/%s',
    (bundle) => {
      expect(resolveXmlWorkerScript(pathToFileURL(`/app/dist/${bundle}`).href, always)).toEqual({
        ok: true,
        value: { kind: 'bundle', path: '/app/dist/workers/xml-worker.cjs' },
      });
    },
  );

  it('finds the tsx bootstrap beside the source module', () => {
    const source = join(repo, 'electron/services/xml/resolve-xml-worker.ts');
    expect(resolveXmlWorkerScript(pathToFileURL(source).href, always)).toEqual({
      ok: true,
      value: { kind: 'source', path: join(repo, 'electron/services/xml/xml-worker-source.mjs') },
    });
    expect(resolveXmlWorkerScript()).toMatchObject({ ok: true, value: { kind: 'source' } });
  });

  it('refuses with xml-worker-missing when the file is not there', () => {
    const result = resolveXmlWorkerScript(
      pathToFileURL('/app/dist/main/index.cjs').href,
      () => false,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'xml-worker-missing' } });
    if (!result.ok)
      expect(result.error.message).toMatch(
        /workers\/xml-worker\.cjs is missing|xml-worker\.cjs\) is missing/,
      );
  });

  it('works in the built layout: a CommonJS bundle in dist/main/ starts dist/workers/xml-worker.cjs', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'archivist-built-'));
    try {
      // The same options electron/tools/build.mjs uses, including its import.meta.url shim.
      await build({
        absWorkingDir: repo,
        entryPoints: {
          'main/index': 'test/unit/electron/services/xml/helpers/built-caller.ts',
          'workers/xml-worker': 'electron/services/xml/xml-worker.ts',
        },
        outdir: join(folder, 'dist'),
        outExtension: { '.js': '.cjs' },
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        logLevel: 'error',
        define: { 'import.meta.url': 'importMetaUrl' },
        inject: [join(repo, 'electron/tools', shim)],
      });
      const { stdout } = await promisify(execFile)(
        process.execPath,
        [join(folder, 'dist/main/index.cjs')],
        { timeout: 15_000 },
      );
      expect(JSON.parse(stdout)).toEqual({
        script: {
          ok: true,
          value: { kind: 'bundle', path: join(folder, 'dist/workers/xml-worker.cjs') },
        },
        result: {
          ok: true,
          value: {
            kind: 'element',
            name: 'a',
            namespace: '',
            attributes: [],
            children: [{ kind: 'text', text: 'built' }],
            line: 1,
          },
        },
      });
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  const built = join(repo, 'dist/workers/xml-worker.cjs');
  it.skipIf(!existsSync(built))(
    'starts the worker of `npm run build` (skipped: run npm run build first)',
    async () => {
      const script = resolveXmlWorkerScript(pathToFileURL(join(repo, 'dist/main/index.cjs')).href);
      expect(script).toMatchObject({ ok: true, value: { kind: 'bundle', path: built } });
      if (!script.ok) return;
      expect(
        await parseXmlInWorker(new TextEncoder().encode('<a/>'), { worker: script.value }),
      ).toMatchObject({ ok: true, value: { name: 'a' } });
    },
  );
});
