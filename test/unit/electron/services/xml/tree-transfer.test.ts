import { describe, expect, it } from 'vitest';
import { parseXml } from '../../../../../electron/services/xml/parse-xml';
import { packTree, unpackTree } from '../../../../../electron/services/xml/tree-transfer';
import { syntheticCda } from '../../../../bench/synthetic-cda';

function tree(source: string) {
  const result = parseXml(source);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('packTree / unpackTree', () => {
  it('round-trips every node kind, prefixes, namespaces, lines and odd names exactly', () => {
    const source =
      '<__proto__ xmlns="urn:a" xmlns:p="urn:p" p:constructor="x" y="">\n<p:b>t&amp;<!--c--><![CDATA[d]]></p:b><e/>\n</__proto__>';
    expect(unpackTree(packTree(tree(source)))).toEqual(tree(source));
  });

  it("keeps a comment's source line (a diff of a commented-out block names it)", () => {
    const unpacked = unpackTree(packTree(tree('<a>\n\n<!-- x --></a>')));
    expect(unpacked?.children[1]).toEqual({ kind: 'comment', text: ' x ', line: 3 });
  });

  it("keeps a text's own source line (a paragraph's third line names it)", () => {
    const unpacked = unpackTree(packTree(tree('<a>x<b/>\n\n y</a>')));
    expect(unpacked?.children).toEqual([
      { kind: 'text', text: 'x' },
      expect.objectContaining({ kind: 'element', name: 'b' }),
      { kind: 'text', text: '\n\n y', line: 3 },
    ]);
  });

  it('round-trips a generated CDA document and keeps string values whole', () => {
    const root = tree(syntheticCda(150_000, 'structured'));
    expect(unpackTree(packTree(root))).toEqual(root);
  });

  it('returns undefined, never throws, for data that is not a packed tree', () => {
    const packed = packTree(tree('<a b="1"><c/></a>'));
    expect(unpackTree({ ...packed, ops: packed.ops.subarray(0, 5) })).toBeUndefined();
    expect(unpackTree({ ...packed, ops: Int32Array.of(9, 9, 9) })).toBeUndefined();
    expect(unpackTree({ ...packed, names: [] })).toBeUndefined();
    expect(unpackTree({ ...packed, text: '' })).toBeUndefined();
    expect(unpackTree({ ...packed, ops: Int32Array.of(...packed.ops, 2, 0, 0) })).toBeUndefined();
  });
});
