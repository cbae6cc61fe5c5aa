import { describe, expect, it } from 'vitest';
import { knownSide } from '../../../../../renderer/src/compare/compare-memory';

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
