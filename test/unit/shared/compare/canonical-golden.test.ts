/**
 * The canonical writer is tuned for speed (issue 7); its output must not move by one byte. Each
 * document's whole canonical form (lines, element tables, payloads, prefixes, ranges) is hashed
 * and checked against the digest the writer produced before the tuning (commit fb53198). A
 * deliberate change to the canonical form changes these digests: regenerate them then, and say
 * why in the commit.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalizeXml, type CanonicalXml } from '../../../../shared/compare/canonical-xml';
import { LineInterner } from '../../../../shared/compare/line-interner';
import { parseXml } from '../../../../electron/services/xml/parse-xml';
import type { XmlElement } from '../../../../shared/xml/tree';
import { syntheticCda } from '../../../bench/synthetic-cda';
import { corpusDocuments, corpusNote, corpusTree, hasCorpus } from '../support/corpus';

function tree(text: string): XmlElement {
  const parsed = parseXml(text, { maxNodes: 5_000_000 });
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

/** One hash over everything a reader of the canonical form can see. */
function digest(canonical: CanonicalXml): string {
  const hash = createHash('sha256');
  const ints = (values: Int32Array): void => {
    hash.update(Buffer.from(values.buffer, values.byteOffset, values.byteLength));
  };
  hash.update(canonical.lines.join('\n'));
  ints(canonical.lineElement);
  hash.update(canonical.elementSegment.join('\n'));
  ints(canonical.elementParent);
  ints(canonical.elementSourceLine);
  hash.update(JSON.stringify(canonical.payloads));
  hash.update(JSON.stringify([...canonical.prefixes]));
  hash.update(JSON.stringify([...canonical.ranges.values()]));
  return hash.digest('hex');
}

/** Ids from a shared interner: equal exactly when the lines are equal, across both sides. */
function expectIdsMatchLines(sides: readonly CanonicalXml[], interner: LineInterner): void {
  const idOf = new Map<string, number>();
  const wrong: string[] = [];
  for (const side of sides) {
    expect(side.lineIds).toHaveLength(side.lines.length);
    side.lines.forEach((line, k) => {
      const id = side.lineIds![k]!;
      if (interner.line(id) !== line || (idOf.get(line) ?? id) !== id)
        wrong.push(`line ${k} has id ${id}: ${line}`);
      idOf.set(line, id);
    });
  }
  // One expectation for all lines: 140,000 separate ones take longer than the writer.
  expect(wrong.slice(0, 5)).toEqual([]);
}

/** Every path of the writer: comments, mixed content, signatures, payloads, escapes, siblings. */
const edgeCases = `<?xml version="1.0"?>
<ClinicalDocument xmlns="urn:hl7-org:v3" xmlns:x="urn:hl7finland" xmlns:q="urn:example:other"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:ds="http://www.w3.org/2000/09/xmldsig#">
  <!--  a   comment
   over lines -->
  <id root="1" extension="a&amp;b &lt;c&gt; &quot;d&quot;&#9;e&#10;f" xml:lang="fi"/>
  <q:thing q:b="2" a="1" xsi:type="ST" x:z="3"/>
  <title>  Lääke
     määräys &amp; &lt;tag&gt;  </title>
  <empty></empty><empty>   </empty><empty a="1">
  </empty>
  <para>Before <b>bold</b> after<!--c--> tail <![CDATA[<raw> & text]]></para>
  <text mediaType="application/pdf" representation="B64">SGVsbG8g
    d29ybGQ=</text>
  <text representation="B64">not base64 at all!</text>
  <value>${'QUJD'.repeat(20)}
    ${'REVG'.repeat(20)}
    ${'R0hJ'.repeat(20)}
    ${'SktM'.repeat(20)}</value>
  <ds:Signature Id="S1"><ds:SignedInfo><ds:Reference URI="#x"/></ds:SignedInfo>
    <ds:SignatureValue>abc</ds:SignatureValue>
    <ds:Object><ds:Signature><ds:SignatureValue>nested</ds:SignatureValue></ds:Signature></ds:Object>
  </ds:Signature>
  <ds:Signature><ds:SignatureValue>def</ds:SignatureValue></ds:Signature>
  <list>${Array.from({ length: 40 }, (_, k) => `<item n="${k}">${k}</item>`).join('')}</list>
  <mixed>${Array.from({ length: 40 }, (_, k) => (k % 3 === 0 ? `<a>${k}</a>` : `<b/>`)).join('')}<c/></mixed>
  <component><section><title>S</title><text><table><tr><td>1</td></tr></table></text>
    <entry><observation classCode="OBS"><code code="1"/></observation></entry></section></component>
</ClinicalDocument>`;

