/**
 * `archivist invalidate` without --yes or --dry-run (review 10, finding 11): on a terminal it
 * shows what would be invalidated and asks for the id (or set token) typed back; anywhere else it
 * is bad usage at once. The terminal is a real pseudo-terminal (util-linux `script`), the command
 * the bundled command line, the environment a real sandbox.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChainedRecord } from '../../../../shared/audit/canonical';
import { confirmationToken } from '../../../../shared/invalidation/confirmation';
import { readJournal } from '../../../../electron/services/audit/files';
import { generateSeedCatalog } from '../../../../electron/sandbox/seed/generate-seed';
import { startSandbox, type RunningSandbox } from '../../../../electron/sandbox/server';
import { latest } from '../../../../electron/sandbox/store';
import { bundleCli } from '../../../bench/bundle-cli';
import { cleanDocumentTaker } from '../../../support/clean-documents';

const hasScript = spawnSync('script', ['--version']).status === 0;
const work = mkdtempSync(join(tmpdir(), 'archivist-invalidate-prompt-'));
const catalog = generateSeedCatalog({ seed: 5, patients: 4, documents: 60 });
const takeClean = cleanDocumentTaker(catalog);
let cli = '';
let sandbox: RunningSandbox;
beforeAll(async () => {
  cli = await bundleCli(join(work, 'install'));
  const started = await startSandbox({ catalog });
  if (!started.ok) throw new Error(started.error.message);
  sandbox = started.value;
}, 120_000);
afterAll(async () => {
  await sandbox.close();
  rmSync(work, { recursive: true, force: true });
});

let homes = 0;
function newHome(): string {
  const home = join(work, `home-${homes++}`);
  mkdirSync(home);
  const profile = {
    id: 'sandbox',
    displayName: 'Local sandbox',
    kind: 'sandbox',
    baseUrl: sandbox.baseUrl,
    repository: 'patient-data',
    isTestEnvironment: true,
  };
  writeFileSync(join(home, 'profiles.json'), JSON.stringify({ profiles: [profile] }));
  return home;
}

const quote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;
const statusOf = (id: string) => {
  const entry = sandbox.store.documents.get(id);
  return entry ? latest(entry).status : undefined;
};
const actions = (home: string) =>
  readJournal(home).lines.map((line) => (JSON.parse(line.text) as ChainedRecord).event.action);

/**
 * Runs the command on a pseudo-terminal; once `question` appears in its output, types `answer`
 * and a newline. Resolves with everything the terminal showed and the command's exit code.
 */
function onTerminal(args: readonly string[], question: string, answer: string) {
  const command = [process.execPath, cli, ...args].map(quote).join(' ');
  const child = spawn('script', ['-qec', command, '/dev/null'], {
    env: { ...process.env, ARCHIVIST_CODE_CACHE: 'off' },
    cwd: work,
  });
  let shown = '';
  let hasAnswered = false;
  child.stdout.on('data', (chunk: Buffer) => {
    shown += chunk.toString();
    if (!hasAnswered && shown.includes(question)) {
      hasAnswered = true;
      child.stdin.write(`${answer}\n`);
    }
  });
  return new Promise<{ code: number | null; shown: string }>((resolve) =>
    child.on('exit', (code) => resolve({ code, shown: shown.replace(/\r\n/g, '\n') })),
  );
}

describe.skipIf(!hasScript)('archivist invalidate on a terminal, without --yes', () => {
  it('shows where and what, and invalidates when the id is typed back', async () => {
    const id = takeClean();
    const home = newHome();
    const question = `Type the document id ${id} to invalidate it (anything else cancels): `;
    const args = ['invalidate', '--env', 'sandbox', '--document', id, '--reason', 'duplicate'];
    const { code, shown } = await onTerminal([...args, '--home', home], question, id);
    expect(code).toBe(0);
    expect(shown).toContain(
      `Environment: Local sandbox (kind sandbox, ${sandbox.baseUrl}, test environment: yes)\n`,
    );
    expect(shown).toMatch(new RegExp(`DocumentReference/${id} ".+" \\(current\\), patient `));
    expect(shown).toMatch(new RegExp(`DocumentReference/${id}: invalidated \\(Provenance/`));
    expect(statusOf(id)).toBe('entered-in-error');
    expect(actions(home)).toEqual(['R', 'U', 'U']);
  }, 60_000);

  it('asks a set for its token', async () => {
    const ids = [takeClean(), takeClean()];
    const token = confirmationToken(ids);
    const question = `Type the set token ${token} to invalidate these 2 documents (anything else cancels): `;
    const args = ['invalidate', '--env', 'sandbox', ...ids.flatMap((id) => ['--document', id])];
    const { code } = await onTerminal(
      [...args, '--reason', 'duplicate', '--home', newHome()],
      question,
      token,
    );
    expect(code).toBe(0);
    expect(ids.map(statusOf)).toEqual(['entered-in-error', 'entered-in-error']);
  }, 60_000);

  it('anything else cancels: exit 2, nothing sent or attempted', async () => {
    const id = takeClean();
    const home = newHome();
    const question = `Type the document id ${id} to invalidate it (anything else cancels): `;
    const args = ['invalidate', '--env', 'sandbox', '--document', id, '--reason', 'duplicate'];
    const { code, shown } = await onTerminal([...args, '--home', home], question, 'yes');
    expect(code).toBe(2);
    expect(shown).toContain('archivist invalidate: not confirmed; nothing was sent.\n');
    expect(statusOf(id)).toBe('current');
    // Only the preflight read, which showed the document.
    expect(actions(home)).toEqual(['R']);
  }, 60_000);
});

describe('archivist invalidate without --yes, not on a terminal', () => {
  it('is bad usage at once, before anything is read: never a prompt that waits', () => {
    const id = takeClean();
    const home = newHome();
    const run = spawnSync(
      process.execPath,
      [cli, 'invalidate', '--env', 'sandbox', '--document', id, '--reason', 'duplicate'],
      {
        env: { ...process.env, ARCHIVIST_CODE_CACHE: 'off', ARCHIVIST_HOME: home },
        cwd: work,
        encoding: 'utf8',
        // stdin left open (a pipe nobody writes to): a prompt would wait here until the timeout.
        stdio: ['pipe', 'pipe', 'pipe'],
        timeout: 30_000,
      },
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^archivist invalidate: Invalidation needs explicit confirmation/);
    expect(statusOf(id)).toBe('current');
    expect(actions(home)).toEqual([]);
  });
});
