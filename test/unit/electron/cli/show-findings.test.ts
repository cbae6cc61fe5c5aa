/**
 * `archivist show` says what is wrong with a document (review 11, finding 1): a findings block
 * first in the text, a `findings` array in `--json` with every other field as before. Checked on
 * the real seeded sandbox documents (found from the deterministic catalogue the sandbox serves)
 * and on the public corpus, which must give no finding.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSeedCatalog } from '../../../../electron/sandbox/seed/generate-seed';
import type { PlantedProblem } from '../../../../electron/sandbox/seed/seed-types';
import type { RunningSandbox } from '../../../../electron/sandbox/server';
import { closeXmlWorkers } from '../../../../electron/services/xml';
import { addAlwaysOpenProfiles, startedSandbox } from '../../../support/sandbox-profiles';
import { runArchivist } from '../../support/run-cli';
import { corpusDir, corpusDocuments, corpusNote, hasCorpus } from '../../shared/support/corpus';

const catalog = generateSeedCatalog({ seed: 1, patients: 25, documents: 500 });
const work = mkdtempSync(join(tmpdir(), 'archivist-show-findings-'));
const home = join(work, 'home');
let sandbox: RunningSandbox;

/** The first seeded document whose only planted problem is `problem`. */
function plantedWith(problem: PlantedProblem) {
  const found = catalog.documents.find((d) => d.problems.length === 1 && d.problems[0] === problem);
  if (!found) throw new Error(`the seed plants no document with only ${problem}`);
  return found;
}

async function show(...args: string[]) {
  const run = await runArchivist(['show', ...args, '--home', home]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return run.stdout;
}

beforeAll(async () => {
  sandbox = await startedSandbox();
  await addAlwaysOpenProfiles(home, [['lab', 'sandbox', 'Test lab', sandbox.baseUrl]]);
}, 120_000);
afterAll(async () => {
  await sandbox?.close();
  await closeXmlWorkers();
  rmSync(work, { recursive: true, force: true });
});

describe('show on environment documents', () => {
  it('adds the DocumentReference disagreements to --json and changes no other field', async () => {
    const planted = plantedWith('metadata-disagrees-with-header');
    const id = planted.documentReference.id;
    const fromEnv = JSON.parse(await show(`env:lab:${id}`, '--json')) as Record<string, unknown>;
    const file = join(work, `${id}.xml`);
    writeFileSync(file, planted.bytes());
    const fromFile = JSON.parse(await show(file, '--json')) as Record<string, unknown>;
    const { findings, ...rest } = fromEnv;
    expect(findings).toEqual([
      expect.objectContaining({
        kind: 'reference-disagrees',
        where: expect.stringMatching(/^DocumentReference\.date /),
      }),
      expect.objectContaining({
        kind: 'reference-disagrees',
        where: expect.stringMatching(/^DocumentReference\.type /),
      }),
    ]);
    // A local file has no DocumentReference to disagree with; the model itself is the same.
    const { findings: fileFindings, ...fileRest } = fromFile;
    expect(fileFindings).toEqual([]);
    expect(rest).toEqual(fileRest);
  });

  it('opens the text with a findings block: the register code, marked', async () => {
    const id = plantedWith('wrong-register-code').documentReference.id;
    const lines = (await show(`env:lab:${id}`)).split('\n');
    const block = lines.indexOf('Findings: 1');
    expect(block).toBeGreaterThan(0);
    expect(lines[block + 1]).toMatch(/^ {2}!! ClinicalDocument\/code \(register\) is 99, /);
    expect(block).toBeLessThan(lines.indexOf('Document'));
  });

  it('names the missing service event id, and says so for a clean document', async () => {
    const missing = plantedWith('missing-service-event-id').documentReference.id;
    expect(await show(`env:lab:${missing}`)).toContain('!! componentOf/encompassingEncounter/id');
    const clean = catalog.documents.find((d) => d.problems.length === 0)?.documentReference.id;
    expect(await show(`env:lab:${clean}`)).toContain('\nFindings: none\n');
  });
});

describe(`show on the public corpus${corpusNote}`, () => {
  it.skipIf(!hasCorpus).each(corpusDocuments())('finds nothing in %s', async (name) => {
    const shown = JSON.parse(await show(join(corpusDir, name), '--json')) as { findings: unknown };
    expect(shown.findings).toEqual([]);
  });
});
