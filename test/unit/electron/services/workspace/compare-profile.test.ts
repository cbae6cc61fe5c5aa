/**
 * The app's compare with ignore profile `auto` (issue 7 review, finding E): the documents' type's
 * shipped profile is used (`prescription` for two prescriptions, `default` for two sides of
 * different types), the result names it, and a named profile is used as named.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startAppWorkspace,
  type AppWorkspace,
} from '../../../../../electron/services/workspace/app-workspace';
import { byDocumentTypeProfileId } from '../../../../../electron/services/workspace/compare-profile-choice';

let app: AppWorkspace;
let home: string;
beforeAll(async () => {
  home = mkdtempSync(path.join(tmpdir(), 'archivist-compare-profile-'));
  const started = await startAppWorkspace({ home, connect: { deadlineMs: 5000 } });
  if (!started.ok) throw new Error(started.error.message);
  app = started.value;
}, 60_000);
afterAll(async () => {
  await app.close();
});

const prescription = '<code code="1" codeSystem="1.2.246.537.5.40105.2006"/>';
/** A small CDA whose section id differs between versions, as a prescription's does. */
const cda = (code: string, sectionId: string) =>
  [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<ClinicalDocument xmlns="urn:hl7-org:v3">',
    '  <id root="1.2.246.10.1"/>',
    `  ${code}`,
    '  <title>Lääke</title>',
    '  <component><structuredBody><component><section>',
    `    <id root="${sectionId}"/>`,
    '    <title>Lääkemääräys</title>',
    '  </section></component></structuredBody></component>',
    '</ClinicalDocument>',
  ].join('\n');

let files = 0;
async function picked(text: string): Promise<{ fileId: string }> {
  const file = path.join(home, `side-${files++}.xml`);
  writeFileSync(file, text);
  const chosen = await app.workspace.pickFile(undefined, async () => file);
  if (!chosen.ok || !chosen.value.picked) throw new Error('not picked');
  return { fileId: chosen.value.fileId };
}

async function compare(left: string, right: string, ignoreProfile: string) {
  const compared = await app.workspace.compare({
    compareId: `p${files}`,
    left: await picked(left),
    right: await picked(right),
    ignoreProfile,
  });
  if (!compared.ok) throw new Error(compared.error.message);
  return compared.value;
}

describe('workspace compare with the document type profile', () => {
  const v1 = cda(prescription, '1.2.3.1');
  const v2 = cda(prescription, '1.2.3.2');

  it('uses prescription for two prescriptions and offers the choice first', async () => {
    const compared = await compare(v1, v2, byDocumentTypeProfileId);
    expect(compared.result.profile.id).toBe('prescription');
    expect(compared.result.shownDifferences).toBe(0);
    expect(compared.ignoreProfiles[0]).toEqual({
      id: byDocumentTypeProfileId,
      title: "The document type's profile (here: prescription)",
    });
  }, 60_000);

  it('uses default for sides of different types, and a named profile as named', async () => {
    const other = cda('<code code="x" codeSystem="1.2.3.4.5"/>', '1.2.3.2');
    const mixed = await compare(v1, other, byDocumentTypeProfileId);
    expect(mixed.result.profile.id).toBe('default');
    const named = await compare(v1, v2, 'default');
    expect(named.result.profile.id).toBe('default');
    expect(named.result.shownDifferences).toBe(1);
    expect(named.ignoreProfiles[0]?.title).toBe("The document type's profile");
  }, 60_000);
});
