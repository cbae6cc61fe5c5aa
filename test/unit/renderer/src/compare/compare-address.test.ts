import { describe, expect, it } from 'vitest';
import {
  compareHash,
  formatSide,
  parseSide,
} from '../../../../../renderer/src/compare/compare-address';
import { formatRoute, parseRoute } from '../../../../../renderer/src/routing/route';

describe('compare addresses', () => {
  it('round-trip environment documents and local files', () => {
    for (const side of [
      { profileId: 'sandbox', resourceId: 'doc-17.v2' },
      { fileId: 'file-abcdEFGH_123' },
    ])
      expect(parseSide(formatSide(side))).toEqual(side);
  });

  it('refuse what names no side', () => {
    for (const text of [
      undefined,
      '',
      'sandbox:doc-1',
      'env:sandbox',
      'env:Sandbox:doc-1',
      'env:sandbox:doc/1',
      'env:sandbox:doc-1:extra',
      'file:/etc/passwd',
      'file:abc',
    ])
      expect(parseSide(text)).toBeUndefined();
  });

  it('make a route that a reload parses back to the same comparison', () => {
    const hash = compareHash(
      { profileId: 'sandbox', resourceId: 'a' },
      { profileId: 'tk', resourceId: 'b' },
      { ignore: 'none', mode: 'inline' },
    );
    const route = parseRoute(hash);
    expect(route).toEqual({
      page: 'compare',
      left: 'env:sandbox:a',
      right: 'env:tk:b',
      ignore: 'none',
      mode: 'inline',
    });
    expect(formatRoute(route)).toBe(hash);
    expect(parseRoute('#/compare?left=x&mode=wobbly')).toMatchObject({
      mode: 'side-by-side',
      ignore: 'auto',
      right: '',
    });
  });

  it("leave the document type's profile (auto) out of the address, and keep an explicit default", () => {
    const left = { profileId: 'at', resourceId: 'a' };
    const right = { profileId: 'tk', resourceId: 'b' };
    const automatic = compareHash(left, right, { ignore: 'auto' });
    expect(automatic).not.toContain('ignore=');
    expect(parseRoute(automatic)).toMatchObject({ ignore: 'auto' });
    const explicit = compareHash(left, right, { ignore: 'default' });
    expect(explicit).toContain('ignore=default');
    const route = parseRoute(explicit);
    expect(route).toMatchObject({ ignore: 'default' });
    expect(formatRoute(route)).toBe(explicit);
  });
});
