/**
 * The top-level fields of DocumentMetadata: the names a model path (and so a model ignore rule)
 * can start with. Kept as a Record over the type's keys so the compiler refuses this list when
 * DocumentMetadata gains a field it lacks or loses one it names (issue 7 review: a misspelled
 * model pattern, "titel", was accepted and hid nothing).
 */
import type { DocumentMetadata } from './model';

const fields: Readonly<Record<keyof DocumentMetadata, true>> = {
  format: true,
  id: true,
  setId: true,
  versionNumber: true,
  title: true,
  effectiveTime: true,
  languageCode: true,
  realmCode: true,
  templateIds: true,
  register: true,
  confidentiality: true,
  copyTime: true,
  patient: true,
  authors: true,
  custodian: true,
  serviceEventId: true,
  encounter: true,
  serviceEvent: true,
  participants: true,
  relatedDocuments: true,
  localHeader: true,
  localSocialHeader: true,
  signatures: true,
  message: true,
  fhir: true,
  identityCodes: true,
  attachments: true,
  body: true,
  warnings: true,
};

/** Every top-level field name of DocumentMetadata, in the type's order. */
export const metadataFieldNames: readonly string[] = Object.keys(fields);
