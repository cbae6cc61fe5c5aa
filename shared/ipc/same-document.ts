/**
 * "Compare with the same document in another environment…" (review 9, defect 2): on real AT and
 * TK the server assigns each stored document its own resource id, so the same document is found
 * in the other environment by its document id (the CDA `ClinicalDocument/id`), then compared.
 */
import { objectOf, stringField } from './validate';
import { profileIdField } from './workspace-requests';
import type { DocumentRow } from './workspace-types';

export interface FindSameDocumentRequest {
  /** The environment to look in. */
  readonly profileId: string;
  /** The document id: `root`, or `root^extension`. */
  readonly documentId: string;
}

/** The documents of that id there, newest first (one, or several for the tester to choose). */
export interface SameDocumentMatches {
  readonly profileId: string;
  /** The environment's display name, for the choice's heading. */
  readonly environment: string;
  readonly matches: readonly DocumentRow[];
}

export const findSameDocumentField = objectOf({
  profileId: profileIdField,
  documentId: stringField({
    maxLength: 128,
    pattern: /^[0-9A-Za-z.^:-]{1,128}$/,
    patternHint: 'must be a document id (an OID, optionally ^extension)',
  }),
});
