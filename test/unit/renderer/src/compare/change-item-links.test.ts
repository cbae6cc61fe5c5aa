import { describe, expect, it } from 'vitest';
import type { ContentChange } from '../../../../../shared/compare/content-changes';
import { seededRandom } from '../../../../../shared/seeded-random';
import { linkItems, linkItemSteps } from '../../../../../shared/compare/change-item-links';
import { viewChanges } from '../../../../../renderer/src/compare/diff-rows';
import { changeForItem } from '../../../../../renderer/src/compare/line-mapping';

const body = '/ClinicalDocument/component/structuredBody/component';

function change(at: number, path: string, left?: number, right?: number): ContentChange {
  return {
    leftStart: at,
    leftEnd: at + 1,
    rightStart: at,
    rightEnd: at + 1,
    path,
    removed: ['old'],
    added: ['new'],
    ...(left !== undefined ? { leftSourceLine: left } : {}),
    ...(right !== undefined ? { rightSourceLine: right } : {}),
  };
}

describe('linkItems', () => {
  const views = viewChanges(
    [
      change(5, '/ClinicalDocument/title[1]', 12, 12),
      change(40, `${body}[2]/section[1]/text[1]`, 80, 81),
      change(60, `${body}[2]/section[1]/entry[3]/observation[1]/value[1]`, 95, 96),
    ],
    [],
  );
  const section = { pathKind: 'canonical' as const, path: `${body}/section`, leftLine: 79 };
  const entry = { pathKind: 'canonical' as const, path: `${body}/section/entry`, rightLine: 90 };
  const title = { pathKind: 'canonical' as const, path: '/ClinicalDocument/title', leftLine: 12 };
  const header = { pathKind: 'model' as const, path: 'title' };
  const signature = { pathKind: 'model' as const, path: 'signatures[0].time' };

  it('links each item to its change and each change to its items', () => {
    const links = linkItems(views, [header, signature, section, entry, title]);
    expect(links.changeOfItem.get(section)).toBe(1);
    expect(links.changeOfItem.get(entry)).toBe(2);
    expect(links.changeOfItem.get(title)).toBe(0);
    // A header item (a model path) links to the change on its field's element, in list order.
    expect(links.changeOfItem.get(header)).toBe(0);
    expect(links.changeOfItem.has(signature)).toBe(false);
    expect(links.itemsOfChange.get(1)).toEqual([section]);
    expect(links.itemsOfChange.get(0)).toEqual([header, title]);
  });

  it('links a header item to the change that holds its line under another path', () => {
    // LM → KOR: id, title and effectiveTime changed together, one change at /ClinicalDocument/id.
    const block: ContentChange = {
      ...change(4, '/ClinicalDocument/id[1]', 6, 6),
      leftEnd: 7,
      rightEnd: 7,
      removed: ['  <id root="1.413"/>', '  <title>Lääkemääräys</title>', '  <effectiveTime/>'],
      added: ['  <id root="1.415"/>', '  <title>Korjaus</title>', '  <effectiveTime/>'],
    };
    const views = viewChanges(
      [block, change(11, '/ClinicalDocument/versionNumber[1]', 13, 13)],
      [],
    );
    const time = { pathKind: 'model' as const, path: 'effectiveTime' };
    const links = linkItems(views, [header, time, signature]);
    expect(links.changeOfItem.get(header)).toBe(0);
    expect(links.changeOfItem.get(time)).toBe(0);
    expect(links.changeOfItem.has(signature)).toBe(false);
    expect(changeForItem(header, views)).toBe(0);
  });

  it('links header items alone, and picks the change naming their inner fields', () => {
    const authors = viewChanges(
      [
        change(20, '/ClinicalDocument/author[1]/time[1]', 28, 28),
        change(22, '/ClinicalDocument/author[1]/assignedAuthor[1]/id[1]', 30, 30),
        change(
          30,
          '/ClinicalDocument/author[1]/assignedAuthor[1]/representedOrganization[1]/id[1]',
          38,
          38,
        ),
      ],
      [],
    );
    const time = { pathKind: 'model' as const, path: 'authors[0].time' };
    const id = { pathKind: 'model' as const, path: 'authors[0].ids[0]' };
    const organisation = { pathKind: 'model' as const, path: 'authors[0].organisation.ids[0]' };
    const custodian = { pathKind: 'model' as const, path: 'custodian.name' };
    const links = linkItems(authors, [time, id, organisation, custodian]);
    expect(links.changeOfItem.get(time)).toBe(0);
    expect(links.changeOfItem.get(id)).toBe(1);
    expect(links.changeOfItem.get(organisation)).toBe(2);
    expect(links.changeOfItem.has(custodian)).toBe(false);
    for (const item of [time, id, organisation, custodian])
      expect(links.changeOfItem.get(item)).toBe(changeForItem(item, authors));
  });

  it('prefers a change under the item path to a nearer one outside it', () => {
    // The title change is at the item's very line, but the item is a section's.
    const near = { pathKind: 'canonical' as const, path: `${body}/section`, leftLine: 12 };
    const links = linkItems(views, [near]);
    expect(links.changeOfItem.get(near)).toBe(1);
    // The changes no item points at have no items: the list marks nothing for them.
    expect([...links.itemsOfChange.keys()]).toEqual([1]);
  });

  it('links nothing without changes, and nothing to an item without lines', () => {
    expect(linkItems([], [section]).changeOfItem.size).toBe(0);
    const lineless = { pathKind: 'canonical' as const, path: `${body}/section` };
    expect(linkItems(views, [lineless]).itemsOfChange.size).toBe(0);
  });

  it('works in small steps', () => {
    const many = Array.from({ length: 2000 }, (_, k) => ({ ...section, leftLine: k }));
    const steps = linkItemSteps(views, many);
    let yields = 0;
    while (!steps.next().done) yields++;
    expect(yields).toBeGreaterThan(3);
    const links = linkItems(views, many);
    // Up to the line between the section's text (80) and its entry (95), the text's change.
    expect(links.itemsOfChange.get(1)).toHaveLength(88);
    expect(links.itemsOfChange.get(2)).toHaveLength(2000 - 88);
    for (const item of many) expect(links.changeOfItem.get(item)).toBe(changeForItem(item, views));
  });

  it('gives changeForItem answer for every item on random pairs', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const random = seededRandom(seed);
      const pick = (n: number) => Math.floor(random() * n);
      const names = ['section', 'section/entry', 'section/text', 'sectionX', 'title'];
      const pathOf = () => `${body}[${pick(3) + 1}]/${names[pick(names.length)]}[1]`;
      const lineOr = () => (random() < 0.15 ? undefined : pick(60));
      const shown = Array.from({ length: pick(40) + 1 }, (_, k) =>
        change(k * 3, pathOf(), lineOr(), lineOr()),
      );
      const changes = viewChanges(shown, []);
      const items = Array.from({ length: 80 }, () => ({
        pathKind: random() < 0.1 ? ('model' as const) : ('canonical' as const),
        path: `${body}/${names[pick(names.length)]}`.slice(0, random() < 0.2 ? 30 : undefined),
        ...(random() < 0.8 ? { leftLine: pick(70) } : {}),
        ...(random() < 0.8 ? { rightLine: pick(70) } : {}),
      }));
      const links = linkItems(changes, items);
      for (const item of items)
        expect(links.changeOfItem.get(item), `seed ${seed}`).toBe(changeForItem(item, changes));
    }
  });
});
