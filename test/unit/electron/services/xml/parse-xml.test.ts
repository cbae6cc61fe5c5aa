import { describe, expect, it } from 'vitest';
import type { XmlElement, XmlNode } from '../../../../../shared/xml/tree';
import { parseXml } from '../../../../../electron/services/xml/parse-xml';
import { xmlNamespace, xmlnsNamespace } from '../../../../../electron/services/xml/namespaces';

function parsed(input: string | Uint8Array): XmlElement {
  const result = parseXml(input);
  if (!result.ok)
    throw new Error(`expected a tree, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

const text = (value: string): XmlNode => ({ kind: 'text', text: value });

describe('parseXml: exact trees of legal documents', () => {
  it('reads a minimal element', () => {
    expect(parsed('<a/>')).toEqual({
      kind: 'element',
      name: 'a',
      namespace: '',
      attributes: [],
      children: [],
      line: 1,
    });
  });

  it('resolves default and prefixed namespaces and keeps declarations as xmlns attributes', () => {
    const tree = parsed(
      '<ClinicalDocument xmlns="urn:hl7-org:v3" xmlns:hl7fi="urn:hl7finland">\n  <hl7fi:localHeader code="1"/>\n</ClinicalDocument>',
    );
    expect(tree).toEqual({
      kind: 'element',
      name: 'ClinicalDocument',
      namespace: 'urn:hl7-org:v3',
      attributes: [
        { name: 'xmlns', namespace: xmlnsNamespace, value: 'urn:hl7-org:v3' },
        { name: 'hl7fi', namespace: xmlnsNamespace, prefix: 'xmlns', value: 'urn:hl7finland' },
      ],
      children: [
        text('\n  '),
        {
          kind: 'element',
          name: 'localHeader',
          namespace: 'urn:hl7finland',
          prefix: 'hl7fi',
          attributes: [{ name: 'code', namespace: '', value: '1' }],
          children: [],
          line: 2,
        },
        text('\n'),
      ],
      line: 1,
    });
  });

  it('expands the five predefined entities and numeric references, merges CDATA with text, keeps comments', () => {
    const tree = parsed(
      '<a>&lt;&gt;&amp;&quot;&apos;&#65;&#x42;&#x1F600;<![CDATA[<b>&nbsp;</b>]]>!<!-- note --></a>',
    );
    expect(tree.children).toEqual([
      text('<>&"\'AB\u{1F600}<b>&nbsp;</b>!'),
      { kind: 'comment', text: ' note ', line: 1 },
    ]);
  });

  it('gives each comment the line its `<!--` is on', () => {
    const tree = parsed('<a>\n  <b/>\n<!-- one\n two -->\n\n  <!--three--></a>');
    expect(tree.children.filter((node) => node.kind === 'comment')).toEqual([
      { kind: 'comment', text: ' one\n two ', line: 3 },
      { kind: 'comment', text: 'three', line: 6 },
    ]);
  });

  it('gives a text the line of its first character only when that is not its element’s line', () => {
    const tree = parsed('<a>one<b/>\n  two <![CDATA[x]]>\n<c/>\n\n<![CDATA[y]]></a>');
    expect(tree.children.filter((node) => node.kind === 'text')).toEqual([
      text('one'),
      { ...text('\n  two x\n'), line: 2 },
      { ...text('\n\ny'), line: 5 },
    ]);
  });

  it('normalises CRLF and lone CR to LF, and tab/newline in attribute values to spaces (XML 1.0 §2.11, §3.3.3)', () => {
    const tree = parsed('<a v="x\ty\r\nz" w="1&#10;2">\r\nline\rnext</a>');
    expect(tree.attributes).toEqual([
      { name: 'v', namespace: '', value: 'x y z' },
      { name: 'w', namespace: '', value: '1\n2' },
    ]);
    expect(tree.children).toEqual([{ ...text('\nline\nnext'), line: 3 }]);
  });

  it('counts lines for each element and drops processing instructions and everything outside the root', () => {
    const tree = parsed(
      '<?xml version="1.0"?>\n<?xml-stylesheet href="x.xsl"?>\n<!-- before -->\n<a>\n<?pi data?>\n<b/>\n</a>\n<!-- after -->\n',
    );
    expect(tree.line).toBe(4);
    // The dropped instruction leaves its surrounding newlines as one text.
    expect(tree.children).toEqual([
      text('\n\n'),
      { kind: 'element', name: 'b', namespace: '', attributes: [], children: [], line: 6 },
      text('\n'),
    ]);
  });

  it('keeps __proto__, constructor and prototype as plain names and values', () => {
    const tree = parsed(
      '<__proto__ constructor="1" prototype="2" __proto__="3" xmlns:__proto__="urn:p"><__proto__:constructor/></__proto__>',
    );
    expect(Object.getPrototypeOf(tree)).toBe(Object.prototype);
    expect(tree.name).toBe('__proto__');
    expect(tree.attributes.map((attribute) => [attribute.name, attribute.value])).toEqual([
      ['constructor', '1'],
      ['prototype', '2'],
      ['__proto__', '3'],
      ['__proto__', 'urn:p'],
    ]);
    expect(tree.children).toEqual([
      {
        kind: 'element',
        name: 'constructor',
        namespace: 'urn:p',
        prefix: '__proto__',
        attributes: [],
        children: [],
        line: 1,
      },
    ]);
    expect(({} as Record<string, unknown>).constructor).toBe(Object);
  });

  it('binds the xml prefix by definition and lets xmlns="" undeclare the default namespace', () => {
    const tree = parsed('<a xmlns="urn:x" xml:lang="fi"><b xmlns=""/></a>');
    expect(tree.attributes[1]).toEqual({
      name: 'lang',
      namespace: xmlNamespace,
      prefix: 'xml',
      value: 'fi',
    });
    expect(tree.children[0]).toMatchObject({ name: 'b', namespace: '' });
  });

  it('treats the same local name in two namespaces, or with and without a prefix, as different attributes', () => {
    expect(
      parsed('<a xmlns:p="urn:1" xmlns:q="urn:2" p:x="1" q:x="2" x="3"/>').attributes.filter(
        (attribute) => attribute.name === 'x',
      ),
    ).toHaveLength(3);
  });

  it('accepts a document without declaration after leading whitespace, and a declaration with every pseudo-attribute', () => {
    expect(parsed('\n\t <a/>').name).toBe('a');
    expect(parsed("<?xml version='1.0' encoding='utf-8' standalone='yes' ?><a/>").name).toBe('a');
  });

  it('reads text as long as the whole document allows (multi-megabyte Base64 is legal)', () => {
    const base64 = 'QUJD'.repeat(1_000_000);
    expect(parsed(`<text representation="B64">${base64}</text>`).children).toEqual([text(base64)]);
  });

  it('keeps empty CDATA out of the tree and reads "]]" without ">" as text', () => {
    expect(parsed('<a><![CDATA[]]></a>').children).toEqual([]);
    expect(parsed('<a><![CDATA[x]]y]]></a>').children).toEqual([text('x]]y')]);
  });

  it('parses bytes and text the same way', () => {
    const source = '<a b="ä">Äyräpää €</a>';
    expect(parsed(new TextEncoder().encode(source))).toEqual(parsed(source));
  });
});
