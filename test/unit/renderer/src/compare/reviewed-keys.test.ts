import { describe, expect, it } from 'vitest';
import type { DocumentMetadata } from '../../../../../shared/documents/model';
import { diffLineArrays } from '../../../../../shared/compare/line-diff';
import { diffMetadata } from '../../../../../shared/compare/metadata-diff';
import {
  contentMarkKey,
  metadataMarkKey,
  reviewScope,
} from '../../../../../renderer/src/compare/reviewed-keys';

const fileA = { fileId: 'file-aaaaaaaa1' };
const docB = { profileId: 'sandbox', resourceId: 'doc-2' };

describe('reviewScope', () => {
  it('gives a comparison and its swapped twin one address, one of them mirrored', () => {
    const straight = reviewScope(docB, fileA);
    const swapped = reviewScope(fileA, docB);
    expect(straight.address).toBe(swapped.address);
    expect([straight.isMirrored, swapped.isMirrored].sort()).toEqual([false, true]);
    expect(straight.address).not.toContain('mode=');
  });

  it('gives the same comparison under any ignore profile one address', () => {
    // The profile is not an input: a mark stays on its change when the profile is switched.
    expect(reviewScope(docB, fileA).address).not.toContain('ignore=');
  });

  it('keeps comparisons of other documents apart', () => {
    const docC = { profileId: 'sandbox', resourceId: 'doc-3' };
    expect(reviewScope(docB, docC).address).not.toBe(reviewScope(docB, fileA).address);
  });
});

describe('contentMarkKey', () => {
  it('keys a change by its starting lines, swapped for the mirrored view', () => {
    expect(contentMarkKey({ leftStart: 12, rightStart: 15 }, false)).toBe('c:12:15');
    expect(contentMarkKey({ leftStart: 15, rightStart: 12 }, true)).toBe('c:12:15');
  });

  it('gives every change of a line diff the same key as the swapped diff gives it', () => {
    const left = ['<a>', '<b>1</b>', '<c/>', '<d>x</d>', '<e/>', '<f/>', '</a>'];
    const right = ['<a>', '<new/>', '<b>2</b>', '<c/>', '<e/>', '<f/>', '<g/>', '</a>'];
    const straight = diffLineArrays(left, right).blocks;
    const swapped = diffLineArrays(right, left).blocks;
    expect(straight.length).toBeGreaterThan(1);
    // The starts differ on the two sides, so a key that ignored the order would not match.
    expect(straight.some((block) => block.leftStart !== block.rightStart)).toBe(true);
    expect(swapped.map((block) => contentMarkKey(block, true))).toEqual(
      straight.map((block) => contentMarkKey(block, false)),
    );
  });
});

describe('metadataMarkKey', () => {
  const author = (name: string) => ({ name, role: 'KOR' });
  const left = {
    title: 'Lääkemääräys',
    authors: [author('Aino'), author('Bertta')],
    custodian: 'Old',
  } as unknown as DocumentMetadata;
  const right = {
    title: 'Lääkemääräys (korjattu)',
    authors: [author('Nea'), author('Aino'), { name: 'Bertta', role: 'MIT' }],
  } as unknown as DocumentMetadata;

  it('gives every change the same key from either side, list indexes shifted included', () => {
    const straight = diffMetadata(left, right);
    const swapped = diffMetadata(right, left);
    // An author added in front shifts the list: the changed role has a right path of its own.
    expect(straight.some((change) => change.rightPath !== undefined)).toBe(true);
    expect(straight.map((change) => change.kind).sort()).toEqual(
      ['added', 'changed', 'changed', 'removed'].sort(),
    );
    const straightKeys = straight.map((change) => metadataMarkKey(change, false)).sort();
    const swappedKeys = swapped.map((change) => metadataMarkKey(change, true)).sort();
    expect(swappedKeys).toEqual(straightKeys);
    expect(new Set(straightKeys).size).toBe(straight.length);
  });

  it('keys by the left path, not the right one, in the order of the scope', () => {
    expect(metadataMarkKey({ path: 'authors[1].role', rightPath: 'authors[2].role' }, false)).toBe(
      'm:authors[1].role',
    );
    expect(metadataMarkKey({ path: 'authors[2].role', rightPath: 'authors[1].role' }, true)).toBe(
      'm:authors[1].role',
    );
  });
});
