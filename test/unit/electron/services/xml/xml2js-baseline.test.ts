/**
 * What raw xml2js (the product's named XML package, used as the benchmark baseline) lets through
 * on its own, pinned as tests so the claims in TOOLCHAIN.md and the benchmark stay true, and the
 * same inputs through parseXml for contrast.
 */
import { describe, expect, it } from 'vitest';
import { parseStringPromise } from 'xml2js';
import { parseXml } from '../../../../../electron/services/xml/parse-xml';

const code = (source: string): string => {
  const result = parseXml(source);
  return result.ok ? 'ok' : result.error.code;
};

describe('raw xml2js 0.6.2 accepts what the safe layer refuses', () => {
  it('expands the HTML entity &nbsp;', async () => {
    expect(await parseStringPromise('<a>x&nbsp;y</a>')).toEqual({ a: 'x\u00a0y' });
    expect(code('<a>x&nbsp;y</a>')).toBe('xml-unknown-entity');
  });

  it('accepts a duplicate attribute and silently keeps one value', async () => {
    expect(await parseStringPromise('<a b="1" b="2"/>')).toEqual({ a: { $: { b: '1' } } });
    expect(code('<a b="1" b="2"/>')).toBe('xml-duplicate-attribute');
  });

  it('makes __proto__ an own property of its result objects', async () => {
    const result = (await parseStringPromise('<a><__proto__>x</__proto__></a>')) as { a: object };
    expect(Object.hasOwn(result.a, '__proto__')).toBe(true);
    expect(code('<a><__proto__>x</__proto__></a>')).toBe('ok');
  });

  it('builds a 100,000-deep tree that JSON.stringify then cannot handle', async () => {
    const deep = `${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}`;
    const result: unknown = await parseStringPromise(deep);
    expect(() => JSON.stringify(result)).toThrow(RangeError);
    expect(code(deep)).toBe('xml-too-deep');
  });

  it('accepts a second root element and drops it', async () => {
    expect(await parseStringPromise('<a>1</a><b/>')).toEqual({ a: '1' });
    expect(code('<a>1</a><b/>')).toBe('xml-malformed');
  });

  it('accepts undeclared namespace prefixes', async () => {
    expect(await parseStringPromise('<p:a/>')).toEqual({ 'p:a': '' });
    expect(code('<p:a/>')).toBe('xml-namespace');
  });
});
