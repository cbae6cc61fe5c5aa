/**
 * Review 9, defect 1: AT against TK said "identical" although TK had the document invalidated.
 * Each environment side's stored status takes part in the comparison as a metadata difference,
 * mirrored when the sides are swapped like the rest of the metadata diff, never hidden by the
 * shipped profiles; a local file has no stored status, so nothing is said or compared for it.
 */
import { describe, expect, it } from 'vitest';
import { findIgnoreProfile } from '../../../../shared/compare/builtin-profiles';
import { compareDocuments, type CompareSide } from '../../../../shared/compare/compare-documents';
import {
  diffStoredStatus,
  storedStatusOf,
  storedStatuses,
} from '../../../../shared/compare/metadata-status';
import { readDocument } from '../../../../shared/documents/read-document';
import { unwrap } from '../support/fixtures';
import { xmlTree } from '../support/parse-tree';

const cda = `<ClinicalDocument xmlns="urn:hl7-org:v3"><id root="1.2.246.10.1"/><title>T</title>
  <component><structuredBody><component><section><title>S</title><text>x</text></section></component></structuredBody></component></ClinicalDocument>`;

function side(): CompareSide {
  const tree = xmlTree(cda);
  return { tree, metadata: unwrap(readDocument(tree)) };
}

describe('diffStoredStatus', () => {
  it('names both statuses of a pair that differs, mirrored when the sides are swapped', () => {
    for (const left of storedStatuses)
      for (const right of storedStatuses) {
        const forward = diffStoredStatus({ left, right });
        const backward = diffStoredStatus({ left: right, right: left });
        if (left === right) {
          expect(forward).toEqual([]);
          continue;
        }
        expect(forward).toEqual([
          expect.objectContaining({ path: 'storedStatus', kind: 'changed', left, right }),
        ]);
        expect(backward).toEqual([
          expect.objectContaining({ left: right, right: left, leftLabel: forward[0]!.rightLabel }),
        ]);
      }
  });

  it('says nothing when a side has no stored status (a local file)', () => {
    expect(diffStoredStatus({ left: 'invalidated' })).toEqual([]);
    expect(diffStoredStatus({ right: 'current' })).toEqual([]);
    expect(diffStoredStatus(undefined)).toEqual([]);
  });

  it('reads FHIR statuses the way the table does', () => {
    expect(storedStatusOf('entered-in-error')).toBe('invalidated');
    expect(storedStatusOf('superseded')).toBe('replaced');
    expect(storedStatusOf('current')).toBe('current');
  });
});

describe('compareDocuments with stored statuses', () => {
  const profile = unwrap(findIgnoreProfile('default'));

  it('makes the same bytes current against invalidated a shown difference, in both orders', () => {
    for (const [left, right] of [
      ['current', 'invalidated'],
      ['invalidated', 'current'],
    ] as const) {
      const result = compareDocuments(side(), side(), {
        profile,
        storedStatus: { left, right },
      });
      expect(result.identical).toBe(false);
      expect(result.shownDifferences).toBe(1);
      expect(result.metadata.shown).toEqual([
        expect.objectContaining({ path: 'storedStatus', left, right }),
      ]);
      expect(result.changeList.shown.map((item) => item.path)).toEqual(['storedStatus']);
      expect(result.left.storedStatus).toBe(left);
      expect(result.right.storedStatus).toBe(right);
    }
  });

  it('is not hidden by any shipped profile', () => {
    for (const id of ['default', 'archive-filled', 'prescription']) {
      const result = compareDocuments(side(), side(), {
        profile: unwrap(findIgnoreProfile(id)),
        storedStatus: { left: 'replaced', right: 'current' },
      });
      expect(result.metadata.hidden).toEqual([]);
      expect(result.shownDifferences).toBe(1);
    }
  });

  it('keeps equal statuses identical, and gives a local file no status', () => {
    const same = compareDocuments(side(), side(), {
      profile,
      storedStatus: { left: 'current', right: 'current' },
    });
    expect(same.identical).toBe(true);
    const file = compareDocuments(side(), side(), { profile, storedStatus: { right: 'current' } });
    expect(file.identical).toBe(true);
    expect(file.left).not.toHaveProperty('storedStatus');
    expect(file.right.storedStatus).toBe('current');
  });

  it('notes, without a difference, a file against a stored copy that is no longer current', () => {
    const invalidated = compareDocuments(side(), side(), {
      profile,
      storedStatus: { right: 'invalidated' },
    });
    expect(invalidated.identical).toBe(true);
    expect(invalidated.notes).toEqual([
      'The right document is invalidated (entered-in-error) in its environment; the left one, a local file, has no stored status to compare with.',
    ]);
    const replaced = compareDocuments(side(), side(), {
      profile,
      storedStatus: { left: 'replaced' },
    });
    expect(replaced.notes).toEqual([
      expect.stringMatching(/^The left document is replaced \(superseded\)/),
    ]);
    for (const storedStatus of [
      { right: 'current' },
      { left: 'invalidated', right: 'invalidated' },
    ] as const)
      expect(compareDocuments(side(), side(), { profile, storedStatus }).notes).toEqual([]);
  });
});
