/**
 * The same smoke test through the real desktop app. Electron's binary cannot be downloaded on CI
 * machines (TOOLCHAIN.md), so this skips there with the reason; on a developer's machine with
 * internet (`npm start` fetches the binary once) it runs.
 */
import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

function electronBinary(): string | undefined {
  try {
    const electronDir = path.dirname(
      createRequire(import.meta.url).resolve('electron/package.json'),
    );
    const binary = path.join(
      electronDir,
      'dist',
      readFileSync(path.join(electronDir, 'path.txt'), 'utf8').trim(),
    );
    return existsSync(binary) ? binary : undefined;
  } catch {
    return undefined;
  }
}

const binary = electronBinary();

test('the desktop app opens its hardened window with the shell', async () => {
  test.skip(
    !binary,
    'No Electron binary is installed (it cannot be downloaded on this machine); run `npm start` once on a machine with internet.',
  );
  const home = await mkdtemp(path.join(tmpdir(), 'archivist-electron-'));
  const app = await electron.launch({ executablePath: binary, args: ['.', `--home=${home}`] });
  try {
    const window = await app.firstWindow();
    await expect(window.getByRole('heading', { level: 1, name: 'Archivist' })).toBeVisible();
    await expect(window.getByText('Desktop app')).toBeVisible();
    // The app moves on to the default environment's search page: same document, a hash route.
    expect(window.url()).toMatch(/^app:\/\/archivist\/index\.html(#.*)?$/);
    const hasNode = await window.evaluate(
      () => typeof (globalThis as { require?: unknown }).require !== 'undefined',
    );
    expect(hasNode).toBe(false);
  } finally {
    await app.close();
  }
});
