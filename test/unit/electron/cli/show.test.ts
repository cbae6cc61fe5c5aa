/**
 * `archivist show`: every corpus document is shown; `--json` has the field names of
 * ARCHITECTURE.md "Metadata model" and values read from the files (the LM → KOR → MIT chain,
 * the OSVA archive document, the "all fields" prescription, two C-CDA documents, an RCMR
 * message); every hostile input ends in exit 1 with one line on stderr (legal CDA excepted); the
 * read is in the audit journal before anything is printed, and nothing is printed when the
 * journal cannot be written. One run goes through the CLI bundled as `npm run build` bundles it.
 */
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { closeXmlWorkers } from '../../../../electron/services/xml';
import { largeCases, type Expectation } from '../../../fixtures/hostile-xml/generate';
import { bundleCli } from '../../../bench/bundle-cli';
import { runArchivist } from '../../support/run-cli';
import { corpusDir, corpusDocuments, corpusNote, hasCorpus } from '../../shared/support/corpus';

const work = mkdtempSync(join(tmpdir(), 'archivist-show-cli-'));
afterAll(async () => {
  await closeXmlWorkers();
  rmSync(work, { recursive: true, force: true });
});

let homes = 0;
const freshHome = () => join(work, `home-${homes++}`);
const corpus = (name: string) => join(corpusDir, name);
const kanta = (name: string) => corpus(`kanta-cda-api/${name}`);
const fixtures = fileURLToPath(new URL('../../../fixtures/', import.meta.url));
const hostileDir = join(fixtures, 'hostile-xml/files');

interface Json {
  readonly [key: string]: unknown;
}

