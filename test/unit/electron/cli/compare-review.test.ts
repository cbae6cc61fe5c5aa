/**
 * Findings of a new user's review of `archivist compare` (issue 7): the document type's ignore
 * profile is used when none is named (E), the text summary says what it counts (F), and the
 * messages for a stray operand, an empty document and a folder given as --ignore (G).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeXmlWorkers } from '../../../../electron/services/xml';
import { runArchivist } from '../../support/run-cli';
import { corpusDir, corpusNote, hasCorpus } from '../../shared/support/corpus';

const work = mkdtempSync(join(tmpdir(), 'archivist-compare-review-'));
afterAll(async () => {
  await closeXmlWorkers();
  rmSync(work, { recursive: true, force: true });
});
let count = 0;
const home = () => join(work, `home-${count++}`);

const prescriptionCode =
  '<code code="1" codeSystem="1.2.246.537.5.40105.2006" displayName="Lääkemääräys"/>';
/** A small CDA with a section whose id differs between versions, as a prescription's does. */
const cda = (code: string, sectionId: string, title = 'Lääke') =>
  [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<ClinicalDocument xmlns="urn:hl7-org:v3">',
    '  <id root="1.2.246.10.1"/>',
    `  ${code}`,
    `  <title>${title}</title>`,
    '  <component><structuredBody><component><section>',
    `    <id root="${sectionId}"/>`,
    '    <title>Lääkemääräys</title>',
    '  </section></component></structuredBody></component>',
    '</ClinicalDocument>',
  ].join('\n');

function file(name: string, text: string): string {
  const path = join(work, name);
  writeFileSync(path, text);
  return path;
}

async function profileUsed(left: string, right: string, ...extra: string[]) {
  const run = await runArchivist(['compare', left, right, '--json', '--home', home(), ...extra]);
  expect(run.stderr).toBe('');
  const { report } = JSON.parse(run.stdout) as {
    report: { profile: { id: string }; shownDifferences: number };
  };
  return report;
}

describe('compare picks the document type profile when none is named (E)', () => {
  const v1 = file('rx-1.xml', cda(prescriptionCode, '1.2.3.1'));
  const v2 = file('rx-2.xml', cda(prescriptionCode, '1.2.3.2'));
  const other = file('other.xml', cda('<code code="x" codeSystem="1.2.3.4.5"/>', '1.2.3.2'));

  it('uses prescription for two prescriptions, and says so in text and JSON', async () => {
    const report = await profileUsed(v1, v2);
    expect(report).toMatchObject({ profile: { id: 'prescription' }, shownDifferences: 0 });
    const text = await runArchivist(['compare', v1, v2, '--home', home()]);
    expect(text.stdout).toMatch(/^ignore profile: prescription \(sha256 [0-9a-f]{64}\)$/m);
  });

  it('uses default for sides of different types, and what --ignore names always', async () => {
    expect((await profileUsed(v1, other)).profile.id).toBe('default');
    const named = await profileUsed(v1, v2, '--ignore', 'default');
    expect(named).toMatchObject({ profile: { id: 'default' }, shownDifferences: 1 });
    expect((await profileUsed(v1, v2, '--ignore', 'none')).profile.id).toBe('none');
  });
});

/** The "different" line the text output should print, from the counts of the JSON report. */
async function expectedSummary(left: string, right: string): Promise<string> {
  const run = await runArchivist(['compare', left, right, '--json', '--home', home()]);
  const { report } = JSON.parse(run.stdout) as {
    report: { metadataChanges: unknown[]; changes: unknown[]; shownDifferences: number };
  };
  const metadata = report.metadataChanges.length;
  const content = report.shownDifferences - metadata;
  const items = report.changes.length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `different: ${plural(metadata, 'metadata change')} and ${plural(content, 'content change')} shown (${plural(items, 'item')} in the change list), 0 hidden by the profile`;
}

