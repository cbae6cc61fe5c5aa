/**
 * The compare worker's request handler, called directly (the thread around it is tested in
 * compare-in-worker.test.ts): the canonical lines it returns on request, and requests it refuses.
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
    const { content } = response.result.value.result;
    expect(content.lines?.left).toEqual(canonicalizeXml(xmlTree(left)).lines);
    expect(content.lines?.right).toEqual(canonicalizeXml(xmlTree(right)).lines);
    expect(content.lines?.left).toHaveLength(content.leftLines);
  });

  it('leaves the lines out unless asked', () => {
    const response = handleCompareRequest({
      id: 8,
      left: bytes(left),
      right: bytes(right),
      profile: noIgnoreProfile,
    });
    if (!response.result.ok) throw new Error(response.result.error.message);
    expect(response.result.value.result.content.lines).toBeUndefined();
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
