/** `archivist invalidate --documents FILE` when FILE is not a readable list: one sentence, in words. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runArchivist } from '../../support/run-cli';

const work = mkdtempSync(path.join(tmpdir(), 'archivist-invalidate-list-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('archivist invalidate --documents', () => {
  it('a folder given as the list says it is a folder, not EISDIR', async () => {
    const run = await runArchivist(
      ['invalidate', '--env', 'sandbox', '--documents', work, '--reason', 'duplicate', '--dry-run'],
      { ARCHIVIST_HOME: path.join(work, 'home') },
    );
    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr: `archivist invalidate: Could not read ${work} (it is a folder).\n`,
    });
  });
});
