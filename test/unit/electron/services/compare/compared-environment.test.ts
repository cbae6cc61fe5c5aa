import { describe, expect, it } from 'vitest';
import type { AuditContext } from '../../../../../shared/audit/builders';
import {
  reportContextOf,
  reportEnvironmentOf,
} from '../../../../../electron/services/compare/compared-environment';

describe('reportEnvironmentOf', () => {
  it('adds the kind to a name that does not say it', () => {
    expect(reportEnvironmentOf({ displayName: 'Asiakastesti', kind: 'AT' })).toBe(
      'Asiakastesti (AT)',
    );
    // 'KATTO' holds the letters AT, but not as a word.
    expect(reportEnvironmentOf({ displayName: 'KATTO', kind: 'AT' })).toBe('KATTO (AT)');
    expect(reportEnvironmentOf({ displayName: 'Kanta', kind: 'TK' })).toBe('Kanta (TK)');
  });

  it('keeps a name that says its kind as a word, in any case', () => {
    expect(reportEnvironmentOf({ displayName: 'Kanta AT', kind: 'AT' })).toBe('Kanta AT');
    expect(reportEnvironmentOf({ displayName: 'kanta-tk', kind: 'TK' })).toBe('kanta-tk');
    expect(reportEnvironmentOf({ displayName: 'Local sandbox', kind: 'sandbox' })).toBe(
      'Local sandbox',
    );
  });
});

describe('reportContextOf', () => {
  const context = (name: string, environment?: string): AuditContext => ({
    operator: { name, registrationNumber: 'none', organisationOid: 'none', osUser: 'u' },
    appVersion: '0',
    host: 'h',
    now: () => new Date(0),
    ...(environment ? { environment: { name: environment, baseUrl: 'https://x' } } : {}),
  });

  it("takes the first side read from an environment, else the left side's", () => {
    const file = { context: context('os user') };
    const at = { context: context('AT operator', 'Kanta AT') };
    const tk = { context: context('TK operator', 'Kanta TK') };
    expect(reportContextOf(at, tk)).toBe(at.context);
    expect(reportContextOf(file, tk)).toBe(tk.context);
    expect(reportContextOf(at, file)).toBe(at.context);
    expect(reportContextOf(file, { context: context('other') })).toBe(file.context);
  });
});
