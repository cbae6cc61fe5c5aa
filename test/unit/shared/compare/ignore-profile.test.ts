import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  builtinProfiles,
  findIgnoreProfile,
  profileForDocuments,
  suggestIgnoreProfile,
} from '../../../../shared/compare/builtin-profiles';
import {
  compileRules,
  parseIgnoreProfile,
  resolveIgnoreProfile,
  type IgnoreProfile,
} from '../../../../shared/compare/ignore-profile';
import { ignoreProfileFromText } from '../../../../shared/compare/ignore-profile-file';
import { compilePattern, patternCovers, splitPath } from '../../../../shared/compare/path-glob';
import { unwrap } from '../support/fixtures';

const rule = { id: 'r', target: 'model', pattern: 'copyTime', reason: 'Filled by the archive.' };
const valid = { id: 'mine', title: 'Mine', rules: [rule] };

describe('path globs', () => {
  const covers = (pattern: string, path: string, kind: 'canonical' | 'model' = 'canonical') =>
    patternCovers(compilePattern(pattern, kind), splitPath(path, kind));

  it('match names, wildcards, any depth, and everything under what they name', () => {
    expect(
      covers('**/ds:Signature', '/ClinicalDocument/a/b[2]/ds:Signature/ds:SignatureValue'),
    ).toBe(true);
    expect(
      covers('**/hl7fi:activeCustodian*', '/x/hl7fi:localHeader/hl7fi:activeCustodianName'),
    ).toBe(true);
    expect(covers('/ClinicalDocument/copyTime', '/ClinicalDocument/copyTime')).toBe(true);
    expect(covers('/ClinicalDocument/copyTime', '/ClinicalDocument/component/copyTime')).toBe(
      false,
    );
    expect(covers('**/section/@ID', '/a/section[3]/@ID')).toBe(true);
    expect(covers('signatures', 'signatures[2].time', 'model')).toBe(true);
    expect(covers('localHeader.declaredTime', 'localHeader.description', 'model')).toBe(false);
  });
});

describe('parseIgnoreProfile', () => {
  it('accepts a valid profile', () => {
    expect(parseIgnoreProfile(valid, 'x.json')).toEqual({ ok: true, value: valid });
  });

  const refusals: [string, unknown, string][] = [
    ['not an object', [], 'it must be a JSON object.'],
    ['an unknown field', { ...valid, colour: 'red' }, 'unknown field "colour".'],
    [
      'a bad id',
      { ...valid, id: 'My Profile' },
      '"id" must be lowercase letters, digits and dashes.',
    ],
    [
      'a rule without reason',
      { ...valid, rules: [{ ...rule, reason: ' ' }] },
      'rule "r" needs a "reason" a tester can read.',
    ],
    [
      'a bad target',
      { ...valid, rules: [{ ...rule, target: 'xml' }] },
      'rule "r" needs "target": "model" or "canonical".',
    ],
    [
      'a rule hiding everything',
      { ...valid, rules: [{ ...rule, target: 'canonical', pattern: '**' }] },
      'rule "r" would hide everything: "**" matches the document element.',
    ],
    [
      'a model rule with slashes',
      { ...valid, rules: [{ ...rule, pattern: 'a/b' }] },
      'rule "r" is a model rule: its pattern uses dots, not slashes.',
    ],
    [
      'duplicate rule ids',
      { ...valid, rules: [rule, rule] },
      '2 rules have the id "r": give each its own.',
    ],
    [
      'a rule without a valid id, by its place in the file',
      { ...valid, rules: [rule, { ...rule, id: 'Bad Id' }] },
      'rule 2 needs an "id" of lowercase letters, digits and dashes.',
    ],
  ];
  for (const [what, raw, message] of refusals) {
    it(`refuses ${what} with a sentence`, () => {
      expect(parseIgnoreProfile(raw, 'x.json')).toEqual({
        ok: false,
        error: {
          code: 'ignore-profile-invalid',
          message: `The ignore profile x.json is not valid: ${message}`,
        },
      });
    });
  }

  it('names every problem in one message: a missing title and a rule without a reason', () => {
    const { title: _title, ...untitled } = valid;
    const raw = { ...untitled, rules: [rule, { ...rule, id: 'q', reason: '' }] };
    expect(parseIgnoreProfile(raw, 'x.json')).toMatchObject({
      ok: false,
      error: {
        message:
          'The ignore profile x.json is not valid: "title" is required; rule "q" needs a "reason" a tester can read.',
      },
    });
  });

  it('names five problems and counts the rest', () => {
    const rules = Array.from({ length: 8 }, (_, i) => ({ ...rule, id: `r${i}`, reason: '' }));
    const parsed = parseIgnoreProfile({ ...valid, rules }, 'x.json');
    const message = parsed.ok ? '' : parsed.error.message;
    expect(message).toContain('rule "r4" needs a "reason" a tester can read; and 3 more problems.');
    expect(message).not.toContain('rule "r5"');
  });

  it('refuses extends cycles and unknown bases', () => {
    const a: IgnoreProfile = { id: 'a', title: 'A', extends: 'b', rules: [] };
    const b: IgnoreProfile = { id: 'b', title: 'B', extends: 'a', rules: [] };
    expect(resolveIgnoreProfile(a, [a, b]).ok).toBe(false);
    const lonely = resolveIgnoreProfile({ ...a, extends: 'zzz' }, []);
    expect(!lonely.ok && lonely.error.message).toContain(
      'it extends "zzz", which is not a known profile (known: ).',
    );
  });

  it('names a duplicate id with the invalid rule that has it, not only once that rule is fixed', () => {
    const raw = { ...valid, rules: [{ ...rule, reason: '' }, rule] };
    expect(parseIgnoreProfile(raw, 'x.json')).toMatchObject({
      error: {
        message:
          'The ignore profile x.json is not valid: rule "r" needs a "reason" a tester can read; 2 rules have the id "r": give each its own.',
      },
    });
  });
});

