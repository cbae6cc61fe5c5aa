import { afterAll, describe, expect, it } from 'vitest';
import { findIgnoreProfile } from '../../../../../shared/compare/builtin-profiles';
import { compareInWorker } from '../../../../../electron/services/compare/compare-in-worker';
import { closeXmlWorkers } from '../../../../../electron/services/xml';
import { corpusBytes, corpusNote, hasCorpus } from '../../../shared/support/corpus';

afterAll(async () => {
  await closeXmlWorkers();
});

const profile = (() => {
  const found = findIgnoreProfile('default');
  if (!found.ok) throw new Error(found.error.message);
  return found.value;
})();

const bytes = (text: string) => new TextEncoder().encode(text);
const cda = (title: string) =>
  `<ClinicalDocument xmlns="urn:hl7-org:v3"><id root="1.2.3"/><title>${title}</title></ClinicalDocument>\n`;

describe('compareInWorker', () => {
  it('compares in a worker thread', async () => {
    const result = await compareInWorker(bytes(cda('A')), bytes(cda('B')), { profile });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.result.identical).toBe(false);
    expect(result.value.result.metadata.shown).toEqual([
      { path: 'title', kind: 'changed', left: 'A', right: 'B' },
    ]);
  });

  it('names the side that cannot be read', async () => {
    const result = await compareInWorker(bytes(cda('A')), bytes('<ClinicalDocument><broken'), {
      profile,
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/^The right document\b/);
  });

  it('stops at the deadline with a typed error', async () => {
    const big = `<ClinicalDocument xmlns="urn:hl7-org:v3">${'<p>x</p>'.repeat(200_000)}</ClinicalDocument>`;
    const result = await compareInWorker(bytes(big), bytes(big.replace('x', 'y')), {
      profile,
      timeoutMs: 1,
    });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'compare-timeout',
        message: 'Comparing took longer than 0.001 s, so Archivist stopped it.',
      },
    });
  });

  it.skipIf(!hasCorpus)(
    `finds nothing between the two byte-identical DynamicHealth samples${corpusNote}`,
    async () => {
      const result = await compareInWorker(
        corpusBytes('kanta-cda-api/DynamicHealth__1 diatsepaami lm.xml'),
        corpusBytes('kanta-cda-api/DynamicHealth__1 leponex lm.xml'),
        { profile },
      );
      if (!result.ok) throw new Error(result.error.message);
      // Byte-identical upstream despite the names (INDEX.md): nothing differs.
      expect(result.value.result.identical).toBe(true);
    },
  );

  it('bounds the memory of a document past the reader’s default node cap by the heap cap', async () => {
    // 1.1 million nodes: more than the XML reader's default cap, within the compare worker's.
    const many = bytes(
      `<ClinicalDocument xmlns="urn:hl7-org:v3"><id root="1.2.3"/>${'<a/>'.repeat(1_100_000)}</ClinicalDocument>`,
    );
    const result = await compareInWorker(many, many, { profile, maxMemoryMb: 32 });
    expect(result).toMatchObject({ ok: false, error: { code: 'compare-resources' } });
    if (!result.ok) expect(result.error.message).toContain('32 MB of memory');
  }, 120_000);
});
