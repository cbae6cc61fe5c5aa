import { describe, expect, it } from 'vitest';
import { timeWithOffset } from '../../../../shared/report/report-time';
import { reportTitle } from '../../../../shared/report/report-title';

describe('timeWithOffset', () => {
  it('writes an ISO time as the documents write theirs, at the given offset', () => {
    expect(timeWithOffset('2026-11-29T21:24:26.915Z', 120)).toBe('2026-11-29 23:24:26 +02:00');
    expect(timeWithOffset('2026-06-30T22:00:00Z', 180)).toBe('2026-07-01 01:00:00 +03:00');
    expect(timeWithOffset('2026-01-01T00:30:00Z', -330)).toBe('2025-12-31 19:00:00 -05:30');
    expect(timeWithOffset('2026-01-01T00:00:00Z', 0)).toBe('2026-01-01 00:00:00 +00:00');
  });

  it('leaves text that is not a time as it is', () => {
    expect(timeWithOffset('yesterday', 120)).toBe('yesterday');
  });
});

describe('reportTitle', () => {
  const v1 = { id: '1.2.3.50', versionNumber: 1, environment: 'Local sandbox', source: 'env:sb:a' };
  const v3 = { id: '1.2.3.52', versionNumber: 3, environment: 'Local sandbox', source: 'env:sb:b' };

  it('names the environment once when both sides share it', () => {
    expect(reportTitle(v1, v3)).toBe(
      'Comparison of 1.2.3.50 version 1 and 1.2.3.52 version 3 (Local sandbox)',
    );
  });

  it('names each side where they come from different places (AT against TK, a local file)', () => {
    const at = { ...v3, id: '1.2.3.52', environment: 'Kanta AT' };
    const tk = { ...v3, id: '1.2.3.52', environment: 'Kanta TK (TK)' };
    expect(reportTitle(at, tk)).toBe(
      'Comparison of 1.2.3.52 version 3 (Kanta AT) and 1.2.3.52 version 3 (Kanta TK (TK))',
    );
    const file = { id: '1.2.3.60', source: '/home/t/saved/lm.xml' };
    expect(reportTitle(file, at)).toBe(
      'Comparison of 1.2.3.60 (local file lm.xml) and 1.2.3.52 version 3 (Kanta AT)',
    );
  });
});