async function showJson(file: string, home = freshHome()): Promise<Json> {
  const run = await runArchivist(['show', file, '--json', '--home', home]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as Json;
}

interface AuditRecord {
  readonly event: {
    readonly action: string;
    readonly entity: readonly { readonly what: { readonly identifier?: { value: string } } }[];
  };
}

async function auditRecords(home: string): Promise<AuditRecord[]> {
  const audit = await runArchivist(['audit', 'list', '--json', '--home', home]);
  expect(audit.code).toBe(0);
  return JSON.parse(audit.stdout) as AuditRecord[];
}

/** The refusal contract: exit 1, nothing on stdout, exactly one line on stderr, no stack frames. */
function expectOneLineRefusal(run: { code: number; stdout: string; stderr: string }): void {
  expect(run.code, run.stderr || run.stdout.slice(0, 80)).toBe(1);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(/^archivist show: [^\n]+\n$/);
  expect(run.stderr).not.toMatch(/\bat .+:\d+:\d+/);
}

describe.skipIf(!hasCorpus)(`archivist show on the corpus${corpusNote}`, () => {
  it.each(corpusDocuments().map((file) => [file]))('%s: summary, exit 0', async (file) => {
    const run = await runArchivist(['show', corpus(file), '--home', freshHome()]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // The findings come first (show-findings.test.ts); the public samples have none.
    expect(run.stdout).toMatch(/\[CDA\]\n\nFindings: none\n\nDocument\n {2}Title: /);
    expect(run.stdout).toMatch(/\nIdentity codes: (none found|\d+ found, \d+ problem\(s\))\n/);
  });

  it('--json uses the field names of the metadata model (ARCHITECTURE.md)', async () => {
    const lm = await showJson(kanta('Esko__4_Renitec_LM.xml'));
    for (const key of [
      'format',
      'id',
      'setId',
      'versionNumber',
      'title',
      'effectiveTime',
      'languageCode',
      'register',
      'confidentiality',
      'patient',
      'authors',
      'custodian',
      'relatedDocuments',
      'localHeader',
      'signatures',
      'identityCodes',
      'attachments',
    ])
      expect(lm, key).toHaveProperty(key);
    expect(Object.keys(lm.id as Json)).toEqual(['root']);
    expect(Object.keys((lm.patient as Json).id as Json).sort()).toEqual(['extension', 'root']);
    expect(lm.patient).toHaveProperty('name');
    expect(Object.keys(lm.register as Json)).toEqual(
      expect.arrayContaining(['code', 'codeSystem', 'displayName', 'label']),
    );
    for (const finding of lm.identityCodes as Json[])
      expect(Object.keys(finding)).toEqual(
        expect.arrayContaining(['value', 'where', 'valid', 'isTestCode']),
      );
  });

  it('the LM → KOR → MIT chain: one setId, versions 1-3, each replacing the one before', async () => {
    const setId = { root: '1.2.246.10.6794809.93001.2015.413' };
    const [lm, kor, mit] = await Promise.all(
      ['LM', 'KOR', 'MIT'].map((kind) => showJson(kanta(`Esko__4_Renitec_${kind}.xml`))),
    );
    expect(lm).toMatchObject({
      format: 'cda',
      id: { root: '1.2.246.10.6794809.93001.2015.413' },
      setId,
      versionNumber: 1,
      relatedDocuments: [],
      register: { code: '1', codeSystem: '1.2.246.537.5.40105.2006', displayName: 'Lääkemääräys' },
      patient: { id: { root: '1.2.246.21', extension: '231069-9711' } },
    });
    expect(kor).toMatchObject({
      id: { root: '1.2.246.10.6794809.93001.2015.415' },
      setId,
      versionNumber: 2,
      relatedDocuments: [
        { typeCode: 'RPLC', id: { root: '1.2.246.10.6794809.93001.2015.413' }, setId },
      ],
    });
    expect(mit).toMatchObject({
      id: { root: '1.2.246.10.6794809.93001.2015.416' },
      setId,
      versionNumber: 3,
      register: { code: '2', displayName: 'Lääkemääräyksen mitätöinti' },
      relatedDocuments: [
        { typeCode: 'RPLC', id: { root: '1.2.246.10.6794809.93001.2015.415' }, setId },
      ],
    });
  });

  it('the OSVA archive document: register 13 and its view in tableOfContents', async () => {
    const osva = await showJson(kanta('Esim_OSVA_Omakannasta.xml'));
    expect(osva).toMatchObject({
      id: { root: '1.2.246.10.99999984.10.0.91.2009.58' },
      register: { code: '13', codeSystem: '1.2.246.537.5.40150.2009' },
      patient: { id: { root: '1.2.246.21', extension: '030875-999Y' } },
      localHeader: {
        tableOfContents: [{ code: '362', codeSystem: '1.2.246.537.6.12.2002' }],
        fileFormat: { code: '1', codeSystem: '1.2.246.537.5.40179.2008' },
      },
    });
  });

  it('the "all fields" prescription: its patient code is flagged in JSON and in the summary', async () => {
    const file = kanta('ESIM lääkemääräys_laaja_kaikki_tietokentat.xml');
    const esim = await showJson(file);
    expect(esim).toMatchObject({
      id: { root: '1.2.246.10.1602257.93.2019.855' },
      patient: { id: { root: '1.2.246.21', extension: '030810A999Y' } },
    });
    expect((esim.identityCodes as Json[])[0]).toMatchObject({
      value: '030810A999Y',
      valid: false,
    });
    const run = await runArchivist(['show', file, '--lang', 'en', '--home', freshHome()]);
    expect(run.stdout).toMatch(/\n {2}!! 030810A999Y {2}INVALID: /);
  });

  it('two C-CDA documents: CCD 1 (sTT988) and the Care Plan replacing its parent', async () => {
    const ccd = await showJson(corpus('hl7-ccda-examples/CCD 1__CCD.XML'));
    expect(ccd).toMatchObject({
      id: { root: '2.16.840.1.113883.19.5.99999.1', extension: 'TT988' },
      setId: { root: '2.16.840.1.113883.19.5.99999.19', extension: 'sTT988' },
      versionNumber: 1,
    });
    expect(ccd).not.toHaveProperty('localHeader');
    const plan = await showJson(corpus('hl7-ccda-examples/Care_Plan.xml'));
    expect(plan).toMatchObject({
      id: { root: 'db734647-fc99-424c-a864-7e3cda82e703' },
      setId: { root: '004bb033-b948-4f4c-b5bf-a8dbd7d8dd40' },
      versionNumber: 2,
      relatedDocuments: [
        {
          typeCode: 'RPLC',
          id: { root: '223769be-f6ee-4b04-a0ce-b56ae998c880' },
          setId: { root: '004bb033-b948-4f4c-b5bf-a8dbd7d8dd40' },
          versionNumber: 1,
        },
      ],
    });
  });
});

describe('archivist show on the other formats', () => {
  it('an RCMR message: the carried CDA with the message fields under message', async () => {
    const rcmr = await showJson(join(fixtures, 'documents/rcmr-in100016-new-version.xml'));
    expect(rcmr).toMatchObject({
      format: 'rcmr',
      id: { root: '1.2.246.10.99999990.93.2024.12' },
      title: 'Hoitokertomus',
      message: { interaction: 'RCMR_IN100016FI01' },
    });
  });

  it('a FHIR DocumentReference in JSON', async () => {
    const fhir = await showJson(join(fixtures, 'documents/fhir-document-reference.json'));
    expect(fhir).toMatchObject({ format: 'fhir', id: { root: '1.2.246.10.99999990.93.2024.12' } });
  });
});

describe('archivist show refusals', () => {
  const manifest = JSON.parse(
    readFileSync(join(fixtures, 'hostile-xml/manifest.json'), 'utf8'),
  ) as { file: string; expect: Expectation }[];
  const secrets = ['/etc/passwd', '/etc/hostname']
    .filter((path) => existsSync(path))
    .flatMap((path) => readFileSync(path, 'utf8').split('\n'))
    .map((line) => line.trim())
    .filter((line) => line.length >= 6);
  // show reads FHIR JSON, which the XML parser alone refuses as "not XML": this one is a legal
  // (if empty) DocumentReference, shown with its warnings.
  const fhirJson = new Set(['json-document.json']);
  const isShown = (file: string, expected: Expectation) =>
    fhirJson.has(file) || ('root' in expected && expected.root === 'ClinicalDocument');

  async function expectHostileOutcome(file: string, expected: Expectation, home: string) {
    const started = performance.now();
    const run = await runArchivist(['show', file, '--home', home]);
    expect(performance.now() - started, file).toBeLessThan(10_000);
    for (const secret of secrets) expect(run.stdout + run.stderr).not.toContain(secret);
    if (isShown(basename(file), expected)) {
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
    } else expectOneLineRefusal(run);
  }

  it('covers every committed hostile file', () => {
    expect(manifest.map((entry) => entry.file).sort()).toEqual(readdirSync(hostileDir).sort());
    expect(manifest.length).toBeGreaterThanOrEqual(100);
  });

  it('every committed hostile file: one line on stderr and exit 1 (a legal CDA is shown)', async () => {
    const home = freshHome();
    for (const entry of manifest)
      await expectHostileOutcome(join(hostileDir, entry.file), entry.expect, home);
    // Refusals print nothing and record nothing; each shown document is one read record.
    const shown = manifest.filter((entry) => isShown(entry.file, entry.expect)).length;
    expect(await auditRecords(home)).toHaveLength(shown);
  }, 240_000);

  it('every generated large hostile case: the same contract', async () => {
    const home = freshHome();
    for (const large of largeCases()) {
      const file = join(work, `${large.name}.xml`);
      writeFileSync(file, large.bytes());
      try {
        await expectHostileOutcome(file, large.expect, home);
      } finally {
        rmSync(file, { force: true });
      }
    }
  }, 300_000);

  it.each([
    [
      'a missing file',
      join(work, 'missing.xml'),
      /Could not read .*missing\.xml \(no such file\)\.$/,
    ],
    ['a folder', work, /\(it is a folder\)\.$/],
  ])('%s', async (_, file, message) => {
    const run = await runArchivist(['show', file, '--home', freshHome()]);
    expectOneLineRefusal(run);
    expect(run.stderr.trim()).toMatch(message);
  });

  it.each([
    [['show'], /Give the document file to show\./],
    [['show', 'a.xml', 'b.xml'], /Unexpected argument: b\.xml/],
    [['show', 'a.xml', '--lang', 'sv'], /--lang must be fi or en\./],
    [['show', 'a.xml', '--bogus'], /Unknown option '--bogus'/],
    [['show', 'env:AT'], /an environment reference is env:NAME:<document id>/],
  ])('usage: %j exits 2', async (argv, message) => {
    const run = await runArchivist(argv);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
  });
});

describe('archivist show writes the audit record first', () => {
  const document = join(fixtures, 'documents/rcmr-inner-cda.xml');

  it('records the read (document and patient) in the journal', async () => {
    const home = freshHome();
    const run = await runArchivist(['show', document, '--json', '--home', home]);
    expect(run.code).toBe(0);
    const shown = JSON.parse(run.stdout) as { id: { root: string }; patient: Json };
    const records = await auditRecords(home);
    expect(records.map((record) => record.event.action)).toEqual(['R']);
    const values = records[0]?.event.entity.map((entity) => entity.what.identifier?.value);
    expect(values).toEqual([(shown.patient.id as Json).extension, shown.id.root]);
  });

  it('prints nothing and exits 1 when the journal cannot be written', async () => {
    const home = freshHome();
    const audit = join(home, 'audit');
    const isRoot = process.getuid?.() === 0;
    if (isRoot) {
      // root ignores file modes: a file where the audit folder must be makes the journal unusable.
      mkdirSync(home, { recursive: true });
      writeFileSync(audit, 'not a folder');
    } else {
      expect((await runArchivist(['audit', 'verify', '--home', home])).code).toBe(0);
      mkdirSync(audit, { recursive: true });
      chmodSync(audit, 0o500);
    }
    try {
      const run = await runArchivist(['show', document, '--home', home]);
      expectOneLineRefusal(run);
      expect(run.stderr).toMatch(/audit/i);
    } finally {
      if (!isRoot) chmodSync(audit, 0o700);
    }
  });
});

describe('archivist show as built', () => {
  it('the bundled command line shows a document as JSON and refuses a DTD in one line', async () => {
    const cli = await bundleCli(join(work, 'bundle'));
    const home = freshHome();
    const shown = spawnSync(
      process.execPath,
      [cli, 'show', join(fixtures, 'documents/rcmr-in100002-store.xml'), '--json', '--home', home],
      { encoding: 'utf8', timeout: 30_000 },
    );
    expect(shown.stderr).toBe('');
    expect(shown.status).toBe(0);
    expect(JSON.parse(shown.stdout)).toMatchObject({ format: 'rcmr', title: 'Hoitokertomus' });
    const refused = spawnSync(
      process.execPath,
      [cli, 'show', join(hostileDir, 'billion-laughs.xml'), '--home', home],
      { encoding: 'utf8', timeout: 30_000 },
    );
    expect(refused.status).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/^archivist show: [^\n]*<!DOCTYPE[^\n]*\n$/);
  }, 60_000);
});
