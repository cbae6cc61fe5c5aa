import { describe, expect, it } from 'vitest';
import {
  bestCandidate,
  elementOfCanonicalPath,
  elementOfModelPath,
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

  it('gives the same answers through the linker that groups the paths once', () => {
    const linkOf = modelPathLinker(paths);
    for (const model of ['id', 'authors[0].organisation.name', 'custodian.name', 'title'])
      expect(linkOf(model)).toBe(bestCandidate(model, paths));
  });
});
