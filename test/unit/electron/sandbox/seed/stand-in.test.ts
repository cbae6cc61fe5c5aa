/**
 * `archivist sandbox --environment at|tk` (stand-in.ts): the same seed as the plain sandbox, as
 * that environment's archive stores it. Only the archive-filled fields and the resource ids
 * differ from the plain seed, and the same seed and environment always give the same bytes.
 */
import { describe, expect, it } from 'vitest';
import { generateSeedCatalog } from '../../../../../electron/sandbox/seed/generate-seed';
import {
  standInArchive,
  storageTime,
  type StandInEnvironment,
} from '../../../../../electron/sandbox/seed/stand-in';
import type { SeedCatalog } from '../../../../../electron/sandbox/seed/seed-types';

const scale = { seed: 9, patients: 4, documents: 60 };
const plain = generateSeedCatalog(scale);
const standIn = (environment: StandInEnvironment) => generateSeedCatalog({ ...scale, environment });

const text = (catalog: SeedCatalog, index: number) =>
  new TextDecoder().decode(catalog.documents[index]!.bytes());

/** The value of `element`'s value attribute in a document's text (undefined when absent). */
const valueOf = (xml: string, element: string) =>
  new RegExp(`<${element} value="([^"]+)"`).exec(xml)?.[1];

/** The text without copyTime and with declaredTime and retentionPeriod emptied. */
const withoutArchiveFields = (xml: string) =>
  xml
    .replace(/<copyTime value="[^"]+"(\/>|><\/copyTime>)/, '')
    .replace(/(<hl7fi:(declaredTime|retentionPeriod) value=")[^"]+/g, '$1');

describe('a sandbox standing in for AT or TK', () => {
  it('stores each document a fixed time after its own, in its offset', () => {
    expect(storageTime('20240506101500+0200', undefined)).toBe('20240506101500+0200');
    expect(storageTime('20240506101500+0200', standInArchive('at'))).toBe('20240506101807+0200');
    // Over a day later in TK: past the new year, so the disposal year moves too.
    expect(storageTime('20241231150000+0200', standInArchive('tk'))).toBe('20250101174119+0200');
  });

  it('serves the plain seed with its archive fields and its own resource ids, nothing else', () => {
    const at = standIn('at');
    expect(at.patients.map((p) => p.id)).toEqual(
      plain.patients.map((p) => p.id.replace(/^seed-/, 'at-')),
    );
    expect(at.patients.map((p) => p.identifier)).toEqual(plain.patients.map((p) => p.identifier));
    let healthDocuments = 0;
    for (const [index, document] of at.documents.entries()) {
      const before = plain.documents[index]!;
      expect(document.documentReference.id).toBe(`at-doc-${index + 1}`);
      expect(document.binaryId).toBe(`at-binary-${index + 1}`);
      const reference = JSON.stringify(document.documentReference);
      expect(reference).not.toContain('seed-');
      // The same metadata under the plain ids; the attachment's size and hash are of other bytes.
      const { content, ...rest } = JSON.parse(reference.replace(/(["/])at-/g, '$1seed-'));
      const { content: plainContent, ...plainRest } = JSON.parse(
        JSON.stringify(before.documentReference),
      );
      expect(rest).toEqual(plainRest);
      expect(content[0].attachment.url).toBe(plainContent[0].attachment.url);
      const [xml, plainXml] = [text(at, index), text(plain, index)];
      expect(withoutArchiveFields(xml)).toBe(withoutArchiveFields(plainXml));
      const documentTime = valueOf(plainXml, 'effectiveTime')!;
      const stored = storageTime(documentTime, standInArchive('at'));
      expect(valueOf(xml, 'copyTime')).toBe(stored);
      if (plainXml.includes('<hl7fi:localHeader>')) {
        healthDocuments += 1;
        expect(valueOf(xml, 'hl7fi:declaredTime')).toBe(stored);
        expect(valueOf(plainXml, 'hl7fi:declaredTime')).toBe(documentTime);
      }
    }
    expect(healthDocuments).toBeGreaterThan(0);
  });

  it('gives the same bytes for the same seed and environment, other bytes in the other one', () => {
    const [at, again, tk] = [standIn('at'), standIn('at'), standIn('tk')];
    for (const index of [0, 13, 59]) {
      expect(text(again, index)).toBe(text(at, index));
      expect(text(tk, index)).not.toBe(text(at, index));
      expect(withoutArchiveFields(text(tk, index))).toBe(withoutArchiveFields(text(at, index)));
    }
    expect(JSON.stringify(again)).toBe(JSON.stringify(at));
  });
});
