import { describe, expect, it } from 'vitest';
import { checkExternalUrl } from '../../../../shared/security/external-url';
import { allowedExternalUrls, hostileUrls } from '../../support/hostile-urls';

describe('checkExternalUrl', () => {
  it('has a table of at least 30 hostile URLs', () => {
    expect(hostileUrls.length).toBeGreaterThanOrEqual(30);
  });

  it.each(hostileUrls)('refuses %j with a reason', (url) => {
    const result = checkExternalUrl(url);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('link-refused');
      expect(result.error.message.length).toBeGreaterThan(10);
    }
  });

  it.each(allowedExternalUrls)('allows %j on the allowlist', (url) => {
    const result = checkExternalUrl(url);
    expect(result).toEqual({ ok: true, value: new URL(url).href });
  });

  it('names the refused host so the user knows why', () => {
    const result = checkExternalUrl('https://www.kanta.fi.evil.example/');
    expect(!result.ok && result.error.message).toContain('www.kanta.fi.evil.example');
  });
});
