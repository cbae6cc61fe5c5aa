/**
 * The command line's secret store: a passphrase comes from the environment
 * (`ARCHIVIST_PASSPHRASE_<PROFILE ID>` first, then `ARCHIVIST_PASSPHRASE`) or, when stdin is a
 * terminal, from a prompt with echo off. It is never written anywhere: saving is refused with
 * the sentence that says how to provide it instead.
 */
import { err, ok } from '../../../shared/result';
import { secretErrorCodes, type SecretStore } from './secret-store';

export interface CliSecretStoreOptions {
  readonly env: NodeJS.ProcessEnv;
  /** Asks on the terminal without echo; absent when stdin is not a terminal. */
  readonly prompt?: (question: string) => Promise<string | undefined>;
}

/** `ARCHIVIST_PASSPHRASE_AT_LAB` for profile `at-lab`. */
export function passphraseVariableFor(profileId: string): string {
  return `ARCHIVIST_PASSPHRASE_${profileId.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}

export function createCliSecretStore(options: CliSecretStoreOptions): SecretStore {
  // A typed passphrase is kept in memory for this run only, so one command asks once.
  const typedThisRun = new Map<string, string>();
  return {
    async readPassphrase(request) {
      const specific = passphraseVariableFor(request.profileId);
      const fromEnv = options.env[specific] ?? options.env['ARCHIVIST_PASSPHRASE'];
      if (fromEnv !== undefined && fromEnv !== '') return ok(fromEnv);
      const remembered = typedThisRun.get(request.profileId);
      if (remembered !== undefined) return ok(remembered);
      if (options.prompt) {
        const typed = await options.prompt(
          `Passphrase of the client certificate of ${request.displayName}: `,
        );
        if (typed !== undefined) {
          typedThisRun.set(request.profileId, typed);
          return ok(typed);
        }
        return err(secretErrorCodes.unavailable, 'No passphrase was entered.');
      }
      return err(
        secretErrorCodes.unavailable,
        `${request.displayName} needs the passphrase of its client certificate: set ${specific} (or ARCHIVIST_PASSPHRASE), or run the command on a terminal to be asked.`,
      );
    },
    async savePassphrase() {
      return err(
        secretErrorCodes.storeUnavailable,
        'The command line never stores passphrases; give it in ARCHIVIST_PASSPHRASE_<PROFILE> or at the prompt each time.',
      );
    },
    async removePassphrase() {
      return ok(undefined);
    },
    persistence: () => ({
      canPersist: false,
      reason:
        'here passphrases come only from the ARCHIVIST_PASSPHRASE_<PROFILE> environment variables, and nothing is stored',
    }),
  };
}
