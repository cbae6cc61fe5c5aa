/**
 * `archivist envs add` and `envs remove` run at once by separate processes on one home folder,
 * as parallel CI jobs do: every change lands (none overwritten by another process's stale copy
 * of profiles.json) and each is in the audit journal, which still verifies.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runArchivist } from '../../support/run-cli';

const root = path.resolve(import.meta.dirname, '../../../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');
const work = mkdtempSync(path.join(tmpdir(), 'archivist-envs-parallel-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Finished {
  readonly args: string;
  readonly code: number | null;
  readonly stderr: string;
}

/** Runs the real command line in its own process. */
function archivist(args: readonly string[]): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, ['electron/cli/archivist.ts', ...args], { cwd: root });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ args: args.join(' '), code, stderr }));
  });
}

const addArgs = (home: string, name: string) => [
  'envs',
  'add',
  name,
  '--kind',
  'AT',
  '--url',
  'http://127.0.0.1:9/fhir',
  '--home',
  home,
];

async function profileIds(home: string): Promise<string[]> {
  const listed = await runArchivist(['envs', 'list', '--json', '--home', home]);
  return (JSON.parse(listed.stdout) as { profiles: { id: string }[] }).profiles
    .map((profile) => profile.id)
    .sort();
}

async function configurationRecords(home: string): Promise<string[]> {
  const listed = await runArchivist(['audit', 'list', '--json', '--home', home]);
  return (
    JSON.parse(listed.stdout) as {
      event: { outcome: string; entity: { what: { display?: string } }[] };
    }[]
  )
    .map((record) => `${record.event.outcome} ${record.event.entity[0]?.what.display}`)
    .sort();
}

describe('archivist envs in parallel processes', () => {
  it('keeps every profile that eight processes add at once, each audited', async () => {
    const home = path.join(work, 'adds');
    const names = Array.from({ length: 8 }, (_, i) => `p${i + 1}`);
    const runs = await Promise.all(names.map((name) => archivist(addArgs(home, name))));
    expect(runs.filter((run) => run.code !== 0)).toEqual([]);
    expect(await profileIds(home)).toEqual(names);
    expect(await configurationRecords(home)).toEqual(
      names.map((name) => `0 environment profile ${name} created (AT http://127.0.0.1:9/fhir)`),
    );
    expect((await runArchivist(['audit', 'verify', '--home', home])).code).toBe(0);
    expect(existsSync(path.join(home, 'profiles.json.lock'))).toBe(false);
  }, 120_000);

  it('applies adds and removes of different profiles run at once, none lost or revived', async () => {
    const home = path.join(work, 'mixed');
    const old = ['r1', 'r2', 'r3', 'r4'];
    for (const name of old) expect((await runArchivist(addArgs(home, name))).code).toBe(0);
    const added = ['a1', 'a2', 'a3', 'a4'];
    const runs = await Promise.all([
      ...added.map((name) => archivist(addArgs(home, name))),
      ...old.map((name) => archivist(['envs', 'remove', name, '--home', home])),
    ]);
    expect(runs.filter((run) => run.code !== 0)).toEqual([]);
    expect(await profileIds(home)).toEqual(added);
    const records = await configurationRecords(home);
    expect(records.filter((record) => record.endsWith('removed'))).toEqual(
      old.map((name) => `0 environment profile ${name} removed`),
    );
  }, 120_000);
});
