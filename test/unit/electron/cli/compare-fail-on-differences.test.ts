/**
 * `archivist compare --fail-on-differences` (review 10, finding 4): a pipeline step fails on
 * differences without jq. The output is written as usual, then exit 1 with one line when a
 * difference is shown (hidden ones do not count; unified: a patch that is not empty); without
 * the flag a difference still exits 0.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeXmlWorkers } from '../../../../electron/services/xml';
import { runArchivist } from '../../support/run-cli';

const work = mkdtempSync(join(tmpdir(), 'archivist-fail-on-differences-'));
afterAll(async () => {
  await closeXmlWorkers();
  rmSync(work, { recursive: true, force: true });
});

function file(name: string, text: string): string {
  const path = join(work, name);
  writeFileSync(path, text);
  return path;
}

const cda = (title: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<ClinicalDocument xmlns="urn:hl7-org:v3">\n  <id root="1.2.246.10.1"/>\n  <title>${title}</title>\n</ClinicalDocument>\n`;
const left = file('left.xml', cda('Lääkemääräys'));
const same = file('same.xml', cda('Lääkemääräys'));
const right = file('right.xml', cda('Korjaus'));
// A profile of one's own that hides the title change: in the model and in the canonical XML.
const hideTitle = file(
  'hide-title.json',
  JSON.stringify({
    id: 'hide-title',
    title: 'Titles do not matter here',
    extends: 'default',
    rules: [
      { id: 'title', target: 'model', pattern: 'title', reason: 'free text' },
      {
        id: 'title-xml',
        target: 'canonical',
        pattern: '/ClinicalDocument/title',
        reason: 'free text',
      },
    ],
  }),
);
const home = join(work, 'home');

function compare(...args: string[]) {
  return runArchivist(['compare', ...args, '--home', home]);
}

const failing = (what: string) =>
  `archivist compare: ${what}; failing as --fail-on-differences asks.\n`;

describe('compare --fail-on-differences', () => {
  it('text: the output as usual, then exit 1 and one line counting the differences shown', async () => {
    const run = await compare(left, right, '--fail-on-differences');
    expect(run.stdout).toContain('different: 1 metadata change and 1 content change shown');
    expect(run.stderr).toBe(failing('2 differences shown'));
    expect(run.code).toBe(1);
  }, 60_000);

  it('json: the report on stdout, its shownDifferences the count of the line', async () => {
    const run = await compare(left, right, '--json', '--fail-on-differences');
    const { report } = JSON.parse(run.stdout) as { report: { shownDifferences: number } };
    expect(run.stderr).toBe(failing(`${report.shownDifferences} differences shown`));
    expect(run.code).toBe(1);
  }, 60_000);

  it('--out: the report is written, then exit 1', async () => {
    const out = join(work, 'diff.json');
    const run = await compare(left, right, '--json', '--out', out, '--fail-on-differences');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(existsSync(out)).toBe(true);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ report: { identical: false } });
  }, 60_000);

  it('differences the profile hides do not count: exit 0', async () => {
    const run = await compare(left, right, '--ignore', hideTitle, '--fail-on-differences');
    expect(run.stdout).toContain('no differences shown: the 2 differences found are hidden');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  }, 60_000);

  it('identical documents: exit 0, nothing on stderr', async () => {
    const run = await compare(left, same, '--json', '--fail-on-differences');
    expect(run).toMatchObject({ code: 0, stderr: '' });
  }, 60_000);

  it('unified: a patch that is not empty fails, counted in hunks; an empty one does not', async () => {
    const options = ['--format', 'unified', '--fail-on-differences'];
    const differing = await compare(left, right, ...options);
    expect(differing.stdout).toContain('+  <title>Korjaus</title>');
    expect(differing.stderr).toMatch(
      /archivist compare: 1 hunk in the patch; failing as --fail-on-differences asks\.\n$/,
    );
    expect(differing.code).toBe(1);
    const identical = await compare(left, same, ...options);
    expect(identical.stdout).toBe('');
    expect(identical.code).toBe(0);
  }, 60_000);

  it('without the flag a difference still exits 0', async () => {
    expect((await compare(left, right, '--json')).code).toBe(0);
    expect((await compare(left, right, '--format', 'unified')).code).toBe(0);
  }, 60_000);
});
