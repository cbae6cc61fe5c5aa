/**
 * openssl-cli.ts: an openssl that cannot be run is one sentence in words, not "spawn openssl
 * EACCES". PATH is pointed at a folder of our own for each case, then restored.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runOpenssl } from '../../../../../electron/services/tls/openssl-cli';

const work = mkdtempSync(join(tmpdir(), 'archivist-openssl-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs `openssl version` with PATH set to `folder` alone. */
async function withPath(folder: string) {
  const saved = process.env.PATH;
  process.env.PATH = folder;
  try {
    return await runOpenssl(['version'], 'check the version');
  } finally {
    process.env.PATH = saved;
  }
}

describe('runOpenssl when openssl cannot be run', () => {
  it('an openssl that is not a program (no execute permission, even for root)', async () => {
    const folder = join(work, 'not-executable');
    mkdirSync(folder);
    writeFileSync(join(folder, 'openssl'), 'not a program\n');
    chmodSync(join(folder, 'openssl'), 0o644);
    expect(await withPath(folder)).toEqual({
      ok: false,
      error: {
        code: 'tls-factory-failed',
        message:
          'Could not check the version with openssl: the openssl command could not be started (permission denied).',
      },
    });
  });

  it('no openssl at all', async () => {
    const folder = join(work, 'empty');
    mkdirSync(folder);
    const ran = await withPath(folder);
    expect(!ran.ok && ran.error.message).toBe(
      'Could not check the version with openssl: the openssl command is not installed.',
    );
  });
});
