import { describe, expect, it } from 'vitest';
import { readCdaDocument } from '../../../../shared/documents/cda';
import { formatIdentityFinding, formatMetadataSummary } from '../../../../shared/documents/summary';
import { formatCode, formatTime } from '../../../../shared/documents/summary-format';
import { corpusNote, corpusTree, hasCorpus } from '../support/corpus';
import { fixtureTree, unwrap } from '../support/fixtures';

describe('formatTime', () => {
  it.each([
    ['20150430114738', '2015-04-30 11:47:38'],
    ['201308151030-0800', '2013-08-15 10:30 -0800'],
    ['19691023', '1969-10-23'],
    ['2015072218-0500', '2015-07-22 18:00 -0500'],
    ['2024-02-01T09:10:00+02:00', '2024-02-01T09:10:00+02:00'],
  ])('%s -> %s', (value, expected) => {
    expect(formatTime(value)).toBe(expected);
  });
});

describe('formatCode', () => {
  it('shows a known code by label, an unknown one as code @ codeSystem with the document text quoted', () => {
    expect(formatCode({ code: '13', codeSystem: '1.2.246.537.5.40150.2009' }, 'en')).toBe(
      'archive documents (13)',
    );
    expect(
      formatCode(
        {
          code: '34133-9',
          codeSystem: '2.16.840.1.113883.6.1',
          displayName: 'Summary of episode note',
        },
        'fi',
      ),
    ).toBe('34133-9 @ 2.16.840.1.113883.6.1 "Summary of episode note"');
    expect(formatCode({ code: '', codeSystem: '', nullFlavor: 'NA' }, 'fi')).toBe('nullFlavor NA');
  });
});

describe('formatIdentityFinding', () => {
  it('highlights invalid and non-test codes', () => {
    expect(
      formatIdentityFinding({
        value: '010181-900D',
        where: 'x',
        valid: false,
        isTestCode: true,
        problem: 'bad',
      }),
    ).toBe('  !! 010181-900D  INVALID: bad  (x)');
    expect(
      formatIdentityFinding({ value: '050775-0251', where: 'y', valid: true, isTestCode: false }),
    ).toBe('  !! 050775-0251  NOT A TEST CODE: the test service refuses this document  (y)');
    expect(
      formatIdentityFinding({ value: '010181-900C', where: 'z', valid: true, isTestCode: true }),
    ).toBe('  ok 010181-900C  test code  (z)');
  });
});

describe('formatMetadataSummary', () => {
  const summary = formatMetadataSummary(
    unwrap(readCdaDocument(fixtureTree('local-header-all-fields.xml'))),
  );

  it('groups fields under headings with labels', () => {
    expect(summary.split('\n')[0]).toBe('Synteettinen kertomus  [CDA]');
    for (const heading of [
      'Document',
      'People and organisations',
      'Context',
      'Local header (hl7fi)',
      'Signatures, body and attachments',
    ]) {
      expect(summary).toContain(`\n${heading}\n`);
    }
    expect(summary).toContain('  Register (code):  public healthcare (2)');
    expect(summary).toContain(
      '  Author 1:         record maker (MER): LL Taina Testilääkäri, 2024-02-01 09:00:00',
    );
    expect(summary).toContain(
      '  Author 2:         ZZZ @ 1.2.246.537.5.40006.2003: Synteettinen järjestelmä 1.0',
    );
    expect(summary).toContain('  View:             Ostopalvelun valtuutus asiakirja (362)');
    expect(summary).toContain('  View:             999 @ 1.2.246.537.6.12.2002');
    expect(summary).toContain('  declaredTime:     2024-02-01 09:15:00');
    expect(summary).toContain('  (other) futureElement: Uusi');
  });

  it('lists identity codes with problems highlighted', () => {
    expect(summary).toContain('Identity codes: 3 found, 1 problem(s)');
    expect(summary).toContain(
      '  !! 010181-900D  INVALID: The control character is "D" but should be "C".  (section \'Tiedot\' text)',
    );
  });

  it('can label codes in English', () => {
    const english = formatMetadataSummary(
      unwrap(readCdaDocument(fixtureTree('local-header-all-fields.xml'))),
      { language: 'en' },
    );
    expect(english).toContain('  recordStatus:     ready for archiving (3)');
  });

  it('never shows the password', () => {
    expect(summary).not.toContain('salainen');
  });
});

describe.skipIf(!hasCorpus)(`formatMetadataSummary on the corpus${corpusNote}`, () => {
  it('flags the wrong control character of the "all fields" prescription', () => {
    const meta = unwrap(
      readCdaDocument(corpusTree('kanta-cda-api/ESIM lääkemääräys_laaja_kaikki_tietokentat.xml')),
    );
    const text = formatMetadataSummary(meta);
    expect(text).toContain('Identity codes: 2 found, 2 problem(s)');
    expect(text).toContain('  Patient:          Pekka Pietari Potilas, 030810A999Y @ 1.2.246.21');
  });

  it('flags the missing service unit id as a warning', () => {
    const text = formatMetadataSummary(
      unwrap(readCdaDocument(corpusTree('kanta-cda-api/palveluyksikon_id_puuttuu.xml'))),
    );
    expect(text).toContain('  Service unit:     (no id)');
    expect(text).toContain(
      'Warnings\n  - The service unit (componentOf/encompassingEncounter/location/healthCareFacility) has no id.',
    );
  });
});
