/**
 * The harness's stand-in for Electron's safeStorage (electron/harness/test-safe-storage.ts):
 * it must really encrypt (AES-256-GCM, a random key per run), so the browser tests exercise the
 * sealed secrets.json the app writes; and its keychain states drive the store's refusals and its
 * `persistence` answer, which the Environments screen shows.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestSafeStorage } from '../../../../../electron/harness/test-safe-storage';
import { createCliSecretStore } from '../../../../../electron/services/profiles/cli-secret-store';
import { createSafeStorageSecretStore } from '../../../../../electron/services/profiles/safe-storage-secret-store';

const work = mkdtempSync(join(tmpdir(), 'archivist-test-safe-storage-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('test safeStorage double', () => {
  it('encrypts with a random IV and authenticates: round trip, no plain text, tampering fails', () => {
    const storage = createTestSafeStorage();
    const first = storage.encryptString('correct horse battery staple');
    const second = storage.encryptString('correct horse battery staple');
    expect(first.equals(second)).toBe(false);
    expect(first.toString('latin1')).not.toContain('correct horse');
    expect(storage.decryptString(first)).toBe('correct horse battery staple');
    const tampered = Buffer.from(first);
    tampered[tampered.length - 1] = (tampered[tampered.length - 1] ?? 0) ^ 1;
    expect(() => storage.decryptString(tampered)).toThrow();
    // Another run (another key) cannot open it: the seal is bound to this process's key.
    expect(() => createTestSafeStorage().decryptString(first)).toThrow();
  });

  it('plays a computer without a keychain and Linux basic_text', () => {
    expect(createTestSafeStorage('unavailable').isEncryptionAvailable()).toBe(false);
    expect(() => createTestSafeStorage('unavailable').encryptString('x')).toThrow();
    const basic = createTestSafeStorage('basic_text');
    expect(basic.isEncryptionAvailable()).toBe(true);
    expect(basic.getSelectedStorageBackend?.()).toBe('basic_text');
  });

  it('drives the store: sealed secrets.json, and persistence says why not', async () => {
    const home = join(work, 'home');
    const store = createSafeStorageSecretStore(home, createTestSafeStorage());
    expect(store.persistence?.()).toEqual({ canPersist: true });
    expect((await store.savePassphrase('profile:lab', 'hunter2-passphrase')).ok).toBe(true);
    expect(readFileSync(join(home, 'secrets.json'), 'utf8')).not.toContain('hunter2');
    const read = await store.readPassphrase({
      profileId: 'lab',
      displayName: 'Lab',
      reference: 'profile:lab',
    });
    expect(read).toEqual({ ok: true, value: 'hunter2-passphrase' });
    expect(
      createSafeStorageSecretStore(home, createTestSafeStorage('unavailable')).persistence?.(),
    ).toEqual({
      canPersist: false,
      reason: 'this computer offers no secret store (OS keychain) to Archivist',
    });
    expect(
      createSafeStorageSecretStore(home, createTestSafeStorage('basic_text')).persistence?.()
        .canPersist,
    ).toBe(false);
    expect(createCliSecretStore({ env: {} }).persistence?.().canPersist).toBe(false);
  });
});
