import { describe, expect, it } from 'vitest';
import {
  isFileKnown,
  knownSide,
  rememberFile,
} from '../../../../../renderer/src/compare/compare-memory';

describe('knownSide', () => {
  const down = { profileId: 'down', resourceId: 'seed-doc-50' };

  it("names a side never compared by its environment's display name when it is known", () => {
    const names = new Map([['down', 'Down environment']]);
    expect(knownSide(down, names)).toEqual({ label: 'Down environment · seed-doc-50' });
  });

  it('falls back to the profile id while the names are not known', () => {
    expect(knownSide(down)).toEqual({ label: 'down · seed-doc-50' });
    expect(knownSide(down, new Map())).toEqual({ label: 'down · seed-doc-50' });
  });
});

describe('knownSide of a local file', () => {
  it('names a file by its name and size once the picker or main told them', () => {
    const side = { fileId: 'file-knownfile01' };
    expect(knownSide(side)).toEqual({ label: 'a local file' });
    rememberFile({ fileId: 'file-knownfile01', name: 'long-right.xml', byteSize: 20_191_553 });
    expect(isFileKnown('file-knownfile01')).toBe(true);
    expect(knownSide(side)).toEqual({ label: 'file long-right.xml (20 MB)' });
  });
});
