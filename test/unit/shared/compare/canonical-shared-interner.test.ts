/**
 * The canonical writer caches lines per interner, so the second side of a comparison finds most
 * of its lines from the first side's writing. Its output must be exactly what it writes alone:
 * the same lines, the same namespace declarations on the document element (a side whose
 * namespaced attribute lines all come from the cache still declares their namespaces), and ids
 * that are equal exactly when lines are equal.
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

const document = (body: string): string =>
  `<a xmlns="urn:hl7-org:v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:q="urn:q">${body}</a>`;

function visible(form: CanonicalXml): unknown {
  return { lines: form.lines, prefixes: [...form.prefixes], segments: form.elementSegment };
}

describe('canonicalizeXml with an interner shared by both sides', () => {
  const first = document(
    '<v xsi:type="PQ" value="1"/><w q:x="2" y="3">t</w><td>a &amp; b</td><td> c  d </td><e b="1" a="2"/>',
  );
  const second = document(
    '<v xsi:type="PQ" value="1"/><td>a &amp; b</td><td>c d</td><e a="2" b="1"/><td>new</td>',
  );

  it('writes the second side exactly as it writes it alone', () => {
    const interner = new LineInterner();
    canonicalizeXml(tree(first), undefined, interner);
    const shared = canonicalizeXml(tree(second), undefined, interner);
    expect(visible(shared)).toEqual(visible(canonicalizeXml(tree(second))));
    expect(shared.lines[0]).toBe(
      '<a xmlns="urn:hl7-org:v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    );
  });

  it('gives equal lines equal ids and different lines different ids across both sides', () => {
    const interner = new LineInterner();
    const sides = [first, second].map((text) => canonicalizeXml(tree(text), undefined, interner));
    const idOf = new Map<string, number>();
    const lineOf = new Map<number, string>();
    for (const side of sides)
      side.lines.forEach((line, k) => {
        const id = side.lineIds![k]!;
        expect(interner.line(id)).toBe(line);
        expect(idOf.get(line) ?? id).toBe(id);
        expect(lineOf.get(id) ?? line).toBe(line);
        idOf.set(line, id);
        lineOf.set(id, line);
      });
    // `<td> c  d </td>` and `<td>c d</td>` make one line; so do both attribute orders of `e`.
    const [left, right] = sides as [CanonicalXml, CanonicalXml];
    expect(right.lines.slice(2, 5)).toEqual([
      '  <td>a &amp; b</td>',
      '  <td>c d</td>',
      '  <e a="2" b="1"/>',
    ]);
    expect([...right.lineIds!.slice(2, 5)]).toEqual([...left.lineIds!.slice(3, 6)]);
  });
});
