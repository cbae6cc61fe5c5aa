/**
 * The launcher's V8 code cache (issue 7), on the real bundle in real processes: a cache is made
 * after the first successful run and used by the next; a damaged or foreign cache is rejected by
 * V8 and made again; a changed program gets its own cache; a folder that cannot be made, a full
 * disk (a file-size limit: the kernel fails the write part way) and a read-only install never
 * change what the command prints or its exit code; a missing program is one line on stderr.
 */
import { spawnSync } from 'node:child_process';
import {
  appendFileSync,
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unifiedPatch } from '../../../../shared/compare/unified-patch';
import { appVersion } from '../../../../electron/services/app-version';
import { bundleCli } from '../../../bench/bundle-cli';

const work = mkdtempSync(join(tmpdir(), 'archivist-code-cache-'));
let cli = '';
let count = 0;
const fresh = (what: string) => join(work, `${what}-${count++}`);

beforeAll(async () => {
  cli = await bundleCli(join(work, 'install'));
  writeFileSync(join(work, 'left.xml'), '<a>\n<b>1</b>\n<c/>\n</a>\n');
  writeFileSync(join(work, 'right.xml'), '<a>\n<b>2</b>\n<c/>\n</a>\n');
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs the bundled command with the cache in `cacheDir` and its trace line on stderr. */
function run(args: readonly string[], cacheDir: string, entry = cli, shell?: string) {
  const env = {
    ...process.env,
    ARCHIVIST_CODE_CACHE: cacheDir,
    ARCHIVIST_CODE_CACHE_TRACE: '1',
    ARCHIVIST_HOME: fresh('home'), // each run its own journal: the full-disk run needs a small one
  };
  const command = shell ? 'sh' : process.execPath;
  const argv = shell ? ['-c', `${shell}; exec "$0" "$@"`, process.execPath, entry, ...args] : [];
  const result = spawnSync(command, shell ? argv : [entry, ...args], {
    env,
    cwd: work,
    encoding: 'utf8',
    timeout: 60_000,
  });
  const trace = /^archivist: code cache (.*): (.*)$/m.exec(result.stderr);
  return {
    code: result.status,
    stdout: result.stdout,
    stderr: result.stderr.replace(/^archivist: code cache .*\n/m, ''),
    file: trace?.[1] ?? '',
    outcome: trace?.[2] ?? '',
  };
}

const unifiedArgs = ['compare', 'left.xml', 'right.xml', '--format', 'unified'];
const expectedPatch = () =>
  unifiedPatch(
    readFileSync(join(work, 'left.xml'), 'utf8'),
    readFileSync(join(work, 'right.xml'), 'utf8'),
    'left.xml',
  ).patch;

describe('the command line with a code cache', () => {
  it('makes a cache after the first run and uses it, unchanged, in the next', () => {
    const dir = fresh('cache');
    const first = run(unifiedArgs, dir);
    expect(first).toMatchObject({ code: 0, stderr: '', outcome: 'created' });
    expect(first.stdout).toBe(expectedPatch());
    expect(dirname(first.file)).toBe(dir);
    expect(first.file).toMatch(/-compare\.v8cache$/);
    const made = readFileSync(first.file);
    expect(made.length).toBeGreaterThan(1000);
    const second = run(unifiedArgs, dir);
    expect(second).toMatchObject({ code: 0, stderr: '', outcome: 'used', file: first.file });
    expect(second.stdout).toBe(first.stdout);
    expect(readFileSync(first.file).equals(made)).toBe(true);
    expect(readdirSync(dir)).toEqual([first.file.slice(dir.length + 1)]);
  });

  it('keeps one cache per command', () => {
    const dir = fresh('cache');
    const version = run(['--version'], dir);
    expect(version).toMatchObject({ code: 0, stdout: `${appVersion}\n`, outcome: 'created' });
    expect(version.file).toMatch(/-_\.v8cache$/);
    expect(run(unifiedArgs, dir).outcome).toBe('created');
    expect(run(['--version'], dir).outcome).toBe('used');
    expect(readdirSync(dir)).toHaveLength(2);
  });

  it('rejects a damaged cache and makes it again', () => {
    const dir = fresh('cache');
    const file = run(unifiedArgs, dir).file;
    const good = readFileSync(file);
    writeFileSync(file, Buffer.alloc(good.length, 7)); // same size, wrong contents
    const damaged = run(unifiedArgs, dir);
    expect(damaged).toMatchObject({ code: 0, stderr: '', outcome: 'rejected, made again' });
    expect(damaged.stdout).toBe(expectedPatch());
    expect(run(unifiedArgs, dir).outcome).toBe('used');
    writeFileSync(file, 'not a cache');
    expect(run(unifiedArgs, dir)).toMatchObject({ code: 0, outcome: 'rejected, made again' });
  });

  it('gives a changed program a cache of its own', () => {
    const install = fresh('install');
    cpSync(dirname(dirname(cli)), join(install, 'dist'), { recursive: true });
    const entry = join(install, 'dist', 'cli', 'archivist.cjs');
    const dir = fresh('cache');
    const before = run(['--version'], dir, entry).file;
    appendFileSync(join(install, 'dist', 'cli', 'program.cjs'), '\n// rebuilt\n');
    const after = run(['--version'], dir, entry);
    expect(after).toMatchObject({ code: 0, stdout: `${appVersion}\n`, outcome: 'created' });
    expect(after.file).not.toBe(before);
    expect(existsSync(before)).toBe(true);
  });

  it('runs without a cache when its folder cannot be made, saying why only when traced', () => {
    const blocker = fresh('file');
    writeFileSync(blocker, 'a file where the cache folder would go');
    const dir = join(blocker, 'cache');
    const refused = run(unifiedArgs, dir);
    expect(refused).toMatchObject({ code: 0, stderr: '', outcome: 'not made (ENOTDIR)' });
    expect(refused.stdout).toBe(expectedPatch());
    const quiet = spawnSync(process.execPath, [cli, ...unifiedArgs], {
      cwd: work,
      encoding: 'utf8',
      env: { ...process.env, ARCHIVIST_CODE_CACHE: dir, ARCHIVIST_HOME: fresh('home') },
    });
    expect(quiet.status).toBe(0);
    expect(quiet.stderr).toBe('');
    expect(quiet.stdout).toBe(expectedPatch());
  });

  it.skipIf(process.platform === 'win32')(
    'runs without a cache on a full disk and leaves no partial file',
    () => {
      const dir = fresh('cache');
      // 64 KB per file: the audit journal's records fit, a cache (hundreds of KB) does not.
      const full = run(unifiedArgs, dir, cli, 'ulimit -f 64');
      expect(full).toMatchObject({ code: 0, stderr: '', outcome: 'not made (EFBIG)' });
      expect(full.stdout).toBe(expectedPatch());
      expect(readdirSync(dir)).toEqual([]);
    },
  );

  it('never writes into a read-only install', () => {
    const install = fresh('install');
    cpSync(dirname(dirname(cli)), join(install, 'dist'), { recursive: true });
    const cliDir = join(install, 'dist', 'cli');
    const entry = join(cliDir, 'archivist.cjs');
    const listed = readdirSync(cliDir).sort();
    chmodSync(cliDir, 0o555);
    try {
      const dir = fresh('cache');
      expect(run(['--version'], dir, entry)).toMatchObject({ code: 0, outcome: 'created' });
      expect(run(['--version'], dir, entry)).toMatchObject({ code: 0, outcome: 'used' });
      expect(readdirSync(cliDir).sort()).toEqual(listed);
    } finally {
      chmodSync(cliDir, 0o755);
    }
  });

  it('makes no cache from a failed run, and runs with none when turned off', () => {
    const dir = fresh('cache');
    const usage = run(['compare', 'left.xml'], dir);
    expect(usage).toMatchObject({ code: 2, outcome: 'not made (the run failed)' });
    expect(usage.stderr).toMatch(/^archivist compare: Give two documents/);
    expect(existsSync(dir)).toBe(false);
    const off = run(unifiedArgs, 'off');
    expect(off).toMatchObject({ code: 0, outcome: 'off', stdout: expectedPatch() });
  });

  it('says in one line, in words, that the program is missing or a folder', () => {
    const install = fresh('install');
    cpSync(dirname(dirname(cli)), join(install, 'dist'), { recursive: true });
    const program = join(install, 'dist', 'cli', 'program.cjs');
    unlinkSync(program);
    const entry = join(install, 'dist', 'cli', 'archivist.cjs');
    const missing = run(['--version'], fresh('cache'), entry);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toBe(
      `archivist: the command-line program ${program} could not be read (no such file); rebuild or reinstall Archivist.\n`,
    );
    mkdirSync(program);
    const folder = run(['--version'], fresh('cache'), entry);
    expect(folder.code).toBe(1);
    expect(folder.stderr).toBe(
      `archivist: the command-line program ${program} could not be read (it is a folder); rebuild or reinstall Archivist.\n`,
    );
    expect(missing.stderr + folder.stderr).not.toMatch(/\bE[A-Z]{3,}\b/);
    expect(statSync(join(install, 'dist', 'cli')).isDirectory()).toBe(true);
  });
});
