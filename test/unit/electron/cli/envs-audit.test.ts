/**
 * `archivist envs add` / `envs remove` in the audit trail, in-process on real files: each change
 * is a configuration record (the app's builder and words) durable before profiles.json changes;
 * a journal that cannot be written stops the change; a write that fails after its record gets
 * an outcome-8 record. Also what `add` says about invalidation, and a refusal while another
 * writer holds the profiles lock.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type * as FsPromises from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { listRecords } from '../../../../electron/services/audit/reader';
import { runArchivist } from '../../support/run-cli';

/** A disk that fills up as profiles.json's temporary file is created (the journal's is sync I/O). */
const disk = vi.hoisted(() => ({ isFull: false }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof FsPromises>();
  return {
    ...actual,
    open: (...args: Parameters<typeof actual.open>) => {
      if (disk.isFull && /\.profiles\.json\..*\.tmp$/.test(String(args[0])))
        return Promise.reject(
          Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }),
        );
      return actual.open(...args);
    },
  };
});

const work = mkdtempSync(join(tmpdir(), 'archivist-envs-audit-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
afterEach(() => {
  disk.isFull = false;
});
let homes = 0;
const freshHome = () => join(work, `home-${homes++}`);
const url = 'http://127.0.0.1:9/fhir';

const add = (home: string, name: string, ...flags: string[]) =>
  runArchivist(['envs', 'add', name, '--kind', 'AT', '--url', url, ...flags, '--home', home]);
const remove = (home: string, name: string) =>
  runArchivist(['envs', 'remove', name, '--home', home]);

/** Each record as "action outcome subtype: what (outcome description)". */
function records(home: string): string[] {
  if (!existsSync(join(home, 'audit'))) return [];
  return listRecords(home, {}).map(({ event }) => {
    const why = event.outcomeDesc === undefined ? '' : ` (${event.outcomeDesc})`;
    return `${event.action} ${event.outcome} ${event.subtype?.[0]?.code}: ${event.entity?.[0]?.what.display}${why}`;
  });
}

function profileIds(home: string): string[] {
  if (!existsSync(join(home, 'profiles.json'))) return [];
  const file = JSON.parse(readFileSync(join(home, 'profiles.json'), 'utf8'));
  return file.profiles.map((profile: { id: string }) => profile.id);
}

function expectOneLineFailure(run: { code: number; stdout: string; stderr: string }): string {
  expect(run.code).toBe(1);
  expect(run.stdout).toBe('');
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  return run.stderr;
}

describe('archivist envs in the audit trail', () => {
  it('records add and remove as configuration changes, as the app does', async () => {
    const home = freshHome();
    expect((await add(home, 'kanta-at')).code).toBe(0);
    expect((await remove(home, 'kanta-at')).code).toBe(0);
    expect(records(home)).toEqual([
      `U 0 configuration: environment profile kanta-at created (AT ${url})`,
      'U 0 configuration: environment profile kanta-at removed',
    ]);
    expect((await runArchivist(['audit', 'verify', '--home', home])).code).toBe(0);
  });

  it('records nothing for a change it refuses', async () => {
    const home = freshHome();
    await add(home, 'x');
    expectOneLineFailure(await add(home, 'x'));
    expectOneLineFailure(await remove(home, 'nope'));
    expect(records(home)).toEqual([`U 0 configuration: environment profile x created (AT ${url})`]);
  });

  it('changes nothing when the journal cannot be written (write-ahead)', async () => {
    const home = freshHome();
    await add(home, 'kept');
    // Even root cannot write a journal where a file stands in for the audit folder.
    rmSync(join(home, 'audit'), { recursive: true });
    writeFileSync(join(home, 'audit'), 'not a folder');
    const before = readFileSync(join(home, 'profiles.json'), 'utf8');
    const added = expectOneLineFailure(await add(home, 'new'));
    expect(added).toBe(
      'archivist envs: Archivist could not write its audit trail (it is a file); the audit journal could not be opened. Nothing was changed.\n',
    );
    expect(expectOneLineFailure(await remove(home, 'kept'))).toContain('Nothing was changed.');
    expect(readFileSync(join(home, 'profiles.json'), 'utf8')).toBe(before);
  });

  it('records the failure when profiles.json cannot be written after the change was recorded', async () => {
    const home = freshHome();
    disk.isFull = true;
    const run = await add(home, 'full');
    expect(expectOneLineFailure(run)).toBe(
      `archivist envs: Cannot write ${join(home, 'profiles.json')} (no space left on the disk).\n`,
    );
    expect(profileIds(home)).toEqual([]);
    expect(records(home)).toEqual([
      `U 0 configuration: environment profile full created (AT ${url})`,
      `U 8 configuration: environment profile full created (AT ${url}) (Cannot write ${join(home, 'profiles.json')} (no space left on the disk).)`,
    ]);
  });

  it('says that a new profile allows invalidation and how to forbid it', async () => {
    const home = freshHome();
    const line =
      'It is a test environment: archivist invalidate may invalidate documents in it. To forbid that, remove it and add it again with --not-test.';
    expect((await add(home, 'writable')).stdout.split('\n')).toContain(line);
    expect((await add(home, 'prod', '--not-test')).stdout).not.toContain('invalidate');
    const folder = await runArchivist([
      'envs',
      'add',
      'cases',
      '--kind',
      'folder',
      '--folder',
      work,
      '--home',
      home,
    ]);
    expect(folder.stdout).not.toContain('invalidate');
    const json = await add(home, 'machine', '--json');
    expect(JSON.parse(json.stdout).added.isTestEnvironment).toBe(true);
  });

  it('refuses in one line, changing nothing, while another writer keeps the lock', async () => {
    const home = freshHome();
    await add(home, 'one');
    // A live process (this one) holds the lock, as a stuck writer would.
    writeFileSync(join(home, 'profiles.json.lock'), String(process.pid));
    const before = records(home);
    expect(expectOneLineFailure(await add(home, 'two'))).toBe(
      'archivist envs: Another Archivist window or command kept the environment profiles (profiles.json) locked for too long; nothing was changed, try again.\n',
    );
    expect(profileIds(home)).toEqual(['one']);
    expect(records(home)).toEqual(before);
  }, 30_000);
});
