/** The harness's arguments: npm's form and the direct form with a leading `--` read alike. */
import { describe, expect, it } from 'vitest';
import { parseServeArgs } from '../../../../electron/harness/serve-args';

describe('serve.ts arguments', () => {
  it('reads the options as npm passes them (without --)', () => {
    expect(parseServeArgs(['--home', '/tmp/h', '--port', '8480'])).toEqual({
      home: '/tmp/h',
      port: '8480',
    });
  });

  it('reads them after a leading -- as `tsx serve.ts -- --home DIR` passes it', () => {
    expect(parseServeArgs(['--', '--home', '/tmp/h', '--now', '2026-12-07T10:30:00Z'])).toEqual({
      home: '/tmp/h',
      now: '2026-12-07T10:30:00Z',
    });
  });

  it('still refuses an unknown option or a stray argument', () => {
    expect(() => parseServeArgs(['--hme', '/tmp/h'])).toThrow(/--hme/);
    expect(() => parseServeArgs(['--home', '/tmp/h', '--', 'extra'])).toThrow(/extra/);
  });
});
