import { describe, expect, it } from 'vitest';

import { generateSeedCatalog } from '../../../../../electron/sandbox/seed/generate-seed';
import { readDocument } from '../../../../../shared/documents/read-document';
import { parseDocument } from './seed-test-helpers';

// Generated documents must read cleanly through the project's own CDA reader.
describe('seed documents through shared/documents', () => {
  const catalog = generateSeedCatalog({ seed: 11, patients: 25, documents: 300 });

  it('reads a sample without error and agrees on key fields', () => {
    for (const doc of catalog.documents.filter((_, i) => i % 5 === 0)) {
      const result = readDocument(parseDocument(doc.bytes()));
      if (!result.ok) throw new Error(result.error.message);
      const meta = result.value;
      expect(meta.format).toBe('cda');
      expect(`urn:oid:${meta.id.root}`).toBe(doc.documentReference.masterIdentifier?.value);
      expect(meta.setId?.root).toBe(doc.setId);
      expect(meta.versionNumber).toBe(doc.versionNumber);
      expect(meta.patient?.id?.extension).toBe(doc.documentReference.subject?.identifier?.value);
      expect(meta.authors.length).toBeGreaterThanOrEqual(1);
      expect(meta.signatures.length).toBe(1);
      if (!doc.problems.includes('missing-service-event-id'))
        expect(meta.serviceEventId?.root).toBeTruthy();
      if (doc.versionNumber > 1 && doc.problems.length === 0)
        expect(meta.relatedDocuments.length).toBe(1);
    }
  });
});
