import { describe, expect, it } from 'vitest';
import {
  codedText,
  describeReportedValue,
  describeValue,
  readableTime,
} from '../../../../shared/compare/describe-value';
import { diffMetadata } from '../../../../shared/compare/metadata-diff';
import { readDocument } from '../../../../shared/documents/read-document';
import { valueText } from '../../../../shared/report/report-changes';
import { corpusNote, corpusTree, hasCorpus } from '../support/corpus';
import { unwrap } from '../support/fixtures';

const korjaaja = {
  code: 'KOR',
  codeSystem: '1.2.246.537.5.40006.2003',
  displayName: 'Korjaaja',
};
const tutkinto = {
  code: '76111',
  codeSystem: '1.2.246.537.6.148.2008',
  label: 'lääkärin tutkinto',
};
const noCode = { code: '', codeSystem: '1.2.246.537.6.148.2008', nullFlavor: 'NI' };
const name = {
  given: ['Inkeri'],
  family: ['Backman Tes'],
  prefix: [],
  suffix: ['ll'],
  formatted: 'Inkeri Backman Tes',
};

describe('describeValue', () => {
  it('names a code by its label and code, and an unlabelled one by its code system', () => {
    expect(describeValue(korjaaja, 'Korjaaja')).toBe('Korjaaja (KOR)');
    expect(describeValue({ code: '1', codeSystem: '1.2.246.777.5.1' })).toBe(
      'code 1 (1.2.246.777.5.1)',
    );
    expect(codedText('1', 'Hoidollinen syy')).toBe('Hoidollinen syy (1)');
    expect(codedText('1', undefined)).toBe('1');
  });

  it('says a code without a value by its nullFlavor, never " @ system"', () => {
    expect(describeValue(noCode)).toBe('nullFlavor NI');
    expect(describeValue({ code: '', codeSystem: '', originalText: 'Lääkäri' })).toBe('Lääkäri');
  });

  it('names an author by role, qualification and name, leaving out a code with no value', () => {
    const author = { functionCode: korjaaja, ids: [{ root: '1.2.246.537.26', extension: '1' }] };
    expect(describeValue({ ...author, code: tutkinto, name })).toBe(
      'Korjaaja (KOR), lääkärin tutkinto (76111), Inkeri Backman Tes',
    );
    const invalidator = { ...author, code: noCode, name: { ...name, formatted: 'Ellida M' } };
    expect(describeValue(invalidator)).toBe('Korjaaja (KOR), Ellida M');
  });

  it('reads ids, names, times, intervals and identity-code findings as testers write them', () => {
    expect(describeValue({ root: '1.2.246.21', extension: '010181-900C' })).toBe(
      '1.2.246.21^010181-900C',
    );
    expect(describeValue({ root: '', nullFlavor: 'NA' })).toBe('nullFlavor NA');
    expect(describeValue(name)).toBe('Inkeri Backman Tes');
    expect(describeValue({ value: '20150930101638' })).toBe('2015-09-30 10:16:38');
    expect(describeValue({ low: '19750501', high: '20130815' })).toBe('1975-05-01 – 2013-08-15');
    expect(describeValue({ low: '19750501' })).toBe('1975-05-01 – …');
    expect(
      describeValue({
        value: '010181-900C',
        where: 'recordTarget/patientRole/id',
        isTestCode: false,
      }),
    ).toBe('010181-900C at recordTarget/patientRole/id (not a test code)');
  });

  it('reads HL7 times as date, clock and zone, and leaves text that is no time as it is', () => {
    expect(describeValue('20240506085311+0200')).toBe('2024-05-06 08:53:11 +02:00');
    expect(readableTime('202405060853-0500')).toBe('2024-05-06 08:53 -05:00');
    expect(readableTime('20240506085311.25')).toBe('2024-05-06 08:53:11.25');
    expect(readableTime('20240506')).toBe('2024-05-06');
    for (const text of ['2024', '20241306', '20240532', '2024050625', '010181-900C', '1.2.3'])
      expect(readableTime(text)).toBeUndefined();
    expect(describeValue('Yleislääketiede: käynti')).toBe('Yleislääketiede: käynti');
  });

  it('lists any other structure field by field, leaving out empty ones', () => {
    expect(
      describeValue({ mediaType: 'text/plain', bytes: 686, where: 'nonXMLBody/text', notes: [] }),
    ).toBe('mediaType text/plain, bytes 686, where nonXMLBody/text');
    expect(describeValue({ ids: [{ root: '1.2.3' }, { root: '1.2.4' }] })).toBe('ids 1.2.3; 1.2.4');
    expect(describeValue([])).toBe('(empty list)');
    expect(describeValue(7)).toBe('7');
    expect(describeValue(null)).toBe('null');
    expect(describeValue(undefined)).toBeUndefined();
  });

  it('cuts a long structure at 200 characters but never a text value', () => {
    const long = 'x'.repeat(300);
    expect(describeValue(long)).toBe(long);
    const described = describeValue({ a: long });
    expect(described).toHaveLength(201);
    expect(described?.endsWith('…')).toBe(true);
  });
});

describe('describeReportedValue', () => {
  it('reads the JSON the report model holds in the same words, and leaves text as it is', () => {
    const author = { functionCode: korjaaja, code: tutkinto, name };
    expect(describeReportedValue(JSON.stringify(author))).toBe(describeValue(author));
    expect(describeReportedValue(JSON.stringify(korjaaja), 'Korjaaja')).toBe('Korjaaja (KOR)');
    for (const text of ['{not json', '[1] and more', 'Lääkemääräys', '12', 'true'])
      expect(describeReportedValue(text)).toBe(text);
    expect(describeReportedValue(undefined)).toBeUndefined();
  });

  it.skipIf(!hasCorpus)(
    `gives every metadata change of the LM → KOR → MIT chain the change list's words${corpusNote}`,
    () => {
      const read = (kind: string) =>
        unwrap(readDocument(corpusTree(`kanta-cda-api/Esko__4_Renitec_${kind}.xml`)));
      const [lm, kor, mit] = [read('LM'), read('KOR'), read('MIT')];
      const changes = [...diffMetadata(lm, kor), ...diffMetadata(kor, mit)];
      expect(changes.some((change) => typeof change.right === 'object')).toBe(true);
      for (const change of changes) {
        expect(describeReportedValue(valueText(change.left), change.leftLabel)).toBe(
          describeValue(change.left, change.leftLabel),
        );
        expect(describeReportedValue(valueText(change.right), change.rightLabel)).toBe(
          describeValue(change.right, change.rightLabel),
        );
      }
    },
  );
});
