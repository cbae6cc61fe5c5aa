/**
 * `env:NAME:<document id>` operands: a document read from a profile's environment instead of a
 * file (ARCHITECTURE.md, command-line contract). The profile is opened the way `archivist search`
 * opens it: its certificates, passphrase from the environment or a prompt, and its calendar.
 * The read is audited in the profile's context (its operator and environment, as `search` and
 * `invalidate` record them), so `show` and `compare` say where a document was read.
 */
import { readEvent, type AuditContext } from '../../shared/audit/builders';
import type { EnvironmentProfile } from '../../shared/environments/profile';
import type { DocumentReference } from '../../shared/fhir/resources';
import { storedStatusOf, type StoredStatus } from '../../shared/compare/metadata-status';
import type { Result } from '../../shared/result';
import { openJournal } from '../services/audit/journal';
import {
  environmentErrorCodes,
  type EnvironmentConnection,
  type FetchedDocument,
} from '../services/environments/connection';
import { openConnection } from '../services/environments/open-connection';
import { createCliSecretStore } from '../services/profiles/cli-secret-store';
import { findProfile } from '../services/profiles/profile-store';
import { terminalPrompt } from '../services/profiles/terminal-prompt';
import { cliContext } from './audit-context';
import { CommandFailure, type CliIo } from './command';
import { couldBeResourceId, resourceIdOfDocument } from './document-id-lookup';
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

/** Who reads through this profile, and where: its operator (else the OS user) and environment. */
export function profileContext(profile: EnvironmentProfile): AuditContext {
  return cliContext({
    ...(profile.operator ? { operator: profile.operator } : {}),
    environment: { name: profile.displayName, baseUrl: profile.baseUrl },
  });
}

/** Records a read that failed; a journal that cannot take it leaves the failure to be told. */
async function recordFailedRead(
  home: string,
  context: AuditContext,
  documentId: string,
  description: string,
): Promise<void> {
  const journal = await openJournal(home);
  if (!journal.ok) return;
  try {
    journal.value.append(readEvent(context, documentId, undefined, { code: '8', description }));
  } finally {
    journal.value.close();
  }
}

/** A document read from an environment, with the profile and the audit context it was read in. */
export interface EnvironmentDocument {
  /** The CDA behind a DocumentReference, as the environment serves it. */
  readonly bytes: Uint8Array;
  /** The status the environment stores for it (compare names and compares it). */
  readonly storedStatus: StoredStatus;
  readonly profile: EnvironmentProfile;
  /** The context its read is to be recorded in (the caller records it once the id is known). */
  readonly context: AuditContext;
  /** The DocumentReference's id, recorded beside the document id (shared/audit/resource-reference). */
  readonly resourceId?: string;
  /** The DocumentReference itself: `show` checks it against the CDA header. */
  readonly reference?: DocumentReference;
}

/**
 * The document of an env: reference. Its id is read as a resource id first (an OID is a valid
 * FHIR id too, and `archivist search` lists resource ids); when the environment has no such
 * resource, or the id cannot be one, it is looked up as a document id (document-id-lookup.ts).
 * A read that fails is still an attempt on patient data: it is recorded (outcome 8) in the
 * profile's context before the command fails, as the app records it; the failure names the
 * reference as given.
 */
export async function readEnvironmentDocument(
  home: string,
  reference: EnvironmentReference,
  io: CliIo,
  given = `env:${reference.profileId}:${reference.documentId}`,
): Promise<EnvironmentDocument> {
  const { profile, connection } = await openProfileConnection(home, reference.profileId, io);
  try {
    const context = profileContext(profile);
    const fetched = await readByEitherId(home, connection, context, profile, reference.documentId);
    if (!fetched.ok) {
      await recordFailedRead(home, context, reference.documentId, fetched.error.message);
      throw new CommandFailure(`${given}: ${fetched.error.message}`);
    }
    const storedStatus = storedStatusOf(fetched.value.reference.status);
    const resourceId = fetched.value.reference.id;
    return {
      bytes: fetched.value.bytes,
      storedStatus,
      profile,
      context,
      reference: fetched.value.reference,
      ...(resourceId === undefined ? {} : { resourceId }),
    };
  } finally {
    connection.close();
  }
}

/** The document whose resource id is `id`, else the one whose document id is `id`. */
async function readByEitherId(
  home: string,
  connection: EnvironmentConnection,
  context: AuditContext,
  profile: EnvironmentProfile,
  id: string,
): Promise<Result<FetchedDocument>> {
  if (couldBeResourceId(id)) {
    const byResourceId = await connection.read(id);
    if (byResourceId.ok || byResourceId.error.code !== environmentErrorCodes.notFound)
      return byResourceId;
  }
  const resourceId = await resourceIdOfDocument(home, connection, context, profile, id);
  return resourceId.ok ? connection.read(resourceId.value) : resourceId;
}
