import { describe, expect, it } from 'vitest';
import { comparedEnvironments } from '../../../../../renderer/src/shell/header-environments';

describe('comparedEnvironments', () => {
  it('names each environment of a comparison once, left first, and local files as such', () => {
    expect(comparedEnvironments('env:esko:file-1', 'env:esko:file-2')).toEqual([
      { profileId: 'esko' },
    ]);
    expect(comparedEnvironments('env:at:doc-1', 'env:tk:doc-2')).toEqual([
      { profileId: 'at' },
      { profileId: 'tk' },
    ]);
    expect(comparedEnvironments('env:esko:x', 'file:file-abcdefgh12')).toEqual([
      { profileId: 'esko' },
      'local files',
    ]);
    expect(comparedEnvironments('file:file-abcdefgh12', 'file:file-ijklmnop34')).toEqual([
      'local files',
    ]);
  });

  it('names nothing for sides the address does not name', () => {
    expect(comparedEnvironments('nonsense', '')).toEqual([]);
  });
});
