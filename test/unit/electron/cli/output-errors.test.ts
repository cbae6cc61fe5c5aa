/**
 * Output that cannot be written (issue 8), on the bundled command line in real processes: stdout
 * on a full disk (/dev/full) is one line on stderr and exit 1, for every command that prints, with
 * the errno code in words (also one the command's table does not list); a reader that closed the
 * pipe (`| head`) ends the output quietly with the command's own exit code; a command that failed
 * keeps its own one line; a stderr that cannot be written crashes nothing. Without listeners on the streams Node prints "Unhandled 'error' event" and a stack.
 */
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleCli } from '../../../bench/bundle-cli';

const work = mkdtempSync(join(tmpdir(), 'archivist-output-errors-'));
const fixture = fileURLToPath(
  new URL('../../../fixtures/documents/rcmr-in100002-store.xml', import.meta.url),
);
let cli = '';
let homes = 0;

beforeAll(async () => {
  cli = await bundleCli(join(work, 'install'));
  // Two unrelated files whose patch (about 1.5 MB) is far more than a pipe holds (64 KB), so
  // the writer is still writing when `head` has gone.
  const lines = (side: string) =>
    Array.from({ length: 20_000 }, (_, index) => `<line n="${index}">${side} ${index}</line>\n`);
  writeFileSync(join(work, 'left.xml'), `<a>\n${lines('left').join('')}</a>\n`);
  writeFileSync(join(work, 'right.xml'), `<a>\n${lines('right').join('')}</a>\n`);
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const hasDevFull = existsSync('/dev/full');
const hasShell = spawnSync('sh', ['-c', 'exit 0']).status === 0;

/** A fresh, existing home folder per run; no code cache (its files are no part of this). */
function env(): NodeJS.ProcessEnv {
  const home = join(work, `home-${homes++}`);
  mkdirSync(home);
  return { ...process.env, ARCHIVIST_HOME: home, ARCHIVIST_CODE_CACHE: 'off' };
}

/** Runs the bundled command with stdout, or stderr, on a file that refuses writes (a full disk). */
function runWithOutputOn(
  args: readonly string[],
  stream: 'stdout' | 'stderr' = 'stdout',
  failingFile = '/dev/full',
) {
  const output = openSync(failingFile, 'w');
  try {
    const stdio = stream === 'stdout' ? ['ignore', output, 'pipe'] : ['ignore', 'pipe', output];
    const result = spawnSync(process.execPath, [cli, ...args], {
      env: env(),
      cwd: work,
      stdio: stdio as ['ignore', number | 'pipe', number | 'pipe'],
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { code: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
  } finally {
    closeSync(output);
  }
}

describe.skipIf(!hasDevFull)('stdout on a full disk', () => {
  it.each([
    [['--version'], 'archivist'],
    [['info'], 'archivist info'],
    [['info', '--json'], 'archivist info'],
    [['show', fixture], 'archivist show'],
    [['show', fixture, '--json'], 'archivist show'],
    [['compare', 'left.xml', 'right.xml', '--format', 'unified'], 'archivist compare'],
    [['audit', 'list', '--json'], 'archivist audit'],
  ])(
    '%j: one line, exit 1',
    (args, prefix) => {
      const run = runWithOutputOn(args);
      expect(run.stderr).toBe(`${prefix}: Could not write the output (no space left on device).\n`);
      expect(run.code).toBe(1);
    },
    60_000,
  );

  it('a command that failed keeps its own one line and exit code', () => {
    const notReport = join(work, 'not-a-report.txt');
    writeFileSync(notReport, 'hello\n');
    // report verify --json prints its failure as JSON on stdout and one line on stderr.
    const run = runWithOutputOn(['report', 'verify', notReport, '--json']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^archivist report: [^\n]*not an Archivist report[^\n]*\n$/);
  }, 60_000);
});

// The kernel refuses any text but a digit 1-5 in clear_refs with EINVAL, a code the command's
// own table does not list; the test process's own file, so nothing else is touched.
describe.skipIf(!existsSync('/proc/self/clear_refs'))(
  'stdout refused with an unlisted code',
  () => {
    it('--version: the code in words, exit 1', () => {
      const run = runWithOutputOn(['--version'], 'stdout', '/proc/self/clear_refs');
      expect(run.stderr).toBe('archivist: Could not write the output (invalid argument).\n');
      expect(run.code).toBe(1);
    }, 60_000);
  },
);

describe.skipIf(!hasDevFull)('stderr on a full disk', () => {
  it('a usage error still exits 2 and a failure 1, without crashing', () => {
    expect(runWithOutputOn(['info', '--frob'], 'stderr')).toMatchObject({ code: 2, stdout: '' });
    const missing = runWithOutputOn(['show', join(work, 'missing.xml')], 'stderr');
    expect(missing).toMatchObject({ code: 1, stdout: '' });
  }, 60_000);
});

describe.skipIf(!hasShell)('a reader that closed the pipe', () => {
  it('compare --format unified | head -c 10: quiet, exit 0', () => {
    // The command's exit code is printed on stderr by the shell: a pipeline's status is head's.
    const script = '{ "$0" "$@"; echo "exit $?" >&2; } | head -c 10';
    const args = ['compare', 'left.xml', 'right.xml', '--format', 'unified'];
    const result = spawnSync('sh', ['-c', script, process.execPath, cli, ...args], {
      env: env(),
      cwd: work,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.stdout).toBe('--- a/left');
    expect(result.stderr).toBe('exit 0\n');
  }, 60_000);
});
