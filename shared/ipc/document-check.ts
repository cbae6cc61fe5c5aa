/**
 * "Check listed documents" (review 11, finding 1): the table's Test data column reads only the
 * DocumentReference, so a real person's identity code inside the CDA went unnoticed. The check
 * reads one listed document's CDA per request (the renderer walks the list, so Stop takes effect
 * between documents) and answers with what it found, never with the document itself.
 */
import { objectOf } from './validate';
import { profileIdField, resourceIdField } from './workspace-requests';

export interface DocumentCheckRequest {
  readonly profileId: string;
  readonly resourceId: string;
}

/** What reading one document's contents found: sentences for the table's problems column. */
export interface DocumentCheck {
  readonly resourceId: string;
  /** Problems in the contents (identity codes that are not valid test codes, and so on). */
  readonly problems: readonly string[];
}

export const documentCheckField = objectOf({
  profileId: profileIdField,
  resourceId: resourceIdField,
});
