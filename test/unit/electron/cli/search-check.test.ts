/**
 * `archivist search --check` against a real sandbox: each listed document's contents read and
 * audited, a real person's identity code inside a CDA named (seed-doc-266, patient 090139Y967V:
 * its DocumentReference is clean), a setId version used twice (seed-doc-53 beside seed-doc-50,
 * seed-doc-453 beside seed-doc-451; patient 150173-998H), and the same in --json as each row's contentCheck.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../../electron/sandbox/server';
import { closeXmlWorkers } from '../../../../electron/services/xml';
import type { DocumentRow } from '../../../../shared/ipc/workspace-types';
import { runArchivist } from '../../support/run-cli';

let sandbox: RunningSandbox;
const work = mkdtempSync(join(tmpdir(), 'archivist-search-check-'));
let home: string;

beforeAll(async () => {
  const started = await startSandbox({});
  if (!started.ok) throw new Error('the sandbox did not start');
  sandbox = started.value;
  home = join(work, 'home');
  const added = await runArchivist([
    'envs',
    'add',
    'local',
    '--kind',
    'sandbox',
    '--url',
    sandbox.baseUrl,
    '--home',
    home,
  ]);
  if (added.code !== 0) throw new Error(added.stderr);
}, 120_000);

afterAll(async () => {
  await sandbox?.close();
  await closeXmlWorkers();
  rmSync(work, { recursive: true, force: true });
});

const search = (patient: string, ...more: string[]) =>
  runArchivist(['search', '--env', 'local', '--patient', patient, ...more, '--home', home]);

/** Read records (BALP R) in the journal. */
async function reads(): Promise<number> {
  const listed = await runArchivist(['audit', 'list', '--action', 'R', '--json', '--home', home]);
  const parsed = JSON.parse(listed.stdout) as unknown[] | { records: unknown[] };
  return Array.isArray(parsed) ? parsed.length : parsed.records.length;
}

describe('archivist search --check', () => {
  it('names the real identity code inside a CDA, each read audited', async () => {
    const plain = await search('090139Y967V');
    expect(plain.stdout).not.toContain('seed-doc-266] ');
    expect(plain.stdout).not.toContain('Problems');
    const before = await reads();
    const run = await search('090139Y967V', '--check');
    expect(run.code).toBe(0);
    const count = Number(/^(\d+) documents/.exec(run.stdout)?.[1]);
    expect(await reads()).toBe(before + count);
    expect(run.stdout).toMatch(/Problems \(checked: contents of \d+ documents\):/);
    expect(run.stdout).toMatch(/\[seed-doc-266\] .*is not a test code/);
  });

  it('names two documents of one set with the same version, in --json too', async () => {
    const run = await search('150173-998H', '--check', '--json');
    expect(run.code).toBe(0);
    const rows = (JSON.parse(run.stdout) as { documents: DocumentRow[] }).documents;
    expect(rows.every((row) => row.contentCheck !== undefined)).toBe(true);
    for (const id of ['seed-doc-53', 'seed-doc-453']) {
      const row = rows.find((candidate) => candidate.resourceId === id);
      expect(row?.contentCheck?.problems.join(' ')).toMatch(
        /Version 1 of set .* is also used by document/,
      );
    }
  });
});
