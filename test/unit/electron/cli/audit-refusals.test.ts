/**
 * `archivist audit` on input a new user gets wrong: a mistyped identity code, a home folder that
 * does not exist or is a file, an export target that cannot be written. Each is one sentence
 * on stderr (exit 2 for usage, 1 otherwise), never an empty result that looks like "all well".
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openJournal } from '../../../../electron/services/audit/journal';
import { runArchivist as run } from '../../support/run-cli';
import { sampleEvent } from '../services/audit/support';

const work = mkdtempSync(path.join(tmpdir(), 'archivist-audit-refusals-'));
const home = path.join(work, 'home');
afterAll(() => rmSync(work, { recursive: true, force: true }));

beforeAll(async () => {
  const journal = await openJournal(home);
  if (!journal.ok) throw new Error(journal.error.message);
  journal.value.append(sampleEvent(1));
  journal.value.close();
});

interface AuditRecord {
  readonly event: {
    readonly outcome: string;
    readonly outcomeDesc?: string;
    readonly entity: readonly { readonly what: { readonly display?: string } }[];
  };
}

function expectOneLine(result: { code: number; stdout: string; stderr: string }, code: 1 | 2) {
  expect(result.code, result.stderr).toBe(code);
  expect(result.stdout).toBe('');
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(code === 2 ? 2 : 1);
  expect(lines[0]).toMatch(/^archivist audit: \S/);
  return lines[0] ?? '';
}

describe('archivist audit refusals', () => {
  it('refuses a malformed --patient code as bad usage instead of listing nothing', async () => {
    const line = expectOneLine(
      await run(['audit', 'list', '--home', home, '--patient', '150173-998X']),
      2,
    );
    expect(line).toContain('--patient: The control character is "X" but should be "H".');
    const listed = await run(['audit', 'list', '--home', home, '--patient', '150173-998H']);
    expect(listed.code).toBe(0);
  });

  it.each(['verify', 'list'])(
    '%s: a home folder that does not exist is not an intact journal',
    async (sub) => {
      const missing = path.join(work, 'no-such-home');
      const line = expectOneLine(await run(['audit', sub, '--home', missing]), 1);
      expect(line).toBe(
        `archivist audit: The home folder ${missing} does not exist, so it holds no audit journal.`,
      );
    },
  );

  it('a home that is a file is refused, and export does not create a journal there', async () => {
    const file = path.join(work, 'a-file');
    writeFileSync(file, 'not a folder');
    expect(expectOneLine(await run(['audit', 'verify', '--home', file]), 1)).toContain(
      'is a file, not a folder',
    );
    const missing = path.join(work, 'typo-home');
    expectOneLine(await run(['audit', 'export', '--format', 'json', '--home', missing]), 1);
    expect((await run(['audit', 'verify', '--home', missing])).code).toBe(1);
  });

  it('bad usage still exits 2 before the home folder is looked at', async () => {
    const missing = path.join(work, 'no-such-home');
    expectOneLine(await run(['audit', 'list', '--home', missing, '--outcome', '3']), 2);
  });

  it.each([
    ['/dev/full', 'no space left on the disk'],
    [path.join(work, 'no-folder', 'x.csv'), 'the folder does not exist'],
    [work, 'it is a folder'],
  ])('export to %s says why it could not write, in words', async (out, why) => {
    const line = expectOneLine(
      await run(['audit', 'export', '--format', 'csv', '--home', home, '--out', out]),
      1,
    );
    expect(line).toBe(`archivist audit: Could not write ${out} (${why}).`);
    const listed = await run(['audit', 'list', '--home', home, '--json']);
    const [attempt, failure] = (JSON.parse(listed.stdout) as AuditRecord[]).slice(-2);
    expect(attempt?.event.outcome).toBe('0');
    expect(failure?.event.outcome).toBe('8');
    expect(failure?.event.outcomeDesc).toBe(`not written: ${why}`);
    expect(failure?.event.entity[0]?.what.display).toBe(attempt?.event.entity[0]?.what.display);
  });
});
