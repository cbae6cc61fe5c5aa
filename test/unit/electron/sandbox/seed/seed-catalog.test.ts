import { describe, expect, it } from 'vitest';

import { generateSeedCatalog } from '../../../../../electron/sandbox/seed/generate-seed';
import type { SeedDocument } from '../../../../../electron/sandbox/seed/seed-types';
import { parseHetu } from '../../../../../shared/identity/hetu';

const catalog = generateSeedCatalog({ seed: 42, patients: 25, documents: 500 });

const ident = (doc: SeedDocument, system: string): string | undefined =>
  doc.documentReference.identifier?.find((i) => i.system === system)?.value;

describe('seed catalogue', () => {
  it('is deterministic: same seed equal, different seed different', () => {
    const again = generateSeedCatalog({ seed: 42, patients: 25, documents: 500 });
    expect(JSON.stringify(again)).toBe(JSON.stringify(catalog));
    for (const i of [0, 17, 250, 499]) {
      expect(
        Buffer.from(again.documents[i]!.bytes()).equals(Buffer.from(catalog.documents[i]!.bytes())),
      ).toBe(true);
    }
    const other = generateSeedCatalog({ seed: 43, patients: 25, documents: 500 });
    expect(JSON.stringify(other.patients)).not.toBe(JSON.stringify(catalog.patients));
    expect(
      Buffer.from(other.documents[3]!.bytes()).equals(Buffer.from(catalog.documents[3]!.bytes())),
    ).toBe(false);
  });

  it('has the requested counts and unique ids', () => {
    expect(catalog.patients).toHaveLength(25);
    expect(catalog.documents).toHaveLength(500);
    expect(new Set(catalog.documents.map((d) => d.documentReference.id)).size).toBe(500);
    expect(new Set(catalog.documents.map((d) => d.binaryId)).size).toBe(500);
    expect(
      new Set(catalog.documents.map((d) => d.documentReference.masterIdentifier?.value)).size,
    ).toBe(500);
  });

  it('gives every patient a valid test identity code, with varied century signs', () => {
    const signs = new Set<string>();
    for (const patient of catalog.patients) {
      const id = patient.identifier?.[0];
      expect(id?.system).toBe('urn:oid:1.2.246.21');
      const check = parseHetu(id?.value ?? '');
      expect(check.valid, id?.value).toBe(true);
      expect(check.isTestCode, id?.value).toBe(true);
      signs.add(check.centurySign ?? '');
      expect(patient.name?.[0]?.text).toMatch(
        /^(Testi|Kokeilu|Malli|Esimerkki|Harjoitus|Demo|Koe) /,
      );
    }
    expect(signs.size).toBeGreaterThanOrEqual(10);
    expect([...signs]).toEqual(expect.arrayContaining(['+', '-', 'A', 'Y', 'F']));
  });

  it('keeps version chains consistent with statuses and replaces links', () => {
    const chains = new Map<string, SeedDocument[]>();
    for (const doc of catalog.documents) {
      if (doc.problems.includes('duplicate-set-id-and-version')) continue;
      chains.set(doc.setId, [...(chains.get(doc.setId) ?? []), doc]);
    }
    const lengths = new Set<number>();
    for (const chain of chains.values()) {
      lengths.add(chain.length);
      chain.forEach((doc, i) => {
        expect(doc.versionNumber).toBe(i + 1);
        expect(ident(doc, 'urn:archivist:cda:setId')).toBe(`urn:oid:${doc.setId}`);
        expect(ident(doc, 'urn:archivist:cda:versionNumber')).toBe(String(i + 1));
        const status = doc.documentReference.status;
        if (i < chain.length - 1) expect(status).toBe('superseded');
        else expect(['current', 'entered-in-error']).toContain(status);
        const previous = chain[i - 1];
        const target = doc.documentReference.relatesTo?.[0]?.target;
        if (previous)
          expect(target?.identifier?.value).toBe(
            previous.documentReference.masterIdentifier?.value,
          );
        else expect(doc.documentReference.relatesTo).toBeUndefined();
      });
    }
    expect([...lengths].sort()).toEqual([1, 2, 3, 4]);
    const invalidated = catalog.documents.filter(
      (d) => d.documentReference.status === 'entered-in-error',
    );
    expect(invalidated.length).toBeGreaterThan(3);
  });

  it('fills the DocumentReference fields the server serves', () => {
    const doc = catalog.documents.find((d) => d.problems.length === 0 && d.versionNumber === 2)!;
    const ref = doc.documentReference;
    const patient = catalog.patients.find((p) => `Patient/${p.id}` === ref.subject?.reference)!;
    expect(ref.subject?.identifier).toEqual(patient.identifier?.[0]);
    expect(ref.type?.coding?.[0]?.code).toBeTruthy();
    expect(ref.category?.[0]?.coding?.[0]?.system).toBe('urn:oid:1.2.246.537.5.40150.2009');
    expect(ref.securityLabel?.[0]?.coding?.[0]?.system).toBe('urn:oid:1.2.246.777.5.99902.2006');
    expect(ref.date).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(ref.author?.length).toBe(1);
    expect(ref.custodian?.identifier?.value).toMatch(/^urn:oid:/);
    expect(ref.context?.encounter?.[0]?.identifier?.value).toMatch(/^urn:oid:/);
    const attachment = ref.content[0]!.attachment;
    expect(attachment.contentType).toBe('application/hl7-v3+xml');
    expect(attachment.url).toBe(`Binary/${doc.binaryId}`);
    expect(attachment.size).toBe(doc.bytes().byteLength);
    expect(attachment.hash).toMatch(/^[A-Za-z0-9+/]{27}=$/);
  });

  it('builds DocumentReferences on access: fresh, equal objects; size and hash computed once', () => {
    const doc = catalog.documents[5]!;
    expect(doc.documentReference).not.toBe(doc.documentReference);
    expect(doc.documentReference).toEqual(doc.documentReference);
    const first = doc.documentReference.content[0]!.attachment.hash;
    expect(doc.documentReference.content[0]!.attachment.hash).toBe(first);
  });

  it('plants every problem on a small fraction of documents', () => {
    const counts = new Map<string, number>();
    for (const doc of catalog.documents)
      for (const p of doc.problems) counts.set(p, (counts.get(p) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual([
      'duplicate-set-id-and-version',
      'metadata-disagrees-with-header',
      'missing-service-event-id',
      'non-test-identity-code',
      'signature-digest-mismatch',
      'wrong-register-code',
    ]);
    for (const n of counts.values()) expect(n).toBeGreaterThanOrEqual(2);
    const withProblems = catalog.documents.filter((d) => d.problems.length > 0).length;
    expect(withProblems / catalog.documents.length).toBeLessThan(0.1);
  });
});
