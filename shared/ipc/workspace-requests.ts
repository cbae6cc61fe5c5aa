/**
 * Validators for the workspace channels' requests. Ids are checked for shape here so a handler
 * never builds a URL from something odd; the meaning (is this hetu a test code?) is the
 * workspace's business, which answers with a sentence.
 */
import { objectOf, oneOfField, optional, stringField, type Validator } from './validate';
import type { SearchQuery } from './workspace-types';

export const profileIdField = stringField({
  maxLength: 64,
  pattern: /^[a-z0-9][a-z0-9-]*$/,
  patternHint: 'must be a profile name (lower-case letters, digits and dashes)',
});

/** FHIR ids: 1–64 of `A–Z a–z 0–9 - .` (FHIR R4 datatypes.html#id). */
export const resourceIdField = stringField({
  maxLength: 64,
  pattern: /^[A-Za-z0-9.-]{1,64}$/,
  patternHint: 'must be a FHIR resource id',
});

export const searchIdField = stringField({
  maxLength: 64,
  pattern: /^[A-Za-z0-9-]{1,64}$/,
  patternHint: 'must be letters, digits and dashes',
});

const isoDate = stringField({
  maxLength: 10,
  pattern: /^\d{4}-\d{2}-\d{2}$/,
  patternHint: 'must be a date like 2024-01-31',
});

const isoInstant = stringField({
  maxLength: 40,
  pattern: /^\d{4}-\d{2}-\d{2}(T[0-9:.]+(Z|[+-]\d{2}:\d{2})?)?$/,
  patternHint: 'must be an ISO date or time',
});

const shortText = stringField({ maxLength: 128 });

export const searchQueryField: Validator<SearchQuery> = objectOf({
  patient: optional(stringField({ maxLength: 32 })),
  documentId: optional(shortText),
  setId: optional(shortText),
  serviceEventId: optional(shortText),
  from: optional(isoDate),
  to: optional(isoDate),
  register: optional(stringField({ maxLength: 32 })),
  view: optional(stringField({ maxLength: 32 })),
  status: optional(oneOfField(['current', 'superseded', 'entered-in-error'] as const)),
});

export const auditFilterField = objectOf({
  patient: optional(stringField({ maxLength: 32 })),
  document: optional(shortText),
  action: optional(oneOfField(['C', 'R', 'U', 'D', 'E'] as const)),
  outcome: optional(oneOfField(['0', '4', '8', '12'] as const)),
  operator: optional(shortText),
  kind: optional(stringField({ maxLength: 32 })),
  from: optional(isoInstant),
  to: optional(isoInstant),
});
