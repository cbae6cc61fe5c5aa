import { describe, expect, it } from 'vitest';
import { parseXml } from '../../../../../electron/services/xml/parse-xml';
import type { XmlLimits } from '../../../../../electron/services/xml/xml-limits';

interface Refusal {
  readonly input: string | Uint8Array;
  readonly code: string;
  readonly line?: number;
  readonly column?: number;
  readonly message?: RegExp;
  readonly limits?: Partial<XmlLimits>;
}

const refusals: Record<string, Refusal> = {
  'a DOCTYPE': {
    input: '<?xml version="1.0"?>\n<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>',
    code: 'xml-doctype-forbidden',
    line: 2,
    column: 1,
    message: /document type declaration/,
  },
  'an ENTITY declaration without DOCTYPE': {
    input: '<!ENTITY x "y"><a/>',
    code: 'xml-doctype-forbidden',
    message: /<!ENTITY/,
  },
  'a DOCTYPE inside the root': {
    input: '<a>\n  <!DOCTYPE b></a>',
    code: 'xml-doctype-forbidden',
    line: 2,
    column: 3,
  },
  'an HTML entity': {
    input: '<a>x&nbsp;y</a>',
    code: 'xml-unknown-entity',
    line: 1,
    column: 5,
    message: /'&nbsp;'.*HTML names such as &nbsp; are not XML/,
  },
  'an HTML entity in an attribute': { input: '<a b="&copy;"/>', code: 'xml-unknown-entity' },
  'an entity named __proto__': { input: '<a>&__proto__;</a>', code: 'xml-unknown-entity' },
  'a bare ampersand': { input: '<a>fish & chips</a>', code: 'xml-malformed', message: /&amp;/ },
  'a character reference to NUL': { input: '<a>&#0;</a>', code: 'xml-invalid-character' },
  'a character reference to a surrogate': {
    input: '<a>&#xD800;</a>',
    code: 'xml-invalid-character',
  },
  'a character reference beyond Unicode': {
    input: '<a>&#x110000;</a>',
    code: 'xml-invalid-character',
  },
  'a huge decimal character reference': {
    input: '<a>&#99999999999999;</a>',
    code: 'xml-invalid-character',
  },
  'a non-numeric character reference': { input: '<a>&#xZZ;</a>', code: 'xml-malformed' },
  'mismatched tags': {
    input: '<a>\n<b></a></b>',
    code: 'xml-malformed',
    line: 2,
    column: 4,
    message: /does not match the open element 'b' from line 2/,
  },
  'an unclosed root': { input: '<a><b></b>', code: 'xml-malformed', message: /still open/ },
  'a truncated attribute': { input: '<a><b c="x', code: 'xml-malformed', message: /ends inside/ },
  'a truncated name': { input: '<a><b', code: 'xml-malformed' },
  'a lone end tag': { input: '</a>', code: 'xml-malformed', message: /no matching start tag/ },
  'text after the root': {
    input: '<a/>\nhello',
    code: 'xml-malformed',
    line: 2,
    column: 1,
    message: /after the document element/,
  },
  'two roots': { input: '<a/><b/>', code: 'xml-malformed', message: /second document element/ },
  'an attribute without value': { input: '<a b/>', code: 'xml-malformed' },
  'an unquoted attribute': { input: '<a b=1/>', code: 'xml-malformed', message: /not in quotes/ },
  'attributes without space between': { input: '<a b="1"c="2"/>', code: 'xml-malformed' },
  "'<' in an attribute value": { input: '<a b="<"/>', code: 'xml-malformed' },
  "']]>' in text": { input: '<a>]]></a>', code: 'xml-malformed' },
  'a name starting with a digit': { input: '<1a/>', code: 'xml-malformed' },
  "'<' followed by a space": { input: '<a>< b/></a>', code: 'xml-malformed', message: /&lt;/ },
  'an end tag with attributes': { input: '<a></a b="1">', code: 'xml-malformed' },
  "'--' in a comment": { input: '<a><!-- a -- b --></a>', code: 'xml-malformed' },
  "a comment ending '--->'": { input: '<a><!-- a ---></a>', code: 'xml-malformed' },
  'a declaration after whitespace': { input: ' <?xml version="1.0"?><a/>', code: 'xml-malformed' },
  'a declaration with version 2.0': { input: '<?xml version="2.0"?><a/>', code: 'xml-malformed' },
  'a declaration without version': { input: '<?xml encoding="UTF-8"?><a/>', code: 'xml-malformed' },
  'CDATA outside the root': { input: '<![CDATA[x]]><a/>', code: 'xml-malformed' },
  'a duplicate attribute': {
    input: '<a b="1"\n   b="2"/>',
    code: 'xml-duplicate-attribute',
    line: 2,
    column: 4,
  },
  'a duplicate via two prefixes for one namespace': {
    input: '<a xmlns:p="urn:u" xmlns:q="urn:u" p:x="1" q:x="2"/>',
    code: 'xml-duplicate-attribute',
    message: /under another prefix/,
  },
  'a duplicate among many attributes': {
    input: `<a ${Array.from({ length: 40 }, (_, index) => `a${index}="1"`).join(' ')} a7="2"/>`,
    code: 'xml-duplicate-attribute',
  },
  'an unbound element prefix': {
    input: '<p:a/>',
    code: 'xml-namespace',
    message: /'p'.*never declared/,
  },
  'an unbound attribute prefix': { input: '<a p:x="1"/>', code: 'xml-namespace' },
  'a prefix used out of scope': {
    input: '<a><b xmlns:p="urn:p"/><p:c/></a>',
    code: 'xml-namespace',
  },
  'a prefix bound to an empty namespace': { input: '<a xmlns:p=""/>', code: 'xml-namespace' },
  'the xml prefix rebound': { input: '<a xmlns:xml="urn:x"/>', code: 'xml-namespace' },
  'the xmlns prefix bound': { input: '<a xmlns:xmlns="urn:x"/>', code: 'xml-namespace' },
  'two colons in a name': { input: '<a:b:c xmlns:a="urn:a"/>', code: 'xml-namespace' },
  'NUL in text': {
    input: '<a>\n x\u0000</a>',
    code: 'xml-invalid-character',
    line: 2,
    column: 3,
    message: /U\+0000/,
  },
  'a lone surrogate in a string': { input: '<a>\uD800</a>', code: 'xml-invalid-character' },
  'an empty string': { input: '', code: 'xml-empty' },
  'only whitespace': { input: ' \n\t ', code: 'xml-empty' },
  'empty bytes': { input: new Uint8Array(), code: 'xml-empty', message: /0 bytes/ },
  'plain text': { input: 'hello <a/>', code: 'xml-not-xml' },
  JSON: { input: '{"resourceType":"DocumentReference"}', code: 'xml-not-xml', message: /JSON/ },
  'a PDF': { input: new TextEncoder().encode('%PDF-1.7\n'), code: 'xml-not-xml', message: /PDF/ },
};

