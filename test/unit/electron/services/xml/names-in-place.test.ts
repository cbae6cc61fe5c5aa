/**
 * Names and indentation found in place (reader-context.ts knownNames and indentation): a name is
 * only ever taken from the table after it was read and checked, so every refusal still happens;
 * names that share a slot, or only start alike, are each read as written; indentation is shared
 * but any other whitespace text is kept as it is.
 */
import { describe, expect, it } from 'vitest';
import { parseXml } from '../../../../../electron/services/xml/parse-xml';
import type { XmlElement, XmlNode } from '../../../../../shared/xml/tree';

function root(text: string): XmlElement {
  const tree = parseXml(text);
  if (!tree.ok) throw new Error(tree.error.message);
  return tree.value;
}

const elements = (node: XmlElement) =>
  node.children.filter((child): child is XmlElement => child.kind === 'element');
const texts = (node: XmlElement) =>
  node.children.flatMap((child: XmlNode) => (child.kind === 'text' ? [child.text] : []));

describe('names found in place', () => {
  it('reads names that only start alike, or go on past a known one, as written', () => {
    const names = elements(root('<r><item/><items/><item/><ite/><item a="1"/></r>')).map(
      (element) => element.name,
    );
    expect(names).toEqual(['item', 'items', 'item', 'ite', 'item']);
  });

  it('reads 10,000 distinct names right, more than the table has slots', () => {
    const names = Array.from({ length: 10_000 }, (_, index) => `n${index.toString(36)}x`);
    const text = `<r>${names.map((name) => `<${name} ${name}="v"/>`).join('')}${names
      .map((name) => `<${name}/>`)
      .join('')}</r>`;
    const read = elements(root(text));
    expect(read.map((element) => element.name)).toEqual([...names, ...names]);
    expect(read.slice(0, 3).map((element) => element.attributes[0]?.name)).toEqual(
      names.slice(0, 3),
    );
  });

  it('still refuses an invalid name that was seen before only as the local part of a valid one', () => {
    const tree = parseXml('<r xmlns:p="urn:x"><p:1abc/><1abc/></r>');
    expect(tree.ok).toBe(false);
    if (!tree.ok) {
      expect(tree.error.code).toBe('xml-malformed');
      expect(tree.error.message).toContain("'1abc'");
    }
  });

  it('still refuses an undeclared prefix on a name read before while it was declared', () => {
    const tree = parseXml('<r><a xmlns:p="urn:x"><p:b/></a><p:b/></r>');
    expect(tree.ok).toBe(false);
    if (!tree.ok) expect(tree.error.code).toBe('xml-namespace');
  });

  it('resolves the same prefixed name to the namespace in scope each time', () => {
    const read = elements(
      root('<r><a xmlns:p="urn:x"><p:b/></a><a xmlns:p="urn:y"><p:b/></a></r>'),
    );
    expect(read.map((element) => elements(element)[0]?.namespace)).toEqual(['urn:x', 'urn:y']);
  });
});

describe('indentation found in place', () => {
  it('keeps each whitespace text exactly as written', () => {
    const read = root('<r>\n  <a/>\n\t<b/>\n  x<c/>\n<d/> \n<e/>\n</r>');
    expect(texts(read)).toEqual(['\n  ', '\n\t', '\n  x', '\n', ' \n', '\n']);
  });

  it('keeps long indentation and indentation with a reference as written', () => {
    const long = `\n${' '.repeat(100)}`;
    expect(texts(root(`<r>${long}<a/>\n  &amp;<b/></r>`))).toEqual([long, '\n  &']);
  });
});

describe('attributes without a prefix', () => {
  it('are in no namespace, and xmlns in its own', () => {
    expect(root('<r xmlns="urn:x" a="1" b="2"/>').attributes).toEqual([
      { name: 'xmlns', namespace: 'http://www.w3.org/2000/xmlns/', value: 'urn:x' },
      { name: 'a', namespace: '', value: '1' },
      { name: 'b', namespace: '', value: '2' },
    ]);
  });

  it('are still refused twice by their name', () => {
    const tree = parseXml('<r a="1" b="2" a="3"/>');
    expect(tree.ok).toBe(false);
    if (!tree.ok) expect(tree.error.code).toBe('xml-duplicate-attribute');
  });
});
