import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../../../../electron/services/documents/load-document';
import { metadataGroups } from '../../../../../renderer/src/document/metadata-groups';

async function metadataOf(file: string) {
  const loaded = await loadDocument(new Uint8Array(readFileSync(file)));
  if (!loaded.ok) throw new Error(loaded.error.message);
  return loaded.value.metadata;
}

describe('metadata groups', () => {
  it('groups a CDA with the Finnish header as DOMAIN.md does, archive-filled fields marked', async () => {
    const meta = await metadataOf('test/fixtures/documents/local-header-all-fields.xml');
    const groups = metadataGroups(meta);
    const titles = groups.map((g) => g.title);
    expect(titles.slice(0, 2)).toEqual(['Identity and version', 'Patient']);
    expect(titles).toContain('Local header (hl7fi:localHeader)');
    const header = groups.find((g) => g.title.startsWith('Local header'));
    const declared = header?.fields.find((f) => f.label === 'declaredTime');
    expect(declared?.isArchiveFilled).toBe(true);
    const description = header?.fields.find((f) => f.label === 'description');
    expect(description?.isArchiveFilled).toBeUndefined();
    const identity = groups[0]?.fields.find((f) => f.label === 'Document id');
    expect(identity?.value).toContain(meta.id.root);
    for (const group of groups) for (const field of group.fields) expect(field.value).not.toBe('');
  });

  it('marks identity codes that fail the test-data check', async () => {
    const meta = await metadataOf('test/fixtures/documents/local-header-all-fields.xml');
    const patient = metadataGroups(meta).find((g) => g.title === 'Patient');
    const findings = meta.identityCodes.filter((f) => !f.valid || !f.isTestCode);
    expect(findings.length).toBeGreaterThan(0);
    const marked = patient?.fields.filter((f) => f.problem !== undefined) ?? [];
    expect(marked.map((f) => f.value)).toEqual(findings.map((f) => f.value));
  });

  it('shows the HL7 V3 message fields of an archive message', async () => {
    const meta = await metadataOf('test/fixtures/documents/rcmr-in100002-store.xml');
    const message = metadataGroups(meta).find((g) => g.title === 'HL7 V3 message and FHIR');
    expect(message?.fields.find((f) => f.label === 'Interaction')?.value).toBe('RCMR_IN100002FI01');
  });
});
