/**
 * The profile store's lock on real files: concurrent changes all land, a writer that cannot get
 * the lock is refused with a sentence and changes nothing, a lock left by a dead writer is taken
 * over, and the write-ahead hook sees the change planned on the file as it is under the lock.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createProfile,
  loadProfiles,
  removeProfile,
  updateProfile,
  type ProfileChange,
} from '../../../../../electron/services/profiles/profile-store';
import { err, ok } from '../../../../../shared/result';

const work = mkdtempSync(join(tmpdir(), 'archivist-profiles-lock-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let homes = 0;
const freshHome = () => join(work, `home-${homes++}`);

const profile = (id: string) => ({
  id,
  displayName: `Env ${id}`,
  kind: 'fhir',
  baseUrl: 'https://fhir.example.test/r4',
  repository: 'patient-data',
  isTestEnvironment: true,
});

async function ids(home: string): Promise<string[]> {
  const loaded = await loadProfiles(home);
  if (!loaded.ok) throw new Error(loaded.error.message);
  return loaded.value.map((p) => p.id);
}

/** A home with profile `one` and a lock file holding `content`. */
async function lockedHome(content: string): Promise<{ home: string; lock: string }> {
  const home = freshHome();
  expect((await createProfile(home, profile('one'))).ok).toBe(true);
  const lock = join(home, 'profiles.json.lock');
  writeFileSync(lock, content);
  return { home, lock };
}

const busy =
  'profiles-locked: Another Archivist window or command kept the environment profiles (profiles.json) locked for too long; nothing was changed, try again.';
const messageOf = (result: { ok: boolean; error?: { code: string; message: string } }) =>
  result.ok ? 'ok' : `${result.error?.code}: ${result.error?.message}`;

describe('profile store lock', () => {
  it('keeps every one of many changes made at once in one process', async () => {
    const home = freshHome();
    const names = Array.from({ length: 12 }, (_, i) => `p${i}`);
    const results = await Promise.all(names.map((name) => createProfile(home, profile(name))));
    expect(results.map(messageOf)).toEqual(names.map(() => 'ok'));
    expect((await ids(home)).sort()).toEqual([...names].sort());
    expect(existsSync(join(home, 'profiles.json.lock'))).toBe(false);
  });

  it('refuses every kind of change while another live writer holds the lock', async () => {
    const { home, lock } = await lockedHome(String(process.pid));
    const before = readFileSync(join(home, 'profiles.json'), 'utf8');
    const recorded: ProfileChange[] = [];
    const options = {
      lockWaitMs: 100,
      beforeWrite: async (change: ProfileChange) => ok(recorded.push(change)),
    };
    expect(messageOf(await createProfile(home, profile('two'), options))).toBe(busy);
    expect(messageOf(await updateProfile(home, 'one', (p) => p, options))).toBe(busy);
    expect(messageOf(await removeProfile(home, 'one', options))).toBe(busy);
    expect(recorded).toEqual([]);
    expect(readFileSync(join(home, 'profiles.json'), 'utf8')).toBe(before);
    // The holder's lock is left alone.
    expect(readFileSync(lock, 'utf8')).toBe(String(process.pid));
  });

  it('takes over a lock whose writer is no longer running', async () => {
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    const { home, lock } = await lockedHome(String(dead));
    expect(messageOf(await createProfile(home, profile('two'), { lockWaitMs: 0 }))).toBe('ok');
    expect(await ids(home)).toEqual(['one', 'two']);
    expect(existsSync(lock)).toBe(false);
  });

  it('waits for a lock being written (no pid yet) but takes over one left empty long ago', async () => {
    const { home, lock } = await lockedHome('');
    expect(messageOf(await removeProfile(home, 'one', { lockWaitMs: 100 }))).toBe(busy);
    const longAgo = new Date(Date.now() - 60_000);
    utimesSync(lock, longAgo, longAgo);
    expect(messageOf(await removeProfile(home, 'one', { lockWaitMs: 0 }))).toBe('ok');
    expect(await ids(home)).toEqual([]);
  });

  it('plans and records the change on the file as it is under the lock', async () => {
    const home = freshHome();
    await createProfile(home, profile('one'));
    const recorded: ProfileChange[] = [];
    const beforeWrite = async (change: ProfileChange) => ok(recorded.push(change));
    const renamed = await updateProfile(
      home,
      'one',
      (current) => ({ ...current, displayName: 'Renamed' }),
      { beforeWrite },
    );
    expect(renamed.ok).toBe(true);
    await removeProfile(home, 'one', { beforeWrite });
    expect(recorded.map((change) => [change.action, change.profile.displayName])).toEqual([
      ['edited', 'Renamed'],
      ['removed', 'Renamed'],
    ]);
  });

  it('changes nothing when the hook refuses (the journal could not be written)', async () => {
    const home = freshHome();
    await createProfile(home, profile('one'));
    const refuse = async () => err('audit-unavailable', 'No journal; nothing was changed.');
    const refused = await createProfile(home, profile('two'), { beforeWrite: refuse });
    expect(messageOf(refused)).toBe('audit-unavailable: No journal; nothing was changed.');
    expect(messageOf(await removeProfile(home, 'one', { beforeWrite: refuse }))).toContain(
      'nothing was changed',
    );
    expect(await ids(home)).toEqual(['one']);
    expect(existsSync(join(home, 'profiles.json.lock'))).toBe(false);
  });

  it('does not run the hook for a change it refuses itself', async () => {
    const home = freshHome();
    await createProfile(home, profile('one'));
    let calls = 0;
    const beforeWrite = async () => ok((calls += 1));
    expect(messageOf(await createProfile(home, profile('one'), { beforeWrite }))).toContain(
      'profile-exists',
    );
    expect(messageOf(await removeProfile(home, 'nope', { beforeWrite }))).toContain(
      'profile-unknown',
    );
    expect(calls).toBe(0);
  });

  it('says in words why the folder for the lock cannot be made', async () => {
    const file = join(work, 'a-file');
    writeFileSync(file, 'not a home');
    const home = join(file, 'home');
    expect(messageOf(await createProfile(home, profile('one')))).toBe(
      `profiles-unwritable: Cannot create the folder ${home} for ${join(home, 'profiles.json')} (a part of the path is a file).`,
    );
  });
});
