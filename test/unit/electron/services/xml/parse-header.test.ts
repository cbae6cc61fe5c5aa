import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import type { XmlElement, XmlNode } from '../../../../../shared/xml/tree';
import { parseHeader, type XmlHeader } from '../../../../../electron/services/xml/parse-header';
import { parseXml } from '../../../../../electron/services/xml/parse-xml';
import { syntheticCda } from '../../../../bench/synthetic-cda';

function header(input: string | Uint8Array, limits = {}): XmlHeader {
  const result = parseHeader(input, limits);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

const elements = (node: XmlElement): XmlElement[] =>
  node.children.filter((child): child is XmlElement => child.kind === 'element');
const find = (node: XmlElement, name: string): XmlElement | undefined =>
  elements(node).find((child) => child.name === name);

const cda = (body: string, after = ''): string =>
  `<?xml version="1.0"?>\n<ClinicalDocument xmlns="urn:hl7-org:v3"><title>T</title><component>${body}</component>${after}</ClinicalDocument>`;

describe('parseHeader', () => {
  it('stops at structuredBody: the body element is there, empty, and nothing after it', () => {
    const result = header(
      cda(
        '<structuredBody classCode="DOCBODY"><component><section/></component></structuredBody>',
        '<after/>',
      ),
    );
    expect(result.isPartial).toBe(true);
    expect(elements(result.root).map((child) => child.name)).toEqual(['title', 'component']);
    const body = find(find(result.root, 'component') as XmlElement, 'structuredBody');
    expect(body).toEqual({
      kind: 'element',
      name: 'structuredBody',
      namespace: 'urn:hl7-org:v3',
      attributes: [{ name: 'classCode', namespace: '', value: 'DOCBODY' }],
      children: [],
      line: 2,
    });
  });

  it('stops at nonXMLBody before a big attachment', () => {
    const document = Buffer.from(syntheticCda(3_000_000, 'attachment'));
    const result = header(document);
    expect(result.isPartial).toBe(true);
    const body = find(find(result.root, 'component') as XmlElement, 'nonXMLBody');
    expect(body?.children).toEqual([]);
  });

  it('gives the same header elements as the full parse', () => {
    const document = Buffer.from(syntheticCda(200_000, 'structured'));
    const full = parseXml(document);
    if (!full.ok) throw new Error(full.error.message);
    const beforeBody = (root: XmlElement): XmlNode[] =>
      root.children.slice(
        0,
        root.children.findIndex((child) => child.kind === 'element' && child.name === 'component'),
      );
    expect(beforeBody(header(document).root)).toEqual(beforeBody(full.value));
  });

  it('is not fooled by the body name in a comment, an attribute or another namespace', () => {
    const trap =
      '<!-- <structuredBody> --><x a="nonXMLBody>"/><o:structuredBody xmlns:o="urn:other"/>';
    const result = header(
      cda('<structuredBody><section/></structuredBody>').replace('<title>', `${trap}<title>`),
    );
    expect(result.isPartial).toBe(true);
    expect(elements(result.root).map((child) => child.name)).toEqual([
      'x',
      'structuredBody',
      'title',
      'component',
    ]);
  });

  it('reads the whole document when the name is mentioned more often than it cuts', () => {
    const comments = '<!-- structuredBody> -->'.repeat(10);
    expect(header(cda(`${comments}<structuredBody/>`)).isPartial).toBe(true);
  });

  it('reads a document without a body in full and says it is complete', () => {
    const source =
      '<DocumentReference xmlns="http://hl7.org/fhir"><status value="current"/></DocumentReference>';
    const full = parseXml(source);
    expect(full.ok && header(source)).toEqual({ root: full.ok && full.value, isPartial: false });
  });

  it('reads UTF-16 documents (no byte search) and text input', () => {
    const source = cda('<structuredBody><section/></structuredBody>');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(source, 'utf16le')]);
    expect(header(utf16).isPartial).toBe(true);
    expect(header(source).isPartial).toBe(true);
  });

  it('refuses what the full parse refuses in the header part', () => {
    expect(parseHeader(`<!DOCTYPE x>${cda('<structuredBody/>')}`)).toMatchObject({
      ok: false,
      error: { code: 'xml-doctype-forbidden' },
    });
    expect(
      parseHeader(cda('<structuredBody/>').replace('<title>T</title>', '<title>&nbsp;</title>')),
    ).toMatchObject({ ok: false, error: { code: 'xml-unknown-entity' } });
    expect(parseHeader(cda('<structuredBody/>').replace('</title>', '</titel>'))).toMatchObject({
      ok: false,
      error: { code: 'xml-malformed' },
    });
  });

  it('does not look at the body: a broken body is found by the full parse only', () => {
    const broken = cda('<structuredBody><section></structuredBody>');
    expect(parseHeader(broken).ok).toBe(true);
    expect(parseXml(broken)).toMatchObject({ ok: false, error: { code: 'xml-malformed' } });
  });

  it('refuses, instead of reading on, when no body starts within maxHeaderBytes', () => {
    const padded = cda('<structuredBody/>').replace(
      '<title>T</title>',
      `<title>${'x'.repeat(5000)}</title>`,
    );
    expect(parseHeader(padded, { maxHeaderBytes: 1000 })).toMatchObject({
      ok: false,
      error: { code: 'xml-header-too-large' },
    });
    expect(
      parseHeader('<a>'.concat('x'.repeat(5000), '</a>'), { maxHeaderBytes: 1000 }),
    ).toMatchObject({ ok: false, error: { code: 'xml-header-too-large' } });
    expect(parseHeader(padded, { maxBytes: 100 })).toMatchObject({
      ok: false,
      error: { code: 'xml-too-large' },
    });
  });
});
