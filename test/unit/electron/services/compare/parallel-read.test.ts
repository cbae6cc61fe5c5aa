/**
 * The right side read in a second worker (compare-in-worker.ts, parallelReadMinBytes): the same
 * answer as reading both sides in one worker, for CDA and for an RCMR message (whose carried CDA
 * is what crosses threads), and the same errors in the same order (the left document's first).
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { findIgnoreProfile } from '../../../../../shared/compare/builtin-profiles';
import { compareInWorker } from '../../../../../electron/services/compare/compare-in-worker';
import { handleCompareRequest } from '../../../../../electron/services/compare/compare-worker-protocol';
import { closeXmlWorkers } from '../../../../../electron/services/xml';
import { leftXml, rightXml } from '../report/report-fixture-documents';

afterAll(async () => {
  await closeXmlWorkers();
});

const profile = (() => {
  const found = findIgnoreProfile('default');
  if (!found.ok) throw new Error(found.error.message);
  return found.value;
})();

const bytes = (text: string) => new TextEncoder().encode(text);
const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../../../fixtures/documents/${name}`, import.meta.url)));
const parallel = { profile, parallelReadMinBytes: 0 } as const;

/** What one worker reading both sides answers. */
function sequential(left: Uint8Array, right: Uint8Array, extra: object = {}) {
  return handleCompareRequest({ id: 1, left, right, profile, ...extra }).result;
}

describe('compareInWorker with the right side read in a second worker', () => {
  it('gives the same comparison, lines and narrative as one worker reading both sides', async () => {
    const options = { keepLines: true, narrative: true } as const;
    const [left, right] = [bytes(leftXml), bytes(rightXml)];
    const result = await compareInWorker(left, right, { ...parallel, ...options });
    expect(result.ok).toBe(true);
    expect(result).toEqual(sequential(left, right, options));
    if (result.ok) expect(result.value.result.content.shown.length).toBeGreaterThan(0);
  });

  it('gives the same comparison when the right side is an RCMR message carrying a CDA', async () => {
    const [left, right] = [fixture('rcmr-inner-cda.xml'), fixture('rcmr-in100016-new-version.xml')];
    const result = await compareInWorker(left, right, { ...parallel, keepLines: true });
    expect(result.ok).toBe(true);
    expect(result).toEqual(sequential(left, right, { keepLines: true }));
  });

  it('names the right document when only it cannot be read', async () => {
    const result = await compareInWorker(
      bytes(leftXml),
      bytes('<ClinicalDocument><broken'),
      parallel,
    );
    expect(result).toEqual(sequential(bytes(leftXml), bytes('<ClinicalDocument><broken')));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/^The right document\b/);
  });

  it('names the left document first when neither can be read, as one worker does', async () => {
    const result = await compareInWorker(
      bytes('not xml'),
      bytes('<ClinicalDocument><broken'),
      parallel,
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/^The left document\b/);
    expect(result).toEqual(sequential(bytes('not xml'), bytes('<ClinicalDocument><broken')));
  });

  it('keeps the reused workers answering correctly after a comparison that failed on the left', async () => {
    // The helper's late answer must not be taken for the next comparison's.
    for (let round = 0; round < 3; round++) {
      const failed = await compareInWorker(bytes('not xml'), bytes(rightXml), parallel);
      expect(failed.ok).toBe(false);
      const result = await compareInWorker(bytes(leftXml), bytes(rightXml), parallel);
      expect(result).toEqual(sequential(bytes(leftXml), bytes(rightXml)));
    }
  });

  it('bounds the helper by the same heap cap', async () => {
    const many = bytes(
      `<ClinicalDocument xmlns="urn:hl7-org:v3"><id root="1.2.3"/>${'<a/>'.repeat(1_100_000)}</ClinicalDocument>`,
    );
    const small = bytes(leftXml);
    const result = await compareInWorker(small, many, { ...parallel, maxMemoryMb: 32 });
    expect(result).toMatchObject({ ok: false, error: { code: 'compare-resources' } });
    if (!result.ok) expect(result.error.message).toContain('32 MB of memory');
  }, 120_000);
});
