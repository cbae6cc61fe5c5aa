/**
 * The compare worker's request handler, called directly (the thread around it is tested in
 * compare-in-worker.test.ts): the canonical lines and the narrative word diff it returns on
 * request, and requests it refuses.
 */
import { describe, expect, it } from 'vitest';
import { handleCompareRequest } from '../../../../../electron/services/compare/compare-worker-protocol';
import { canonicalizeXml } from '../../../../../shared/compare/canonical-xml';
import { noIgnoreProfile } from '../../../../../shared/compare/ignore-profile';
import { xmlTree } from '../../../shared/support/parse-tree';

const bytes = (text: string) => new TextEncoder().encode(text);
const cda = (title: string, paragraph: string) =>
  `<ClinicalDocument xmlns="urn:hl7-org:v3"><id root="1.2.3"/><title>${title}</title>` +
  `<component><structuredBody><component><section><title>Lääkitys</title>` +
  `<text><paragraph>${paragraph}</paragraph></text></section></component></structuredBody></component>` +
  `</ClinicalDocument>\n`;

const left = cda('A', '1 tabletti aamuisin.');
const right = cda('B', '2 tablettia aamuisin.');

describe('handleCompareRequest', () => {
  it('returns both canonical forms’ lines when asked, the same lines the canonical writer makes', () => {
    const response = handleCompareRequest({
      id: 7,
      left: bytes(left),
      right: bytes(right),
      profile: noIgnoreProfile,
      keepLines: true,
    });
    expect(response.id).toBe(7);
    if (!response.result.ok) throw new Error(response.result.error.message);
    const { result, lines } = response.result.value;
    // Joined with line breaks, one string a side, and not inside the result a second time.
    expect(lines?.left.split('\n')).toEqual(canonicalizeXml(xmlTree(left)).lines);
    expect(lines?.right.split('\n')).toEqual(canonicalizeXml(xmlTree(right)).lines);
    expect(lines?.left.split('\n')).toHaveLength(result.content.leftLines);
    expect(result.content.lines).toBeUndefined();
  });

  it('leaves the lines out unless asked', () => {
    const response = handleCompareRequest({
      id: 8,
      left: bytes(left),
      right: bytes(right),
      profile: noIgnoreProfile,
    });
    if (!response.result.ok) throw new Error(response.result.error.message);
    expect(response.result.value.lines).toBeUndefined();
    expect(response.result.value.result.content.lines).toBeUndefined();
  });

  it('returns the narrative word diff when asked: the changed dose words, marked per side', () => {
    const response = handleCompareRequest({
      id: 10,
      left: bytes(left),
      right: bytes(right),
      profile: noIgnoreProfile,
      narrative: true,
    });
    if (!response.result.ok) throw new Error(response.result.error.message);
    const narrative = response.result.value.narrative;
    expect(narrative?.changedRows).toBe(1);
    expect(narrative?.rows[0]).toMatchObject({
      kind: 'changed',
      label: 'Lääkitys',
      left: {
        text: [
          {
            name: 'paragraph',
            children: [{ change: 'removed', text: '1 tabletti' }, ' aamuisin.'],
          },
        ],
      },
      right: {
        text: [
          { name: 'paragraph', children: [{ change: 'added', text: '2 tablettia' }, ' aamuisin.'] },
        ],
      },
    });
  });

  it('reads an XHTML display form with the safe parser, and a malformed one as plain text', () => {
    const social = (xhtml: string) =>
      bytes(
        `<ClinicalDocument xmlns="urn:hl7-org:v3"><id root="1.2.3"/><title>T</title><component>` +
          `<nonXMLBody><text mediaType="text/html" representation="B64">` +
          `${Buffer.from(xhtml, 'utf8').toString('base64')}</text></nonXMLBody></component></ClinicalDocument>`,
      );
    const good = (word: string) =>
      `<html xmlns="http://www.w3.org/1999/xhtml"><body><p>Käynti ${word}.</p></body></html>`;
    const response = handleCompareRequest({
      id: 11,
      left: social(good('sovittu')),
      right: social('<html><body><p>Käynti peruttu.</body></html>'),
      profile: noIgnoreProfile,
      narrative: true,
    });
    if (!response.result.ok) throw new Error(response.result.error.message);
    const narrative = response.result.value.narrative;
    expect(narrative?.rows[0]?.left?.text).toEqual([
      { name: 'p', children: ['Käynti ', { change: 'removed', text: 'sovittu' }, '.'] },
    ]);
    expect(narrative?.notes).toEqual([
      'A display form is not well-formed XHTML, so it is compared as plain text (its tags are shown as text).',
    ]);
  });

  it('refuses a request whose narrative flag is not a boolean', () => {
    const response = handleCompareRequest({
      id: 12,
      left: bytes(left),
      right: bytes(right),
      profile: noIgnoreProfile,
      narrative: 1,
    });
    expect(response.result.ok).toBe(false);
    expect(!response.result.ok && response.result.error.code).toBe('compare-bad-request');
  });

  it('refuses a request whose keepLines is not a boolean, with a typed error', () => {
    const response = handleCompareRequest({
      id: 9,
      left: bytes(left),
      right: bytes(right),
      profile: noIgnoreProfile,
      keepLines: 'yes',
    });
    expect(response).toEqual({
      id: 9,
      result: {
        ok: false,
        error: {
          code: 'compare-bad-request',
          message: 'The compare worker received a request it cannot read.',
        },
      },
    });
  });
});
