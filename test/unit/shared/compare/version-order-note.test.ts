import { describe, expect, it } from 'vitest';
import { versionOrderNotes } from '../../../../shared/compare/version-order-note';
import { instantOf } from '../../../../shared/documents/version-chain-order';
import type { DocumentId, SetId } from '../../../../shared/documents/model';

const set = (root: string): SetId => ({ root }) as SetId;
const series = set('1.2.246.10.99990001.2026.1');
let documents = 0;
const version = (versionNumber: number | undefined, effectiveTime?: string) => ({
  id: { root: `1.2.246.10.99990001.2026.${++documents}` } as DocumentId,
  setId: series,
  ...(versionNumber === undefined ? {} : { versionNumber }),
  ...(effectiveTime === undefined ? {} : { effectiveTime }),
});

describe('versionOrderNotes (review 9, defect 6)', () => {
  it('says nothing when the numbers and dates agree', () => {
    expect(versionOrderNotes(version(1, '20240506'), version(3, '20240626'))).toEqual([]);
    expect(versionOrderNotes(version(3, '20240626'), version(1, '20240506'))).toEqual([]);
  });

  it('notes a version 1 dated after version 3, naming both sides', () => {
    expect(versionOrderNotes(version(1, '20250512101500+0300'), version(3, '20240626'))).toEqual([
      'The version numbers and the dates disagree on which document is older: the left one is version 1, dated 2025-05-12 10:15:00 +03:00, the right one is version 3, dated 2024-06-26. The sides follow the version numbers.',
    ]);
  });

  it('notes two documents of one series with the same number', () => {
    const [note] = versionOrderNotes(version(1, '20240506'), version(1, '20250512'));
    expect(note).toMatch(
      /^Both documents are version 1 of the same series \(setId 1\.2\.246\.10\.99990001\.2026\.1\): the version numbers do not say which is older/,
    );
  });

  it('says nothing for one document against itself (AT against TK)', () => {
    const same = version(1, '20240506');
    expect(versionOrderNotes(same, { ...same })).toEqual([]);
  });

  it('says nothing for documents of different series, or without numbers or dates', () => {
    const other = { ...version(1, '20250512'), setId: set('1.2.3') };
    expect(versionOrderNotes(other, version(3, '20240626'))).toEqual([]);
    expect(versionOrderNotes(version(undefined, '20250512'), version(3, '20240626'))).toEqual([]);
    expect(versionOrderNotes(version(1), version(3, '20240626'))).toEqual([]);
  });

  it('reads time zones: the same instant in two zones is no contradiction', () => {
    expect(instantOf('20240626120000+0300')).toBe(instantOf('20240626090000'));
    expect(instantOf('20240626120000-0500')).toBe(Date.UTC(2024, 5, 26, 17));
    expect(instantOf('not a time')).toBeUndefined();
    expect(
      versionOrderNotes(version(1, '20240626120000+0300'), version(2, '20240626100000+0000')),
    ).toEqual([]);
  });
});
