/**
 * Secret stores. The command line's: environment variables (per profile, then the general one),
 * a no-echo prompt only when given one, never stored. The app's safeStorage adapter (Electron
 * mocked at the boundary by a stand-in with a reversible cipher): sealed on disk, never the
 * passphrase in plain text, and refused without a real keychain or with basic_text.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createCliSecretStore,
  passphraseVariableFor,
} from '../../../../../electron/services/profiles/cli-secret-store';
import {
  createSafeStorageSecretStore,
  type SafeStorageLike,
} from '../../../../../electron/services/profiles/safe-storage-secret-store';
import { promptHidden } from '../../../../../electron/services/profiles/terminal-prompt';

const work = mkdtempSync(join(tmpdir(), 'archivist-secrets-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const request = { profileId: 'kanta-at', displayName: 'Kanta AT', reference: 'profile:kanta-at' };
const messageOf = (result: { ok: boolean; error?: { code: string; message: string } }) =>
  result.ok ? 'ok' : `${result.error?.code}: ${result.error?.message}`;

describe('command-line secret store', () => {
  it('reads the profile variable first, then ARCHIVIST_PASSPHRASE', async () => {
    expect(passphraseVariableFor('kanta-at')).toBe('ARCHIVIST_PASSPHRASE_KANTA_AT');
    const both = createCliSecretStore({
      env: { ARCHIVIST_PASSPHRASE_KANTA_AT: 'specific', ARCHIVIST_PASSPHRASE: 'general' },
    });
    expect(await both.readPassphrase(request)).toEqual({ ok: true, value: 'specific' });
    const general = createCliSecretStore({ env: { ARCHIVIST_PASSPHRASE: 'general' } });
    expect(await general.readPassphrase(request)).toEqual({ ok: true, value: 'general' });
  });

  it('says how to give a passphrase when there is no variable and no terminal', async () => {
    const store = createCliSecretStore({ env: {} });
    expect(messageOf(await store.readPassphrase(request))).toBe(
      'secret-unavailable: Kanta AT needs the passphrase of its client certificate: set ARCHIVIST_PASSPHRASE_KANTA_AT (or ARCHIVIST_PASSPHRASE), or run the command on a terminal to be asked.',
    );
    expect(messageOf(await store.savePassphrase('profile:kanta-at', 'x'))).toContain(
      'secret-store-unavailable: The command line never stores passphrases',
    );
  });

  it('asks once per run on a terminal', async () => {
    const questions: string[] = [];
    const store = createCliSecretStore({
      env: {},
      prompt: async (question) => {
        questions.push(question);
        return 'typed';
      },
    });
    expect(await store.readPassphrase(request)).toEqual({ ok: true, value: 'typed' });
    expect(await store.readPassphrase(request)).toEqual({ ok: true, value: 'typed' });
    expect(questions).toEqual(['Passphrase of the client certificate of Kanta AT: ']);
  });

  it('prompts with echo off: raw mode on, nothing typed is written back', async () => {
    const input = Object.assign(new PassThrough(), {
      isTTY: true,
      modes: [] as boolean[],
      setRawMode(mode: boolean) {
        this.modes.push(mode);
      },
    });
    const output = new PassThrough();
    let written = '';
    output.on('data', (chunk: Buffer) => (written += chunk.toString()));
    const answer = promptHidden('Passphrase: ', input, output);
    input.write('se');
    input.write('cx\u007fret\r');
    expect(await answer).toBe('secret');
    expect(written).toBe('Passphrase: \n');
    expect(input.modes).toEqual([true, false]);
    const cancelled = promptHidden('Passphrase: ', input, output);
    input.write('abc\u0003');
    expect(await cancelled).toBeUndefined();
  });
});

/** Electron's safeStorage at the boundary: reversible, but never the plain text on disk. */
function fakeSafeStorage(available: boolean, backend?: string): SafeStorageLike {
  return {
    isEncryptionAvailable: () => available,
    encryptString: (text) => Buffer.from([...Buffer.from(text, 'utf8')].map((byte) => byte ^ 0x5a)),
    decryptString: (data) => Buffer.from([...data].map((byte) => byte ^ 0x5a)).toString('utf8'),
    ...(backend ? { getSelectedStorageBackend: () => backend } : {}),
  };
}

describe('safeStorage secret store', () => {
  it('seals the passphrase on disk and reads it back', async () => {
    const home = join(work, 'sealed');
    const store = createSafeStorageSecretStore(home, fakeSafeStorage(true, 'gnome_libsecret'));
    expect(messageOf(await store.savePassphrase('profile:kanta-at', 'very secret'))).toBe('ok');
    const file = readFileSync(join(home, 'secrets.json'), 'utf8');
    expect(file).not.toContain('very secret');
    expect(JSON.parse(file).entries['profile:kanta-at']).toMatch(/^[A-Za-z0-9+/=]+$/);
    expect(await store.readPassphrase(request)).toEqual({ ok: true, value: 'very secret' });
    expect(messageOf(await store.removePassphrase('profile:kanta-at'))).toBe('ok');
    expect(messageOf(await store.readPassphrase(request))).toBe(
      "secret-unavailable: No passphrase is stored for Kanta AT; enter it in the profile's settings.",
    );
  });

  it('refuses to persist without a real secret store', async () => {
    const none = createSafeStorageSecretStore(join(work, 'none'), fakeSafeStorage(false));
    expect(messageOf(await none.savePassphrase('profile:kanta-at', 'x'))).toBe(
      'secret-store-unavailable: The passphrase was not saved: this computer offers no secret store (OS keychain) to Archivist.',
    );
    const plain = createSafeStorageSecretStore(
      join(work, 'plain'),
      fakeSafeStorage(true, 'basic_text'),
    );
    expect(messageOf(await plain.savePassphrase('profile:kanta-at', 'x'))).toContain(
      'The passphrase was not saved: the only secret store available is basic_text',
    );
    expect(() => readFileSync(join(work, 'plain', 'secrets.json'))).toThrow();
  });

  it('says in words why secrets.json cannot be read or written', async () => {
    const home = join(work, 'secrets-folder');
    mkdirSync(join(home, 'secrets.json'), { recursive: true });
    const store = createSafeStorageSecretStore(home, fakeSafeStorage(true, 'gnome_libsecret'));
    expect(messageOf(await store.readPassphrase(request))).toBe(
      `secret-unavailable: Cannot read ${join(home, 'secrets.json')} (it is a folder).`,
    );
    writeFileSync(join(work, 'a-file'), 'not a home');
    const under = createSafeStorageSecretStore(
      join(work, 'a-file', 'home'),
      fakeSafeStorage(true, 'gnome_libsecret'),
    );
    const saved = messageOf(await under.savePassphrase('profile:kanta-at', 'x'));
    expect(saved).toBe(
      `secret-store-unavailable: Cannot create the folder ${join(work, 'a-file', 'home')} for ${join(work, 'a-file', 'home', 'secrets.json')} (a part of the path is a file).`,
    );
    expect(saved).not.toMatch(/\bE[A-Z]{3,}\b/);
  });
});
