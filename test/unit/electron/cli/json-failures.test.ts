/**
 * `--json` failures keep the exit-code contract: the JSON on stdout for the pipeline, and the
 * same one line on stderr that the text mode prints (report verify and audit verify printed
 * none, unlike invalidate --json).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openJournal } from '../../../../electron/services/audit/journal';
import { runArchivist as run } from '../../support/run-cli';
import { sampleEvent } from '../services/audit/support';

const work = mkdtempSync(path.join(tmpdir(), 'archivist-json-failures-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('--json failures', () => {
  it('report verify --json on a file that is no report: JSON on stdout, one line on stderr', async () => {
    const file = path.join(work, 'not-a-report.csv');
    writeFileSync(file, 'area,path\n');
    const text = await run(['report', 'verify', file]);
    const json = await run(['report', 'verify', file, '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, code: 'report-no-manifest' });
    expect(json.stderr).toBe(text.stderr);
    expect(json.stderr).toMatch(/^archivist report: [^\n]+\n$/);
  });

  it('audit verify --json on an edited journal: JSON on stdout, one line on stderr', async () => {
    const home = path.join(work, 'home');
    const journal = await openJournal(home);
    if (!journal.ok) throw new Error(journal.error.message);
    for (let i = 1; i <= 3; i++) journal.value.append(sampleEvent(i));
    journal.value.close();
    const file = path.join(home, 'audit/journal-1.jsonl');
    writeFileSync(file, readFileSync(file, 'utf8').replace('1.2.246.10.2', '1.2.246.10.9'));
    const text = await run(['audit', 'verify', '--home', home]);
    const json = await run(['audit', 'verify', '--home', home, '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, sequence: 2 });
    expect(json.stderr).toBe(text.stderr);
    expect(json.stderr).toMatch(/^archivist audit: Audit journal is damaged at record 2 [^\n]+\n$/);
  });
});
