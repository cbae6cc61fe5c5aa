/**
 * `compare --out` that cannot be written (issue 8, F2), on the bundled command line in real
 * processes: exit 1, nothing on stdout, and one line on stderr that says why in words (it read
 * `(ENOENT)`, `(EISDIR)` and `(ENOSPC)`), naming the file as it was typed.
 */
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleCli } from '../../../bench/bundle-cli';

const work = mkdtempSync(join(tmpdir(), 'archivist-compare-out-'));
// Two sides that differ: an empty patch is zero bytes, which even a full disk takes.
const left = join(work, 'left.xml');
const right = join(work, 'right.xml');
const cda = (title: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<ClinicalDocument xmlns="urn:hl7-org:v3">\n  <id root="1.2.246.10.1"/>\n  <title>${title}</title>\n</ClinicalDocument>\n`;
writeFileSync(left, cda('Lääkemääräys'));
writeFileSync(right, cda('Korjaus'));
let cli = '';
let homes = 0;

beforeAll(async () => {
  cli = await bundleCli(join(work, 'install'));
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs the bundled `archivist compare left.xml right.xml`, writing to `out`. */
function compareTo(out: string, format: string) {
  const home = join(work, `home-${homes++}`);
  mkdirSync(home);
  const result = spawnSync(
    process.execPath,
    [cli, 'compare', left, right, '--format', format, '--out', out],
    {
      env: { ...process.env, ARCHIVIST_HOME: home, ARCHIVIST_CODE_CACHE: 'off' },
      cwd: work,
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('compare --out that cannot be written', () => {
  const cases: [string, string, string][] = [
    ['a folder that does not exist', join('no-folder', 'report.html'), 'the folder does not exist'],
    ['a folder', '.', 'it is a folder'],
  ];
  if (existsSync('/dev/full'))
    cases.push(['a full disk', '/dev/full', 'no space left on the disk']);
  if (existsSync('/proc/self'))
    cases.push([
      'a folder that takes no files',
      '/proc/x',
      'no file can be created in that folder',
    ]);

  for (const format of ['html', 'unified']) {
    it.each(cases)(
      `--format ${format} to %s: one line in words, exit 1`,
      (_name, out, words) => {
        const run = compareTo(out, format);
        expect(run.stderr).toBe(`archivist compare: Could not write ${out} (${words}).\n`);
        expect(run.stdout).toBe('');
        expect(run.code).toBe(1);
      },
      60_000,
    );
  }

  it('refuses a missing folder before anything is read or recorded', () => {
    const run = compareTo(join('no-folder', 'report.html'), 'html');
    expect(run.code).toBe(1);
    const home = join(work, `home-${homes - 1}`);
    expect(readdirSync(home)).toEqual([]);
  }, 60_000);

  it('still writes a file that can be written (the same run, another --out)', () => {
    const run = compareTo('report.html', 'html');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(existsSync(join(work, 'report.html'))).toBe(true);
  }, 60_000);
});

const hasBash = spawnSync('bash', ['-c', 'ulimit -f 64']).status === 0;

/** Runs the bundled command in bash with a file size limit (a disk that fills up mid-write). */
function runWithFileLimit(kb: number, args: string, home: string) {
  const result = spawnSync(
    'bash',
    ['-c', `ulimit -f ${kb}; exec "$0" "$1" ${args}`, process.execPath, cli],
    {
      env: { ...process.env, ARCHIVIST_HOME: home, ARCHIVIST_CODE_CACHE: 'off' },
      cwd: work,
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe.skipIf(!hasBash)('a disk that fills up while the output is written', () => {
  // A pair whose report (about 400 KB) is far more than the limit; the journal stays below it.
  const big = (word: string) =>
    cda(word).replace(
      '</ClinicalDocument>',
      `${Array.from({ length: 3000 }, (_, n) => `  <text>${word} ${n}</text>\n`).join('')}</ClinicalDocument>`,
    );
  beforeAll(() => {
    writeFileSync(join(work, 'big-left.xml'), big('vasen'));
    writeFileSync(join(work, 'big-right.xml'), big('oikea'));
  });

  it('--out: leaves the previous file whole and no temporary file, records a failed export', () => {
    const home = join(work, `home-${homes++}`);
    mkdirSync(home);
    mkdirSync(join(work, 'limited'));
    writeFileSync(join(work, 'limited', 'report.json'), 'the previous report');
    const run = runWithFileLimit(
      64,
      'compare big-left.xml big-right.xml --format json --out limited/report.json',
      home,
    );
    expect(run.stderr).toBe(
      'archivist compare: Could not write limited/report.json (the file is too large).\n',
    );
    expect(run.code).toBe(1);
    expect(readFileSync(join(work, 'limited', 'report.json'), 'utf8')).toBe('the previous report');
    expect(readdirSync(join(work, 'limited'))).toEqual(['report.json']);
    expect(exportOutcomes(home)).toEqual(['0', '8']);
  }, 60_000);

  it('stdout redirected to a file: exit 1 and one line, not a cut-off output and exit 0, a failed export recorded', () => {
    const home = join(work, `home-${homes++}`);
    mkdirSync(home);
    const run = runWithFileLimit(
      64,
      'compare big-left.xml big-right.xml --format json > stdout.json',
      home,
    );
    expect(run.stderr).toBe(
      'archivist compare: Could not write the output (the file is too large).\n',
    );
    expect(run.code).toBe(1);
    expect(exportOutcomes(home)).toEqual(['0', '8']);
  }, 60_000);
});

/** The outcomes of the export records in `home`'s journal, oldest first. */
function exportOutcomes(home: string): string[] {
  const audit = spawnSync(process.execPath, [cli, 'audit', 'list', '--json'], {
    env: { ...process.env, ARCHIVIST_HOME: home, ARCHIVIST_CODE_CACHE: 'off' },
    encoding: 'utf8',
  });
  type Listed = { event: { action: string; outcome: string; outcomeDesc?: string } };
  return (JSON.parse(audit.stdout) as Listed[])
    .filter(({ event }) => event.action === 'E')
    .map(({ event }) => event.outcome);
}

// /dev/full is no regular file: stdout is a stream there, whose failed write is told a tick later.
describe.skipIf(!existsSync('/dev/full'))('a report to stdout on a full device', () => {
  it.each(['json', 'csv'])(
    '--format %s: one line, exit 1, a failed export recorded',
    (format) => {
      const home = join(work, `home-${homes++}`);
      mkdirSync(home);
      const output = openSync('/dev/full', 'w');
      try {
        const result = spawnSync(
          process.execPath,
          [cli, 'compare', left, right, '--format', format],
          {
            env: { ...process.env, ARCHIVIST_HOME: home, ARCHIVIST_CODE_CACHE: 'off' },
            cwd: work,
            stdio: ['ignore', output, 'pipe'],
            encoding: 'utf8',
            timeout: 60_000,
          },
        );
        expect(result.stderr).toBe(
          'archivist compare: Could not write the output (no space left on device).\n',
        );
        expect(result.status).toBe(1);
      } finally {
        closeSync(output);
      }
      expect(exportOutcomes(home)).toEqual(['0', '8']);
    },
    60_000,
  );
});

describe('--out - and an empty --out', () => {
  it('--out - writes to stdout', () => {
    const run = compareTo('-', 'unified');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('+  <title>Korjaus</title>');
    expect(existsSync(join(work, '-'))).toBe(false);
  }, 60_000);

  it('an empty --out is a usage error (exit 2), not "could not write"', () => {
    const run = compareTo('', 'html');
    expect(run.stderr).toContain('--out needs a file name');
    expect(run.code).toBe(2);
  }, 60_000);
});

describe('an installation without resources/', () => {
  it('refuses an HTML report in one line naming the stylesheet and where it looked', async () => {
    const bare = join(work, 'bare');
    const entry = await bundleCli(bare);
    unlinkSync(join(bare, 'resources'));
    const home = join(work, 'home-bare');
    mkdirSync(home);
    const run = spawnSync(
      process.execPath,
      [entry, 'compare', left, right, '--format', 'html', '--out', 'bare.html'],
      {
        env: { ...process.env, ARCHIVIST_HOME: home, ARCHIVIST_CODE_CACHE: 'off' },
        cwd: work,
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(run.stderr).toBe(
      `archivist compare: The report stylesheet ${join('resources', 'report', 'report.css')} was not found beside Archivist (looked in ${join(bare, 'dist', 'cli')} and the 5 folders above it); reinstall Archivist.\n`,
    );
    expect(run.status).toBe(1);
    expect(existsSync(join(work, 'bare.html'))).toBe(false);
  }, 120_000);
});
