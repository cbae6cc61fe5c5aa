import { describe, expect, it } from 'vitest';
import { identityValuesInXml } from '../../../../shared/report/identity-values-in-xml';
import { rcmrAround, wrapperOnly } from './rcmr-corpus-pair';

describe('identityValuesInXml', () => {
  it('reads ids and codes under the hetu root in either attribute order and quote, whatever their shape', () => {
    const xml = `<patientRole>
      <id root="1.2.246.21" extension="010181-900C"/>
      <id extension='TEMP-1' root='1.2.246.21'/>
      <code codeSystemName="hetu" code="X&amp;Y" codeSystem="1.2.246.21"/>
      <id root="1.2.246.21.5" extension="not-a-hetu-root"/>
      <id root="1.2.246.10.1" extension="1.2.246.21"/>
    </patientRole>`;
    expect(identityValuesInXml(xml)).toEqual(['010181-900C', 'TEMP-1', 'X&Y']);
  });

  it('reads the compact JSON of the report metadata values', () => {
    expect(
      identityValuesInXml(
        '{"root":"1.2.246.21","extension":"TEMP-2"} {"code":"A\\"B","codeSystem":"1.2.246.21"}',
      ),
    ).toEqual(['TEMP-2', 'A"B']);
  });

  it("reads the change list's unquoted attributes in either order", () => {
    expect(
      identityValuesInXml(
        'id changed from "extension=TEMP-3 root=1.2.246.21" to "root=1.2.246.21 extension=TEMP-4"; code=Z9 codeSystem=1.2.246.21; extension=NO root=1.2.246.21.7',
      ),
    ).toEqual(['TEMP-3', 'TEMP-4', 'Z9']);
  });

  it("reads the change list's ids written root^extension, not those of another root", () => {
    expect(
      identityValuesInXml(
        'id changed from "1.2.246.21^TEMP-5" to "1.2.246.21^TEMP-6, code X"; 1.2.246.21.7^NO; 9.1.2.246.21^NO',
      ),
    ).toEqual(['TEMP-5', 'TEMP-6']);
  });

  it('reads the CDA an RCMR message carries as well as the wrapper', () => {
    const cda =
      '<ClinicalDocument xmlns="urn:hl7-org:v3"><id root="1.2.246.21" extension="INSIDE-ONLY"/></ClinicalDocument>';
    const message = rcmrAround(
      new TextEncoder().encode(cda),
      { hetu: '010181-900C', given: ['A'], family: 'B' },
      '3',
    );
    expect(message).not.toContain('INSIDE-ONLY');
    expect(identityValuesInXml(message)).toEqual([
      '010181-900C',
      wrapperOnly.temporaryId,
      wrapperOnly.informantCode,
      'INSIDE-ONLY',
    ]);
  });

  it('finds nothing where the root is not an attribute value next to a value, or the tag is unclosed', () => {
    expect(
      identityValuesInXml('<p>The root 1.2.246.21 holds personal identity codes.</p>'),
    ).toEqual([]);
    expect(identityValuesInXml('<id root="1.2.246.21" extension="X"')).toEqual([]);
    expect(
      identityValuesInXml(`<id root="1.2.246.21"${' '.repeat(5000)}extension="FAR"/>`),
    ).toEqual([]);
  });
});
