/**
 * A stand-in for Electron's `safeStorage` in the browser harness and the tests, where no
 * Electron runs: it really encrypts (AES-256-GCM with a random key per run, kept only in this
 * process's memory), so `secrets.json` holds sealed bytes exactly as in the app. The Electron
 * boundary is the one place a double is allowed; `unavailable` plays a computer without a
 * keychain, `basic_text` Linux's plain-text fallback, so the refusals can be tested.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SafeStorageLike } from '../services/profiles/safe-storage-secret-store';

export type TestKeychain = 'available' | 'unavailable' | 'basic_text';

export const testKeychains: readonly TestKeychain[] = ['available', 'unavailable', 'basic_text'];

const ivBytes = 12;
const tagBytes = 16;

export function createTestSafeStorage(keychain: TestKeychain = 'available'): SafeStorageLike {
  const key = randomBytes(32);
  return {
    isEncryptionAvailable: () => keychain !== 'unavailable',
    getSelectedStorageBackend: () => (keychain === 'basic_text' ? 'basic_text' : 'gnome_libsecret'),
    encryptString(plainText) {
      if (keychain === 'unavailable') throw new Error('Encryption is not available.');
      const iv = randomBytes(ivBytes);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const sealed = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), sealed]);
    },
    decryptString(encrypted) {
      if (keychain === 'unavailable') throw new Error('Encryption is not available.');
      const decipher = createDecipheriv('aes-256-gcm', key, encrypted.subarray(0, ivBytes));
      decipher.setAuthTag(encrypted.subarray(ivBytes, ivBytes + tagBytes));
      const opened = [decipher.update(encrypted.subarray(ivBytes + tagBytes)), decipher.final()];
      return Buffer.concat(opened).toString('utf8');
    },
  };
}
