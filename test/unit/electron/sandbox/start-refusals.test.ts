/**
 * The sandbox refuses to start, in one sentence, when it could not do its job: a --data folder
 * it cannot write (it used to start and keep changes in memory only, failing at the first write)
 * and a port in use (said in words, not EADDRINUSE), and a --data folder another kind of sandbox
 * saved (a TK stand-in's documents would sit beside an AT stand-in's own as extra documents).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { saveState } from '../../../../electron/sandbox/persistence';
import { startSandbox } from '../../../../electron/sandbox/server';
import { generateSeedCatalog } from '../../../../electron/sandbox/seed/generate-seed';
import { emptyStore, seedStore } from '../../../../electron/sandbox/store';
import { runArchivist } from '../../support/run-cli';

const work = mkdtempSync(path.join(tmpdir(), 'archivist-sandbox-refusals-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const catalog = generateSeedCatalog({ seed: 1, patients: 2, documents: 6 });

/** Starts a sandbox expecting a refusal; a sandbox that did start is closed and fails the test. */
async function refusal(options: Parameters<typeof startSandbox>[0]): Promise<string> {
  const started = await startSandbox({ catalog, ...options });
  if (started.ok) {
    await started.value.close();
    return 'started';
  }
  return started.error.message;
}

describe('sandbox start refusals', () => {
  it('a --data path that is a file', async () => {
    const file = path.join(work, 'a-file');
    writeFileSync(file, 'x');
    expect(await refusal({ dataDir: file })).toBe(
      `Cannot keep the sandbox's data in ${file} (it is a file).`,
    );
  });

  it('a --data folder below a file', async () => {
    const file = path.join(work, 'another-file');
    writeFileSync(file, 'x');
    const below = path.join(file, 'data');
    expect(await refusal({ dataDir: below })).toBe(
      `Cannot keep the sandbox's data in ${below} (a part of the path is a file).`,
    );
  });

  it('a --data folder that does not exist yet is created', async () => {
    const fresh = path.join(work, 'new', 'data');
    const started = await startSandbox({ catalog, dataDir: fresh });
    expect(started.ok).toBe(true);
    if (started.ok) await started.value.close();
  });

  it('a --data folder saved by a sandbox standing in for another environment', async () => {
    const dataDir = path.join(work, 'tk-data');
    const tk = generateSeedCatalog({ seed: 1, patients: 2, documents: 6, environment: 'tk' });
    const store = emptyStore();
    seedStore(store, tk, new Date('2026-11-29T10:00:00Z'));
    store.dirty.add(`doc:${tk.documents[0]!.documentReference.id}`);
    await saveState(dataDir, store, 'tk');
    const at = generateSeedCatalog({ seed: 1, patients: 2, documents: 6, environment: 'at' });
    expect(await refusal({ catalog: at, dataDir })).toBe(
      `The sandbox state in ${dataDir} was saved by a sandbox standing in for TK (--environment tk), and this is a sandbox standing in for AT (--environment at): start it as the one that saved it, or give it another --data folder.`,
    );
    expect(await refusal({ dataDir })).toContain(
      'and this is a plain sandbox (no --environment): start it as',
    );
    const again = await startSandbox({ catalog: tk, dataDir });
    expect(again.ok).toBe(true);
    if (again.ok) await again.value.close();
  });

  it('--patients 0 is bad usage, not a sandbox with one patient', async () => {
    const run = await runArchivist(['sandbox', '--patients', '0']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'archivist sandbox: --patients must be at least 1: every document needs a patient.\n',
    );
  });

  it('a port in use, from the command line, in one line with exit 1', async () => {
    const first = await startSandbox({ catalog });
    if (!first.ok) throw new Error(first.error.message);
    try {
      const run = await runArchivist(['sandbox', '--port', String(first.value.port)]);
      expect(run).toEqual({
        code: 1,
        stdout: '',
        stderr: `archivist sandbox: Cannot listen on 127.0.0.1:${first.value.port}: the port is in use (choose another --port, or leave it out for a free one).\n`,
      });
    } finally {
      await first.value.close();
    }
  });
});