describe('parseXml refuses with a typed error, a sentence and a position', () => {
  it.each(Object.entries(refusals))('%s', (_name, refusal) => {
    const result = parseXml(refusal.input, refusal.limits);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(refusal.code);
    expect(result.error.message).toMatch(/^[A-Z].*[.)]$/);
    if (refusal.line !== undefined) expect(result.error.line).toBe(refusal.line);
    if (refusal.column !== undefined) expect(result.error.column).toBe(refusal.column);
    if (refusal.message) expect(result.error.message).toMatch(refusal.message);
  });
});

describe('parseXml enforces every cap, configurable', () => {
  const cases: [string, string, Partial<XmlLimits>, string][] = [
    ['depth', `${'<a>'.repeat(11)}${'</a>'.repeat(11)}`, { maxDepth: 10 }, 'xml-too-deep'],
    [
      'attributes per element',
      `<a ${Array.from({ length: 5 }, (_, index) => `x${index}="1"`).join(' ')}/>`,
      { maxAttributesPerElement: 4 },
      'xml-too-many-attributes',
    ],
    ['element name length', `<${'n'.repeat(9)}/>`, { maxNameLength: 8 }, 'xml-name-too-long'],
    [
      'attribute name length',
      `<a ${'n'.repeat(9)}="1"/>`,
      { maxNameLength: 8 },
      'xml-name-too-long',
    ],
    [
      'attribute value length',
      '<a b="123456789"/>',
      { maxAttributeValueLength: 8 },
      'xml-attribute-too-long',
    ],
    ['text length', '<a>123456789</a>', { maxTextLength: 8 }, 'xml-text-too-long'],
    [
      'text length across CDATA',
      '<a>12345<![CDATA[6789]]></a>',
      { maxTextLength: 8 },
      'xml-text-too-long',
    ],
    ['comment length', '<a><!--123456789--></a>', { maxTextLength: 8 }, 'xml-text-too-long'],
    ['node count', '<a><b/><b/><b/></a>', { maxNodes: 3 }, 'xml-too-many-nodes'],
    ['bytes', '<a>123456789</a>', { maxBytes: 10 }, 'xml-too-large'],
  ];
  it.each(cases)('%s', (_name, input, limits, code) => {
    const result = parseXml(input, limits);
    expect(result.ok ? 'ok' : result.error.code).toBe(code);
    expect(parseXml(input).ok).toBe(true);
  });

  it('says where and why in a tester-readable sentence', () => {
    const deep = `<a>\n${'<b>'.repeat(600)}`;
    const result = parseXml(deep);
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'xml-too-deep',
        message:
          'The document is nested deeper than 512 levels at line 2, column 1534; Archivist refuses such files to protect itself.',
        line: 2,
        column: 1534,
      },
    });
  });

  it('quotes at most 40 characters of a name and never the huge input', () => {
    const name = `x${'y'.repeat(900)}`;
    const result = parseXml(`<a><${name}></a>`);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message.length).toBeLessThan(300);
    expect(result.error.message).toContain(`'x${'y'.repeat(39)}…'`);
  });
});
