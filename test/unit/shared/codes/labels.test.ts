import { describe, expect, it } from 'vitest';
import { CODE_TABLES, CodeSystems } from '../../../../shared/codes/code-tables';
import { codeSystemName, displayCode, labelFor } from '../../../../shared/codes/labels';

describe('labelFor', () => {
  it('gives Finnish by default and English on request', () => {
    const archive = { code: '13', codeSystem: CodeSystems.register };
    expect(labelFor(archive)).toBe('Arkistoasiakirjat');
    expect(labelFor(archive, 'en')).toBe('archive documents');
  });

  it('falls back to the other language when one is unknown', () => {
    expect(labelFor({ code: '2', codeSystem: CodeSystems.register })).toBe('public healthcare');
    expect(labelFor({ code: 'KOR', codeSystem: CodeSystems.authorFunction }, 'en')).toBe(
      'Korjaaja',
    );
  });

  it('knows the invalidator function code of DOMAIN.md §4', () => {
    expect(labelFor({ code: 'MIT', codeSystem: CodeSystems.authorFunction })).toBe('Mitätöijä');
  });

  it('does not find codes by prototype names', () => {
    for (const code of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(labelFor({ code, codeSystem: CodeSystems.register })).toBeUndefined();
      expect(labelFor({ code: '1', codeSystem: code })).toBeUndefined();
    }
  });
});

describe('displayCode', () => {
  it('shows an unknown code as "code @ codeSystem"', () => {
    expect(displayCode({ code: '99', codeSystem: CodeSystems.register })).toBe(
      `99 @ ${CodeSystems.register}`,
    );
    expect(displayCode({ code: 'N', codeSystem: '2.16.840.1.113883.5.25' })).toBe(
      'N @ 2.16.840.1.113883.5.25',
    );
  });

  it('shows a known code by its label', () => {
    expect(displayCode({ code: '5', codeSystem: CodeSystems.confidentiality }, 'en')).toBe(
      'healthcare confidential',
    );
  });
});

describe('code tables', () => {
  it('name every code system and give every label a source', () => {
    for (const table of CODE_TABLES) {
      expect(codeSystemName(table.codeSystem), table.codeSystem).toBeTruthy();
      for (const entry of table.codes) {
        expect(entry.fi ?? entry.en, `${entry.code} @ ${table.codeSystem}`).toBeDefined();
        for (const label of [entry.fi, entry.en]) {
          if (label) expect(label.source).toMatch(/^(DOMAIN\.md|corpus )/);
        }
      }
    }
  });

  it('have no duplicate code systems or codes', () => {
    const systems = CODE_TABLES.map((table) => table.codeSystem);
    expect(new Set(systems).size).toBe(systems.length);
    for (const table of CODE_TABLES) {
      const codes = table.codes.map((entry) => entry.code);
      expect(new Set(codes).size, table.codeSystem).toBe(codes.length);
    }
  });

  it('cover the code systems listed in the issue', () => {
    const systems = new Set(CODE_TABLES.map((table) => table.codeSystem));
    for (const oid of [
      '1.2.246.537.5.40150.2009',
      '1.2.246.777.5.99902.2006',
      '1.2.246.537.6.12.2002',
      '1.2.246.537.5.5001.2011',
      '1.2.246.537.5.40179.2008',
      '1.2.246.537.5.40154.2008',
      '1.2.246.537.5.40172.2008',
      '1.2.246.537.5.40158.2008',
      '1.2.246.537.5.40006.2003',
      '1.2.246.537.5.40115.2006',
      '1.2.246.537.5.40116.2006',
      '1.2.246.537.5.40178.2008',
      '1.2.246.537.5.40157.2008',
    ]) {
      expect(systems.has(oid), oid).toBe(true);
    }
  });
});
