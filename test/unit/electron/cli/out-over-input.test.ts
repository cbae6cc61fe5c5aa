/**
 * An --out that names one of the command's inputs is refused before anything is read or written
 * (issue 7 review: `compare lmx.xml mitx.xml --out lmx.xml` replaced the left document and exited
 * 0). Real files: the input's bytes are compared afterwards, through symbolic and hard links and
 * a relative path against an absolute one.
 */
import {
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../../electron/cli/run-cli';
import { closeXmlWorkers } from '../../../../electron/services/xml';

const work = mkdtempSync(join(tmpdir(), 'archivist-out-over-input-'));
afterAll(async () => {
  await closeXmlWorkers();
  rmSync(work, { recursive: true, force: true });
});
let homes = 0;
const home = () => join(work, `home-${homes++}`);

const cda = (title: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<ClinicalDocument xmlns="urn:hl7-org:v3">\n  <id root="1.2.246.10.1"/>\n  <title>${title}</title>\n</ClinicalDocument>\n`;
const left = join(work, 'lmx.xml');
const right = join(work, 'mitx.xml');
writeFileSync(left, cda('Lääkemääräys'));
writeFileSync(right, cda('Mitätöinti'));
const leftBytes = readFileSync(left);
const rightBytes = readFileSync(right);

/** `archivist ARGS` run in `cwd` (the work folder unless given), as a user would see it. */
async function archivist(args: readonly string[], cwd = work) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    env: {},
    cwd,
    isStderrTty: false,
  });
  return { code, stdout, stderr };
}

function expectRefused(run: { code: number; stdout: string; stderr: string }, sentence: string) {
  expect(run.stderr.split('\n')[0]).toBe(`archivist ${sentence}`);
  expect(run).toMatchObject({ code: 2, stdout: '' });
}

function expectInputsUnchanged() {
  expect(readFileSync(left)).toEqual(leftBytes);
  expect(readFileSync(right)).toEqual(rightBytes);
}

describe('compare --out naming an input', () => {
  for (const format of ['text', 'unified', 'html', 'json']) {
    it(`refuses the left and the right document (--format ${format})`, async () => {
      for (const [side, name] of [
        ['left', 'lmx.xml'],
        ['right', 'mitx.xml'],
      ] as const) {
        const homeDir = home();
        const run = await archivist([
          'compare',
          'lmx.xml',
          'mitx.xml',
          '--format',
          format,
          '--out',
          name,
          '--home',
          homeDir,
        ]);
        expectRefused(
          run,
          `compare: --out names the ${side} document (${name}); choose another file.`,
        );
        // Refused before any read: not even the audit journal was created.
        expect(existsSync(join(homeDir, 'audit'))).toBe(false);
      }
      expectInputsUnchanged();
    });
  }

  it('catches ./x against x, and a relative path against an absolute one', async () => {
    expectRefused(
      await archivist(['compare', 'lmx.xml', right, '--out', './lmx.xml', '--home', home()]),
      'compare: --out names the left document (lmx.xml); choose another file.',
    );
    const sub = join(work, 'sub');
    mkdirSync(sub, { recursive: true });
    expectRefused(
      await archivist(['compare', left, right, '--out', '../mitx.xml', '--home', home()], sub),
      `compare: --out names the right document (${right}); choose another file.`,
    );
    expectInputsUnchanged();
  });

  it('catches a symbolic link and a hard link to an input', async () => {
    symlinkSync(left, join(work, 'symbolic.xml'));
    linkSync(right, join(work, 'hard.xml'));
    for (const [out, role, name] of [
      ['symbolic.xml', 'left', 'lmx.xml'],
      ['hard.xml', 'right', 'mitx.xml'],
    ] as const) {
      const run = await archivist([
        'compare',
        'lmx.xml',
        'mitx.xml',
        '--format',
        'unified',
        '--out',
        out,
        '--home',
        home(),
      ]);
      expectRefused(
        run,
        `compare: --out names the ${role} document (${name}); choose another file.`,
      );
    }
    expectInputsUnchanged();
  });

  it('refuses the ignore profile file as --out', async () => {
    const profile = join(work, 'mine.json');
    const text = JSON.stringify({ id: 'mine', title: 'Mine', rules: [] });
    writeFileSync(profile, text);
    const run = await archivist([
      'compare',
      'lmx.xml',
      'mitx.xml',
      '--ignore',
      'mine.json',
      '--out',
      profile,
      '--home',
      home(),
    ]);
    expectRefused(run, 'compare: --out names the ignore profile (mine.json); choose another file.');
    expect(readFileSync(profile, 'utf8')).toBe(text);
  });

  it('still writes an --out that is no input', async () => {
    const run = await archivist([
      'compare',
      'lmx.xml',
      'mitx.xml',
      '--out',
      'diff.txt',
      '--home',
      home(),
    ]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(readFileSync(join(work, 'diff.txt'), 'utf8')).toContain('Mitätöinti');
    expectInputsUnchanged();
  });
});

describe('--out inside the audit journal', () => {
  it('refuses audit export over a journal file and keeps it as it was', async () => {
    const homeDir = home();
    expect((await archivist(['compare', 'lmx.xml', 'mitx.xml', '--home', homeDir])).code).toBe(0);
    const journal = join(homeDir, 'audit', 'journal-1.jsonl');
    const before = readFileSync(journal);
    const run = await archivist([
      'audit',
      'export',
      '--format',
      'json',
      '--out',
      journal,
      '--home',
      homeDir,
    ]);
    expectRefused(
      run,
      `audit: --out is inside the audit journal's folder (${join(homeDir, 'audit')}); choose a file elsewhere.`,
    );
    expect(readFileSync(journal)).toEqual(before);
    const verified = await archivist(['audit', 'verify', '--home', homeDir]);
    expect(verified.code).toBe(0);
  });

  it('refuses compare --out over the journal that records its reads', async () => {
    const homeDir = home();
    expect((await archivist(['compare', 'lmx.xml', 'mitx.xml', '--home', homeDir])).code).toBe(0);
    const journal = join(homeDir, 'audit', 'journal-1.jsonl');
    const before = readFileSync(journal);
    const run = await archivist([
      'compare',
      'lmx.xml',
      'mitx.xml',
      '--out',
      journal,
      '--home',
      homeDir,
    ]);
    expectRefused(
      run,
      `compare: --out is inside the audit journal's folder (${join(homeDir, 'audit')}); choose a file elsewhere.`,
    );
    expect(readFileSync(journal)).toEqual(before);
  });
});
