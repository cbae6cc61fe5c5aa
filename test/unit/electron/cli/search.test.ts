/**
 * `archivist search` in-process against real sandboxes (HTTP; HTTPS with a PKCS#12 client
 * certificate) and a folder profile: results for the patient, the query event durable in the
 * journal before anything is printed (and nothing printed when it cannot be), failures recorded,
 * the progress line on a terminal, and every bad input refused in one line.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../../electron/cli/run-cli';
import { startSandbox, type RunningSandbox } from '../../../../electron/sandbox/server';
import { closeXmlWorkers } from '../../../../electron/services/xml';
import { hetuSystem } from '../../../../shared/fhir/resources';
import { corpusDir, corpusNote, hasCorpus } from '../../shared/support/corpus';
import { runArchivist } from '../../support/run-cli';

let plain: RunningSandbox;
let secure: RunningSandbox;
let hetu: string;
let otherHetu: string;
/** The first patient's first document: its document id and resource id. */
let firstDocumentId: string;
let firstResourceId: string;
const work = mkdtempSync(join(tmpdir(), 'archivist-search-cli-'));
let homes = 0;

beforeAll(async () => {
  const [a, b] = await Promise.all([startSandbox({}), startSandbox({ tls: true })]);
  if (!a.ok || !b.ok) throw new Error('a sandbox did not start');
  plain = a.value;
  secure = b.value;
  const patient = [...plain.store.patients.values()][0];
  hetu = patient?.identifier?.find((id) => id.system === hetuSystem)?.value ?? '';
  const other = [...plain.store.patients.values()][1];
  otherHetu = other?.identifier?.find((id) => id.system === hetuSystem)?.value ?? '';
  const first = plain.store.byPatient.get(patient?.id ?? '')?.[0]?.versions.at(-1);
  firstResourceId = first?.id ?? '';
  firstDocumentId = first?.masterIdentifier?.value?.replace(/^urn:oid:/, '') ?? '';
}, 120_000);

afterAll(async () => {
  await Promise.all([plain?.close(), secure?.close()]);
  await closeXmlWorkers();
  rmSync(work, { recursive: true, force: true });
});

async function homeWith(...profiles: string[][]): Promise<string> {
  const home = join(work, `home-${homes++}`);
  for (const args of profiles) {
    const added = await runArchivist(['envs', 'add', ...args, '--home', home]);
    if (added.code !== 0) throw new Error(added.stderr);
  }
  return home;
}

async function auditRecords(home: string) {
  const listed = await runArchivist(['audit', 'list', '--json', '--home', home]);
  return JSON.stringify(JSON.parse(listed.stdout));
}

function expectOneLine(run: { code: number; stdout: string; stderr: string }, code: 1 | 2) {
  expect(run.code).toBe(code);
  expect(run.stdout).toBe('');
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(code === 1 ? 1 : 2);
}

