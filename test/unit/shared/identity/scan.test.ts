import { describe, expect, it } from 'vitest';
import { scanIdentityCodes, scanText } from '../../../../shared/identity/scan';
import { scanJsonIdentityCodes } from '../../../../shared/identity/scan-json';
import { xmlTree } from '../support/parse-tree';

const doc = (inner: string): string =>
  `<ClinicalDocument xmlns="urn:hl7-org:v3" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" xmlns:hl7fi="urn:hl7finland">${inner}</ClinicalDocument>`;

const pairs = (xml: string, prefix?: string) =>
  scanIdentityCodes(xmlTree(doc(xml)), prefix).map((f) => [f.value, f.where]);

describe('scanIdentityCodes', () => {
  it('finds hetu ids of authors and participants and hetu codes of subjects', () => {
    expect(
      pairs(
        '<author><assignedAuthor><id root="1.2.246.21" extension="010181-900C"/></assignedAuthor></author>' +
          '<participant typeCode="SBJ"><associatedEntity><id root="1.2.246.21" extension="150523A9443"/></associatedEntity></participant>' +
          '<subject><relatedSubject><code code="010181-900C" codeSystem="1.2.246.21"/></relatedSubject></subject>',
      ),
    ).toEqual([
      ['010181-900C', 'author/assignedAuthor/id'],
      ['150523A9443', 'participant/associatedEntity/id'],
      ['010181-900C', 'subject/relatedSubject/code'],
    ]);
  });

  it('finds hetu-shaped values in other attributes, naming the attribute', () => {
    expect(pairs('<id root="1.2.246.10.1" extension="010181-900C"/>')).toEqual([
      ['010181-900C', 'id/@extension'],
    ]);
  });

  it('reports even malformed values under the hetu root', () => {
    const [finding] = scanIdentityCodes(
      xmlTree(
        doc(
          '<recordTarget><patientRole><id root="1.2.246.21" extension="1234"/></patientRole></recordTarget>',
        ),
      ),
    );
    expect(finding).toEqual({
      value: '1234',
      where: 'recordTarget/patientRole/id',
      valid: false,
      isTestCode: false,
      problem: '"1234" does not have the form DDMMYYCNNNK.',
    });
  });

  it('names text findings by the nearest titled section and drops <component> steps', () => {
    expect(
      pairs(
        '<component><structuredBody><component><section><title>Lääkitys</title>' +
          '<text><paragraph>Potilas 010181-900C</paragraph></text>' +
          '<component><section><text>010181-002D</text></section></component>' +
          '</section></component></structuredBody></component>',
      ),
    ).toEqual([
      ['010181-900C', "section 'Lääkitys' text/paragraph"],
      ['010181-002D', "section 'Lääkitys' section/text"],
    ]);
  });

  it('skips signature values and Base64 payloads', () => {
    expect(
      pairs(
        '<ds:SignatureValue>\n010181-900C\n</ds:SignatureValue>' +
          '<text representation="B64">\n010181-900C\n</text>' +
          '<text mediaType="multipart/related">\n010181-900C\n</text>' +
          '<hl7fi:json>\n010181-900C\n</hl7fi:json>',
      ),
    ).toEqual([]);
  });

  it('prefixes paths and drops repeated findings at the same place', () => {
    expect(pairs('<title>010181-900C 010181-900C</title>', 'message/')).toEqual([
      ['010181-900C', 'message/title'],
    ]);
  });

  it('marks non-test codes', () => {
    expect(scanText('050775-0251', 'x')).toEqual([
      { value: '050775-0251', where: 'x', valid: true, isTestCode: false },
    ]);
  });
});

describe('scanJsonIdentityCodes', () => {
  it('finds hetu identifiers and hetu-shaped strings, skipping inline data', () => {
    const findings = scanJsonIdentityCodes({
      subject: { identifier: { system: 'urn:oid:1.2.246.21', value: '010181-900C' } },
      contained: [{ name: [{ text: 'Huoltaja 150523A9443' }] }],
      content: [{ attachment: { data: 'MDEwMTgxLTkwMEM=', title: '010181-900C' } }],
    });
    expect(findings.map((f) => [f.value, f.where])).toEqual([
      ['010181-900C', 'subject.identifier'],
      ['150523A9443', 'contained[0].name[0].text'],
      ['010181-900C', 'content[0].attachment.title'],
    ]);
  });

  it('survives absurd nesting', () => {
    let deep: unknown = '010181-900C';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(scanJsonIdentityCodes({ deep })).toEqual([]);
  });
});
