/**
 * `archivist compare A B --format unified > fix.patch` applied from the folder the command ran in
 * (issue 7, review finding A: the headers named only the left file's base name, so
 * `compare docs/sent.xml docs/stored.xml` gave a patch that `git apply` could not place). The
 * bundled command line runs in real processes; `git apply`, `patch -p1` and `patch FILE` apply
 * the patch, and the left file must then equal the right one byte for byte.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleCli } from '../../../bench/bundle-cli';

const work = mkdtempSync(join(tmpdir(), 'archivist-unified-paths-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let cli = '';
let count = 0;
beforeAll(async () => {
  cli = await bundleCli(join(work, 'install'));
}, 120_000);

const hasGit = spawnSync('git', ['--version']).status === 0;
const hasPatch = spawnSync('patch', ['--version']).status === 0;

const left =
  '<?xml version="1.0"?>\r\n<ClinicalDocument>\r\n  <title>Lääke</title>\r\n</ClinicalDocument>';
const right =
  '<?xml version="1.0"?>\r\n<ClinicalDocument>\r\n  <title>Lääke 2</title>\r\n</ClinicalDocument>\r\n';

/** A fresh project folder holding `leftPath` and `rightPath` (relative to it). */
function project(leftPath: string, rightPath: string): string {
  const dir = join(work, `project-${count++}`);
  for (const [file, text] of [
    [leftPath, left],
    [rightPath, right],
  ] as const) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  return dir;
}

/** The bundled `archivist compare <a> <b> --format unified`, run in `cwd`. */
function unified(cwd: string, a: string, b: string) {
  const result = spawnSync(process.execPath, [cli, 'compare', a, b, '--format', 'unified'], {
    cwd,
    env: {
      ...process.env,
      ARCHIVIST_HOME: join(work, `home-${count++}`),
      ARCHIVIST_CODE_CACHE: 'off',
    },
    timeout: 60_000,
  });
  return { code: result.status, patch: result.stdout, stderr: String(result.stderr) };
}

const tools: [string, boolean, (patch: string) => [string, string[]]][] = [
  ['git apply', hasGit, (patch) => ['git', ['apply', patch]]],
  ['patch -p1', hasPatch, (patch) => ['patch', ['--quiet', '-p1', '-i', patch]]],
];

describe('compare --format unified run from a parent folder', () => {
  const pairs: [string, string][] = [
    ['docs/left.xml', 'docs/right.xml'],
    ['my docs/vä sen "x".xml', 'other/right.xml'],
    ['./docs//left.xml', 'right.xml'],
  ];
  for (const [leftPath, rightPath] of pairs)
    for (const [tool, available, command] of tools)
      it.skipIf(!available)(`applies with ${tool}: ${leftPath} ${rightPath}`, () => {
        const dir = project(leftPath, rightPath);
        const run = unified(dir, leftPath, rightPath);
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
        writeFileSync(join(dir, 'fix.patch'), run.patch);
        const [program, args] = command('fix.patch');
        const applied = spawnSync(program, args, { cwd: dir, encoding: 'utf8' });
        expect(applied.stderr + applied.stdout).toBe('');
        expect(applied.status).toBe(0);
        expect(readFileSync(join(dir, leftPath))).toEqual(Buffer.from(right));
      });

  it.skipIf(!hasPatch)('applies with patch FILE, the left file named on its command line', () => {
    const dir = project('docs/left.xml', 'docs/right.xml');
    const run = unified(dir, 'docs/left.xml', 'docs/right.xml');
    expect(run.patch.toString('utf8')).toMatch(
      /^--- a\/docs\/left\.xml\t\n\+\+\+ b\/docs\/left\.xml\t\n/,
    );
    const applied = spawnSync('patch', ['--quiet', 'docs/left.xml'], {
      cwd: dir,
      input: run.patch,
    });
    expect(applied.status).toBe(0);
    expect(readFileSync(join(dir, 'docs', 'left.xml'))).toEqual(Buffer.from(right));
  });

  it.skipIf(!hasPatch)(
    'names an absolute left path as git does (no leading slash) and says how to apply it',
    () => {
      const dir = project('left.xml', 'right.xml');
      const absolute = join(dir, 'left.xml');
      const run = unified(work, absolute, join(dir, 'right.xml'));
      expect(run.code).toBe(0);
      expect(run.patch.toString('utf8')).toContain(`--- a${absolute}\t\n+++ b${absolute}\t\n`);
      expect(run.stderr).toBe(
        `archivist compare: The left file is given by its absolute path, which git apply and patch -p1 find only when run in /; here apply the patch with \`patch ${absolute} < PATCH\`.\n`,
      );
      const applied = spawnSync('patch', ['--quiet', absolute], { cwd: work, input: run.patch });
      expect(applied.status).toBe(0);
      expect(readFileSync(absolute)).toEqual(Buffer.from(right));
    },
  );

  it('says how to apply a patch whose left file is outside the folder', () => {
    const dir = project('docs/left.xml', 'docs/right.xml');
    const run = unified(join(dir, 'docs'), '../docs/left.xml', 'right.xml');
    expect(run.code).toBe(0);
    expect(run.patch.toString('utf8')).toMatch(/^--- a\/\.\.\/docs\/left\.xml\t\n/);
    expect(run.stderr).toBe(
      'archivist compare: The left file is outside this folder, which git apply and patch -p1 refuse; apply the patch with `patch ../docs/left.xml < PATCH`.\n',
    );
  });

  it('prints an empty patch and a note when the files are identical', () => {
    const dir = project('docs/left.xml', 'docs/right.xml');
    writeFileSync(join(dir, 'docs', 'right.xml'), left);
    const run = unified(dir, 'docs/left.xml', 'docs/right.xml');
    expect(run.code).toBe(0);
    expect(run.patch.byteLength).toBe(0);
    expect(run.stderr).toBe('archivist compare: The files are identical: the patch is empty.\n');
  });
});
