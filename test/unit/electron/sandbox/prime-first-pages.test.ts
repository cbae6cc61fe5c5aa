/**
 * Priming (prime-first-pages.ts): after `primed`, every patient's first page in each order is
 * served without writing a single CDA document, and the sizes and hashes it lists are those of
 * the bytes `Binary` serves. Closing the sandbox stops priming.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { firstPageEntries } from '../../../../electron/sandbox/prime-first-pages';
import { startSandbox } from '../../../../electron/sandbox/server';
import { generateSeedCatalog } from '../../../../electron/sandbox/seed/generate-seed';
import type { SeedCatalog } from '../../../../electron/sandbox/seed/seed-types';

interface Attachment {
  readonly url: string;
  readonly size: number;
  readonly hash: string;
}
interface Page {
  readonly entry?: readonly { readonly resource: { content: { attachment: Attachment }[] } }[];
}

/** Counts the documents written on the request path (the synchronous `bytes`). */
function countingRenders(catalog: SeedCatalog): { readonly count: () => number } {
  let count = 0;
  for (const document of catalog.documents) {
    const bytes = document.bytes;
    (document as { bytes: () => Uint8Array }).bytes = () => {
      count += 1;
      return bytes();
    };
  }
  return { count: () => count };
}

describe('priming first pages', () => {
  it('serves every first page without writing a document, with the sizes and hashes of Binary', async () => {
    const catalog = generateSeedCatalog({ seed: 3, patients: 2, documents: 400 });
    const renders = countingRenders(catalog);
    const started = await startSandbox({ catalog });
    if (!started.ok) throw new Error(started.error.message);
    const { baseUrl, store, primed, close } = started.value;
    try {
      const outcome = await primed;
      expect(outcome).toEqual({ prepared: firstPageEntries(store).length, isStopped: false });
      expect(outcome.prepared).toBeGreaterThan(100);
      expect(outcome.prepared).toBeLessThan(400);
      const pages: Page[] = [];
      for (const patient of store.byPatient.keys())
        for (const sort of ['', '&_sort=date', '&_sort=-date']) {
          const response = await fetch(`${baseUrl}/DocumentReference?patient=${patient}${sort}`);
          pages.push((await response.json()) as Page);
        }
      expect(pages.every((page) => page.entry?.length === 50)).toBe(true);
      expect(renders.count()).toBe(0);
      const attachments = pages.flatMap((page) =>
        (page.entry ?? []).slice(0, 3).map((one) => one.resource.content[0]?.attachment),
      );
      for (const attachment of attachments) {
        const bytes = Buffer.from(
          await (await fetch(`${baseUrl}/${attachment?.url}`)).arrayBuffer(),
        );
        expect(attachment?.size).toBe(bytes.byteLength);
        expect(attachment?.hash).toBe(createHash('sha1').update(bytes).digest('base64'));
      }
    } finally {
      await close();
    }
  }, 60_000);

  it('answers a page of cached resource text that is the resources as read, in a plain searchset', async () => {
    const catalog = generateSeedCatalog({ seed: 5, patients: 3, documents: 200 });
    const started = await startSandbox({ catalog });
    if (!started.ok) throw new Error(started.error.message);
    const { baseUrl, primed, close } = started.value;
    try {
      await primed;
      const url = `${baseUrl}/DocumentReference?patient=${[...started.value.store.byPatient.keys()][0]}&_sort=-date&_count=5`;
      const text = await (await fetch(url)).text();
      const bundle = JSON.parse(text) as Record<string, unknown> & {
        entry: { fullUrl: string; resource: { id: string }; search: unknown }[];
      };
      // Joined from cached parts, yet exactly what stringifying the whole Bundle writes.
      expect(JSON.stringify(bundle)).toBe(text);
      expect(Object.keys(bundle)).toEqual(['resourceType', 'type', 'total', 'link', 'entry']);
      expect(bundle.entry).toHaveLength(5);
      for (const entry of bundle.entry) {
        const read = (await (
          await fetch(`${baseUrl}/DocumentReference/${entry.resource.id}`)
        ).json()) as unknown;
        expect(entry).toEqual({
          fullUrl: `${baseUrl}/DocumentReference/${entry.resource.id}`,
          resource: read,
          search: { mode: 'match' },
        });
      }
    } finally {
      await close();
    }
  }, 60_000);

  it('stops when the sandbox closes', async () => {
    const catalog = generateSeedCatalog({ seed: 4, patients: 25, documents: 5000 });
    const started = await startSandbox({ catalog });
    if (!started.ok) throw new Error(started.error.message);
    await started.value.close();
    const outcome = await started.value.primed;
    expect(outcome.isStopped).toBe(true);
    expect(outcome.prepared).toBeLessThan(firstPageEntries(started.value.store).length);
  }, 60_000);
});
