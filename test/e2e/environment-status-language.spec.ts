/**
 * Review 9, defects 11 and 12, end to end in Chromium at 1400 px: the sidebar's connection state
 * follows a comparison's reads without a reload (connected after a comparison from the sandbox,
 * unreachable beside the error of an environment that is down), each environment of a
 * comparison gets its own named calendar line, the documents table shows Version and Set id
 * without scrolling sideways, and document text is marked Finnish (lang) in the English UI.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { alwaysOpenCalendar } from '../../shared/environments/calendar';
import { expect, test } from './fixtures';
import { DocumentTablePage, DocumentView } from './pages/inspector';
import { keepScreenshot } from './support/screenshots';

const [older, newer] = ['seed-doc-50', 'seed-doc-52'];

/** A TK profile whose server is down: nothing listens on port 9 here. */
async function addDownTk(home: string): Promise<void> {
  const profile = {
    id: 'tk',
    displayName: 'Kanta TK (test)',
    kind: 'TK',
    baseUrl: 'http://127.0.0.1:9/fhir',
    repository: 'patient-data',
    isTestEnvironment: true,
    calendar: alwaysOpenCalendar,
  };
  await writeFile(path.join(home, 'profiles.json'), JSON.stringify({ profiles: [profile] }));
}

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
});

test('a comparison marks its environment connected in the sidebar and its text Finnish', async ({
  shell,
  page,
}, testInfo) => {
  await shell.open();
  const origin = new URL(page.url()).origin;
  const sandbox = shell.environments.getByRole('listitem').filter({ hasText: 'Local sandbox' });
  await page.goto(`${origin}/#/compare?left=env:sandbox:${older}&right=env:sandbox:${newer}`);
  await expect(page.locator('.compare-page')).toHaveAttribute('data-state', 'ready');
  await expect(sandbox.locator('.connection-state')).toHaveText(/connected/);

  // Document text is Finnish; the interface around it stays English.
  const left = page.getByRole('group', { name: 'Left document' });
  await expect(left.locator('[lang="fi"]')).toHaveText('Yleislääketiede: käynti');
  await expect(page.locator('.diff-text [lang="fi"]').first()).toBeVisible();
  await expect(page.locator('.diff-marker[lang], .diff-number[lang]')).toHaveCount(0);
  const item = page.locator('.change-item').filter({ hasText: 'changed from' }).first();
  await expect(item.locator('[lang="fi"]').first()).toHaveText(/^".*"$/);
  await expect(page.locator('.metadata-diff td[lang="fi"]').first()).toBeVisible();
  await keepScreenshot(page, testInfo, 'compare-connected-lang');

  // A document's title, lines and narrative carry its languageCode (fi-FI in the sandbox).
  await page.goto(`${origin}/#/env/sandbox/doc/${older}/content`);
  const view = new DocumentView(page);
  await expect(view.heading.locator('[lang="fi-FI"]')).toHaveText('Yleislääketiede: käynti');
  await expect(view.panel.locator('.line-text[lang="fi-FI"]').first()).toBeVisible();
  await view.tab('Narrative').click();
  await expect(view.panel.locator('.narrative-text[lang="fi-FI"]').first()).toBeVisible();
});

test('an environment that is down shows unreachable beside the error, each calendar named', async ({
  shell,
  page,
  home,
}, testInfo) => {
  await addDownTk(home);
  await shell.open();
  const origin = new URL(page.url()).origin;
  const tk = shell.environments.getByRole('listitem').filter({ hasText: 'Kanta TK (test)' });
  await expect(tk.locator('.connection-state')).toHaveText(/not contacted yet/);
  await page.goto(`${origin}/#/compare?left=env:sandbox:${older}&right=env:tk:${older}`);
  await expect(page.locator('.compare-failure')).toContainText('cannot reach');
  await expect(tk.locator('.connection-state')).toHaveText(/unreachable/);
  const sandbox = shell.environments.getByRole('listitem').filter({ hasText: 'Local sandbox' });
  await expect(sandbox.locator('.connection-state')).toHaveText(/connected/);
  await expect(page.locator('.calendar-line')).toHaveText([
    /^Local sandbox: Within supported service hours\./,
    /^Kanta TK \(test\): Within supported service hours\./,
  ]);
  await keepScreenshot(page, testInfo, 'compare-tk-down');
});

test('the documents table shows Version and Set id at 1400 px, the rest a click away', async ({
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
  const grid = await table.grid.boundingBox();
  for (const name of ['Version', 'Set id', 'Document id']) {
    const header = await table.column(name).boundingBox();
    expect(header, `${name} is shown`).not.toBeNull();
    expect(header!.x + header!.width, `${name} ends inside the table`).toBeLessThanOrEqual(
      grid!.x + grid!.width,
    );
  }
  expect(
    await table.grid.evaluate((element) => element.scrollWidth <= element.clientWidth),
    'no horizontal scrolling',
  ).toBe(true);
  // A cut title or id has its whole text as the tooltip.
  const setId = table.rows.first().locator('[role="gridcell"]').nth(8).locator('.cut-start');
  await expect(setId).toHaveAttribute('title', /^\d+(\.\d+)+$/);
  await expect(table.column('Register')).toHaveCount(0);
  await page.getByText('Columns', { exact: true }).click();
  await page.locator('.column-menu').getByRole('checkbox', { name: 'Register' }).check();
  await expect(table.column('Register')).toHaveCount(1);
  await keepScreenshot(page, testInfo, 'table-1400');
});
