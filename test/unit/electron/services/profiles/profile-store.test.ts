/**
 * The profile store on real files: create, edit, remove, the file left valid and without temp
 * files, refusals with their sentences; and a write into a folder that cannot be written.
 */
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createProfile,
  findProfile,
  loadProfiles,
  removeProfile,
  updateProfile,
} from '../../../../../electron/services/profiles/profile-store';

const work = mkdtempSync(join(tmpdir(), 'archivist-profiles-'));
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

const messageOf = (result: { ok: boolean; error?: { code: string; message: string } }) =>
  result.ok ? 'ok' : `${result.error?.code}: ${result.error?.message}`;

describe('profile store', () => {
  it('creates, edits and removes profiles in profiles.json', async () => {
    const home = freshHome();
    expect(messageOf(await createProfile(home, profile('one')))).toBe('ok');
    expect(messageOf(await createProfile(home, profile('two')))).toBe('ok');
    const edited = await updateProfile(home, 'one', (current) => ({
      ...current,
      displayName: 'Renamed',
      tls: { pkcs12: '/certs/one.p12', passphraseRef: 'profile:one' },
    }));
    expect(edited.ok && edited.value.displayName).toBe('Renamed');
    const onDisk = JSON.parse(readFileSync(join(home, 'profiles.json'), 'utf8'));
    expect(onDisk.profiles.map((p: { id: string }) => p.id)).toEqual(['one', 'two']);
    expect(onDisk.profiles[0].tls).toEqual({
      pkcs12: '/certs/one.p12',
      passphraseRef: 'profile:one',
    });
    const removed = await removeProfile(home, 'two');
    expect(removed.ok && removed.value.id).toBe('two');
    const left = await loadProfiles(home);
    expect(left.ok && left.value.map((p) => p.id)).toEqual(['one']);
    // Atomic writes leave no temporary files behind.
    expect(readdirSync(home)).toEqual(['profiles.json']);
  });

  it('refuses duplicates, unknown names, renames and invalid edits with a sentence', async () => {
    const home = freshHome();
    await createProfile(home, profile('one'));
    expect(messageOf(await createProfile(home, profile('one')))).toBe(
      "profile-exists: A profile named 'one' exists already; remove it first or pick another name.",
    );
    expect(messageOf(await removeProfile(home, 'nope'))).toBe(
      "profile-unknown: There is no environment profile named 'nope'.",
    );
    expect(messageOf(await findProfile(home, 'nope'))).toBe(
      "profile-unknown: There is no environment profile named 'nope'.",
    );
    expect(messageOf(await updateProfile(home, 'one', (p) => ({ ...p, id: 'other' })))).toBe(
      "invalid-profile: A profile's name cannot change (was 'one').",
    );
    expect(messageOf(await updateProfile(home, 'one', (p) => ({ ...p, kind: 'XX' })))).toBe(
      'invalid-profile: profile.kind must be one of sandbox, AT, TK, folder, fhir.',
    );
    expect(messageOf(await createProfile(home, { ...profile('Bad Name') }))).toContain(
      'profile.id must be lower-case letters, digits and dashes',
    );
    const left = await loadProfiles(home);
    expect(left.ok && left.value.length).toBe(1);
  });

  it('does not overwrite a broken profiles.json', async () => {
    const home = freshHome();
    await createProfile(home, profile('one'));
    writeFileSync(join(home, 'profiles.json'), '{ broken');
    expect(messageOf(await createProfile(home, profile('two')))).toBe(
      `invalid-profile: ${join(home, 'profiles.json')} is not valid JSON; fix or remove it.`,
    );
    expect(readFileSync(join(home, 'profiles.json'), 'utf8')).toBe('{ broken');
  });

  it('says in words why profiles.json cannot be read (a folder, or under a file)', async () => {
    const home = freshHome();
    mkdirSync(join(home, 'profiles.json'), { recursive: true });
    expect(messageOf(await loadProfiles(home))).toBe(
      `profiles-unreadable: Cannot read ${join(home, 'profiles.json')} (it is a folder).`,
    );
    const file = join(work, 'a-file');
    writeFileSync(file, 'not a home');
    expect(messageOf(await loadProfiles(file))).toBe(
      `profiles-unreadable: Cannot read ${join(file, 'profiles.json')} (a part of the path is a file).`,
    );
  });

  it.skipIf(process.getuid?.() === 0)('says which file cannot be written', async () => {
    const home = freshHome();
    await createProfile(home, profile('one'));
    chmodSync(home, 0o500);
    try {
      expect(messageOf(await createProfile(home, profile('two')))).toBe(
        `profiles-unwritable: Cannot write ${join(home, 'profiles.json')} (permission denied).`,
      );
    } finally {
      chmodSync(home, 0o700);
    }
  });
});
