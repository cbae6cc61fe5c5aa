/**
 * Where the passphrases of client certificates live. Profiles hold only a reference
 * (`tls.passphraseRef`); the passphrase itself comes from a secret store: Electron's safeStorage
 * in the app (the OS keychain), an environment variable or a prompt on the command line. A store
 * that cannot keep a secret safely refuses to persist it rather than writing it in plain text.
 */
import type { Result } from '../../../shared/result';

/** Which passphrase is wanted, with what a prompt or an error names. */
export interface PassphraseRequest {
  readonly profileId: string;
  readonly displayName: string;
  /** The profile's `tls.passphraseRef`. */
  readonly reference: string;
}

export interface SecretStore {
  /** The passphrase, or `secret-unavailable` saying how to provide it. */
  readonly readPassphrase: (request: PassphraseRequest) => Promise<Result<string>>;
  /** Keeps it under `reference`; `secret-store-unavailable` when no safe store exists. */
  readonly savePassphrase: (reference: string, passphrase: string) => Promise<Result<void>>;
  /** Forgets it; forgetting what was never stored is fine. */
  readonly removePassphrase: (reference: string) => Promise<Result<void>>;
  /**
   * Whether `savePassphrase` can keep a secret at all, asked before a form offers to save one;
   * the reason is a sentence fragment (the save itself checks again).
   */
  readonly persistence?: () => { readonly canPersist: boolean; readonly reason?: string };
}

export const secretErrorCodes = {
  /** No passphrase can be had (none stored, no variable, no terminal to ask on). */
  unavailable: 'secret-unavailable',
  /** The store cannot keep secrets safely (no OS keychain, or a plain-text backend). */
  storeUnavailable: 'secret-store-unavailable',
} as const;

/** The reference a profile's passphrase gets by default. */
export function defaultPassphraseRef(profileId: string): string {
  return `profile:${profileId}`;
}
