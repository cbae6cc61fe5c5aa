/**
 * The canonical form rewrites the prefix inside xsi:type values (QNames) like the prefixes of
 * names, resolved against the declarations in scope in the source (issue 7).
 */
import { describe, expect, it } from 'vitest';
import { canonicalizeXml } from '../../../../shared/compare/canonical-xml';
import { LineInterner } from '../../../../shared/compare/line-interner';
import { parseXml } from '../../../../electron/services/xml';

const v3 = 'urn:hl7-org:v3';
const xsi = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';

function canonical(text: string, interner?: LineInterner): string[] {
  const parsed = parseXml(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return [...canonicalizeXml(parsed.value, undefined, interner).lines];
}

describe('canonicalizeXml on xsi:type values', () => {
  it('writes a prefixed type and a type in the default namespace alike', () => {
    const byDefault = `<ClinicalDocument xmlns="${v3}" ${xsi}><value xsi:type="ST">x</value><value xsi:type="PQ" value="1"/></ClinicalDocument>`;
    const prefixed = `<cda:ClinicalDocument xmlns:cda="${v3}" ${xsi}><cda:value xsi:type="cda:ST">x</cda:value><cda:value value="1" xsi:type="cda:PQ"/></cda:ClinicalDocument>`;
    const expected = [
      `<ClinicalDocument xmlns="${v3}" ${xsi}>`,
      '  <value xsi:type="ST">x</value>',
      '  <value value="1" xsi:type="PQ"/>',
      '</ClinicalDocument>',
    ];
    expect(canonical(byDefault)).toEqual(expected);
    expect(canonical(prefixed)).toEqual(expected);
    // Both sides through one interner (and its shared line tables), as a comparison runs them.
    const interner = new LineInterner();
    expect(canonical(prefixed, interner)).toEqual(expected);
    expect(canonical(byDefault, interner)).toEqual(expected);
  });

  it('keeps a type whose prefix is not declared as written', () => {
    const text = `<ClinicalDocument xmlns="${v3}" ${xsi}><value xsi:type="zz:ST"/><value xsi:type=":ST"/></ClinicalDocument>`;
    expect(canonical(text).slice(1, 3)).toEqual([
      '  <value xsi:type="zz:ST"/>',
      '  <value xsi:type=":ST"/>',
    ]);
  });

  it('keeps an unprefixed type as written when no default namespace is declared', () => {
    const text = `<doc ${xsi}><value xsi:type="ST"/></doc>`;
    expect(canonical(text)).toEqual([`<doc ${xsi}>`, '  <value xsi:type="ST"/>', '</doc>']);
  });

  it('gives a type in another namespace that namespace’s canonical prefix, declared once', () => {
    const text = `<ClinicalDocument xmlns="${v3}" ${xsi}>
      <f:ext xmlns:f="urn:hl7finland" xsi:type="f:Extra"/>
      <other xmlns="urn:example:other" xsi:type="Thing"><inner xsi:type="cda:ST" xmlns:cda="${v3}"/></other>
    </ClinicalDocument>`;
    const lines = canonical(text);
    const other = /xmlns:(ns[0-9a-f]{8})="urn:example:other"/.exec(lines[0]!)?.[1];
    expect(other).toBeDefined();
    expect(lines[0]).toContain('xmlns:hl7fi="urn:hl7finland"');
    expect(lines.slice(1)).toEqual([
      '  <hl7fi:ext xsi:type="hl7fi:Extra"/>',
      `  <${other}:other xsi:type="${other}:Thing">`,
      `    <${other}:inner xsi:type="ST"/>`,
      `  </${other}:other>`,
      '</ClinicalDocument>',
    ]);
  });

  it('resolves the same written type by the declarations at each element', () => {
    // Same element, depth and attributes under two bindings of x: two lines, not one cached.
    const text = `<doc ${xsi}><a xmlns:x="urn:hl7finland"><v xsi:type="x:T"/></a><b xmlns:x="${v3}"><v xsi:type="x:T"/></b><v xsi:type="x:T"/></doc>`;
    const lines = canonical(text);
    const cda = /xmlns:(ns[0-9a-f]{8})="urn:hl7-org:v3"/.exec(lines[0]!)?.[1];
    expect(cda).toBeDefined();
    expect(lines.slice(1)).toEqual([
      '  <a>',
      '    <v xsi:type="hl7fi:T"/>',
      '  </a>',
      '  <b>',
      `    <v xsi:type="${cda}:T"/>`,
      '  </b>',
      // Out of every scope again, x is undeclared: as written.
      '  <v xsi:type="x:T"/>',
      '</doc>',
    ]);
  });
});
