import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../electron/services/content-security-policy';

describe('renderer Content-Security-Policy', () => {
  const html = readFileSync('renderer/index.html', 'utf8');
  const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];

  it('is the same policy the app:// protocol and the harness send as a header', () => {
    expect(meta).toBe(contentSecurityPolicy);
  });

  it('allows nothing remote and no inline code', () => {
    expect(contentSecurityPolicy).toContain("default-src 'none'");
    expect(contentSecurityPolicy).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });

  it('loads no inline script in the page itself', () => {
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });
});
