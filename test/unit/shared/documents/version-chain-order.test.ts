import { describe, expect, it } from 'vitest';
import { pickedOrderNote } from '../../../../shared/documents/version-chain-order';

const version = (resourceId: string, versionNumber: number | undefined, date: string) => ({
  resourceId,
  ...(versionNumber === undefined ? {} : { versionNumber }),
  date,
});

describe('pickedOrderNote (review 9, defect 6)', () => {
  it('says nothing when the lower number is also the earlier date', () => {
    expect(
      pickedOrderNote(
        version('seed-doc-50', 1, '2024-05-06T10:00:00+03:00'),
        version('seed-doc-52', 3, '2024-06-26T09:00:00+03:00'),
      ),
    ).toBeUndefined();
  });

  it('warns when the version on the left is dated after the one on the right', () => {
    expect(
      pickedOrderNote(
        version('seed-doc-53', 1, '2025-05-12T08:00:00+03:00'),
        version('seed-doc-52', 3, '2024-06-26T09:00:00+03:00'),
      ),
    ).toBe(
      'Version 1 (seed-doc-53, 2025-05-12) is dated after version 3 (seed-doc-52, 2024-06-26); it goes on the left by its version number.',
    );
  });

  it('warns when both share a number, and reads HL7 times too', () => {
    expect(pickedOrderNote(version('a', 1, '20240506'), version('b', 1, '20250512'))).toMatch(
      /^Both picked documents are version 1: which is older is not known; version 1 \(a, 20240506\)/,
    );
    expect(pickedOrderNote(version('a', 1, '20250512'), version('b', 2, '20240506'))).toMatch(
      /is dated after version 2/,
    );
  });

  it('says nothing without dates to go by', () => {
    expect(pickedOrderNote(version('a', 1, ''), version('b', 2, '2024-06-26'))).toBeUndefined();
    expect(pickedOrderNote(version('a', undefined, 'x'), version('b', 2, 'y'))).toBeUndefined();
  });
});
