/**
 * The desktop app's secret store: passphrases sealed with Electron's `safeStorage` (the OS
 * keychain: Keychain, DPAPI, libsecret/kwallet) and kept as Base64 in `secrets.json` in the home
 * folder. A thin adapter: main injects `safeStorage`, so this module never imports Electron.
 *
 * It refuses to persist when the OS offers no real secret store: `isEncryptionAvailable()` is
 * false, or on Linux the backend is `basic_text`, where Chromium "encrypts" with a hard-coded
 * key (Electron docs, safeStorage.getSelectedStorageBackend), which is plain text in effect.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isPlainObject } from '../../../shared/ipc/validate';
import { err, ok, type Result } from '../../../shared/result';
import { fileProblemReason } from '../files/file-problem';
import { writeFileAtomically } from './atomic-file';
import { secretErrorCodes, type SecretStore } from './secret-store';

/** What this store uses of Electron's `safeStorage`. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only in Electron. */
  getSelectedStorageBackend?(): string;
}

export const secretsFileName = 'secrets.json';

function unsafeReason(safeStorage: SafeStorageLike): string | undefined {
  if (!safeStorage.isEncryptionAvailable())
    return 'this computer offers no secret store (OS keychain) to Archivist';
  const backend = safeStorage.getSelectedStorageBackend?.();
  if (backend === 'basic_text')
    return 'the only secret store available is basic_text, which keeps secrets readable (install and unlock a keyring such as gnome-keyring or kwallet)';
  return undefined;
}

export function createSafeStorageSecretStore(
  home: string,
  safeStorage: SafeStorageLike,
): SecretStore {
  const file = path.join(home, secretsFileName);

  async function readSealed(): Promise<Result<Record<string, string>>> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return ok({});
      return err(
        secretErrorCodes.unavailable,
        `Cannot read ${file} (${fileProblemReason(error, 'read')}).`,
      );
    }
    try {
      const raw: unknown = JSON.parse(text);
      if (isPlainObject(raw) && isPlainObject(raw.entries)) {
        const entries: Record<string, string> = {};
        for (const [key, value] of Object.entries(raw.entries))
          if (typeof value === 'string') entries[key] = value;
        return ok(entries);
      }
    } catch {
      // Falls through to the sentence below.
    }
    return err(
      secretErrorCodes.unavailable,
      `${file} is damaged; remove it and enter the passphrases again.`,
    );
  }

  async function writeSealed(entries: Record<string, string>): Promise<Result<void>> {
    const written = await writeFileAtomically(
      file,
      `${JSON.stringify({ format: 'archivist-secrets-1', entries }, null, 2)}\n`,
    );
    return written.ok ? written : err(secretErrorCodes.storeUnavailable, written.error.message);
  }

  return {
    async readPassphrase(request) {
      const unsafe = unsafeReason(safeStorage);
      if (unsafe)
        return err(
          secretErrorCodes.storeUnavailable,
          `The passphrase of ${request.displayName} cannot be read: ${unsafe}.`,
        );
      const sealed = await readSealed();
      if (!sealed.ok) return sealed;
      const entry = sealed.value[request.reference];
      if (entry === undefined)
        return err(
          secretErrorCodes.unavailable,
          `No passphrase is stored for ${request.displayName}; enter it in the profile's settings.`,
        );
      try {
        return ok(safeStorage.decryptString(Buffer.from(entry, 'base64')));
      } catch {
        return err(
          secretErrorCodes.unavailable,
          `The stored passphrase of ${request.displayName} cannot be unsealed (the keychain changed?); enter it again.`,
        );
      }
    },

    async savePassphrase(reference, passphrase) {
      if (!/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/.test(reference))
        return err(
          secretErrorCodes.storeUnavailable,
          `'${reference.slice(0, 40)}' cannot name a secret.`,
        );
      const unsafe = unsafeReason(safeStorage);
      if (unsafe)
        return err(secretErrorCodes.storeUnavailable, `The passphrase was not saved: ${unsafe}.`);
      const sealed = await readSealed();
      const entries = sealed.ok ? sealed.value : {};
      entries[reference] = safeStorage.encryptString(passphrase).toString('base64');
      return writeSealed(entries);
    },

    persistence() {
      const reason = unsafeReason(safeStorage);
      return reason === undefined ? { canPersist: true } : { canPersist: false, reason };
    },

    async removePassphrase(reference) {
      const sealed = await readSealed();
      if (!sealed.ok || !(reference in sealed.value)) return ok(undefined);
      const { [reference]: _removed, ...rest } = sealed.value;
      return writeSealed(rest);
    },
  };
}
