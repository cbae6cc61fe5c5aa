import { describe, expect, it } from 'vitest';
import {
  bestCandidate,
  elementOfCanonicalPath,
  elementOfModelPath,
  elementsOfChange,
  modelPathLinker,
} from '../../../../shared/compare/model-path-links';

const paths = [
  '/ClinicalDocument/id[1]',
  '/ClinicalDocument/author[1]/time[1]',
  '/ClinicalDocument/author[1]/assignedAuthor[1]/id[1]',
  '/ClinicalDocument/author[1]/assignedAuthor[1]/representedOrganization[1]/name[1]',
  '/ClinicalDocument/hl7fi:localHeader[1]/hl7fi:description[1]',
  '/ClinicalDocument/component[1]/structuredBody[1]/component[1]/section[1]/text[1]',
];

describe('model path links', () => {
  it('names the element under ClinicalDocument of a model path and of a canonical path', () => {
    expect(elementOfModelPath('authors[0].organisation.name')).toBe('author');
    expect(elementOfModelPath('register')).toBe('code');
    expect(elementOfModelPath('signatures[0].time')).toBeUndefined();
    expect(elementOfCanonicalPath(paths[4]!)).toBe('localHeader');
    expect(elementOfCanonicalPath('/Other/id[1]')).toBeUndefined();
  });

  it('picks the path naming the inner fields, else the first under the element', () => {
    expect(bestCandidate('id', paths)).toBe(0);
    expect(bestCandidate('authors[0].organisation.name', paths)).toBe(3);
    expect(bestCandidate('authors[0].ids[0]', paths)).toBe(2);
    expect(bestCandidate('authors[0].functionCode', paths)).toBe(1);
    expect(bestCandidate('localHeader.description', paths)).toBe(4);
    expect(bestCandidate('custodian.name', paths)).toBeUndefined();
    expect(bestCandidate('message.sender', paths)).toBeUndefined();
  });

  it('gives the same answers through the linker that groups the changes once', () => {
    const linkOf = modelPathLinker(paths.map((path) => ({ path, removed: [], added: [] })));
    for (const model of ['id', 'authors[0].organisation.name', 'custodian.name', 'title'])
      expect(linkOf(model)).toBe(bestCandidate(model, paths));
  });

  // LM → KOR: id, code, title and effectiveTime all changed, one change at /ClinicalDocument/id.
  const header = {
    path: '/ClinicalDocument/id',
    removed: [
      '  <id root="1.2.246.10.1.413"/>',
      '  <code code="1" codeSystem="1.2.246.537.5.40105.2006"/>',
      '  <title>Lääkemääräys</title>',
      '  <effectiveTime value="20150430114738"/>',
    ],
    added: [
      '  <id root="1.2.246.10.1.415"/>',
      '  <code code="3" codeSystem="1.2.246.537.5.40105.2006"/>',
      '  <title>Lääkemääräyksen korjaus</title>',
      '  <hl7fi:localHeader>',
    ],
  };
  const section = {
    path: '/ClinicalDocument/component[1]/structuredBody[1]/component[1]/section[1]',
    removed: ['        <title>Vanha</title>'],
    added: ['        <title>Uusi</title>'],
  };

  it('names every child of ClinicalDocument whose start tag is among a change’s lines', () => {
    expect([...elementsOfChange(header)].sort()).toEqual(
      ['code', 'effectiveTime', 'id', 'localHeader', 'title'].sort(),
    );
    // A section's title is deeper: it is not the document's title.
    expect([...elementsOfChange(section)]).toEqual(['component']);
  });

  it('links a header field to the change whose lines hold its element', () => {
    const linkOf = modelPathLinker([header, section]);
    expect(linkOf('title')).toBe(0);
    expect(linkOf('effectiveTime')).toBe(0);
    expect(linkOf('register')).toBe(0);
    expect(linkOf('custodian.name')).toBeUndefined();
  });

  it('prefers a change under the field’s element to one that only holds its start tag', () => {
    const title = {
      path: '/ClinicalDocument/title[1]',
      removed: ['  <title>A</title>'],
      added: [],
    };
    expect(modelPathLinker([header, section, title])('title')).toBe(2);
  });
});
