/**
 * A profile that cannot be opened (its CA file is missing, its folder is gone, TLS settings on
 * http://) reads as one sentence, "Environment P cannot be used: its CA file … does not exist.",
 * the same in every command that opens a profile: search, envs check, show and compare of an
 * env: document, and invalidate; a missing passphrase names the profile once. On the bundled
 * command in real processes, as a user runs it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleCli } from '../../../bench/bundle-cli';

const work = mkdtempSync(join(tmpdir(), 'archivist-profile-unusable-'));
const home = join(work, 'home');
const testPatient = '010101-900R';
const lostCa = join(work, 'no-folder', 'ca.pem');
let cli = '';

/** Runs the bundled `archivist` with `--home` and no passphrase or terminal. */
function archivist(...args: string[]) {
  const result = spawnSync(process.execPath, [cli, ...args, '--home', home], {
    cwd: work,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '' },
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(async () => {
  cli = await bundleCli(join(work, 'install'));
  writeFileSync(join(work, 'a-file'), 'not a folder');
  const profiles = [
    ['lost-ca', '--kind', 'fhir', '--url', 'https://127.0.0.1:9/fhir', '--ca', lostCa],
    ['gone', '--kind', 'folder', '--folder', join(work, 'no-such-cases')],
    ['buried', '--kind', 'folder', '--folder', join(work, 'a-file', 'cases')],
    ['plain-tls', '--kind', 'fhir', '--url', 'http://127.0.0.1:9/fhir', '--ca', lostCa],
    ['needs-pass', '--kind', 'fhir', '--url', 'https://127.0.0.1:9/fhir', '--pkcs12', lostCa],
  ];
  for (const args of profiles) {
    const added = archivist('envs', 'add', ...args);
    if (added.code !== 0) throw new Error(added.stderr);
  }
}, 180_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Every command that opens profile `name`: its name and arguments. */
function commandsOpening(name: string): (readonly [string, readonly string[]])[] {
  const invalidate = ['invalidate', '--env', name, '--document', 'doc-1', '--reason', 'duplicate'];
  return [
    ['search', ['search', '--env', name, '--patient', testPatient]],
    ['envs', ['envs', 'check', name]],
    ['show', ['show', `env:${name}:doc-1`]],
    ['compare', ['compare', `env:${name}:doc-1`, `env:${name}:doc-2`]],
    ['invalidate', [...invalidate, '--dry-run']],
    ['invalidate', [...invalidate, '--yes', '--confirm', 'doc-1']],
  ];
}

/** Each command fails with exit 1 and exactly `sentence` on stderr, in words. */
function expectSentence(name: string, sentence: string) {
  for (const [command, args] of commandsOpening(name)) {
    const run = archivist(...args);
    expect({ args, code: run.code, stderr: run.stderr }).toEqual({
      args,
      code: 1,
      stderr: `archivist ${command}: ${sentence}\n`,
    });
    // envs check prints its report on stdout first; the others print nothing there
    if (command !== 'envs') expect(run.stdout).toBe('');
    expect(run.stderr).not.toMatch(/\bE[A-Z]{3,}\b/);
  }
}

// Twelve processes a test: generous on a loaded machine, and no timing is asserted.
describe('a profile that cannot be opened', { timeout: 180_000 }, () => {
  it('whose CA file does not exist: one sentence naming the environment and the file', () => {
    expectSentence(
      'lost-ca',
      `Environment lost-ca cannot be used: its CA file ${lostCa} does not exist.`,
    );
  });

  it('whose folder does not exist, or is under a file', () => {
    expectSentence(
      'gone',
      `Environment gone cannot be used: its folder ${join(work, 'no-such-cases')} does not exist.`,
    );
    expectSentence(
      'buried',
      `Environment buried cannot be used: its folder ${join(work, 'a-file', 'cases')} cannot be read (a part of the path is a file).`,
    );
  });

  it('with TLS settings on an http:// address', () => {
    expectSentence(
      'plain-tls',
      'Environment plain-tls cannot be used: it has TLS settings but its base URL starts with http://; use https:// so the certificate is used.',
    );
  });

  it('whose passphrase is not given: the sentence names the profile once, in every command', () => {
    expectSentence(
      'needs-pass',
      'needs-pass needs the passphrase of its client certificate: set ARCHIVIST_PASSPHRASE_NEEDS_PASS (or ARCHIVIST_PASSPHRASE), or run the command on a terminal to be asked.',
    );
  });
});
