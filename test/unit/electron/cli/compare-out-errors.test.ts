/**
 * `compare --out` that cannot be written (issue 8, F2), on the bundled command line in real
 * processes: exit 1, nothing on stdout, and one line on stderr that says why in words (it read
 * `(ENOENT)`, `(EISDIR)` and `(ENOSPC)`), naming the file as it was typed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
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

  it('still writes a file that can be written (the same run, another --out)', () => {
    const run = compareTo('report.html', 'html');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(existsSync(join(work, 'report.html'))).toBe(true);
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
