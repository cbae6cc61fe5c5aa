import { describe, expect, it } from 'vitest';
import { align, movedOf } from '../../../../shared/compare/align';
import {
  changedSectionsInPlace,
  nodesOf,
  sectionKeys,
  sectionSlotsOf,
} from '../../../../shared/compare/cda-body-nodes';
import {
  diffCdaBody,
  maxChangeListItems,
  nameWith,
} from '../../../../shared/compare/cda-change-list';
import { canonicalizeXml } from '../../../../shared/compare/canonical-xml';
import { compareDocuments, type CompareSide } from '../../../../shared/compare/compare-documents';
import { readDocument } from '../../../../shared/documents/read-document';
import { seededRandom } from '../../../../shared/seeded-random';
import type { XmlElement } from '../../../../shared/xml/tree';
import { unwrap } from '../support/fixtures';
import { xmlTree } from '../support/parse-tree';

/** One generated section: few titles and codes, so that keys repeat and collide. */
interface Spec {
  title: string;
  code: string;
  text: string;
  value: string;
  templateId?: string;
  children: Spec[];
}

function sectionXml(spec: Spec): string {
  const templateId = spec.templateId ? `<templateId root="${spec.templateId}"/>` : '';
  return `<component>${templateId}<section><code code="${spec.code}" codeSystem="1.2.3"/><title>${spec.title}</title>
    <text><paragraph>${spec.text}</paragraph><paragraph>toinen ${spec.text}</paragraph></text>
    <entry><observation classCode="OBS" moodCode="EVN"><id root="9.9.${spec.code}"/><code code="${spec.code}" codeSystem="1.2.3" displayName="Havainto ${spec.code}"/><value xsi:type="ST">${spec.value}</value></observation></entry>
    ${spec.children.map(sectionXml).join('')}</section></component>`;
}

const cda = (sections: readonly Spec[]) =>
  `<ClinicalDocument xmlns="urn:hl7-org:v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <id root="1.2.246.10.1"/><title>T</title>
  <component><structuredBody>${sections.map(sectionXml).join('\n')}</structuredBody></component></ClinicalDocument>`;

function randomSpec(next: () => number, depth: number): Spec {
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  return {
    title: pick(['Lääkitys', 'Diagnoosit', 'Lausunto']),
    code: pick(['1', '2']),
    text: pick(['kipu', 'hoito', 'seuranta', 'näyte']),
    value: pick(['x', 'y']),
    ...(next() < 0.1 ? { templateId: pick(['1.2.9.1', '1.2.9.2']) } : {}),
    children: depth > 0 && next() < 0.2 ? [randomSpec(next, depth - 1)] : [],
  };
}

/** A copy of `specs` with a few random edits: text, value, title, templateId, moves, adds, removals. */
function edited(specs: readonly Spec[], next: () => number): Spec[] {
  const out = specs.map((spec) => ({ ...spec, children: [...spec.children] }));
  const edits = 1 + Math.floor(next() * 3);
  for (let k = 0; k < edits && out.length > 1; k++) {
    const at = Math.floor(next() * out.length);
    const spec = out[at]!;
    const kind = Math.floor(next() * 7);
    if (kind === 0) spec.text = `${spec.text} muutettu`;
    else if (kind === 1) spec.value = `${spec.value}2`;
    else if (kind === 2) spec.title = `${spec.title} 2`;
    else if (kind === 3) spec.templateId = spec.templateId ? undefined! : '1.2.9.3';
    else if (kind === 4) out.splice(Math.floor(next() * out.length), 0, out.splice(at, 1)[0]!);
    else if (kind === 5) out.splice(at, 0, randomSpec(next, 1));
    else out.splice(at, 1);
    if (spec.templateId === undefined) delete spec.templateId;
  }
  return out;
}

function side(text: string): CompareSide {
  const tree = xmlTree(text);
  return { tree, metadata: unwrap(readDocument(tree)) };
}

/** The body items without anything known equal: every section and entry read and compared. */
function readingEverything(left: XmlElement, right: XmlElement) {
  const names = {
    left: nameWith(canonicalizeXml(left).prefixes),
    right: nameWith(canonicalizeXml(right).prefixes),
  };
  return diffCdaBody(left, right, names, () => false).items;
}