describe('compare text summary (F)', () => {
  it('counts metadata and content changes in words, and the change list items', async () => {
    const left = file('f-left.xml', cda('', '1.2.3.1', 'Vanha'));
    const right = file('f-right.xml', cda('', '1.2.3.1', 'Uusi'));
    const line = await expectedSummary(left, right);
    expect(line).toBe(
      'different: 1 metadata change and 1 content change shown (1 item in the change list), 0 hidden by the profile',
    );
    const run = await runArchivist(['compare', left, right, '--home', home()]);
    expect(run.stdout.split('\n')).toContain(line);
  });

  it.skipIf(!hasCorpus)(`says the LM4 pair's change list has more items${corpusNote}`, async () => {
    const left = join(corpusDir, 'kanta-cda-api', 'LM4_perusvoide_kokonaismaaralla.xml');
    const right = join(
      corpusDir,
      'kanta-cda-api',
      'LM4_perusvoide_kokonaismaaralla_ei_nayttomuotoa.xml',
    );
    const line = await expectedSummary(left, right);
    const run = await runArchivist(['compare', left, right, '--home', home()]);
    expect(run.stdout.split('\n')).toContain(line);
    const items = /\((\d+) items in the change list\)/.exec(line)?.[1];
    const shown = /(\d+) metadata change.* and (\d+) content/.exec(line);
    expect(Number(items)).toBeGreaterThan(Number(shown?.[1]) + Number(shown?.[2]));
  });
});

describe('compare messages (G)', () => {
  const doc = file('g.xml', cda('', '1.2.3.1'));

  it('ends the stray operand sentence with a full stop', async () => {
    const run = await runArchivist(['compare', doc, doc, 'extra.xml', '--home', home()]);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe('archivist compare: Unexpected argument: extra.xml.');
  });

  it('names the empty side once, without a capital after a colon', async () => {
    const empty = file('empty.xml', '');
    const run = await runArchivist(['compare', doc, empty, '--home', home()]);
    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(run.stderr).toBe(
      `archivist compare: The right document (${empty}) is empty (0 bytes).\n`,
    );
  });

  it('says in one sentence which document is of a kind it cannot read', async () => {
    const other = file('other-root.xml', '<foo/>');
    const run = await runArchivist(['compare', other, doc, '--home', home()]);
    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(run.stderr).toBe(
      `archivist compare: The left document (${other}) is not one Archivist can read: the root element is <foo> in no namespace. Expected a CDA ClinicalDocument, an HL7 V3 RCMR archive message or a FHIR DocumentReference.\n`,
    );
  });

  it('says a folder given as --ignore is a folder, not a profile file', async () => {
    const folder = join(work, 'profiles');
    mkdirSync(folder);
    for (const format of ['text', 'unified']) {
      const run = await runArchivist([
        'compare',
        doc,
        doc,
        '--ignore',
        folder,
        '--format',
        format,
        '--home',
        home(),
      ]);
      expect(run).toMatchObject({ code: 1, stdout: '' });
      expect(run.stderr).toBe(
        `archivist compare: The ignore profile ${folder} is a folder, not a profile file: give a JSON file or a shipped profile's id.\n`,
      );
    }
  });
});

describe('an ignore profile file with several mistakes', () => {
  it('names all of them in one line: no title, a misspelt model field, no reason', async () => {
    const doc = file('h.xml', cda('', '1.2.3.1'));
    const profile = file(
      'mistakes.json',
      JSON.stringify({
        id: 'mistakes',
        rules: [
          { id: 'title', target: 'model', pattern: 'titel', reason: 'Free text.' },
          { id: 'copy', target: 'model', pattern: 'copyTime' },
        ],
      }),
    );
    const run = await runArchivist(['compare', doc, doc, '--ignore', profile, '--home', home()]);
    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(run.stderr).toBe(
      `archivist compare: The ignore profile ${profile} is not valid: "title" is required; rule "title" starts with "titel", which is no field of the document model (did you mean "title"?); rule "copy" needs a "reason" a tester can read.\n`,
    );
  });
});

describe("the README's ignore profile example (D)", () => {
  it.skipIf(!hasCorpus)(`hides on the corpus pair what the README says${corpusNote}`, async () => {
    const readme = readFileSync(join(import.meta.dirname, '../../../../README.md'), 'utf8');
    const profile = /A profile of your own, `my-team\.json`:\n\n```json\n([^]*?)```/.exec(readme);
    const lines = /after the default's rules:\n\n```\n([^]*?)```/.exec(readme);
    expect(profile?.[1]).toBeDefined();
    expect(lines?.[1]).toBeDefined();
    const own = file('my-team.json', profile![1]!);
    const kanta = (name: string) => join(corpusDir, 'kanta-cda-api', name);
    const run = await runArchivist([
      'compare',
      kanta('Esko__4_Renitec_LM.xml'),
      kanta('Esko__4_Renitec_KOR.xml'),
      '--ignore',
      own,
      '--home',
      home(),
    ]);
    expect(run.code).toBe(0);
    const shown = lines![1]!.trimEnd().split('\n');
    expect(shown).toHaveLength(2);
    for (const line of shown) expect(run.stdout.split('\n')).toContain(line);
  });
});
