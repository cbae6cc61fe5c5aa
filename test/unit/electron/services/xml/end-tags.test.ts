/**
 * End tags are matched against the open element in place (xml-reader.ts): a name that only
 * starts like the open one, or goes on past it, is still read whole and refused as a mismatch.
 */
import { describe, expect, it } from 'vitest';
import { parseXml } from '../../../../../electron/services/xml/parse-xml';

describe('end tags', () => {
  it.each([
    ['<a></a>', 'a'],
    ['<a></a >', 'a'],
    ['<a></a\n>', 'a'],
    ['<p:b xmlns:p="urn:x"><c/></p:b>', 'b'],
    ['<é><ü>x</ü></é>', 'é'],
  ])('reads %j', (input, root) => {
    const tree = parseXml(input);
    expect(tree.ok && tree.value.name).toBe(root);
  });

  it.each([
    ['<a></ab>', 'ab', 'a'],
    ['<ab></a>', 'a', 'ab'],
    ['<a:b xmlns:a="urn:x"></a:bc>', 'a:bc', 'a:b'],
    ['<é></éa>', 'éa', 'é'],
    ['<a><b></a></b>', 'a', 'b'],
  ])('refuses %j: the end tag names %s, the open element is %s', (input, end, open) => {
    const tree = parseXml(input);
    expect(tree.ok).toBe(false);
    if (tree.ok) return;
    expect(tree.error.code).toBe('xml-malformed');
    expect(tree.error.message).toContain(`The end tag '${end}'`);
    expect(tree.error.message).toContain(`does not match the open element '${open}'`);
  });

  it('refuses an end tag cut off after the open name', () => {
    const tree = parseXml('<a></a');
    expect(tree.ok).toBe(false);
    if (!tree.ok) expect(tree.error.message).toContain("ends inside the end tag 'a'");
  });
});
