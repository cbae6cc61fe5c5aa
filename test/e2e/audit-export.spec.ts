/**
 * The Audit tab's Export end to end: after a search and a document read, the journal exports as
 * JSON and as CSV (the harness hands the file over as a download; the desktop app saves where
 * main's save dialog says), the files parse and hold the session's events, the tab's filters
 * apply, and the export itself shows in the trail.
 */
import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { AuditTab, DocumentTablePage, DocumentView } from './pages/inspector';

interface ExportedRecord {
  readonly sequence: number;
  readonly event: { readonly action: string; readonly entity?: readonly unknown[] };
}

test('the audit trail exports as JSON and CSV holding the session, and the export is audited', async ({
  shell,
  page,
  app,
}) => {
  const overview = await app.workspace.overview();
  const patient = overview.ok ? (overview.value.samplePatients[0]?.hetu ?? '') : '';
  await shell.open();
  const origin = new URL(page.url()).origin;
  await page.goto(`${origin}/#/env/sandbox/search?patient=${patient}`);
  const table = new DocumentTablePage(page);
  await table.waitForRows();
  await table.grid.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/env\/sandbox\/doc\/[^/]+\/metadata$/);
  // Shown only after its read is durable in the journal.
  const view = new DocumentView(page);
  await expect(view.panel.getByRole('region', { name: 'Identity and version' })).toBeVisible();

  await page.goto(`${origin}/#/audit`);
  const audit = new AuditTab(page);
  await expect(audit.rows.first()).toBeVisible();
  const exporter = page.getByRole('group', { name: 'Export the audit trail' });
  const jsonDownload = page.waitForEvent('download');
  await exporter.getByRole('button', { name: 'Export…' }).click();
  const json = await jsonDownload;
  expect(json.suggestedFilename()).toMatch(/^audit-\d{4}-\d{2}-\d{2}\.json$/);
  const records = JSON.parse(await readFile((await json.path()) ?? '', 'utf8')) as ExportedRecord[];
  const texts = records.map((record) => JSON.stringify(record.event));
  // The session: the search (E, naming the patient) and the document read (R).
  expect(records.find((record) => record.event.action === 'E')).toBeDefined();
  expect(texts.some((text) => text.includes(patient))).toBe(true);
  const reads = records.filter((record) => record.event.action === 'R');
  expect(reads.length).toBeGreaterThan(0);
  await expect(exporter.getByRole('status')).toHaveText(
    `${records.length} record(s) downloaded as ${json.suggestedFilename()}; the export is in the audit trail.`,
  );
  // The export is recorded before the file is made, and the list reloads to show it.
  await expect(audit.rows.first()).toContainText('E export');
  await expect(audit.rows).toHaveCount(records.length + 1);

  // CSV of the read events only: the tab's filter goes with the export.
  await page.goto(`${origin}/#/audit?action=R`);
  await expect(audit.rows.first()).toBeVisible();
  await exporter.getByLabel('Export format').selectOption('csv');
  const csvDownload = page.waitForEvent('download');
  await exporter.getByRole('button', { name: 'Export…' }).click();
  const csv = await csvDownload;
  expect(csv.suggestedFilename()).toMatch(/^audit-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = (await readFile((await csv.path()) ?? '', 'utf8')).trimEnd().split('\n');
  expect(lines[0]).toBe(
    'sequence,recorded,kind,action,outcome,operator,osUser,patient,document,environment,detail',
  );
  expect(lines).toHaveLength(reads.length + 1);
  for (const line of lines.slice(1)) expect(line.split(',')[3]).toBe('R');
  expect(lines.slice(1).map((line) => Number(line.split(',')[0]))).toEqual(
    reads.map((record) => record.sequence),
  );
});
