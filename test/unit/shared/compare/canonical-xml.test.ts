import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  canonicalizeXml,
  pathOfLine,
  sourceLineOf,
} from '../../../../shared/compare/canonical-xml';
import { LineInterner } from '../../../../shared/compare/line-interner';
import { parseXml } from '../../../../electron/services/xml';
import type { XmlElement } from '../../../../shared/xml/tree';
import { corpusNote, corpusTree, hasCorpus } from '../support/corpus';

function tree(text: string): XmlElement {
  const parsed = parseXml(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

function canonical(text: string): string[] {
  return [...canonicalizeXml(tree(text)).lines];
}

describe('canonicalizeXml', () => {
  it('is the same whatever the attribute order, prefixes and insignificant whitespace', () => {
    const a = `<ClinicalDocument xmlns="urn:hl7-org:v3" xmlns:hl7fi="urn:hl7finland"><id root="1" extension="2"/>
      <hl7fi:localHeader><hl7fi:declaredTime value="2015"/></hl7fi:localHeader>
      <title>  Lääke
         määräys </title></ClinicalDocument>`;
    const b = `<v3:ClinicalDocument xmlns:v3="urn:hl7-org:v3" xmlns:x="urn:hl7finland">
        <v3:id extension="2"   root="1"></v3:id>
        <x:localHeader>
          <x:declaredTime value="2015"/>
        </x:localHeader>
        <v3:title>Lääke määräys</v3:title>
      </v3:ClinicalDocument>`;
    expect(canonical(a)).toEqual(canonical(b));
    expect(canonical(a)).toEqual([
      '<ClinicalDocument xmlns="urn:hl7-org:v3" xmlns:hl7fi="urn:hl7finland">',
      '  <id extension="2" root="1"/>',
      '  <hl7fi:localHeader>',
      '    <hl7fi:declaredTime value="2015"/>',
      '  </hl7fi:localHeader>',
      '  <title>Lääke määräys</title>',
      '</ClinicalDocument>',
    ]);
  });

  it('writes text, escapes, comments, mixed content and empty elements line by line', () => {
    const lines = canonical(
      `<a xmlns="urn:hl7-org:v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
        `<t> lead</t><t>trail </t><t>two  spaces</t><t>tab\there</t><t>x &amp; y &lt; z &gt; w</t>` +
        `<t>plain</t><e/><e z="1" xsi:type="ST" b="&quot;q&quot;"/><p>one <b>two</b> three<!-- c  d --></p>` +
        `<v xsi:type="ST" a="1">val</v></a>`,
    );
    expect(lines).toEqual([
      '<a xmlns="urn:hl7-org:v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
      '  <t>lead</t>',
      '  <t>trail</t>',
      '  <t>two spaces</t>',
      '  <t>tab here</t>',
      '  <t>x &amp; y &lt; z &gt; w</t>',
      '  <t>plain</t>',
      '  <e/>',
      '  <e b="&quot;q&quot;" xsi:type="ST" z="1"/>',
      '  <p>',
      '    one',
      '    <b>two</b>',
      '    three',
      '    <!--c d-->',
      '  </p>',
      '  <v a="1" xsi:type="ST">val</v>',
      '</a>',
    ]);
  });

  it('names same-named siblings by index, also past a signature and in long child lists', () => {
    const many = Array.from({ length: 40 }, (_, k) => `<r>${k}</r>`).join('');
    const c = canonicalizeXml(
      tree(
        `<a xmlns="urn:hl7-org:v3"><b><c/><ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X><ds:Y/><ds:Y/></ds:X></ds:Signature><c/><d/></b><b><c/></b><l>${many}<s/></l></a>`,
      ),
    );
    const paths = c.lines.map((_, line) => pathOfLine(c, line));
    expect(paths.slice(0, 8)).toEqual([
      '/a',
      '/a/b[1]',
      '/a/b[1]/c[1]',
      '/a/b[1]/ds:Signature',
      '/a/b[1]/c[2]',
      '/a/b[1]/d',
      '/a/b[1]',
      '/a/b[2]',
    ]);
    expect(paths).toContain('/a/l/r[1]');
    expect(paths).toContain('/a/l/r[40]');
    expect(paths).toContain('/a/l/s');
    expect(c.lines[paths.indexOf('/a/l/r[40]')]).toBe('    <r>39</r>');
  });

  it('interns its lines as it writes them when given an interner, the first line included', () => {
    const interner = new LineInterner();
    const text = `<a xmlns="urn:hl7-org:v3" xmlns:x="urn:x"><b>1</b><x:c/><b>1</b><b>2</b></a>`;
    const left = canonicalizeXml(tree(text), undefined, interner);
    const right = canonicalizeXml(tree(text.replace('<b>2</b>', '<b>3</b>')), undefined, interner);
    expect(left.lines).toEqual(canonical(text));
    for (const side of [left, right]) {
      expect(side.lineIds).toHaveLength(side.lines.length);
      side.lines.forEach((line, k) => expect(interner.line(side.lineIds![k]!)).toBe(line));
    }
    // The first line carries the namespace declarations added after it was written.
    expect(left.lines[0]).toMatch(/^<a xmlns="urn:hl7-org:v3" xmlns:ns[0-9a-f]{8}="urn:x">$/);
    expect(right.lineIds![0]).toBe(left.lineIds![0]);
    expect(left.lineIds![1]).toBe(left.lineIds![3]);
    expect(right.lineIds![4]).not.toBe(left.lineIds![4]);
    expect(canonicalizeXml(tree(text)).lineIds).toBeUndefined();
  });

  it('keeps significant differences: text, attribute values, no-break spaces', () => {
    expect(canonical('<a><b x="1">t</b></a>')).not.toEqual(canonical('<a><b x="2">t</b></a>'));
    expect(canonical('<a>x y</a>')).not.toEqual(canonical('<a>x\u00a0y</a>'));
    expect(canonical('<a>x y</a>')).not.toEqual(canonical('<a>xy</a>'));
  });

  it('takes Base64 payloads out of line with decoded size and hash', () => {
    const payload = Buffer.from('hello world, this is the payload').toString('base64');
    const c = canonicalizeXml(
      tree(
        `<a xmlns="urn:hl7-org:v3"><text mediaType="text/plain" representation="B64">${payload}</text></a>`,
      ),
    );
    expect(c.lines[2]).toBe(
      `    [base64: 32 bytes, sha256 ${sha256Of('hello world, this is the payload')}]`,
    );
    expect(c.payloads).toEqual([
      {
        kind: 'base64',
        path: '/a/text',
        line: 2,
        bytes: 32,
        sha256: sha256Of('hello world, this is the payload'),
      },
    ]);
  });

  it('replaces an XML signature by one line and names paths and source lines', () => {
    const c = canonicalizeXml(
      tree(
        '<a xmlns="urn:hl7-org:v3">\n<b/>\n<b>\n<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#" Id="S1"><ds:SignatureValue>AAAA</ds:SignatureValue></ds:Signature></b></a>',
      ),
    );
    expect(c.lines[3]).toMatch(
      /^ {4}\[signature ds:Signature Id="S1": 3 lines, sha256 [0-9a-f]{64}\]$/,
    );
    expect(pathOfLine(c, 3)).toBe('/a/b[2]/ds:Signature');
    expect(pathOfLine(c, 3, false)).toBe('/a/b/ds:Signature');
    expect(sourceLineOf(c, 2)).toBe(3);
    expect(c.lines[0]).toBe(
      '<a xmlns="urn:hl7-org:v3" xmlns:ds="http://www.w3.org/2000/09/xmldsig#">',
    );
  });

  it('gives a comment line the source line of its comment, other lines their element’s', () => {
    const c = canonicalizeXml(
      tree(
        '<a xmlns="urn:hl7-org:v3">\n<b>\n<c/>\n\n<!-- <c/> -->\n<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><!--s--><ds:SignatureValue>AAAA</ds:SignatureValue></ds:Signature>\n</b><!--\nlast--></a>',
      ),
    );
    expect(c.lines.map((line, k) => `${sourceLineOf(c, k)} ${line.trim()}`)).toEqual([
      '1 <a xmlns="urn:hl7-org:v3" xmlns:ds="http://www.w3.org/2000/09/xmldsig#">',
      '2 <b>',
      '3 <c/>',
      '5 <!--<c/>-->',
      expect.stringMatching(/^6 \[signature ds:Signature: 4 lines, sha256 /),
      '2 </b>',
      '7 <!--last-->',
      '1 </a>',
    ]);
    // Only the form's comment lines: the signature's comment is inside its one line.
    expect([...c.ownSourceLines]).toEqual([
      [3, 5],
      [6, 7],
    ]);
  });

  it('gives a text line of mixed content that starts on a line of its own that line', () => {
    const c = canonicalizeXml(
      tree(
        '<a xmlns="urn:hl7-org:v3">\n<paragraph>First <content>bold</content>\n\n  third line\n<br/>  tail</paragraph></a>',
      ),
    );
    expect(c.lines.map((line, k) => `${sourceLineOf(c, k)} ${line.trim()}`)).toEqual([
      '1 <a xmlns="urn:hl7-org:v3">',
      '2 <paragraph>',
      '2 First',
      '2 <content>bold</content>',
      '4 third line',
      '5 <br/>',
      '5 tail',
      '2 </paragraph>',
      '1 </a>',
    ]);
  });

  it.skipIf(!hasCorpus)(`keeps the narrative of a real prescription readable${corpusNote}`, () => {
    const lm = canonicalizeXml(corpusTree('kanta-cda-api/Esko__4_Renitec_LM.xml'));
    expect(lm.payloads.filter((p) => p.kind === 'signature')).toHaveLength(2);
    expect(
      lm.lines.some((line) => line.includes('<content>Annostus: 1 tabletti aamuisin.</content>')),
    ).toBe(true);
  });
});

function sha256Of(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
