/**
 * The compare worker's reading of one side: its node cap (higher than the XML reader's default,
 * so 20 MB structured documents can be compared, but still a cap) and Node's payload codec, which
 * must give the canonical form exactly what the pure one gives.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalizeXml } from '../../../../../shared/compare/canonical-xml';
import { compareDocuments } from '../../../../../shared/compare/compare-documents';
import { nodePayloadCodec } from '../../../../../electron/services/documents/node-payload-codec';
import {
  compareMaxNodes,
  readForCompare,
} from '../../../../../electron/services/compare/read-for-compare';
import { parseXml } from '../../../../../electron/services/xml/parse-xml';
import { fixtureText, fixtureTree, unwrap } from '../../../shared/support/fixtures';

const encode = (text: string) => new TextEncoder().encode(text);
/** A CDA with `count` empty elements in its body: one node each (plus the fixed header). */
const manyNodes = (count: number) =>
  encode(
    `<ClinicalDocument xmlns="urn:hl7-org:v3"><id root="1.2.3"/><component><structuredBody>${'<a/>'.repeat(count)}</structuredBody></component></ClinicalDocument>`,
  );

describe('readForCompare: node cap', () => {
  it('reads a document past the XML reader’s default million nodes', () => {
    const bytes = manyNodes(1_100_000);
    expect(parseXml(bytes)).toMatchObject({ ok: false, error: { code: 'xml-too-many-nodes' } });
    const side = unwrap(readForCompare(bytes, 'left'));
    expect(side.metadata.id).toEqual({ root: '1.2.3' });
  }, 120_000);

  it('still refuses a document past its own cap, naming the side', () => {
    const result = readForCompare(manyNodes(compareMaxNodes), 'right');
    expect(result).toMatchObject({ ok: false, error: { code: 'xml-too-many-nodes' } });
    if (!result.ok) {
      expect(result.error.message).toMatch(/^The right document has more than 5,000,000 /);
    }
  }, 120_000);
});

describe('canonical form with the native payload codec', () => {
  it('is the same as with the pure codec: Base64 payloads, broken Base64 and signatures', () => {
    const payload = randomBytes(30_000).toString('base64').replace(/.{76}/g, '$&\n');
    const withPayloads = unwrap(
      parseXml(
        encode(
          `<ClinicalDocument xmlns="urn:hl7-org:v3"><component><nonXMLBody><text mediaType="application/pdf" representation="B64">${payload}</text></nonXMLBody></component><x representation="B64">QU*D not base64</x></ClinicalDocument>`,
        ),
      ),
    );
    for (const tree of [withPayloads, fixtureTree('local-header-all-fields.xml')]) {
      const pure = canonicalizeXml(tree);
      const native = canonicalizeXml(tree, nodePayloadCodec);
      expect(native.lines).toEqual(pure.lines);
      expect(native.payloads).toEqual(pure.payloads);
    }
    expect(canonicalizeXml(withPayloads).payloads.map((p) => p.isValidBase64)).toEqual([
      undefined,
      false,
    ]);
  });

  it('gives compareDocuments the same result', () => {
    const tree = fixtureTree('local-header-all-fields.xml');
    const side = unwrap(readForCompare(encode(fixtureText('local-header-all-fields.xml')), 'left'));
    expect(compareDocuments(side, { ...side, tree }, { codec: nodePayloadCodec })).toEqual(
      compareDocuments(side, { ...side, tree }),
    );
  });
});
