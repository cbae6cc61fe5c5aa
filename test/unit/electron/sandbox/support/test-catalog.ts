/** A tiny, deterministic test-only seed catalogue (900-series test codes) for the sandbox tests. */
import { hetuSystem, type DocumentReference } from '../../../../../shared/fhir/resources';
import { setIdExtension } from '../../../../../electron/sandbox/store';
import type { SeedCatalog, SeedDocument } from '../../../../../electron/sandbox/seed/seed-types';

const controlCharacters = '0123456789ABCDEFHJKLMNPRSTUVWXY';

/** A valid test hetu born 1.1.1981 with individual number 900 + n. */
export function testHetu(n: number): string {
  const digits = `010181${String(900 + (n % 100)).padStart(3, '0')}`;
  return `010181-${digits.slice(6)}${controlCharacters[Number(digits) % 31] ?? '0'}`;
}

/** A small CDA carrying the given patient code. */
export function cdaFor(hetu: string, title: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<ClinicalDocument xmlns="urn:hl7-org:v3">\n  <title>${title}</title>\n  <recordTarget><patientRole><id root="1.2.246.21" extension="${hetu}"/></patientRole></recordTarget>\n</ClinicalDocument>\n`;
}

/** `documents` documents spread round-robin over `patients` patients, dated a day apart. */
export function testCatalog(patients = 3, documents = 12): SeedCatalog {
  const patientList = Array.from({ length: patients }, (_, i) => ({
    resourceType: 'Patient' as const,
    id: `p${i}`,
    identifier: [{ system: hetuSystem, value: testHetu(i) }],
    name: [{ family: `Testi${i}`, given: ['Potilas'] }],
  }));
  const documentList = Array.from({ length: documents }, (_, i): SeedDocument => {
    const patientIndex = i % patients;
    const hetu = testHetu(patientIndex);
    const setId = `1.2.246.10.999.${i}`;
    const documentReference: DocumentReference & { id: string } = {
      resourceType: 'DocumentReference',
      id: `d${i}`,
      extension: [{ url: setIdExtension, valueIdentifier: { value: setId } }],
      masterIdentifier: { system: 'urn:ietf:rfc:3986', value: `urn:oid:1.2.246.10.999.${i}.1` },
      status: 'current',
      type: {
        coding: [{ system: 'urn:oid:1.2.246.537.5.40150.2009', code: i % 2 === 0 ? '2' : '3' }],
      },
      category: [{ coding: [{ system: 'urn:test', code: i % 3 === 0 ? 'social' : 'patient' }] }],
      subject: {
        reference: `Patient/p${patientIndex}`,
        identifier: { system: hetuSystem, value: hetu },
      },
      date: new Date(Date.UTC(2024, 0, 1 + i)).toISOString(),
      content: [{ attachment: { contentType: 'application/hl7-v3+xml', url: `Binary/b${i}` } }],
    };
    return {
      documentReference,
      binaryId: `b${i}`,
      contentType: 'application/hl7-v3+xml',
      bytes: () => new TextEncoder().encode(cdaFor(hetu, `Document ${i}`)),
      setId,
      versionNumber: 1,
      problems: [],
    };
  });
  return { patients: patientList, documents: documentList };
}
