/**
 * `env:NAME:<document id>` operands: a document read from a profile's environment instead of a
 * file (ARCHITECTURE.md, command-line contract). The profile is opened the way `archivist search`
 * opens it: its certificates, passphrase from the environment or a prompt, and its calendar.
 */
import type { EnvironmentProfile } from '../../shared/environments/profile';
import type { EnvironmentConnection } from '../services/environments/connection';
import { openConnection } from '../services/environments/open-connection';
import { createCliSecretStore } from '../services/profiles/cli-secret-store';
import { findProfile } from '../services/profiles/profile-store';
import { terminalPrompt } from '../services/profiles/terminal-prompt';
import { CommandFailure, type CliIo } from './command';
import type { EnvironmentReference } from './environment-reference';

export { parseEnvironmentReference, type EnvironmentReference } from './environment-reference';

/** The named profile and a connection to it; every failure is one line for stderr. */
export async function openProfileConnection(
  home: string,
  profileId: string,
  io: CliIo,
): Promise<{ profile: EnvironmentProfile; connection: EnvironmentConnection }> {
  const profile = await findProfile(home, profileId);
  if (!profile.ok) throw new CommandFailure(profile.error.message);
  const prompt = terminalPrompt();
  const secrets = createCliSecretStore({ env: io.env, ...(prompt ? { prompt } : {}) });
  const opened = await openConnection(profile.value, { secrets });
  if (!opened.ok) throw new CommandFailure(opened.error.message.replace(/\s*\n\s*/g, ' '));
  return { profile: profile.value, connection: opened.value };
}

/** The document's bytes (the CDA behind a DocumentReference, as the environment serves it). */
export async function readEnvironmentDocument(
  home: string,
  reference: EnvironmentReference,
  io: CliIo,
): Promise<Uint8Array> {
  const { connection } = await openProfileConnection(home, reference.profileId, io);
  try {
    const fetched = await connection.read(reference.documentId);
    if (!fetched.ok)
      throw new CommandFailure(
        `env:${reference.profileId}:${reference.documentId}: ${fetched.error.message}`,
      );
    return fetched.value.bytes;
  } finally {
    connection.close();
  }
}
