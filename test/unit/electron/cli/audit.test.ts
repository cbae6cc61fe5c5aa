import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runArchivist as run } from '../../support/run-cli';
import { runCli } from '../../../../electron/cli/run-cli';
import { openJournal } from '../../../../electron/services/audit/journal';
import { invalidationEvent } from '../../../../shared/audit/builders';
import { ctx, sampleEvent, tempHome } from '../services/audit/support';

let home = '';

beforeAll(async () => {
  home = tempHome();
  const journal = await openJournal(home);
  if (!journal.ok) throw new Error(journal.error.message);
  for (let i = 1; i <= 5; i++) journal.value.append(sampleEvent(i));
  journal.value.append(invalidationEvent(ctx, { documentId: '1.2.246.99', reason: 'duplicate' }));
  journal.value.close();
});

describe('archivist audit', () => {
  it('verify prints OK with the counts', async () => {
    expect(await run(['audit', 'verify', '--home', home])).toEqual({
      code: 0,
      stdout: 'OK: 6 records, 1 checkpoints\n',
      stderr: '',
    });
  });

  it('list filters and prints JSON', async () => {
    const { code, stdout } = await run([
      'audit',
      'list',
      '--home',
      home,
      '--action',
      'U',
      '--json',
    ]);
    expect(code).toBe(0);
    const records = JSON.parse(stdout) as { sequence: number }[];
    expect(records.map((r) => r.sequence)).toEqual([6]);
    const table = await run(['audit', 'list', '--home', home, '--document', '1.2.246.10.3']);
    expect(table.stdout.split('\n')[1]).toMatch(
      /^3 +\S+ +read +R +0 +- +Tessa Testaaja \(1234567\)$/,
    );
    expect(table.stdout.split('\n')[2]).toBe('     patient 010190-900A  document 1.2.246.10.3');
  });

  it('export writes CSV and is itself audited', async () => {
    const out = path.join(home, 'export.csv');
    expect(
      (await run(['audit', 'export', '--home', home, '--format', 'csv', '--out', out])).code,
    ).toBe(0);
    const csv = readFileSync(out, 'utf8').split('\n');
    expect(csv[0]).toBe(
      'sequence,recorded,kind,action,outcome,operator,osUser,patient,document,environment,detail',
    );
    expect(csv[6]).toContain('reason=duplicate');
    const exports = JSON.parse((await run(['audit', 'list', '--home', home, '--json'])).stdout) as {
      event: { subtype: { code: string }[] };
    }[];
    expect(exports.at(-1)?.event.subtype[0]?.code).toBe('export');
  });

  it('verify exits 1 naming the first bad record', async () => {
    const tamperHome = tempHome();
    const journal = await openJournal(tamperHome);
    if (!journal.ok) throw new Error(journal.error.message);
    for (let i = 1; i <= 3; i++) journal.value.append(sampleEvent(i));
    journal.value.close();
    const file = path.join(tamperHome, 'audit/journal-1.jsonl');
    writeFileSync(file, readFileSync(file, 'utf8').replace('1.2.246.10.2', '1.2.246.10.9'));
    const result = await run(['audit', 'verify', '--home', tamperHome]);
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toBe(
      'archivist audit: Audit journal is damaged at record 2 (journal-1.jsonl line 2): the hash does not match the content (the record was edited).\n',
    );
  });

  it('an export to stdout that could not be written is recorded as failed, exit 1', async () => {
    const fullHome = tempHome();
    const journal = await openJournal(fullHome);
    if (!journal.ok) throw new Error(journal.error.message);
    journal.value.append(sampleEvent(1));
    journal.value.close();
    let stderr = '';
    const code = await runCli(['audit', 'export', '--home', fullHome, '--format', 'json'], {
      stdout: () => undefined,
      stderr: (text) => (stderr += text),
      stdoutProblem: () => Promise.resolve('no space left on device'),
      env: {},
      cwd: fullHome,
      isStderrTty: false,
    });
    expect(stderr).toBe('archivist audit: Could not write the output (no space left on device).\n');
    expect(code).toBe(1);
    const listed = JSON.parse(
      (await run(['audit', 'list', '--home', fullHome, '--json'])).stdout,
    ) as {
      event: { action: string; outcome: string; outcomeDesc?: string };
    }[];
    const exports = listed.filter(({ event }) => event.action === 'E').map(({ event }) => event);
    expect(exports.map((event) => event.outcome)).toEqual(['0', '8']);
    expect(exports[1]?.outcomeDesc).toBe('not written: no space left on device');
  });

  it('bad usage exits 2', async () => {
    expect((await run(['audit', 'frobnicate', '--home', home])).code).toBe(2);
    expect((await run(['audit', 'export', '--home', home, '--format', 'xml'])).code).toBe(2);
    expect((await run(['audit', 'list', '--home', home, '--outcome', '3'])).code).toBe(2);
  });
});
