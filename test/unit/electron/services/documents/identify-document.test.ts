/**
 * identifyDocument names a read the way a full comparison does (comparedDocument over the whole
 * document), for CDA, an RCMR message, FHIR JSON and XML, and names a file that is no document by
 * its source and SHA-256.
 */
import { Buffer } from 'node:buffer';
import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { comparedDocument } from '../../../../../shared/compare/compared-document';
import { identifyDocument } from '../../../../../electron/services/documents/identify-document';
import { loadDocument } from '../../../../../electron/services/documents/load-document';
import { closeXmlWorkers } from '../../../../../electron/services/xml/xml-worker-pool';
import { corpusBytes, corpusNote, hasCorpus } from '../../../shared/support/corpus';
import { fixtureText, unwrap } from '../../../shared/support/fixtures';

afterAll(async () => {
  await closeXmlWorkers();
});

const utf8 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf8'));

/** What a full read and comparedDocument name: the reference identifyDocument must equal. */
async function fullIdentity(bytes: Uint8Array) {
  const loaded = unwrap(await loadDocument(bytes));
  const { id, patientHetu } = comparedDocument(loaded.metadata);
  return { id, ...(patientHetu === undefined ? {} : { patientHetu }), isDocument: true };
}

describe('identifyDocument', () => {
  it.skipIf(!hasCorpus)(
    `names corpus CDA documents as a comparison does${corpusNote}`,
    async () => {
      for (const name of [
        'kanta-cda-api/Esko__4_Renitec_LM.xml',
        'kanta-cda-api/ESIM lääkemääräys_laaja_kaikki_tietokentat.xml',
        'kanta-cda-api/Esim_OSVA_Omakannasta.xml',
      ]) {
        const bytes = corpusBytes(name);
        const identity = await identifyDocument(bytes, name);
        expect(identity).toEqual(await fullIdentity(bytes));
        expect(identity.patientHetu).toMatch(/^\d{6}[-+A-Y]\d{3}[0-9A-Y]$/);
      }
    },
  );

  it('names an RCMR message, FHIR JSON and FHIR XML as a comparison does', async () => {
    for (const name of [
      'rcmr-in100002-store.xml',
      'fhir-document-reference.json',
      'fhir-document-reference.xml',
      'local-header-all-fields.xml',
    ]) {
      const bytes = utf8(fixtureText(name));
      const identity = await identifyDocument(bytes, name);
      expect(identity, name).toEqual(await fullIdentity(bytes));
      expect(identity.id, name).not.toContain('sha256');
    }
  });

  it('picks the patient id as the reader does: the first HETU id, else the first id', async () => {
    const cda = (patient: string, id = '<id root="1.2.246.10.1" extension="d"/>') =>
      utf8(
        `<ClinicalDocument xmlns="urn:hl7-org:v3">${id}<recordTarget><patientRole>${patient}</patientRole></recordTarget><component><structuredBody/></component></ClinicalDocument>`,
      );
    const cases = [
      cda('<id root="1.2.3" extension="x"/><id root="1.2.246.21" extension="010181-900C"/>'),
      cda('<id root="1.2.3" extension="x"/>'),
      cda('<id root="1.2.246.21"/>'),
      cda('', ''),
      cda('<id root="1.2.246.21" extension="010181-900C"/>', '<id nullFlavor="NI"/>'),
    ];
    const identities = [];
    for (const bytes of cases) {
      const identity = await identifyDocument(bytes, 'case');
      expect(identity).toEqual(await fullIdentity(bytes));
      identities.push(identity);
    }
    expect(identities.map((identity) => identity.patientHetu)).toEqual([
      '010181-900C',
      undefined,
      undefined,
      undefined,
      '010181-900C',
    ]);
  });

  it('names a file that is no readable document by its source and SHA-256', async () => {
    for (const text of [
      'just some text\n',
      '<ClinicalDocument xmlns="urn:hl7-org:v3"><title>x</ClinicalDocument>',
      '{"resourceType": "DocumentReference",',
    ]) {
      const bytes = utf8(text);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      expect(await identifyDocument(bytes, '/tmp/some file.txt')).toEqual({
        id: `/tmp/some file.txt#sha256=${sha256}`,
        isDocument: false,
      });
    }
  });
});