/** Digests of the writer's output before the speed work (regenerate only on purpose). */
const expected: Record<string, string> = {
  'edge cases': 'c85db58082e9e8d18bc1acc1180cedb6e3a04a45174af541b13c71dbfd0fb1e2',
  'synthetic 2 MB structured, seed 1':
    '41e0926eb7f3cd30a3b90d6e333e9445adb148f97633788043ac4761166f3c17',
  'synthetic 300 KB structured, seed 7':
    '8f495bd2db068fc8a2d4dc37d3364b9044c10c9d6a1e63d660328e0eed3ecd43',
  'synthetic 300 KB attachment, seed 3':
    'ad97eed06fbdd7c8f583040ebd11e29cb3181710250a0e20fba3750ebf52387a',
  'kanta-cda-api/DynamicHealth__1 diatsepaami lm.xml':
    '910ac59225f4d0c94c83af72ffe38686e0dd1c3c3b3f488918424b5033902f8c',
  'kanta-cda-api/DynamicHealth__1 leponex lm.xml':
    '910ac59225f4d0c94c83af72ffe38686e0dd1c3c3b3f488918424b5033902f8c',
  'kanta-cda-api/ESIM l\u00e4\u00e4kem\u00e4\u00e4r\u00e4ys_laaja_kaikki_tietokentat.xml':
    '8e1047ddc8a6315856c1b42f74ca70d4f6377891012f75c2c3515dac0a76724b',
  'kanta-cda-api/Esim_OSVA_Omakannasta.xml':
    '3d18369c23c60aecd279aab247ab2f54800a2a4e4386176f1048df13163a8a61',
  'kanta-cda-api/Esko__1_Leponex_UUS.xml':
    '4069879ac92223dd6fbc470b5f30967fc1d5f6475047c78af28ac7fd45d0fb08',
  'kanta-cda-api/Esko__4_Renitec_KOR.xml':
    '18f1a799bfdf4f2cadf20d612c0ad5c185993215e41dfddddf51d811ad58298d',
  'kanta-cda-api/Esko__4_Renitec_LM.xml':
    '4348fd7c259ee9a0e7be400ed91b77611fcb8096fd24d506461ee16bde6978cd',
  'kanta-cda-api/Esko__4_Renitec_MIT.xml':
    '7ebe7ef47dd52f07a85c77c6dde5a68e2fbb4718bd8b5ddacb5262dc6725c7a6',
  'kanta-cda-api/LM4_perusvoide_kokonaismaaralla.xml':
    '0922a08483d33e0bf97052583f6be4e8d18c51241d15c5162975035a92375073',
  'kanta-cda-api/LM4_perusvoide_kokonaismaaralla_ei_nayttomuotoa.xml':
    '178f8d34e5a21f638f7a747a9b90149a2207ed5d617948db3fdf7051629489cd',
  'kanta-cda-api/LM_annosjakelu.xml':
    '52b903c9d7d935828717d5581e74480913d6073e712ab6aec677cc69ff745a52',
  'kanta-cda-api/LT1_testiasiakirja_toimitus.xml':
    'c6fd6ea2efd82450ba062c3297c8fda5710bdb7336996f3d061958706f9a411b',
  'kanta-cda-api/Mediatri__4 physiogel lm.xml':
    'd5260a91464c5e1b26e05b3d3ee0ca4034aef5f7e954e778a95f41a50f40d394',
  'kanta-cda-api/Mediatri__4 physiogel mit.xml':
    'f1e2ba19420f19e01cd6367937fb089f4dbdb895ef5cb35b990c4c7564982b50',
  'kanta-cda-api/V3_0__Esko__Diatsepaami LM.xml':
    '11ce29c4ede9e260f26854bc54695190e88ec8ebcab391296b23aacbd6e27aef',
  'kanta-cda-api/eDoctoral__5 Nutrilon KOR.xml':
    'e5f883fee6e1af4d50b8f59823b9d15a2ddbdcaef0703fa827037a9024c67af7',
  'kanta-cda-api/eDoctoral__5 Nutrilon LM.xml':
    '7bce5a4dc4752aac5783fefa60aab2e7d6fd2a2afe7d8ee4c4661899ea4405d4',
  'kanta-cda-api/palveluyksikon_id_puuttuu.xml':
    '1a14a52334016b61a11ae108201e473199a55e771bcf5a146f8bcbed209e96a8',
  'kanta-cda-api/up_omakanta.xml':
    'daa48411000cbdfb6f13d9c8c60639ff997bc667aad7d134ff3961ffc7d3527f',
  'hl7-ccda-examples/CCD 1__CCD.XML':
    '3926849c542f6377259658c33b08005bc45d52b93e07c7bd4262e307a58d8f94',
  'hl7-ccda-examples/CCD Parent Document Replace (C-CDAR2.1).xml':
    '2572c0900d5259eeca3b2f9f45a630d5e0609e5357e91c443e52535e7ebcac5b',
  'hl7-ccda-examples/CDA_Embedded_Text_Plain_Surgical_Consult.xml':
    '773b50592ea04243a5f5dc0ddf76a3d440cb2cd6d0b924be5a4ea4e1677f05b5',
  'hl7-ccda-examples/Care_Plan.xml':
    'f5cfd079d662f106b43f3dba2c645aa8af2d0f4e9781c65c52a0085f932a5e7d',
  'hl7-ccda-examples/Discharge_Summary.xml':
    '8e08a51ca75299ab32716dfc53ef19a5421adca479313af8af2bb55d31ce38b6',
};

