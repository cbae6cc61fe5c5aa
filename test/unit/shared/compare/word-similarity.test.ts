/**
 * When a changed line pair gets a word diff (issue 7 review: a swapped pair of sections paired
 * unrelated lines and word-diffed them into noise). The unrelated pairs below are from that
 * review; the real edits from the corpus chains and the generated edits.
 */
import { describe, expect, it } from 'vitest';
import { diffWords } from '../../../../shared/compare/word-diff';
import {
  contentLength,
  hasSameHead,
  minUnchangedContentShare,
  readsAsEdit,
  unchangedContentShare,
} from '../../../../shared/compare/word-similarity';

const reads = (left: string, right: string) => readsAsEdit(left, right, diffWords(left, right)!);
const share = (left: string, right: string) => unchangedContentShare(diffWords(left, right)!);

describe('readsAsEdit', () => {
  it('refuses pairs of different elements, even when an OID prefix is shared', () => {
    expect(
      reads(
        '<templateId extension="2014-06-09" root="2.16.840.1.113883.10.20.22.2.6.1"/>',
        '<code code="47420-5" codeSystem="2.16.840.1.113883.6.1" codeSystemName="LOINC"/>',
      ),
    ).toBe(false);
    expect(
      reads(
        '<code code="48765-2" codeSystem="2.16.840.1.113883.6.1" codeSystemName="LOINC"/>',
        '<title>FUNCTIONAL STATUS</title>',
      ),
    ).toBe(false);
    expect(
      reads(
        '<!--The statusCode represents the need to continue tracking the allergy-->',
        '<statusCode code="completed"/>',
      ),
    ).toBe(false);
    expect(reads('</observation>', '<observation classCode="OBS" moodCode="EVN">')).toBe(false);
  });

  it('keeps a pair of one element whose markup is unchanged: the marks fall on the values', () => {
    expect(reads('<!--** Allergy concern act **-->', '<!--Functional Status Organizer V2-->')).toBe(
      true,
    );
    expect(
      reads('<td ID="substance1">Penicillin</td>', '<td ID="FUNC1">Functional Assessment</td>'),
    ).toBe(true);
    expect(reads('<versionNumber value="1"/>', '<versionNumber value="2"/>')).toBe(true);
    expect(reads('<title>Lääkemääräys</title>', '<title>Lääkemääräyksen korjaus</title>')).toBe(
      true,
    );
  });

  it('refuses pairs of one element whose markup changed and that share nothing else', () => {
    expect(reads('<td ID="substance1">Penicillin</td>', '<td>Functional Assessment</td>')).toBe(
      false,
    );
    expect(
      reads('<code code="A" codeSystem="1.2"/>', '<code nullFlavor="NI" displayName="B"/>'),
    ).toBe(false);
  });

  it('keeps one word changed in a long paragraph', () => {
    const words = Array.from({ length: 400 }, (_, i) => `sana${i}`);
    const left = `<paragraph>${words.join(' ')}</paragraph>`;
    const right = left.replace('sana200 ', 'muutettu ');
    expect(reads(left, right)).toBe(true);
    expect(share(left, right)).toBeGreaterThan(0.99);
  });

  it('keeps real edits of the corpus chains and the generated pairs', () => {
    // LM → KOR: an OID's last number, a title's second word, one of several attribute values.
    expect(
      reads(
        '<id root="1.2.246.10.6794809.93001.2015.413"/>',
        '<id root="1.2.246.10.6794809.93001.2015.415"/>',
      ),
    ).toBe(true);
    expect(
      reads('<title>Lääkemääräyksen korjaus</title>', '<title>Lääkemääräyksen mitätöinti</title>'),
    ).toBe(true);
    expect(
      reads(
        '<functionCode code="KOR" codeSystem="1.2.246.537.5.40006.2003" displayName="Korjaaja"/>',
        '<functionCode code="MIT" codeSystem="1.2.246.537.5.40006.2003" displayName="Mitätöijä"/>',
      ),
    ).toBe(true);
    // Words only added or only removed, however little else the lines share.
    expect(reads('<title>Lääkitys</title>', '<title>Lääkitys EDITED</title>')).toBe(true);
    expect(reads('<entry typeCode="DRIV">', '<entry>')).toBe(true);
    expect(reads('<paragraph>x</paragraph>', '<paragraph>x 2 tablettia</paragraph>')).toBe(true);
    // A line commented out reads as the line.
    expect(reads('    <text>', '  <!--<text>-->')).toBe(true);
    expect(reads('<!--<content>Testi</content>-->', '<content>Testi</content>')).toBe(true);
  });

  it('keeps a pair with a quarter of its text unchanged, and refuses one with less', () => {
    // An attribute renamed: the markup changed, so the share of unchanged values decides.
    const left = '<p k="aa bb cc dd"/>';
    expect(share(left, '<p j="aa xx yy zz"/>')).toBe(0.25);
    expect(reads(left, '<p j="aa xx yy zz"/>')).toBe(true);
    expect(share(left, '<p j="aa xx yy zz ww"/>')).toBeLessThan(minUnchangedContentShare);
    expect(reads(left, '<p j="aa xx yy zz ww"/>')).toBe(false);
  });
});

describe('unchangedContentShare', () => {
  it('counts text and values, not tag and attribute names', () => {
    expect(share('<time value="20150430115828"/>', '<time value="20150430120216"/>')).toBe(0);
    expect(share('<a x="1 2">3</a>', '<a x="1 2">4</a>')).toBe(4 / 6);
  });

  it('counts names when neither line has text or values', () => {
    expect(share('<tr>', '<td>')).toBe(0);
    expect(share('<text>', '<!--<text>-->')).toBe(1);
  });
});

describe('contentLength', () => {
  it('counts the letters and digits of text, values and comments', () => {
    expect(contentLength('<reference typeCode="SPRT">')).toBe(4);
    expect(contentLength('<!--Functional Status Section (V2)-->')).toBe(25);
    expect(contentLength('</td>')).toBe(0);
    expect(contentLength('  <td ID="a1">Penicillin</td>')).toBe(12);
  });
});

describe('hasSameHead', () => {
  it('compares how lines start: tag, closing tag, comment, placeholder or text', () => {
    expect(hasSameHead('  <td>a</td>', '<td ID="x">b</td>')).toBe(true);
    expect(hasSameHead('<td>', '</td>')).toBe(false);
    expect(hasSameHead('<td>', '<tdx>')).toBe(false);
    expect(hasSameHead('<!--a-->', '<!--b-->')).toBe(true);
    expect(hasSameHead('<!--<td>-->', '<td>')).toBe(true);
    expect(hasSameHead('[signature ds:Signature: 1 lines]', '[signature x]')).toBe(true);
    expect(hasSameHead('[signature x]', '[base64: 3 bytes]')).toBe(false);
    expect(hasSameHead('tekstiä', 'muuta')).toBe(true);
    expect(hasSameHead('tekstiä', '<b>')).toBe(false);
  });
});
