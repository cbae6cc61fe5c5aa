/**
 * `env:NAME:<document id>` operands, parsed without loading the environment client: telling a
 * reference from a file name is needed on every compare and show, connecting only for references
 * (environment-document.ts), and the command line's start-up should not pay for TLS and HTTP.
 * The id is a resource id or a document id (`root` or `root^extension`, the characters and length
 * the app's "same document in another environment" accepts); environment-document.ts tells which.
 */
import { UsageError } from './command';

export interface EnvironmentReference {
  readonly profileId: string;
  /** As given: a DocumentReference's resource id, or the CDA's document id. */
  readonly documentId: string;
}

/** `env:NAME:ID` → its parts; undefined for anything that is not an env reference (a file). */
export function parseEnvironmentReference(operand: string): EnvironmentReference | undefined {
  if (!operand.startsWith('env:')) return undefined;
  const match = /^env:([a-z0-9][a-z0-9-]{0,63}):([0-9A-Za-z.^:-]{1,128})$/.exec(operand);
  if (!match)
    throw new UsageError(
      `${operand.slice(0, 80)}: an environment reference is env:NAME:<document id> (or the resource id archivist search lists), e.g. env:sandbox:seed-doc-1.`,
    );
  return { profileId: match[1] ?? '', documentId: match[2] ?? '' };
}
