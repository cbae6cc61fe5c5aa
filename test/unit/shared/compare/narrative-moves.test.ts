// A narrative paragraph that reappears unchanged elsewhere in its section is one "moved" item,
// not a removal and an addition (review of issue 7: two swapped paragraphs read as four items).
import { describe, expect, it } from 'vitest';
import { diffCdaBody, nameWith } from '../../../../shared/compare/cda-change-list';
import { xmlTree } from '../support/parse-tree';

const cda = (paragraphs: readonly string[]) =>
  xmlTree(`<ClinicalDocument xmlns="urn:hl7-org:v3"><id root="1.2.246.10.1"/>
  <component><structuredBody><component><section><code code="1" codeSystem="1.2.3"/>
  <title>Lausunto</title><text>${paragraphs.map((p) => `<paragraph>${p}</paragraph>`).join('')}</text>
  </section></component></structuredBody></component></ClinicalDocument>`);

function items(left: readonly string[], right: readonly string[]) {
  const names = { left: nameWith(new Map()), right: nameWith(new Map()) };
  return diffCdaBody(cda(left), cda(right), names, () => false).items.map((item) => [
    item.kind,
    item.text,
  ]);
}

describe('narrative moves', () => {
  it('names two swapped paragraphs as one move, not a removal and an addition', () => {
    expect(items(['Alku', 'Kipu', 'Hoito', 'Loppu'], ['Alku', 'Hoito', 'Kipu', 'Loppu'])).toEqual([
      ['moved', 'section Lausunto: narrative moved: "Kipu"'],
    ]);
  });

  it('keeps a changed paragraph a change beside a moved one', () => {
    expect(
      items(
        ['Kipu', 'Hoito', 'Seuranta', 'Loppu'],
        ['Hoito', 'Seuranta', 'Kipu', 'Loppu muutettu'],
      ),
    ).toEqual([
      ['moved', 'section Lausunto: narrative moved: "Kipu"'],
      ['changed', 'section Lausunto: narrative changed from "Loppu" to "Loppu muutettu"'],
    ]);
  });

  it('moves each copy of a repeated paragraph once', () => {
    expect(items(['A', 'B', 'A', 'C'], ['B', 'C', 'A', 'A'])).toEqual([
      ['moved', 'section Lausunto: narrative moved: "A"'],
      ['moved', 'section Lausunto: narrative moved: "A"'],
    ]);
  });

  it('leaves a paragraph that only appears on one side added or removed', () => {
    expect(items(['Kipu', 'Hoito'], ['Hoito', 'Uusi'])).toEqual([
      ['removed', 'section Lausunto: narrative removed: "Kipu"'],
      ['added', 'section Lausunto: narrative added: "Uusi"'],
    ]);
  });
});
