/**
 * The two operands of `archivist compare`, read: a file's bytes, or an `env:NAME:id` document read
 * from profile NAME's environment, each with where it came from. A document from an environment
 * is audited under that profile's context (its operator and environment, as `search` and
 * `invalidate` record them), so the read of AT and the read of TK say which is which, and the
 * report names each side's environment (issue 7, AT against TK).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AuditContext } from '../../../shared/audit/builders';
import type { StoredStatus } from '../../../shared/compare/metadata-status';
import { reportEnvironmentOf } from '../../services/compare/compared-environment';
import { fileProblem } from '../../services/files/file-problem';
import { cliContext } from '../audit-context';
import { CommandFailure, type CliIo } from '../command';
import { parseEnvironmentReference, type EnvironmentReference } from '../environment-reference';

/** One operand, read. */
export interface ComparedSide {
  readonly bytes: Uint8Array;
  /** As given on the command line. */
  readonly name: string;
  /** An absolute file path, or the env: reference as given. */
  readonly source: string;
  /** Who read it where, for the journal: a file's is the OS user's, without an environment. */
  readonly context: AuditContext;
  /** The report's name of the environment it came from (a file: none). */
  readonly environment?: string;
  /** The status its environment stores (a file: none). */
  readonly storedStatus?: StoredStatus;
  /** The DocumentReference's id in its environment (a file: none), recorded with the read. */
  readonly resourceId?: string;
}

/**
 * An env: document with its profile's report name. The environment client and TLS load only
 * here, so a compare of two files starts without them (compare-unified.ts's start-up budget).
 * readEnvironmentDocument audits in the profile's context and records a refused read.
 */
async function readFromEnvironment(
  name: string,
  reference: EnvironmentReference,
  io: CliIo,
  home: string,
): Promise<ComparedSide> {
  const { readEnvironmentDocument } = await import('../environment-document');
  const document = await readEnvironmentDocument(home, reference, io, name);
  const { bytes, profile, context, storedStatus, resourceId } = document;
  const environment = reportEnvironmentOf(profile);
  const side = { bytes, name, source: name, context, environment, storedStatus };
  return resourceId === undefined ? side : { ...side, resourceId };
}

/** A file's bytes, or those of an `env:NAME:id` document read from its environment. */
export async function readComparedSide(
  name: string,
  io: CliIo,
  home: string,
): Promise<ComparedSide> {
  const reference = parseEnvironmentReference(name);
  if (reference) return readFromEnvironment(name, reference, io, home);
  const source = path.resolve(io.cwd, name);
  try {
    // One read call, not fs/promises' 512 KB chunks: nothing else runs meanwhile in a command.
    const bytes = readFileSync(source); // a Buffer is a Uint8Array: no 20 MB copy
    return { bytes, name, source, context: cliContext() };
  } catch (error) {
    throw new CommandFailure(fileProblem(error, name, 'read'));
  }
}