const body = (tree: XmlElement) => {
  const component = tree.children.find((n) => n.kind === 'element' && n.name === 'component');
  const found = (component as XmlElement).children.find(
    (n) => n.kind === 'element' && n.name === 'structuredBody',
  );
  return found as XmlElement;
};

describe('CDA change list: sections in place', () => {
  it('lists the same changes as reading every section, for edited, moved, added and removed ones', () => {
    let changed = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const next = seededRandom(seed);
      const specs = Array.from({ length: 3 + Math.floor(next() * 30) }, () => randomSpec(next, 1));
      const left = side(cda(specs));
      const right = side(cda(edited(specs, next)));
      const items = compareDocuments(left, right).changeList.shown.filter(
        (item) => item.pathKind === 'canonical',
      );
      expect(items, `seed ${seed}`).toEqual(readingEverything(left.tree, right.tree));
      if (items.length > 0) changed++;
    }
    // The generated edits change something in most cases, so the equality says something.
    expect(changed).toBeGreaterThan(40);
  });

  it('pairs sections in place only where the alignment by keys would pair them so', () => {
    let inPlace = 0;
    let aligned = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const next = seededRandom(seed);
      const specs = Array.from({ length: 2 + Math.floor(next() * 12) }, () => randomSpec(next, 0));
      const left = sectionSlotsOf(body(xmlTree(cda(specs))));
      const right = sectionSlotsOf(body(xmlTree(cda(edited(specs, next)))));
      const paths = { left: '/s', right: '/s' };
      const changed = changedSectionsInPlace(left, right, paths, () => false);
      if (changed === undefined) {
        aligned++;
        continue;
      }
      inPlace++;
      const { pairs, removed, added } = align(
        nodesOf(left, '/s'),
        nodesOf(right, '/s'),
        sectionKeys,
      );
      expect({ removed, added, moved: movedOf(pairs).size }, `seed ${seed}`).toEqual({
        removed: [],
        added: [],
        moved: 0,
      });
      expect(pairs.map(([l, r]) => [l.index, r.index])).toEqual(
        changed.map(([l, r]) => [l.index, r.index]),
      );
    }
    expect(inPlace).toBeGreaterThan(20);
    expect(aligned).toBeGreaterThan(20);
  });

  it('reads only the sections around a few edits of a long body and names just those', () => {
    const specs = Array.from({ length: 400 }, (_, i) => ({
      title: `Osio ${i}`,
      code: String(i % 7),
      text: `teksti ${i}`,
      value: 'x',
      children: [],
    }));
    const right = specs.map((spec) => ({ ...spec }));
    right[17]!.text = 'muutettu';
    right[350]!.value = 'y';
    const result = compareDocuments(side(cda(specs)), side(cda(right)));
    expect(result.changeList.shown.map((item) => item.text)).toEqual([
      'section Osio 17: narrative changed from "teksti 17" to "muutettu"',
      'section Osio 17: narrative changed from "toinen teksti 17" to "toinen muutettu"',
      'section Osio 350, entry Havainto 0: value changed from "x" to "y"',
    ]);
  });
});

describe('a full change list', () => {
  it('stops testing section pairs once it holds maxChangeListItems items', () => {
    // Every section is changed, with two changed paragraphs: more items than the list holds.
    const specs = (word: string): Spec[] =>
      Array.from({ length: maxChangeListItems }, (_, i) => ({
        title: `Osio ${i}`,
        code: String(i),
        text: `${word} ${i}`,
        value: word,
        children: [],
      }));
    const left = xmlTree(cda(specs('vasen')));
    // One section more on the right: not in place, so the sections are aligned by their keys.
    const right = xmlTree(cda([...specs('oikea'), ...specs('uusi').slice(0, 1)]));
    const names = { left: nameWith(new Map()), right: nameWith(new Map()) };
    const testedSections = new Set<XmlElement>();
    const result = diffCdaBody(left, right, names, (_, r) => {
      if (r.name === 'section') testedSections.add(r);
      return false;
    });
    expect(result.items).toHaveLength(maxChangeListItems);
    expect(result.isTruncated).toBe(true);
    const named = new Set(result.items.map((item) => item.section));
    expect(named.size).toBeLessThan(maxChangeListItems / 2);
    // The sections tested are those the list names, and the one that found it full.
    expect(testedSections.size).toBeLessThanOrEqual(named.size + 1);
  });
});