describe('a profile file among the shipped profiles', () => {
  const shipped = unwrap(builtinProfiles());
  const defaultRuleId = shipped.find((profile) => profile.id === 'default')!.rules[0]!.id;

  it('names an unknown extends, a rule id its base has and a rule problem in one message with the file', () => {
    const raw = {
      ...valid,
      extends: 'defualt',
      rules: [rule, { ...rule, id: 'q', target: 'xml' }],
    };
    expect(parseIgnoreProfile(raw, 'my.json', shipped)).toMatchObject({
      error: {
        message:
          'The ignore profile my.json is not valid: rule "q" needs "target": "model" or "canonical"; it extends "defualt", which is not a known profile (known: default, archive-filled, prescription).',
      },
    });
    const taken = { ...valid, extends: 'default', rules: [{ ...rule, id: defaultRuleId }] };
    expect(parseIgnoreProfile(taken, 'my.json', shipped)).toMatchObject({
      error: {
        message: `The ignore profile my.json is not valid: rule "${defaultRuleId}" is also a rule of "default", which it extends: give it an id of its own.`,
      },
    });
  });

  it('refuses the id of a shipped profile, naming the file and the id', () => {
    for (const raw of [
      { ...valid, id: 'default' },
      { ...valid, id: 'default', extends: 'default' },
    ])
      expect(parseIgnoreProfile(raw, 'my.json', shipped)).toMatchObject({
        ok: false,
        error: {
          message:
            'The ignore profile my.json is not valid: its id "default" is the id of a shipped profile: give it an id of its own.',
        },
      });
    expect(parseIgnoreProfile({ ...valid, id: 'default' }, 'default.json').ok).toBe(true);
  });
});

describe('ignoreProfileFromText', () => {
  const shipped = unwrap(builtinProfiles());
  const text = JSON.stringify({ ...valid, extends: 'default' }, null, 2);

  it('reads a file saved with a UTF-8 byte order mark (Windows Notepad)', () => {
    const withMark = unwrap(ignoreProfileFromText(`\uFEFF${text}`, 'my.json', shipped));
    expect(withMark).toEqual(unwrap(ignoreProfileFromText(text, 'my.json', shipped)));
    expect(withMark.rules.map((r) => r.id)).toContain('r');
  });

  it('names the line and column of a JSON mistake, after a byte order mark too', () => {
    const broken = '\uFEFF{\n  "id": "mine",\n  "rules": [,]\n}';
    expect(ignoreProfileFromText(broken, 'my.json', shipped)).toEqual({
      ok: false,
      error: {
        code: 'ignore-profile-not-json',
        message:
          'The ignore profile my.json is not valid JSON at line 3, column 13: unexpected ",".',
        line: 3,
        column: 13,
      },
    });
  });

  it('resolves extends, and checks the profile among the shipped ones', () => {
    const own = unwrap(ignoreProfileFromText(text, 'my.json', shipped));
    expect(own.rules.map((r) => r.id)).toEqual([
      ...unwrap(findIgnoreProfile('default')).rules.map((r) => r.id),
      'r',
    ]);
    const clash = ignoreProfileFromText(
      JSON.stringify({ ...valid, id: 'prescription' }),
      'p.json',
      shipped,
    );
    expect(!clash.ok && clash.error.message).toContain(
      'its id "prescription" is the id of a shipped profile',
    );
  });
});

