/**
 * Opening a document in the app (review 11, findings 1 and 5): the answer carries what is wrong
 * with it and the environment's DocumentReference, found on the real seeded sandbox documents
 * (the seed is deterministic, so the planted problems are found from the same catalogue), and
 * the read names the resource beside the document OID, so the Audit tab's Document id filter
 * finds a document's whole history by either id.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSeedCatalog } from '../../../../../electron/sandbox/seed/generate-seed';
import type { PlantedProblem } from '../../../../../electron/sandbox/seed/seed-types';
import {
  startAppWorkspace,
  type AppWorkspace,
} from '../../../../../electron/services/workspace/app-workspace';

// The catalogue the app's sandbox serves (startSandbox's defaults).
const catalog = generateSeedCatalog({ seed: 1, patients: 25, documents: 500 });

/** The first seeded document whose only planted problem is `problem`. */
function plantedWith(problem: PlantedProblem): string {
  const found = catalog.documents.find((d) => d.problems.length === 1 && d.problems[0] === problem);
  if (!found) throw new Error(`the seed plants no document with only ${problem}`);
  return found.documentReference.id;
}

/** The social welfare document groups, the type system of social welfare documents. */
const GROUPS = 'urn:oid:1.2.246.537.6.1505.201601';
const clean = catalog.documents.filter((d) => d.problems.length === 0);

let app: AppWorkspace;

beforeAll(async () => {
  const home = mkdtempSync(path.join(tmpdir(), 'archivist-open-findings-'));
  const started = await startAppWorkspace({ home, connect: { deadlineMs: 5000 } });
  if (!started.ok) throw new Error(started.error.message);
  app = started.value;
}, 60_000);
afterAll(async () => {
  await app?.close();
});

async function open(resourceId: string) {
  const opened = await app.workspace.open('sandbox', resourceId);
  if (!opened.ok) throw new Error(opened.error.message);
  return opened.value;
}

describe('findings on the opened document', () => {
  it('names the DocumentReference fields that disagree with the header, both values', async () => {
    const opened = await open(plantedWith('metadata-disagrees-with-header'));
    expect(opened.findings.map((f) => f.where)).toEqual([
      'DocumentReference.date ↔ ClinicalDocument/effectiveTime',
      expect.stringMatching(/^DocumentReference\.type ↔ hl7fi:local(Social)?Header/),
    ]);
    const [date, view] = opened.findings;
    expect(date?.message).toContain(`says ${opened.documentReference.date}`);
    expect(view?.message).toMatch(/says (\w+), the CDA header's .* says (\w+);/);
    expect(opened.documentReference.date).not.toBe(undefined);
  });

  it('flags a register code outside the Kanta register list', async () => {
    const opened = await open(plantedWith('wrong-register-code'));
    expect(opened.findings).toEqual([
      expect.objectContaining({ kind: 'unknown-code', where: 'ClinicalDocument/code (register)' }),
    ]);
    expect(opened.findings[0]?.message).toContain('is 99,');
  });

  it('flags a patient-record document without its service event id', async () => {
    const opened = await open(plantedWith('missing-service-event-id'));
    expect(opened.findings).toEqual([
      expect.objectContaining({
        kind: 'missing-service-event-id',
        where: 'componentOf/encompassingEncounter/id',
      }),
    ]);
  });

  it('finds nothing in clean documents, health and social alike', async () => {
    const social = clean.filter((d) => d.documentReference.type?.coding?.[0]?.system === GROUPS);
    const sample = [...clean.slice(0, 15), ...social.slice(0, 3)];
    expect(social.length).toBeGreaterThan(0);
    for (const document of sample) {
      const opened = await open(document.documentReference.id);
      expect({ id: document.documentReference.id, findings: opened.findings }).toEqual({
        id: document.documentReference.id,
        findings: [],
      });
    }
  });

  it('hands over the DocumentReference without inline data, with its own fields', async () => {
    const seeded = clean[3]?.documentReference;
    const opened = await open(seeded?.id ?? '');
    expect(opened.documentReference.status).toBe(seeded?.status);
    expect(opened.documentReference.category).toEqual(seeded?.category);
    expect(opened.documentReference.content[0]?.attachment.size).toBe(opened.byteSize);
    expect(opened.documentReference.content[0]?.attachment.data).toBe(undefined);
  });
});

describe('the Audit tab finds an opened document by either id', () => {
  it('lists the app read under the resource id and under the document OID', async () => {
    const resourceId = clean[20]?.documentReference.id ?? '';
    const opened = await open(resourceId);
    const byResource = await app.workspace.auditList({ document: resourceId });
    const byReference = await app.workspace.auditList({
      document: `DocumentReference/${resourceId}`,
    });
    const byOid = await app.workspace.auditList({ document: opened.metadata.id.root });
    for (const listed of [byResource, byReference, byOid]) {
      if (!listed.ok) throw new Error(listed.error.message);
      expect(listed.value.rows.map((row) => row.sequence)).toContain(opened.auditSequence);
    }
  });
});
