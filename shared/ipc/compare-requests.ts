/** Validators for the compare channels' requests (see compare-types.ts). */
import { err, type Result } from '../result';
import {
  booleanField,
  integerField,
  isPlainObject,
  objectOf,
  oneOfField,
  optional,
  stringField,
  type Validator,
} from './validate';
import {
  compareLineSides,
  exportFormats,
  maxLinesPerRequest,
  maxNarrativeRowsPerRequest,
  type CompareSideRef,
} from './compare-types';
import { profileIdField, resourceIdField, searchIdField } from './workspace-requests';

export const compareIdField = searchIdField;

/** Opaque ids handed out by `documents:pick-file`. */
export const fileIdField = stringField({
  maxLength: 64,
  pattern: /^file-[A-Za-z0-9_-]{8,58}$/,
  patternHint: 'must be a file id from the file picker',
});

export const ignoreProfileField = stringField({
  maxLength: 64,
  pattern: /^[a-z0-9][a-z0-9-]*$/,
  patternHint: 'must be an ignore profile id (lower-case letters, digits and dashes)',
});

const plainFileName = /^(?!\.{1,2}$)[^/\\\0:]+$/;
const fileNameString = stringField({ maxLength: 255 });

/**
 * A plain file name (no folders): what the browser harness accepts instead of a dialog. A tester
 * types it, so its refusal is a sentence for them, not a field path (issue 7 review).
 */
export const fileNameField: Validator<string> = (raw, path) => {
  const name = fileNameString(raw, path);
  if (!name.ok || plainFileName.test(name.value)) return name;
  return err(
    'invalid-request',
    `"${name.value}" is not a plain file name. Type only the name of a file in the local files folder, such as v2.xml, without folders (no /, \\, : or ..).`,
  );
};

const environmentSide = objectOf({ profileId: profileIdField, resourceId: resourceIdField });
const fileSide = objectOf({ fileId: fileIdField });

export const compareSideField: Validator<CompareSideRef> = (raw, path): Result<CompareSideRef> => {
  if (!isPlainObject(raw)) return err('invalid-request', `${path} must be an object.`);
  if ('fileId' in raw) return fileSide(raw, path);
  if ('profileId' in raw) return environmentSide(raw, path);
  return err(
    'invalid-request',
    `${path} must name a document (profileId and resourceId) or a chosen file (fileId).`,
  );
};

export const compareRequestField = objectOf({
  compareId: compareIdField,
  left: compareSideField,
  right: compareSideField,
  ignoreProfile: ignoreProfileField,
});

export const pickFileRequestField = objectOf({ name: optional(fileNameField) });

export const exportRequestField = objectOf({
  compareId: compareIdField,
  exportId: compareIdField,
  format: oneOfField(exportFormats),
  redact: booleanField(),
});

/** A range of canonical lines: the count is capped so no answer is a long task to parse. */
export const compareLinesRequestField = objectOf({
  compareId: compareIdField,
  side: oneOfField(compareLineSides),
  start: integerField({ min: 0, max: 50_000_000 }),
  count: integerField({ min: 1, max: maxLinesPerRequest }),
});

export const compareNarrativeRequestField = objectOf({
  compareId: compareIdField,
  start: integerField({ min: 0, max: 10_000_000 }),
  count: integerField({ min: 1, max: maxNarrativeRowsPerRequest }),
});
