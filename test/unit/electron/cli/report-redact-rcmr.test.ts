/**
 * `archivist compare a b --format html|json|csv|pdf|text --redact` on an HL7 V3 RCMR pair (issue 8):
 * two archive messages generated around real corpus CDAs (a prescription and its correction),
 * whose wrappers repeat the patient and name a sender of their own. The content diff shows the
 * CDA decoded from the message's Base64, so the redacted report must mask the codes and names
 * found there as well as those of the wrapper, with one mask per value.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../../../electron/services/report/pdf-printer';
import { closeXmlWorkers } from '../../../../electron/services/xml';
import { runArchivist } from '../../support/run-cli';
import { rcmrAround, wrapperOnly } from '../../shared/report/rcmr-corpus-pair';
import {
  decodedBase64Runs,
  leaksIn,
  secretsOfXml,
  type Secrets,
} from '../../shared/report/rcmr-secrets';
import { corpusBytes, corpusNote, hasCorpus } from '../../shared/support/corpus';
import { validateReport } from '../../../support/report-schema';

const work = mkdtempSync(join(tmpdir(), 'archivist-redact-rcmr-'));
afterAll(async () => {
  await closeXmlWorkers();
  rmSync(work, { recursive: true, force: true });
});
let homes = 0;
const freshHome = () => join(work, `home-${homes++}`);

const hasPdfTools = findChromium() !== undefined && spawnSync('pdftotext', ['-v']).status === 0;

/**
 * Two corpus pairs around one patient each: a prescription and its correction (a corrector only in
 * v2; "Backman" and "Talvinen" alone are body-only names, shown alone in word diffs), and a
 * prescription against a dispensation record whose performer "Olli Opiskelija" is named only in
 * the body (shown in whole changed lines).
 */
const pairs = {
  correction: {
    files: ['kanta-cda-api/Esko__4_Renitec_LM.xml', 'kanta-cda-api/Esko__4_Renitec_KOR.xml'],
    patient: { hetu: '231069-9711', given: ['ARTO', 'ALVAR'], family: 'MÄNNIKKÖ' },
    bodyOnly: ['Backman', 'Talvinen'],
  },
  dispensation: {
    files: [
      'kanta-cda-api/LM4_perusvoide_kokonaismaaralla.xml',
      'kanta-cda-api/LT1_testiasiakirja_toimitus.xml',
    ],
    patient: { hetu: '030875-999Y', given: ['Pekka', 'Pietari'], family: 'Potilas' },
    bodyOnly: ['Opiskelija', 'Olli'],
  },
} as const;
type PairName = keyof typeof pairs;

function pair(name: PairName = 'correction'): { left: string; right: string; secrets: Secrets } {
  const { files, patient } = pairs[name];
  const [leftCda, rightCda] = files.map((file) => corpusBytes(file));
  const leftMessage = rcmrAround(leftCda!, patient, '1');
  const rightMessage = rcmrAround(rightCda!, patient, '2');
  const left = join(work, `${name}-left-rcmr.xml`);
  const right = join(work, `${name}-right-rcmr.xml`);
  writeFileSync(left, leftMessage);
  writeFileSync(right, rightMessage);
  const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
  const secrets = secretsOfXml(leftMessage, rightMessage, decode(leftCda!), decode(rightCda!));
  return { left, right, secrets };
}

async function compare(left: string, right: string, format: string, ...more: string[]) {
  const out = join(work, `report-${homes}.${format}`);
  const run = await runArchivist([
    'compare',
    left,
    right,
    '--format',
    format,
    '--out',
    out,
    '--home',
    freshHome(),
    ...more,
  ]);
  expect(run, run.stderr).toMatchObject({ code: 0, stderr: '' });
  return readFileSync(out);
}

/** The leaks in a report's text and in anything Base64 in it, decoded. */
function leaks(text: string, secrets: Secrets): string[] {
  return [
    ...leaksIn(text, secrets),
    ...decodedBase64Runs(text).flatMap((t) => leaksIn(t, secrets)),
  ];
}

describe.skipIf(!hasCorpus)(`compare --redact on an RCMR pair${corpusNote}`, () => {
  it.each(Object.keys(pairs) as PairName[])(
    'the secrets are real (%s): body names, the wrapper and the codes; an unredacted report shows them',
    async (name) => {
      const { left, right, secrets } = pair(name);
      const { bodyOnly, patient } = pairs[name];
      for (const found of [...bodyOnly, patient.family, wrapperOnly.senderFamily])
        expect(secrets.names).toContain(found);
      for (const code of [patient.hetu, wrapperOnly.informantCode, wrapperOnly.temporaryId])
        expect(secrets.codes).toContain(code);
      const plain = (await compare(left, right, 'json')).toString('utf8');
      expect(leaksIn(plain, secrets)).toEqual(expect.arrayContaining([bodyOnly[0], patient.hetu]));
    },
    120_000,
  );

  it.each(
    (Object.keys(pairs) as PairName[]).flatMap((name) =>
      ['html', 'json', 'csv', 'text'].map((format) => [format, name] as const),
    ),
  )(
    'a redacted %s report (%s) holds none of the codes or names of the wrapper or of the CDA it carries',
    async (format, name) => {
      const { left, right, secrets } = pair(name);
      const text = (await compare(left, right, format, '--redact')).toString('utf8');
      expect(text).toMatch(/NAME-\d+/);
      expect(leaks(text, secrets)).toEqual([]);
    },
    120_000,
  );

  it('the first page says what is masked, including an RCMR message and the CDA inside it, and what is not', async () => {
    const { left, right } = pair();
    const html = (await compare(left, right, 'html', '--redact')).toString('utf8');
    const banner = /<p class="banner" id="redacted">([\s\S]*?)<\/p>/.exec(html)?.[1] ?? '';
    expect(banner).toContain('REDACTED REPORT');
    expect(banner).toMatch(/RCMR[^.]*wrapper[^.]*CDA it carries/);
    expect(banner).toContain('free text, with no structured name');
    const parsed: unknown = JSON.parse(
      (await compare(left, right, 'json', '--redact')).toString('utf8'),
    );
    // Word diffs made again from masked lines keep the published shape.
    expect(validateReport(parsed), JSON.stringify(validateReport.errors)).toBe(true);
    const json = parsed as {
      report: { redaction: { limitation: string }; documents: Record<string, { patient: string }> };
    };
    expect(banner).toContain(json.report.redaction.limitation.slice(0, 60));
    // One mask per value, in every format: the patient of both messages is the same mask.
    const mask = json.report.documents.left!.patient;
    expect(mask).toMatch(/^HETU-\d+$/);
    expect(json.report.documents.right!.patient).toBe(mask);
    expect(html).toContain(mask);
  }, 120_000);

  it.skipIf(!hasPdfTools)(
    'a redacted PDF holds none of them either (needs chromium and pdftotext)',
    async () => {
      const { left, right, secrets } = pair('dispensation');
      const bytes = await compare(left, right, 'pdf', '--redact');
      const file = join(work, 'redacted-rcmr.pdf');
      writeFileSync(file, bytes);
      const text = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout;
      const firstPage = spawnSync('pdftotext', ['-l', '1', file, '-'], { encoding: 'utf8' }).stdout;
      expect(firstPage).toContain('REDACTED REPORT');
      expect(firstPage.replace(/\s+/g, ' ')).toMatch(/RCMR[^.]*wrapper[^.]*CDA it carries/);
      expect(leaks(text, secrets)).toEqual([]);
      expect(leaksIn(bytes.toString('latin1'), secrets)).toEqual([]);
    },
    180_000,
  );
});