describe('archivist search', () => {
  it("lists the patient's documents and records the query before printing", async () => {
    const home = await homeWith(['local', '--kind', 'sandbox', '--url', plain.baseUrl]);
    const run = await runArchivist([
      'search',
      '--env',
      'local',
      '--patient',
      hetu,
      '--json',
      '--home',
      home,
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const { documents } = JSON.parse(run.stdout) as { documents: { patient: string }[] };
    expect(documents.length).toBeGreaterThan(0);
    expect(new Set(documents.map((row) => row.patient))).toEqual(new Set([hetu]));
    const records = await auditRecords(home);
    expect(records).toContain(hetu);
    expect(records).toContain('search');
    const limited = await runArchivist([
      'search',
      '--env',
      'local',
      '--patient',
      hetu,
      '--limit',
      '2',
      '--status',
      'current',
      '--json',
      '--home',
      home,
    ]);
    const rows = JSON.parse(limited.stdout).documents as { status: string }[];
    expect(rows.length).toBeLessThanOrEqual(2);
    expect(rows.every((row) => row.status === 'current')).toBe(true);
    const text = await runArchivist([
      'search',
      '--env',
      'local',
      '--patient',
      hetu,
      '--home',
      home,
    ]);
    const noun = documents.length === 1 ? 'document' : 'documents';
    expect(text.stdout.split('\n')[0]).toBe(`${documents.length} ${noun} of ${hetu} in local`);
  });

  it('says "1 document" for one', async () => {
    const home = await homeWith(['local', '--kind', 'sandbox', '--url', plain.baseUrl]);
    const base = ['search', '--env', 'local', '--patient', hetu, '--home', home];
    const one = await runArchivist([...base, '--document', firstDocumentId]);
    expect(one).toMatchObject({ code: 0, stderr: '' });
    expect(one.stdout.split('\n')[0]).toBe(`1 document of ${hetu} in local`);
  });

  // Review 10, finding 11: "8 documents of …" under --limit 8 read like the patient's total.
  it('says a limited list is the first N when the patient has more, and only then', async () => {
    const home = await homeWith(['local', '--kind', 'sandbox', '--url', plain.baseUrl]);
    const base = ['search', '--env', 'local', '--patient', hetu, '--home', home];
    const all = JSON.parse((await runArchivist([...base, '--json'])).stdout) as {
      documents: unknown[];
      moreExist: boolean;
    };
    const total = all.documents.length;
    expect(total, 'the patient has more than two documents').toBeGreaterThan(2);
    expect(all.moreExist).toBe(false);
    const limited = await runArchivist([...base, '--limit', '2']);
    expect(limited).toMatchObject({ code: 0, stderr: '' });
    const [heading, , ...lines] = limited.stdout.trimEnd().split('\n');
    expect(heading).toBe(
      `first 2 documents of ${hetu} in local; more exist (leave out --limit to list all)`,
    );
    expect(lines).toHaveLength(2);
    const limitedJson = JSON.parse(
      (await runArchivist([...base, '--limit', '2', '--json'])).stdout,
    );
    expect(limitedJson).toMatchObject({ query: { limit: 2 }, moreExist: true });
    expect(limitedJson.documents).toHaveLength(2);
    const exact = await runArchivist([...base, '--limit', String(total)]);
    expect(exact.stdout.split('\n')[0]).toBe(`${total} documents of ${hetu} in local`);
    const exactJson = JSON.parse(
      (await runArchivist([...base, '--limit', String(total), '--json'])).stdout,
    );
    expect(exactJson.moreExist).toBe(false);
    expect(exactJson.documents).toHaveLength(total);
  });

  // Review 10, finding 2: a pipeline knows the document id its system wrote.
  it("--document finds the patient's document by its document id, audited with the query", async () => {
    const home = await homeWith(['local', '--kind', 'sandbox', '--url', plain.baseUrl]);
    const base = ['search', '--env', 'local', '--home', home, '--json'];
    const run = await runArchivist([...base, '--patient', hetu, '--document', firstDocumentId]);
    expect(run.stderr).toBe('');
    const found = JSON.parse(run.stdout) as {
      query: { documentId: string };
      documents: { documentId: string; resourceId: string }[];
    };
    expect(found.query.documentId).toBe(firstDocumentId);
    expect(found.documents.map((row) => [row.documentId, row.resourceId])).toEqual([
      [firstDocumentId, firstResourceId],
    ]);
    const records = await auditRecords(home);
    expect(records).toContain(
      Buffer.from(`DocumentReference?patient=${hetu}&documentId=${firstDocumentId}`).toString(
        'base64',
      ),
    );
    // Another patient's document is not this patient's.
    const other = await runArchivist([
      ...base,
      '--patient',
      otherHetu,
      '--document',
      firstDocumentId,
    ]);
    expect(JSON.parse(other.stdout).documents).toEqual([]);
  });

  it("shows each document's version in the text table, as --json's versionNumber", async () => {
    const home = await homeWith(['local', '--kind', 'sandbox', '--url', plain.baseUrl]);
    const base = ['search', '--env', 'local', '--patient', hetu, '--home', home];
    const [text, json] = await Promise.all([runArchivist(base), runArchivist([...base, '--json'])]);
    const documents = JSON.parse(json.stdout).documents as {
      resourceId: string;
      versionNumber?: number;
    }[];
    expect(documents.some((row) => row.versionNumber !== undefined)).toBe(true);
    const [, columns, ...lines] = text.stdout.trimEnd().split('\n');
    expect(columns).toMatch(/^Date +Status +Version +Title +Document id +\[resource id\]$/);
    const versionAt = columns!.indexOf('Version');
    const versions = lines.map((line) => line.slice(versionAt).split(' ')[0]);
    const resourceIds = lines.map((line) => /\[([^\]]+)\]$/.exec(line)?.[1]);
    expect(resourceIds).toEqual(documents.map((row) => row.resourceId));
    expect(versions).toEqual(documents.map((row) => String(row.versionNumber ?? '-')));
  });

  // The text table shows replaced and invalidated; --status takes those words and FHIR's.
  it.each([
    ['superseded', 'replaced'],
    ['entered-in-error', 'invalidated'],
  ])('--status %s and --status %s find the same documents', async (fhirWord, tableWord) => {
    const entry = plain.store.all.find(
      (candidate) => candidate.versions.at(-1)?.status === fhirWord,
    );
    const patient = plain.store.patients.get(entry?.patientKey ?? '');
    const code = patient?.identifier?.find((id) => id.system === hetuSystem)?.value;
    expect(code, `the sandbox holds a ${fhirWord} document of a known patient`).toBeDefined();
    const home = await homeWith(['local', '--kind', 'sandbox', '--url', plain.baseUrl]);
    const search = (status: string) =>
      runArchivist([
        'search',
        '--env',
        'local',
        '--patient',
        code!,
        '--status',
        status,
        '--json',
        '--home',
        home,
      ]);
    const [byFhir, byTable] = await Promise.all([search(fhirWord), search(tableWord)]);
    expect(byTable).toMatchObject({ code: 0, stderr: '' });
    const parsed = JSON.parse(byTable.stdout) as {
      query: { status: string };
      documents: { resourceId: string; status: string }[];
    };
    expect(parsed.query.status).toBe(fhirWord);
    expect(parsed.documents.map((row) => row.resourceId)).toContain(entry!.id);
    expect(new Set(parsed.documents.map((row) => row.status))).toEqual(new Set([tableWord]));
    expect(parsed.documents).toEqual((JSON.parse(byFhir.stdout) as typeof parsed).documents);
  });

  it('searches over HTTPS with the passphrase from the environment', async () => {
    const tls = secure.tls!;
    const home = await homeWith([
      'tk',
      '--kind',
      'fhir',
      '--url',
      secure.baseUrl,
      '--pkcs12',
      tls.clientPkcs12,
      '--ca',
      tls.caCertificate,
    ]);
    const run = await runArchivist(
      ['search', '--env', 'tk', '--patient', hetu, '--json', '--home', home],
      {
        ARCHIVIST_PASSPHRASE: tls.clientPkcs12Passphrase,
      },
    );
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout).documents.length).toBeGreaterThan(0);
  });

  it('prints nothing when the journal cannot be written', async () => {
    const home = await homeWith(['local', '--kind', 'sandbox', '--url', plain.baseUrl]);
    // `envs add` recorded the new profile; a file in place of that audit folder breaks the journal.
    rmSync(join(home, 'audit'), { recursive: true });
    writeFileSync(join(home, 'audit'), 'not a folder');
    const run = await runArchivist(['search', '--env', 'local', '--patient', hetu, '--home', home]);
    expectOneLine(run, 1);
    expect(run.stderr).toMatch(/audit|journal/i);
  });

  it('records a failed search with outcome 8 and says why in one line', async () => {
    const home = await homeWith(['gone', '--kind', 'fhir', '--url', 'http://127.0.0.1:9/fhir']);
    const run = await runArchivist(['search', '--env', 'gone', '--patient', hetu, '--home', home]);
    expectOneLine(run, 1);
    expect(run.stderr).toContain('Cannot reach 127.0.0.1:9');
    const listed = await runArchivist([
      'audit',
      'list',
      '--outcome',
      '8',
      '--json',
      '--home',
      home,
    ]);
    expect(listed.stdout).toContain(hetu);
  });

  it('shows a progress line on a terminal', async () => {
    const home = await homeWith(['local', '--kind', 'sandbox', '--url', plain.baseUrl]);
    let stderr = '';
    const code = await runCli(['search', '--env', 'local', '--patient', hetu, '--home', home], {
      stdout: () => undefined,
      stderr: (text) => (stderr += text),
      env: {},
      cwd: process.cwd(),
      isStderrTty: true,
    });
    expect(code).toBe(0);
    expect(stderr).toMatch(/\rsearching local: \d+/);
  });

  it('refuses bad input with one clear line', async () => {
    const home = await homeWith(['local', '--kind', 'sandbox', '--url', plain.baseUrl]);
    const base = ['search', '--env', 'local', '--home', home];
    const badHetu = await runArchivist([...base, '--patient', '010181-900X']);
    expectOneLine(badHetu, 2);
    expect(badHetu.stderr).toContain('--patient:');
    const notTest = await runArchivist([...base, '--patient', '131052-308T']);
    expectOneLine(notTest, 1);
    expect(notTest.stderr).toContain('is not a test identity code');
    expectOneLine(await runArchivist([...base, '--patient', hetu, '--from', '2024-13-01']), 2);
    expectOneLine(
      await runArchivist([
        ...base,
        '--patient',
        hetu,
        '--from',
        '2024-02-01',
        '--to',
        '2024-01-01',
      ]),
      2,
    );
    const badStatus = await runArchivist([...base, '--patient', hetu, '--status', 'gone']);
    expectOneLine(badStatus, 2);
    expect(badStatus.stderr).toContain(
      "--status must be one of current, superseded, entered-in-error, replaced, invalidated, not 'gone'.",
    );
    expectOneLine(await runArchivist([...base, '--patient', hetu, '--limit', '0']), 2);
    const badDocument = await runArchivist([...base, '--patient', hetu, '--document', 'a/b']);
    expectOneLine(badDocument, 2);
    expect(badDocument.stderr).toContain(
      "--document must be a document id (an OID, optionally ^extension), not 'a/b'.",
    );
    expectOneLine(await runArchivist(['search', '--patient', hetu, '--home', home]), 2);
    expectOneLine(await runArchivist([...base]), 2);
    const unknown = await runArchivist([
      'search',
      '--env',
      'nope',
      '--patient',
      hetu,
      '--home',
      home,
    ]);
    expectOneLine(unknown, 1);
    expect(unknown.stderr).toBe(
      "archivist search: There is no environment profile named 'nope'.\n",
    );
  });
});

describe.skipIf(!hasCorpus)(`archivist search in a folder profile${corpusNote}`, () => {
  it('finds the documents of a patient in the folder', async () => {
    const folder = join(work, 'cases');
    mkdirSync(folder, { recursive: true });
    for (const name of ['Esko__4_Renitec_LM.xml', 'Esko__4_Renitec_KOR.xml'])
      copyFileSync(join(corpusDir, 'kanta-cda-api', name), join(folder, name));
    const home = await homeWith(['cases', '--kind', 'folder', '--folder', folder]);
    const run = await runArchivist([
      'search',
      '--env',
      'cases',
      '--patient',
      '231069-9711',
      '--json',
      '--home',
      home,
    ]);
    // 231069-9711 is a real-form code in the public sample: individual number 971 is a test code.
    expect(run.stderr).toBe('');
    const rows = JSON.parse(run.stdout).documents as { documentId: string; status: string }[];
    expect(rows.map((row) => [row.documentId, row.status])).toEqual([
      ['1.2.246.10.6794809.93001.2015.415', 'current'],
      ['1.2.246.10.6794809.93001.2015.413', 'replaced'],
    ]);
  });
});
