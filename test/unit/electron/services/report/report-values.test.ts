/**
 * Metadata values in the HTML and CSV reports read as the change list words them (issue 7
 * review: CSV cells held `{"root":"1.2.246…"}`); the JSON report keeps the structured values.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  writeReport,
  type ReportRequest,
} from '../../../../../electron/services/report/write-report';
import { escapeHtml } from '../../../../../electron/services/report/html-escape';
import { closeXmlWorkers } from '../../../../../electron/services/xml';
import { parseCsv } from './csv-parse';
import { fixtureRequest } from './report-fixture';

let request: ReportRequest;
beforeAll(async () => {
  request = await fixtureRequest();
});
afterAll(() => closeXmlWorkers());

async function made(format: 'csv' | 'html' | 'json', redact = false) {
  const written = await writeReport(request, { format, redact });
  if (!written.ok) throw new Error(written.error.message);
  return { ...written.value, text: Buffer.from(written.value.bytes).toString('utf8') };
}

async function csvRows(redact: boolean): Promise<string[][]> {
  const { text } = await made('csv', redact);
  return parseCsv(text.slice(0, text.lastIndexOf('#archivist-manifest')));
}

describe('metadata values in the CSV report', () => {
  it.each([false, true])(
    'match the change list item of the same field (redacted: %s), never JSON',
    async (redact) => {
      const rows = await csvRows(redact);
      const metadata = rows.filter((row) => row[0] === 'metadata');
      expect(metadata.map((row) => row[1])).toEqual(expect.arrayContaining(['id', 'authors[1]']));
      for (const [, path, left, right] of metadata) {
        const item = rows.find((row) => row[0]?.startsWith('change list: ') && row[1] === path);
        expect([path, left, right]).toEqual([path, item?.[2], item?.[3]]);
        expect(`${left}${right}`).not.toMatch(/[{}"]/);
      }
    },
  );

  it('keeps the structured values in the JSON report', async () => {
    const json = JSON.parse((await made('json')).text) as {
      report: { metadataChanges: { path: string; right?: string }[] };
    };
    const author = json.report.metadataChanges.find((change) => change.path === 'authors[1]');
    expect(JSON.parse(author?.right ?? 'null')).toMatchObject({
      name: { formatted: 'Inkeri Backman' },
    });
  });
});

describe('the HTML report', () => {
  it('shows metadata values in words, the JSON form as their tooltip', async () => {
    const { text, model } = await made('html');
    const id = model.metadataChanges.find((change) => change.path === 'id');
    const root = request.result.left.id;
    expect(id?.left).toBe(JSON.stringify({ root }));
    expect(text).toContain(`<span title="${escapeHtml(id!.left!)}">${root}</span>`);
    expect(text).toContain('>Inkeri Backman</span>');
    expect(text).not.toContain('<span class="mono">{');
  });

  it('keeps change list groups and change kinds whole instead of breaking them mid-word', async () => {
    const { text } = await made('html');
    expect(text).toMatch(/<td><span class="nowrap">header<\/span><\/td>/);
    expect(text).toContain('<span class="kind-changed nowrap">changed</span>');
    expect(text).toMatch(/\.nowrap \{\s*white-space: nowrap;/);
  });
});
