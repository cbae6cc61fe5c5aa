/**
 * `archivist sandbox` as `npm run build` bundles it: the bundle lives in dist/cli, not beside the
 * sources, so the sandbox must still find its test signing key (every seed document is signed
 * when first served). Without it every DocumentReference answered 500; now a missing key stops
 * the start with one line.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleCli } from '../../../bench/bundle-cli';

const work = mkdtempSync(join(tmpdir(), 'archivist-bundled-sandbox-'));
let cli = '';
beforeAll(async () => {
  cli = await bundleCli(work);
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Started {
  readonly baseUrl?: string;
  readonly code?: number | null;
  readonly stderr: string;
  readonly stop: () => Promise<number | null>;
}

/** Starts the bundled sandbox; settles when it listens or exits, whichever comes first. */
function startBundled(entry: string): Promise<Started> {
  const child = spawn(process.execPath, [entry, 'sandbox', '--patients', '3', '--documents', '12']);
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const stop = () => {
    child.kill('SIGINT');
    return exited;
  };
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
      if (match?.[1]) resolve({ baseUrl: match[1], stderr, stop });
    });
    void exited.then((code) => resolve({ code, stderr, stop }));
  });
}

describe('the bundled sandbox', () => {
  it('serves signed seed documents in a search and a read', async () => {
    const started = await startBundled(cli);
    try {
      expect(started.baseUrl, started.stderr).toBeDefined();
      const search = await fetch(`${started.baseUrl}/DocumentReference?_count=5`);
      expect(search.status).toBe(200);
      const bundle = (await search.json()) as { entry: { resource: { id: string } }[] };
      expect(bundle.entry.length).toBe(5);
      const id = bundle.entry[0]?.resource.id ?? '';
      const read = await fetch(`${started.baseUrl}/DocumentReference/${id}`);
      expect(read.status).toBe(200);
    } finally {
      expect(await started.stop()).toBe(0);
    }
  }, 60_000);

  it('refuses to start, in one line, when the signing key is not installed', async () => {
    // The same bundle without resources/ beside it: an installation that lost the key.
    const bare = mkdtempSync(join(tmpdir(), 'archivist-bundled-bare-'));
    try {
      const entry = await bundleCli(bare);
      unlinkSync(join(bare, 'resources'));
      const started = await startBundled(entry);
      if (started.baseUrl !== undefined) await started.stop();
      expect(started.baseUrl).toBeUndefined();
      expect(started.code).toBe(1);
      expect(started.stderr).toBe(
        `archivist sandbox: The sandbox's test signing key ${join('resources', 'sandbox', 'test-signing-key.pem')} was not found beside Archivist (looked in ${join(bare, 'dist', 'cli')} and the 5 folders above it); reinstall Archivist.\n`,
      );
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
  }, 120_000);
});
