/**
 * Folder environments on real files: corpus documents (the LM → KOR → MIT chain, another
 * prescription) and RCMR archive messages copied into a temp folder with a few files that are not
 * documents; searched by patient, setId, document OID, dates and view, read back byte for byte,
 * versions newest first, and read-only.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnvironmentConnection } from '../../../../../../electron/services/environments/connection';
import { openFolderConnection } from '../../../../../../electron/services/environments/folder/folder-connection';
import { closeXmlWorkers } from '../../../../../../electron/services/xml';
import { corpusDir, corpusNote, hasCorpus } from '../../../../shared/support/corpus';

const fixtures = fileURLToPath(new URL('../../../../../fixtures/documents/', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'archivist-folder-env-'));
const folder = join(work, 'cases');
let connection: EnvironmentConnection;

const chain = ['Esko__4_Renitec_LM.xml', 'Esko__4_Renitec_KOR.xml', 'Esko__4_Renitec_MIT.xml'];
const esko = '231069-9711';

beforeAll(async () => {
  if (!hasCorpus) return;
  mkdirSync(join(folder, 'nested'), { recursive: true });
  for (const name of chain)
    copyFileSync(join(corpusDir, 'kanta-cda-api', name), join(folder, name));
  copyFileSync(
    join(corpusDir, 'kanta-cda-api', 'Mediatri__4 physiogel lm.xml'),
    join(folder, 'nested', 'physiogel.xml'),
  );
  copyFileSync(join(fixtures, 'rcmr-in100002-store.xml'), join(folder, 'nested', 'message-1.xml'));
  copyFileSync(join(fixtures, 'rcmr-in100016-new-version.xml'), join(folder, 'message-2.xml'));
  writeFileSync(join(folder, 'notes.txt'), 'not a document');
  writeFileSync(join(folder, 'broken.xml'), '<ClinicalDocument><title>');
  const opened = await openFolderConnection(folder, { name: 'Cases' });
  if (!opened.ok) throw new Error(opened.error.message);
  connection = opened.value;
}, 60_000);

afterAll(async () => {
  await closeXmlWorkers();
  rmSync(work, { recursive: true, force: true });
});

async function ids(query: Parameters<EnvironmentConnection['search']>[0]) {
  const found = await connection.search(query);
  if (!found.ok) throw new Error(found.error.message);
  return found.value.map((reference) => reference.masterIdentifier?.value);
}

describe.skipIf(!hasCorpus)(`folder environment${corpusNote}`, () => {
  it('finds a patient’s documents, newest first, with superseded versions marked', async () => {
    const found = await connection.search({ patient: esko });
    if (!found.ok) throw new Error(found.error.message);
    expect(found.value.map((r) => [r.masterIdentifier?.value, r.status])).toEqual([
      ['urn:oid:1.2.246.10.6794809.93001.2015.416', 'current'],
      ['urn:oid:1.2.246.10.6794809.93001.2015.415', 'superseded'],
      ['urn:oid:1.2.246.10.6794809.93001.2015.413', 'superseded'],
    ]);
    expect(found.value[0]?.subject?.identifier).toEqual({
      system: 'urn:oid:1.2.246.21',
      value: esko,
    });
    expect(await ids({ patient: esko, status: 'current' })).toEqual([
      'urn:oid:1.2.246.10.6794809.93001.2015.416',
    ]);
    expect(await ids({ patient: esko, limit: 1 })).toHaveLength(1);
    expect(await ids({ patient: '010181-900C' })).toHaveLength(2);
  });

  it('searches by setId, document OID and date range', async () => {
    expect(await ids({ setId: '1.2.246.10.6794809.93001.2015.413' })).toHaveLength(3);
    expect(await ids({ documentId: 'urn:oid:1.2.246.10.6794809.93001.2015.415' })).toEqual([
      'urn:oid:1.2.246.10.6794809.93001.2015.415',
    ]);
    const byDate = await ids({ patient: esko, from: '2015-04-30', to: '2015-04-30' });
    expect(byDate).toContain('urn:oid:1.2.246.10.6794809.93001.2015.415');
    expect(await ids({ patient: esko, from: '2030-01-01' })).toEqual([]);
    expect(await ids({ type: '362' })).not.toHaveLength(0);
  });

  it('reads a document back byte for byte and lists its versions newest first', async () => {
    const found = await connection.search({ documentId: '1.2.246.10.6794809.93001.2015.415' });
    const id = found.ok ? (found.value[0]?.id ?? '') : '';
    const read = await connection.read(id);
    if (!read.ok) throw new Error(read.error.message);
    expect(Buffer.from(read.value.bytes).equals(readFileSync(join(folder, chain[1]!)))).toBe(true);
    const history = await connection.history(id);
    const versions = history.ok ? history.value.map((r) => r.identifier?.[2]?.value) : [];
    expect(versions).toEqual(['3', '2', '1']);
  });

  it('indexes RCMR messages and skips files that are not documents', async () => {
    const check = await connection.check();
    expect(check.ok && check.value.documentCount).toBe(6);
    const messages = await connection.search({ patient: '010181-900C' });
    expect(messages.ok && messages.value.map((r) => r.description)).toContain('Hoitokertomus');
  });

  it('sees files added later', async () => {
    copyFileSync(
      join(corpusDir, 'kanta-cda-api', 'LM_annosjakelu.xml'),
      join(folder, 'nested', 'later.xml'),
    );
    const check = await connection.check();
    expect(check.ok && check.value.documentCount).toBe(7);
    rmSync(join(folder, 'nested', 'later.xml'));
  });

  it('is read-only and says what is not there', async () => {
    const refused = await connection.invalidate(
      { resourceType: 'Provenance', target: [], recorded: '', agent: [] } as never,
      { requestId: 'r-1' },
    );
    expect(refused.ok ? 'ok' : refused.error).toEqual({
      code: 'env-read-only',
      message: 'Cases is a folder environment; documents in a folder cannot be invalidated.',
    });
    const missing = await connection.read('file-nothing');
    expect(missing.ok ? 'ok' : missing.error).toEqual({
      code: 'env-not-found',
      message: "Cases has no document 'file-nothing'.",
    });
  });
});

describe('folder environment refusals', () => {
  it('refuses a folder that does not exist or is a file', async () => {
    const absent = await openFolderConnection(join(work, 'absent'));
    expect(absent.ok ? 'ok' : absent.error).toEqual({
      code: 'env-unreachable',
      message: `The folder ${join(work, 'absent')} does not exist.`,
    });
    writeFileSync(join(work, 'file.xml'), '<x/>');
    const file = await openFolderConnection(join(work, 'file.xml'));
    expect(file.ok ? 'ok' : file.error.message).toBe(`${join(work, 'file.xml')} is not a folder.`);
  });

  it('says in words why a folder under a file cannot be read', async () => {
    writeFileSync(join(work, 'a-file'), 'not a folder');
    const under = await openFolderConnection(join(work, 'a-file', 'cases'));
    const message = under.ok ? 'ok' : under.error.message;
    expect(message).toBe(
      `The folder ${join(work, 'a-file', 'cases')} cannot be read (a part of the path is a file).`,
    );
    expect(message).not.toMatch(/\bE[A-Z]{3,}\b/);
  });
});
