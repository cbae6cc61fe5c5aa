import { describe, expect, it } from 'vitest';
import { diffCdaBody, nameWith } from '../../../../shared/compare/cda-change-list';
import { canonicalizeXml } from '../../../../shared/compare/canonical-xml';
import { metadataItems } from '../../../../shared/compare/metadata-items';
import type { MetadataChange } from '../../../../shared/compare/metadata-diff';
import { xmlTree } from '../support/parse-tree';

/** Review 9, defect 10: the change list in the metadata table's words, same titles told apart. */
describe('metadata items in words', () => {
  const change = (path: string, left?: string, right?: string): MetadataChange => ({
    path,
    kind: left === undefined ? 'added' : right === undefined ? 'removed' : 'changed',
    ...(left === undefined ? {} : { left }),
    ...(right === undefined ? {} : { right }),
  });

  it('names the field as the metadata table does, and keeps the model path for rules and JSON', () => {
    const items = metadataItems([
      change('versionNumber', '1', '3'),
      change('authors[0].time', '2024-05-06', '2024-06-26'),
      change('localHeader.registratedTime', undefined, '2024-06-26'),
    ]);
    expect(items.map((item) => item.text)).toEqual([
      'Version number changed from "1" to "3"',
      'Author 1 › time changed from "2024-05-06" to "2024-06-26"',
      'Local header › registrated time added: "2024-06-26"',
    ]);
    expect(items.map((item) => [item.path, item.pathKind, item.field])).toEqual([
      ['versionNumber', 'model', 'Version number'],
      ['authors[0].time', 'model', 'Author 1 › time'],
      ['localHeader.registratedTime', 'model', 'Local header › registrated time'],
    ]);
  });
});

describe('sections with the same title', () => {
  const section = (title: string, text: string) =>
    `<component><section><title>${title}</title><text><paragraph>${text}</paragraph></text></section></component>`;
  const cda = (sections: readonly string[]) =>
    xmlTree(`<ClinicalDocument xmlns="urn:hl7-org:v3"><id root="1.2.3"/>
      <component><structuredBody>${sections.join('')}</structuredBody></component></ClinicalDocument>`);

  function texts(left: readonly string[], right: readonly string[]): string[] {
    const [l, r] = [cda(left), cda(right)];
    const names = {
      left: nameWith(canonicalizeXml(l).prefixes),
      right: nameWith(canonicalizeXml(r).prefixes),
    };
    return diffCdaBody(l, r, names).items.map((item) => item.text);
  }

  it('adds their place among the sections of that title when a title repeats', () => {
    const left = [section('Lääkitys', 'a'), section('Tutkimukset &amp; hoito', 'b')];
    const right = [
      section('Lääkitys', 'a'),
      section('Tutkimukset &amp; hoito', 'b'),
      section('Tutkimukset &amp; hoito', 'c'),
      section('Tutkimukset &amp; hoito', 'd'),
    ];
    expect(texts(left, right)).toEqual([
      'section Tutkimukset & hoito (2nd) added',
      'section Tutkimukset & hoito (3rd) added',
    ]);
  });

  it('tells apart two changed sections of one title read in place', () => {
    const left = [section('Lausunto', 'a'), section('Lausunto', 'b')];
    const right = [section('Lausunto', 'x'), section('Lausunto', 'y')];
    const changed = texts(left, right);
    expect(changed.some((text) => text.startsWith('section Lausunto (1st)'))).toBe(true);
    expect(changed.some((text) => text.startsWith('section Lausunto (2nd)'))).toBe(true);
  });

  it('leaves a title that is not repeated as it is', () => {
    expect(texts([section('Lääkitys', 'a')], [section('Lääkitys', 'b')])).toEqual([
      expect.stringMatching(/^section Lääkitys: /),
    ]);
  });
});
