/**
 * Validators for the Environments screen's and the audit export's requests. Shapes only: what a
 * profile may hold is checked again by `parseProfile` (shared/environments/profile.ts) when main
 * builds the profile from the draft, which answers with the sentence the form shows.
 */
import { environmentKinds, repositories } from '../environments/profile';
import { err, type Result } from '../result';
import {
  auditExportFormats,
  pickPurposes,
  type AuditExportRequest,
  type FileChoice,
  type PickProfileFileRequest,
  type ProfileDraft,
  type SaveProfileRequest,
} from './profile-editor-types';
import {
  booleanField,
  isPlainObject,
  objectOf,
  oneOfField,
  optional,
  stringField,
  type Validator,
} from './validate';
import { auditFilterField, profileIdField } from './workspace-requests';

/** Pick ids are main's random UUIDs. */
export const pickIdField = stringField({
  maxLength: 64,
  pattern: /^pick-[0-9a-f-]{36}$/,
  patternHint: 'must be the id of a file chosen in the dialog',
});

const keepField = objectOf({ keep: (raw, path) => booleanField()(raw, path) });

export const fileChoiceField: Validator<FileChoice> = (raw, path): Result<FileChoice> => {
  if (isPlainObject(raw) && 'keep' in raw) {
    const kept = keepField(raw, path);
    if (!kept.ok) return kept;
    return kept.value.keep
      ? { ok: true, value: { keep: true } }
      : err('invalid-request', `${path}.keep must be true.`);
  }
  return objectOf({ pickId: pickIdField })(raw, path);
};

const text = (maxLength: number) => stringField({ maxLength });

const draftField: Validator<ProfileDraft> = objectOf({
  id: text(64),
  displayName: text(120),
  kind: oneOfField(environmentKinds),
  repository: oneOfField(repositories),
  baseUrl: optional(text(2048)),
  folder: optional(fileChoiceField),
  isTestEnvironment: booleanField(),
  organisationOid: optional(text(128)),
  operator: optional(
    objectOf({
      name: text(120),
      registrationNumber: text(64),
      organisationOid: text(128),
    }),
  ),
  tls: optional(
    objectOf({
      pkcs12: optional(fileChoiceField),
      certificate: optional(fileChoiceField),
      key: optional(fileChoiceField),
      caFile: optional(fileChoiceField),
      hasPassphrase: booleanField(),
    }),
  ),
  followsCalendar: booleanField(),
});

export const saveProfileField: Validator<SaveProfileRequest> = objectOf({
  mode: oneOfField(['create', 'edit'] as const),
  draft: draftField,
  passphrase: optional(text(1024)),
});

export const pickProfileFileField: Validator<PickProfileFileRequest> = objectOf({
  purpose: oneOfField(pickPurposes),
  name: optional(
    stringField({
      maxLength: 255,
      // Not `.` or `..` either: the name stays inside local-files/.
      pattern: /^(?!\.\.?$)[^/\\\0]+$/,
      patternHint: 'must be a file name without folders',
    }),
  ),
});

export const profileRequestField = objectOf({ profileId: profileIdField });

export const auditExportField: Validator<AuditExportRequest> = objectOf({
  format: oneOfField(auditExportFormats),
  filter: auditFilterField,
});
