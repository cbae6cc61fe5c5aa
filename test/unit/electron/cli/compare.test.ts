import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeXmlWorkers } from '../../../../electron/services/xml';
import { runCli } from '../../../../electron/cli/run-cli';
import { runArchivist } from '../../support/run-cli';
import { corpusDir, corpusNote, hasCorpus } from '../../shared/support/corpus';

const work = mkdtempSync(join(tmpdir(), 'archivist-compare-cli-'));
afterAll(async () => {
  await closeXmlWorkers();
  rmSync(work, { recursive: true, force: true });
});

let homes = 0;
const freshHome = () => join(work, `home-${homes++}`);
const kanta = (name: string) => join(corpusDir, 'kanta-cda-api', name);

const cda = (title: string, eol = '\n') =>
  [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<ClinicalDocument xmlns="urn:hl7-org:v3">',
    '  <id root="1.2.246.10.1"/>',
    `  <title>${title}</title>`,
    '</ClinicalDocument>',
  ].join(eol);

function file(name: string, text: string): string {
  const path = join(work, name);
  writeFileSync(path, text);
  return path;
}

describe('archivist compare', () => {
  it.skipIf(!hasCorpus)(
    `names the dosage text change of LM → KOR and audits both reads${corpusNote}`,
    async () => {
      const home = freshHome();
      const run = await runArchivist([
        'compare',
        kanta('Esko__4_Renitec_LM.xml'),
        kanta('Esko__4_Renitec_KOR.xml'),
        '--home',
        home,
      ]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(
        'entry Annososio ja jatko-osiot: text changed from "1 tabletti aamuisin." to "1 tabletti aamuisin (one tablet every morning)."',
      );
      expect(run.stdout).toContain(
        'Author 2 added: "Korjaaja (KOR), lääkärin tutkinto (76111), Inkeri Backman Tes"',
      );
      const audit = await runArchivist(['audit', 'list', '--json', '--home', home]);
      const records = JSON.parse(audit.stdout) as {
        event: { action: string; entity: { what: { identifier?: { value: string } } }[] };
      }[];
      expect(records.map((record) => record.event.action)).toEqual(['R', 'R']);
      const ids = records.map((record) =>
        record.event.entity.map((entity) => entity.what.identifier?.value),
      );
      expect(ids).toEqual([
        ['231069-9711', '1.2.246.10.6794809.93001.2015.413'],
        ['231069-9711', '1.2.246.10.6794809.93001.2015.415'],
      ]);
    },
  );

  it.skipIf(!hasCorpus)(
    `names the added invalidation reasons of KOR → MIT in JSON${corpusNote}`,
    async () => {
      const run = await runArchivist([
        'compare',
        kanta('Esko__4_Renitec_KOR.xml'),
        kanta('Esko__4_Renitec_MIT.xml'),
        '--json',
        '--home',
        freshHome(),
      ]);
      expect(run.code).toBe(0);
      const { report: result } = JSON.parse(run.stdout) as {
        report: {
          identical: boolean;
          profile: { id: string; sha256: string };
          changes: { group: string; kind: string; entry?: string; text: string }[];
          hidden: {
            byRule: { rule: string; metadata: number; content: number; changeList: number }[];
            changes: { area: string }[];
          };
        };
      };
      expect(result.identical).toBe(false);
      expect(result.profile.id).toBe('prescription'); // both are prescriptions: their profile
      expect(result.profile.sha256).toMatch(/^[0-9a-f]{64}$/);
      const reasons = result.changes.filter(
        (item) =>
          item.group === 'entry' &&
          item.kind === 'added' &&
          item.text.includes('Lääkemääräyksen mitätöinnin syy tekstinä'),
      );
      expect(reasons.map((item) => item.text)).toContain(
        'section Lääkemääräyksen mitätöinti › #1 › #1, entry Lääkemääräyksen mitätöinnin muut tiedot: observation "Lääkemääräyksen mitätöinnin syy tekstinä" (code 95) Lääkkeen haittavaikutus (3), "lääkeaineallergia" added',
      );
      expect(
        result.hidden.byRule.find((rule) => rule.rule === 'signatures')?.metadata,
      ).toBeGreaterThan(0);
      expect(result.hidden.changes.filter((change) => change.area === 'change list').length).toBe(
        result.hidden.byRule.reduce((total, rule) => total + rule.changeList, 0),
      );
      expect(result.hidden.changes.length).toBeGreaterThan(0);
    },
  );

  it.skipIf(!hasCorpus)(
    `reveals with --ignore none exactly what the profile hid${corpusNote}`,
    async () => {
      const args = [
        'compare',
        kanta('Esko__4_Renitec_LM.xml'),
        kanta('Esko__4_Renitec_KOR.xml'),
        '--json',
        '--home',
        freshHome(),
      ];
      type Counts = {
        report: {
          shownDifferences: number;
          hidden: { metadata: number; content: number; changes: { area: string }[] };
        };
      };
      const filtered = (
        JSON.parse((await runArchivist([...args, '--ignore', 'prescription'])).stdout) as Counts
      ).report;
      const all = (JSON.parse((await runArchivist([...args, '--ignore', 'none'])).stdout) as Counts)
        .report;
      const hidden = filtered.hidden.metadata + filtered.hidden.content;
      expect(hidden).toBeGreaterThan(0);
      expect(filtered.hidden.changes.filter((change) => change.area !== 'change list').length).toBe(
        hidden,
      );
      expect(all.shownDifferences).toBe(filtered.shownDifferences + hidden);
      expect(all.hidden.changes).toEqual([]);
    },
  );

  it('says identical for a document against itself', async () => {
    const path = file('same.xml', cda('A'));
    const run = await runArchivist(['compare', path, path, '--json', '--home', freshHome()]);
    expect(JSON.parse(run.stdout)).toMatchObject({
      schemaVersion: 1,
      report: { identical: true, shownDifferences: 0 },
    });
    const text = await runArchivist(['compare', path, path, '--home', freshHome()]);
    expect(text.stdout).toContain('identical: no differences in metadata or content');
  });

  const hasGit = spawnSync('git', ['--version']).status === 0;
  const hasPatch = spawnSync('patch', ['--version']).status === 0;
  const pairs: [string, () => [string, string]][] = [
    ['CRLF files', () => [cda('A', '\r\n') + '\r\n', cda('B', '\r\n') + '\r\n']],
    ['no final newline', () => [cda('A'), `${cda('B')}\n`]],
    ...(hasCorpus
      ? ([
          [
            'the real LM → KOR pair',
            () => [
              readFileSync(kanta('Esko__4_Renitec_LM.xml'), 'utf8'),
              readFileSync(kanta('Esko__4_Renitec_KOR.xml'), 'utf8'),
            ],
          ],
          [
            'the CRLF all-fields example against an edit',
            () => {
              const text = readFileSync(
                kanta('ESIM lääkemääräys_laaja_kaikki_tietokentat.xml'),
                'utf8',
              );
              return [text, text.replace('<title>', '<title>Muutettu ').trimEnd()];
            },
          ],
        ] as [string, () => [string, string]][])
      : []),
  ];
  for (const [what, make] of pairs) {
    it.skipIf(!hasGit || !hasPatch)(
      `writes a unified patch that git apply and patch turn into the right file: ${what}`,
      async () => {
        const [leftText, rightText] = make();
        const dir = join(work, `unified-${homes++}`);
        mkdirSync(dir);
        const left = join(dir, 'left document.xml');
        writeFileSync(left, leftText);
        const right = join(dir, 'right.xml');
        writeFileSync(right, rightText);
        // Run in the files' folder, where the patch's headers name them (left document.xml).
        let output = '';
        const code = await runCli(
          [
            'compare',
            'left document.xml',
            'right.xml',
            '--format',
            'unified',
            '--out',
            'fix.patch',
          ],
          {
            stdout: (text) => (output += text),
            stderr: (text) => (output += text),
            env: { ARCHIVIST_HOME: freshHome() },
            cwd: dir,
            isStderrTty: false,
          },
        );
        expect(code).toBe(0);
        expect(output).toBe('');
        copyFileSync(left, join(dir, 'original.xml'));
        const git = spawnSync('git', ['apply', '--whitespace=nowarn', 'fix.patch'], { cwd: dir });
        expect(String(git.stderr)).toBe('');
        expect(readFileSync(left)).toEqual(readFileSync(right));
        copyFileSync(join(dir, 'original.xml'), left);
        const patch = spawnSync('patch', ['--quiet', '-p1', '-i', 'fix.patch'], { cwd: dir });
        expect(patch.status).toBe(0);
        expect(readFileSync(left)).toEqual(readFileSync(right));
      },
    );
  }

  it('refuses a malformed document with one line and exit 1', async () => {
    const good = file('good.xml', cda('A'));
    const bad = file(
      'bad.xml',
      '<ClinicalDocument xmlns="urn:hl7-org:v3"><title>x</ClinicalDocument>',
    );
    const run = await runArchivist(['compare', good, bad, '--home', freshHome()]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr.startsWith(`archivist compare: The right document (${bad}): `)).toBe(true);
  });

  it('refuses a missing file with exit 1', async () => {
    const run = await runArchivist([
      'compare',
      join(work, 'nope.xml'),
      join(work, 'nope.xml'),
      '--home',
      freshHome(),
    ]);
    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(run.stderr).toBe(
      `archivist compare: Could not read ${join(work, 'nope.xml')} (no such file).\n`,
    );
  });

  it('prints nothing when the audit journal cannot be written', async () => {
    const path = file('audited.xml', cda('A'));
    const homeIsAFile = file('not-a-folder', 'x');
    const run = await runArchivist(['compare', path, path, '--home', homeIsAFile]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('rejects a malformed environment reference, a third operand and unknown formats with exit 2', async () => {
    const path = file('usage.xml', cda('A'));
    for (const args of [
      ['env:AT', path],
      [path],
      [path, path, path],
      [path, path, '--format', 'docx'],
      [path, path, '--format', 'unified', '--redact'],
      [path, path, '--format', 'pdf'],
      [path, path, '--without-sources'],
    ]) {
      const run = await runArchivist(['compare', ...args, '--home', freshHome()]);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
    }
    const env = await runArchivist(['compare', 'env:AT', path]);
    expect(env.stderr).toContain('an environment reference is env:NAME:<document id>');
  });

  it("validates a tester's own profile file and uses it", async () => {
    const left = file('own-left.xml', cda('A'));
    const right = file('own-right.xml', cda('B'));
    const broken = file(
      'broken-profile.json',
      JSON.stringify({
        id: 'mine',
        title: 'Mine',
        rules: [{ id: 'x', target: 'model', pattern: 'title' }],
      }),
    );
    const refused = await runArchivist([
      'compare',
      left,
      right,
      '--ignore',
      broken,
      '--home',
      freshHome(),
    ]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('rule "x" needs a "reason" a tester can read');
    const own = file(
      'own-profile.json',
      JSON.stringify({
        id: 'mine',
        title: 'Mine',
        extends: 'default',
        rules: [
          { id: 'title', target: 'model', pattern: 'title', reason: 'Titles are free text here.' },
          {
            id: 'title-xml',
            target: 'canonical',
            pattern: '/ClinicalDocument/title',
            reason: 'Titles are free text here.',
          },
        ],
      }),
    );
    const run = await runArchivist([
      'compare',
      left,
      right,
      '--ignore',
      own,
      '--json',
      '--home',
      freshHome(),
    ]);
    expect(run.code).toBe(0);
    const { report: result } = JSON.parse(run.stdout) as {
      report: {
        shownDifferences: number;
        identical: boolean;
        hidden: { byRule: { rule: string }[] };
        profile: { id: string };
      };
    };
    expect(result).toMatchObject({
      identical: false,
      shownDifferences: 0,
      profile: { id: 'mine' },
    });
    expect(result.hidden.byRule.map((rule) => rule.rule)).toEqual(['title', 'title-xml']);
  });
});
