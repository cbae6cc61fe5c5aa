import { describe, expect, it } from 'vitest';

import { generateSeedCatalog } from '../../../../../electron/sandbox/seed/generate-seed';
import { parseDocument } from './seed-test-helpers';

// Loose bound only: real speed targets belong to benchmarks (measured ~3-4 s on 2 cores).
describe('seed catalogue at 100,000 documents', () => {
  it('builds quickly and renders any document on demand', () => {
    const started = performance.now();
    const catalog = generateSeedCatalog({ seed: 5, patients: 25, documents: 100_000 });
    const elapsed = performance.now() - started;
    expect(catalog.documents).toHaveLength(100_000);
    expect(elapsed).toBeLessThan(20_000);
    const last = catalog.documents[99_999]!;
    expect(parseDocument(last.bytes()).name).toBe('ClinicalDocument');
    expect(catalog.documents.filter((d) => d.problems.length > 0).length).toBeLessThan(10_000);
  });
});
