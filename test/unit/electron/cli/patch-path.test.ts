/** The left file's path in a unified patch's headers (compare-unified.ts, patchPathOf). */
import { describe, expect, it } from 'vitest';
import { patchPathOf } from '../../../../electron/cli/commands/compare-unified';

describe('patchPathOf', () => {
  it('keeps a relative path, tidied as git apply needs it', () => {
    expect(patchPathOf('docs/sent.xml', 'linux')).toEqual({ path: 'docs/sent.xml' });
    expect(patchPathOf('./docs//sent.xml', 'linux')).toEqual({ path: 'docs/sent.xml' });
    expect(patchPathOf('docs/../sent.xml', 'linux')).toEqual({ path: 'sent.xml' });
    expect(patchPathOf('my docs/vä sen.xml', 'linux')).toEqual({ path: 'my docs/vä sen.xml' });
  });

  it('drops the leading slash of an absolute path, as git does, with a note', () => {
    const absolute = patchPathOf('/tmp/x/sent.xml', 'linux');
    expect(absolute.path).toBe('tmp/x/sent.xml');
    expect(absolute.note).toContain('patch /tmp/x/sent.xml < PATCH');
  });

  it('notes a path outside the folder', () => {
    const outside = patchPathOf('../sent.xml', 'linux');
    expect(outside.path).toBe('../sent.xml');
    expect(outside.note).toContain('git apply and patch -p1 refuse');
  });

  it('writes Windows paths with slashes', () => {
    expect(patchPathOf('docs\\sent.xml', 'win32')).toEqual({ path: 'docs/sent.xml' });
    const drive = patchPathOf('C:\\x\\sent.xml', 'win32');
    expect(drive.path).toBe('C:/x/sent.xml');
    expect(drive.note).toContain('patch C:\\x\\sent.xml < PATCH');
    expect(patchPathOf('docs\\sent.xml', 'linux')).toEqual({ path: 'docs\\sent.xml' });
  });
});
