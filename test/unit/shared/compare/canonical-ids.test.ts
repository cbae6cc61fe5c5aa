/**
 * The canonical writer finds repeated lines without building them (a tag's text lines by their
 * text, start tags by their attributes in document order): equal lines must still get one id,
 * on one side and across both sides of a comparison, and unequal lines never share one.
 */
import { describe, expect, it } from 'vitest';
import { canonicalizeXml, type CanonicalXml } from '../../../../shared/compare/canonical-xml';
import { LineInterner } from '../../../../shared/compare/line-interner';
import { parseXml } from '../../../../electron/services/xml/parse-xml';
import type { XmlElement } from '../../../../shared/xml/tree';

function tree(text: string): XmlElement {
  const parsed = parseXml(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

/** The id of each distinct line of the sides; fails when one line has two ids or two lines one. */
function idsByLine(sides: readonly CanonicalXml[]): Map<string, number> {
  const ids = new Map<string, number>();
  const lineOf = new Map<number, string>();
  for (const side of sides)
    side.lines.forEach((line, k) => {
      const id = side.lineIds![k]!;
      expect(ids.get(line) ?? id, line).toBe(id);
      expect(lineOf.get(id) ?? line, `id ${id}`).toBe(line);
      ids.set(line, id);
      lineOf.set(id, line);
    });
  return ids;
}

describe('canonical line ids', () => {
  it('gives one id to a line whatever attribute order or raw whitespace made it', () => {
    const left = `<a><c x="1" y="2"/><c y="2" x="1"/><t>one  two</t><t>one two</t><t> one two </t>
      <d x="1">t</d><d x="1">t</d><c x="1"/><c x="2"/><c x="1" y="3"/></a>`;
    const right = `<a><c y="2" x="1"/><t>one
      two</t><c x="1" y="2"/><c x="1"/></a>`;
    const interner = new LineInterner();
    const sides = [left, right].map((text) => canonicalizeXml(tree(text), undefined, interner));
    const ids = idsByLine(sides);
    expect(sides[0]!.lines).toEqual([
      '<a>',
      '  <c x="1" y="2"/>',
      '  <c x="1" y="2"/>',
      '  <t>one two</t>',
      '  <t>one two</t>',
      '  <t>one two</t>',
      '  <d x="1">t</d>',
      '  <d x="1">t</d>',
      '  <c x="1"/>',
      '  <c x="2"/>',
      '  <c x="1" y="3"/>',
      '</a>',
    ]);
    expect(ids.size).toBe(8);
    expect(interner.size).toBe(8);
  });

  it('keeps a tag-only line, a text line and a start line of one name apart', () => {
    const text = `<a><b/><b></b><b>x</b><b><i/></b><b k="v"/><b k="v">x</b><b k="v"><i/></b>
      <b>&lt;b&gt;</b></a>`;
    const interner = new LineInterner();
    const ids = idsByLine([canonicalizeXml(tree(text), undefined, interner)]);
    expect([...ids.keys()]).toEqual([
      '<a>',
      '  <b/>',
      '  <b>x</b>',
      '  <b>',
      '    <i/>',
      '  </b>',
      '  <b k="v"/>',
      '  <b k="v">x</b>',
      '  <b k="v">',
      '  <b>&lt;b&gt;</b>',
      '</a>',
    ]);
  });

  it('interns no line of a signature (it becomes one hash line)', () => {
    const text = `<a xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><b>x</b>
      <ds:Signature><ds:SignatureValue>abc</ds:SignatureValue><b>x</b><b k="1"/></ds:Signature></a>`;
    const interner = new LineInterner();
    const side = canonicalizeXml(tree(text), undefined, interner);
    expect(side.lines).toHaveLength(4);
    expect(side.lines[2]).toMatch(/^ {2}\[signature ds:Signature: 5 lines, sha256 [0-9a-f]{64}\]$/);
    // The four lines, plus the first line's text before the namespace declarations were added.
    expect(interner.size).toBe(5);
  });
});
