/**
 * The inspector end to end in Chromium against the real workspace and an in-memory sandbox:
 * first run, search, the document table, the document view, versions and the audit tab.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { TestInfo } from '@playwright/test';
import { expect, test, type Page } from './fixtures';
import { AuditTab, DocumentTablePage, DocumentView, SearchPage } from './pages/inspector';

async function keepScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const screenshot = await page.screenshot({ fullPage: true });
  await testInfo.attach(name, { body: screenshot, contentType: 'image/png' });
  await writeFile(testInfo.outputPath(`${name}.png`), screenshot);
}

test('first run: the sandbox hint, a test patient search, and the table sorts, filters and moves by keyboard', async ({
  shell,
  page,
}, testInfo) => {
  await shell.open();
  const search = new SearchPage(page);
  await expect(shell.activeEnvironment).toContainText('Local sandbox');
  await expect(page).toHaveURL(/#\/env\/sandbox\/search$/);
  await expect(search.hint).toBeVisible();
  await keepScreenshot(page, testInfo, 'first-run');

  const patient = (await search.hint.getByRole('button').first().textContent()) ?? '';
  expect(patient).toMatch(/^\d{6}[-+A-Y]9\d\d[0-9A-Y]$/);
  await search.hint.getByRole('button').first().click();
  const table = new DocumentTablePage(page);
  const count = await table.waitForRows();
  expect(count).toBeGreaterThan(3);
  await expect(page).toHaveURL(new RegExp(`patient=${encodeURIComponent(patient)}`));
  for (const text of await table.cellTexts(5)) expect(text).toBe(patient);
  await expect(shell.environments).toContainText('connected');

  // Sorting by date, both ways, in time order (the dates are shown with their offsets).
  const instant = (shown: string) => Date.parse(shown.replace(' ', 'T').replace(' ', ''));
  const inTimeOrder = (dates: string[]) => [...dates].sort((a, b) => instant(a) - instant(b));
  await table.column('Date').getByRole('button').click();
  const ascending = await table.cellTexts(4);
  expect(ascending.every((date) => !Number.isNaN(instant(date)))).toBe(true);
  expect(ascending).toEqual(inTimeOrder(ascending));
  await table.column('Date').getByRole('button').click();
  const descending = await table.cellTexts(4);
  expect(descending.map(instant)).toEqual(
    inTimeOrder(ascending).reverse().slice(0, descending.length).map(instant),
  );
  await expect(table.column('Date')).toHaveAttribute('aria-sort', 'descending');

  // Per-column filter on the status chip, then the global filter.
  await table.grid.getByLabel('Filter Status').fill('replaced');
  await expect(table.rows.first()).toHaveAttribute('data-status', 'replaced');
  for (const status of await table.rows.evaluateAll((rows) =>
    rows.map((r) => r.getAttribute('data-status')),
  ))
    expect(status).toBe('replaced');
  await table.grid.getByLabel('Filter Status').fill('');
  await table.globalFilter.fill('no such text anywhere');
  await expect(page.getByText('No documents match the filters.')).toBeVisible();
  await table.globalFilter.fill('');
  await expect(table.rows).toHaveCount(count);
  // A date typed as the table shows it finds its row.
  const shownDate = (await table.cellTexts(4))[0] ?? '';
  expect(shownDate).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} [+-]\d{2}:\d{2}$/);
  await table.globalFilter.fill(shownDate);
  await expect(table.rows.first()).toBeVisible();
  for (const text of await table.cellTexts(4)) expect(text).toBe(shownDate);
  await table.globalFilter.fill('');
  await expect(table.rows).toHaveCount(count);

  // Keyboard: arrows move, Space selects.
  await table.grid.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  const active = table.grid.locator('.table-row.is-active');
  await expect(active).toHaveAttribute('aria-selected', 'true');
  await expect(active).toHaveAttribute('aria-rowindex', '4');
  // The first status is the count; the check's progress has its own.
  await expect(page.locator('.document-table [role="status"]').first()).toContainText('1 selected');
  await keepScreenshot(page, testInfo, 'document-table');

  // Column visibility is remembered across a reload.
  await page.getByText('Columns', { exact: true }).click();
  // Patient: shown by default (Organisation is hidden until chosen, so unchecking it proves nothing).
  await expect(table.column('Patient')).toHaveCount(1);
  await page.locator('.column-menu').getByRole('checkbox', { name: 'Patient' }).uncheck();
  await expect(table.column('Patient')).toHaveCount(0);
  await page.reload();
  await table.waitForRows();
  await expect(table.column('Patient')).toHaveCount(0);
  await expect(table.column('Title')).toHaveCount(1);

  // CSV export of the shown rows.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  const csvPath = testInfo.outputPath('documents.csv');
  await download.saveAs(csvPath);
  const { readFile } = await import('node:fs/promises');
  const csv = (await readFile(csvPath, 'utf8')).trim().split('\r\n');
  expect(csv[0]).toContain('Title');
  expect(csv[0]).not.toContain('Patient');
  expect(csv).toHaveLength(count + 1);
});

test('a document opens with metadata, content with find, a safe narrative and its version chain; the audit tab shows the session', async ({
  shell,
  page,
  app,
}, testInfo) => {
  const overview = await app.workspace.overview();
  const patient = overview.ok ? (overview.value.samplePatients[0]?.hetu ?? '') : '';
  await shell.open();
  await page.goto(`${new URL(page.url()).origin}/#/env/sandbox/search?patient=${patient}`);
  const table = new DocumentTablePage(page);
  await table.waitForRows();
  await table.grid.getByLabel('Filter Status').fill('replaced');
  await expect(table.rows.first()).toHaveAttribute('data-status', 'replaced');
  await table.grid.focus();
  await page.keyboard.press('Enter');

  const view = new DocumentView(page);
  await expect(view.heading).toContainText('replaced');
  await expect(page).toHaveURL(/#\/env\/sandbox\/doc\/[^/]+\/metadata$/);
  const identity = view.panel.getByRole('region', { name: 'Identity and version' });
  await expect(identity).toContainText('Set id');
  await expect(view.panel.getByRole('region', { name: 'Patient' })).toContainText(patient);
  await expect(view.panel.getByRole('region', { name: /Local header/ })).toBeVisible();
  await expect(view.panel.getByRole('button', { name: 'Copy Document id' })).toBeVisible();
  await keepScreenshot(page, testInfo, 'document-metadata');

  await view.tab('Content').click();
  await expect(view.panel.locator('.content-line').first()).toContainText('<?xml');
  await expect(view.panel.locator('.xml-tag').first()).toBeVisible();
  await page.keyboard.press('Control+f');
  const find = page.getByRole('search').getByLabel('Find');
  await expect(find).toBeFocused();
  await find.fill('setId');
  await expect(page.locator('.find-count')).toContainText(/match 1 of \d+ lines/);
  await expect(view.panel.locator('mark').first()).toHaveText(/setId/i);
  await keepScreenshot(page, testInfo, 'document-content');

  await view.tab('Narrative').click();
  await expect(view.panel.locator('.narrative-section').first()).toBeVisible();
  await expect(view.panel.locator('script, iframe, object, img, style')).toHaveCount(0);
  await keepScreenshot(page, testInfo, 'document-narrative');

  await view.tab('Versions').click();
  const chain = view.panel.getByRole('list', { name: 'Version chain' });
  await expect(chain.getByRole('listitem').first()).toBeVisible();
  expect(await chain.getByRole('listitem').count()).toBeGreaterThan(1);
  await expect(chain).toContainText('current');
  await expect(chain).toContainText('RPLC');
  await chain.getByRole('checkbox').nth(0).check();
  await chain.getByRole('checkbox').nth(1).check();
  // Two picks make the compare link (the compare view itself is tested in compare.spec.ts).
  await expect(
    view.panel.getByRole('link', { name: 'Compare the two picked versions' }),
  ).toHaveAttribute('href', /compare/);
  await keepScreenshot(page, testInfo, 'document-versions');

  // Reload keeps the place.
  await page.reload();
  await expect(view.tab('Versions')).toHaveAttribute('aria-selected', 'true');

  await page
    .getByRole('navigation', { name: 'Pages' })
    .getByRole('link', { name: 'Audit' })
    .click();
  const audit = new AuditTab(page);
  await expect(audit.rows.first()).toBeVisible();
  await expect(audit.table).toContainText('R read');
  await expect(audit.table).toContainText('E query');
  await expect(audit.table).toContainText(patient);
  await page.getByRole('button', { name: 'Verify the journal' }).click();
  await expect(page.locator('.verify-ok')).toContainText(/^OK: \d+ records/);
  await page.getByLabel('Action').selectOption('R');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/#\/audit\?action=R/);
  for (const action of await audit.rows.evaluateAll((rows) =>
    rows.map((r) => r.getAttribute('data-action')),
  ))
    expect(action).toBe('R');
  await keepScreenshot(page, testInfo, 'audit');
});

test('identity codes are checked as they are typed, with the reason', async ({ shell, page }) => {
  await shell.open();
  const search = new SearchPage(page);
  // The feedback sentence wraps under the field: the fields beside it stay where they were.
  const oid = search.form.getByLabel('Document OID');
  const before = await oid.boundingBox();
  await search.hetu.fill('010181-900D');
  await expect(search.hetuFeedback).toContainText(/control character/i);
  expect((await oid.boundingBox())?.x).toBe(before?.x);
  await expect(search.hetu).toHaveAttribute('aria-invalid', 'true');
  await search.submit.click();
  await expect(search.form.getByRole('alert')).toContainText('The identity code is refused');
  await expect(page).toHaveURL(/#\/env\/sandbox\/search$/);
  await search.hetu.fill('010181-123A');
  await expect(search.hetuFeedback).toContainText('Not a test code');
  await search.hetu.fill('010181-900C');
  await expect(search.hetuFeedback).toContainText('Valid test identity code');
});

test('a search against an unreachable environment says so, with the error code', async ({
  shell,
  page,
  home,
}) => {
  await writeFile(
    path.join(home, 'profiles.json'),
    JSON.stringify({
      profiles: [
        {
          id: 'gone',
          displayName: 'Gone AT',
          kind: 'AT',
          baseUrl: 'http://127.0.0.1:9/fhir',
          repository: 'patient-data',
          isTestEnvironment: true,
        },
      ],
    }),
  );
  await shell.open();
  await shell.environments.getByRole('button', { name: 'AT Gone AT', exact: true }).click();
  await expect(shell.activeEnvironment).toContainText('Gone AT');
  const search = new SearchPage(page);
  await search.searchPatient('010181-900C');
  await expect(search.error).toContainText('env-unreachable');
  await expect(
    page.locator('.search-failure').getByRole('button', { name: 'Retry' }),
  ).toBeVisible();
  await expect(shell.environments).toContainText('unreachable');
});