describe('the shipped profiles', () => {
  const dir = join(import.meta.dirname, '../../../../resources/ignore-profiles');

  it('are every JSON file in resources/ignore-profiles, all valid', () => {
    const files = readdirSync(dir).filter((name) => name.endsWith('.json'));
    const shipped = unwrap(builtinProfiles());
    expect(shipped.map((profile) => profile.id).sort()).toEqual(
      files
        .map((name) => (JSON.parse(readFileSync(join(dir, name), 'utf8')) as { id: string }).id)
        .sort(),
    );
  });

  it('resolve with a stable hash that changes when a rule changes', () => {
    const prescription = unwrap(findIgnoreProfile('prescription'));
    expect(prescription.rules.map((r) => r.id)).toContain('signatures');
    expect(prescription.sha256).toBe(unwrap(findIgnoreProfile('prescription')).sha256);
    const defaults = unwrap(builtinProfiles()).find((p) => p.id === 'default')!;
    const edited = {
      ...defaults,
      rules: defaults.rules.map((r) => ({ ...r, reason: `${r.reason}!` })),
    };
    expect(unwrap(resolveIgnoreProfile(edited, unwrap(builtinProfiles()))).sha256).not.toBe(
      unwrap(findIgnoreProfile('default')).sha256,
    );
  });

  it('suggest the per-type profile for a prescription and the default otherwise', () => {
    expect(suggestIgnoreProfile({ code: '3', codeSystem: '1.2.246.537.5.40105.2006' })).toBe(
      'prescription',
    );
    expect(suggestIgnoreProfile({ code: '2', codeSystem: '1.2.246.537.5.40150.2009' })).toBe(
      'default',
    );
    // A pair: the type's profile when both sides are of the type, else default.
    const prescription = { code: '1', codeSystem: '1.2.246.537.5.40105.2006' };
    const other = { code: '2', codeSystem: '1.2.246.537.5.40150.2009' };
    expect(unwrap(profileForDocuments(prescription, prescription)).id).toBe('prescription');
    expect(unwrap(profileForDocuments(prescription, other)).id).toBe('default');
    expect(unwrap(profileForDocuments(undefined, prescription)).id).toBe('default');
    expect(findIgnoreProfile('nosuch')).toMatchObject({
      ok: false,
      error: { code: 'ignore-profile-unknown' },
    });
  });

  it('compile into matchers for model, element and attribute paths', () => {
    const rules = compileRules(unwrap(findIgnoreProfile('prescription')));
    expect(rules.model('localHeader.declaredTime')?.id).toBe('declared-time');
    expect(rules.model('signatures[0].time')?.id).toBe('signatures');
    expect(rules.model('title')).toBeUndefined();
    expect(
      rules.element('/ClinicalDocument/hl7fi:localHeader/hl7fi:signatureCollection/hl7fi:signature')
        ?.id,
    ).toBe('signature-collection-xml');
    expect(
      rules.attribute('/ClinicalDocument/component/structuredBody/component/section', 'ID')?.id,
    ).toBe('section-id-attribute');
    expect(
      rules.attribute('/ClinicalDocument/component/structuredBody/component/section', 'classCode'),
    ).toBeUndefined();
  });

  it('give the same answer when a path is asked again (matchers remember paths)', () => {
    const rules = compileRules(unwrap(findIgnoreProfile('prescription')));
    const signature =
      '/ClinicalDocument/hl7fi:localHeader/hl7fi:signatureCollection/hl7fi:signature';
    for (let round = 0; round < 3; round++) {
      expect(rules.model('signatures[1].time')?.id).toBe('signatures');
      expect(rules.model('title')).toBeUndefined();
      expect(rules.element(signature)?.id).toBe('signature-collection-xml');
      expect(rules.element('/ClinicalDocument/title')).toBeUndefined();
    }
    // Another profile's matcher has its own memory.
    const none = compileRules(unwrap(findIgnoreProfile('default')));
    expect(none.model('title')).toBeUndefined();
  });
});
