/**
 * The stored status of a compared document (issue 7, "documents from two environments"): what
 * the environment's DocumentReference says of it (current, replaced, invalidated), which the CDA
 * bytes do not carry. Comparing AT against TK after TK invalidated the document said "identical"
 * (review 9, defect 1): a difference in status is a metadata difference like any other. A local
 * file has no stored status, so a side without one is never compared (no fake "current").
 */
import type { MetadataChange } from './metadata-diff';

export const storedStatuses = ['current', 'replaced', 'invalidated'] as const;
export type StoredStatus = (typeof storedStatuses)[number];

/** The model path of the status in the metadata diff and the change list. */
export const storedStatusPath = 'storedStatus';

/** FHIR DocumentReference.status → the status the app shows (folders decide theirs the same way). */
export function storedStatusOf(fhirStatus: string | undefined): StoredStatus {
  if (fhirStatus === 'entered-in-error') return 'invalidated';
  if (fhirStatus === 'superseded') return 'replaced';
  return 'current';
}

/** The status with the FHIR word behind it, as tables and reports name it. */
export function storedStatusLabel(status: StoredStatus): string {
  if (status === 'invalidated') return 'invalidated (entered-in-error)';
  if (status === 'replaced') return 'replaced (superseded)';
  return 'current';
}

/** The stored status of each side, when it came from an environment. */
export interface StoredStatuses {
  readonly left?: StoredStatus;
  readonly right?: StoredStatus;
}

/** The status difference of two sides, or none (same status, or a side without one). */
export function diffStoredStatus(statuses: StoredStatuses | undefined): MetadataChange[] {
  const { left, right } = statuses ?? {};
  if (left === undefined || right === undefined || left === right) return [];
  return [
    {
      path: storedStatusPath,
      kind: 'changed',
      left,
      right,
      leftLabel: storedStatusLabel(left),
      rightLabel: storedStatusLabel(right),
    },
  ];
}

/**
 * A note when only one side has a stored status and it is not current: a document as sent
 * against its stored copy that the environment has since invalidated compared as "identical"
 * with nothing to say so (review 10, finding 8). No difference, since a file has no status.
 */
export function storedStatusNotes(statuses: StoredStatuses | undefined): string[] {
  const { left, right } = statuses ?? {};
  if ((left === undefined) === (right === undefined)) return [];
  const [side, other, status] =
    left === undefined ? ['right', 'left', right!] : ['left', 'right', left];
  if (status === 'current') return [];
  return [
    `The ${side} document is ${storedStatusLabel(status)} in its environment; the ${other} one, a local file, has no stored status to compare with.`,
  ];
}