describe('canonicalizeXml output is unchanged by the speed work', () => {
  const cases: [string, () => XmlElement][] = [
    ['edge cases', () => tree(edgeCases)],
    ['synthetic 2 MB structured, seed 1', () => tree(syntheticCda(2_000_000, 'structured', 1))],
    ['synthetic 300 KB structured, seed 7', () => tree(syntheticCda(300_000, 'structured', 7))],
    ['synthetic 300 KB attachment, seed 3', () => tree(syntheticCda(300_000, 'attachment', 3))],
  ];
  it.each(cases)(
    '%s',
    (name, make) => {
      const root = make();
      const interner = new LineInterner();
      const left = canonicalizeXml(root, undefined, interner);
      const right = canonicalizeXml(root, undefined, interner);
      expect(digest(left)).toBe(expected[name]);
      expect(digest(canonicalizeXml(root))).toBe(digest(left));
      expectIdsMatchLines([left, right], interner);
      expect(right.lineIds!.every((id, k) => id === left.lineIds![k])).toBe(true);
    },
    60_000,
  );

  it.skipIf(!hasCorpus)(`on every corpus document${corpusNote}`, () => {
    const digests: Record<string, string> = {};
    for (const path of corpusDocuments()) digests[path] = digest(canonicalizeXml(corpusTree(path)));
    expect(Object.keys(digests).length).toBeGreaterThan(10);
    expect(digests).toEqual(
      Object.fromEntries(Object.keys(digests).map((path) => [path, expected[path]])),
    );
  });
});
