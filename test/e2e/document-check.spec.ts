/**
 * The documents table for triage (review 11, findings 1 and 12): "Check listed documents" reads
 * each listed CDA (audited), fills the problems column (a real person's identity code inside the
 * CDA, a setId's version used twice), can be stopped, and notes a failed read without stopping;
 * ids are cut from their start, the patient code is whole at 1280 and dates keep their offset.
 */
import { writeFile } from 'node:fs/promises';
import type { TestInfo } from '@playwright/test';
import { expect, test, type Page } from './fixtures';
import { DocumentTablePage } from './pages/inspector';

async function keepScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const screenshot = await page.screenshot();
  await testInfo.attach(name, { body: screenshot, contentType: 'image/png' });
  await writeFile(testInfo.outputPath(`${name}.png`), screenshot);
}

/** Opens the app (the token moves to session storage), then a patient's search. */
async function searchPatient(page: Page, patient: string): Promise<DocumentTablePage> {
  await page.goto(`${new URL(page.url()).origin}/#/env/sandbox/search?patient=${patient}`);
  const table = new DocumentTablePage(page);
  await table.waitForRows();
  return table;
}

const checkButton = (page: Page) => page.getByRole('button', { name: 'Check listed documents' });
const problemsHeader = (table: DocumentTablePage) => table.column('Problems');
const row = (table: DocumentTablePage, resourceId: string) =>
  table.grid.locator(`[id="doc-row-${resourceId}"]`);

test('the check reads the listed CDAs and flags a real identity code inside one', async ({
  shell,
  page,
  app,
}, testInfo) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await shell.open();
  const table = await searchPatient(page, '090139Y967V');
  const count = await table.waitForRows();
  await expect(problemsHeader(table)).toContainText('from the DocumentReference');
  // The DocumentReference alone does not show the code inside the CDA.
  await expect(row(table, 'seed-doc-266')).not.toContainText('problem');

  // Keyboard only: the action is a button in the toolbar.
  await checkButton(page).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Contents of' })).toHaveText(
    `Contents of ${count} documents checked.`,
    { timeout: 20_000 }, // one read per document: a wait for the end, not a speed check
  );
  await expect(problemsHeader(table)).toContainText('checked: contents');
  const badge = row(table, 'seed-doc-266').locator('.identity-badge');
  await expect(badge).toHaveText('⚠ 1 problem');
  await expect(badge).toHaveAttribute('aria-label', /is not a test code/);
  // The document page's findings too: seed-doc-12's DocumentReference disagrees with its header.
  await expect(row(table, 'seed-doc-12').locator('.identity-badge')).toHaveAttribute(
    'aria-label',
    /DocumentReference/,
  );
  await expect(row(table, 'seed-doc-11')).toContainText('none found');
  await table.column('Problems').getByRole('button').click();
  await table.column('Problems').getByRole('button').click();
  await expect(table.rows.first()).toContainText('⚠');
  await keepScreenshot(page, testInfo, 'checked-1400');

  // Every document read is in the audit trail, as the document view's reads are.
  const reads = await app.workspace.auditList({ kind: 'read', patient: '090139Y967V' });
  expect(reads.ok && reads.value.rows.length).toBe(count);
});

test('the check flags two documents of one set with the same version', async ({ shell, page }) => {
  await shell.open();
  const table = await searchPatient(page, '150173-998H');
  await checkButton(page).click();
  await expect(problemsHeader(table)).toContainText('checked: contents', { timeout: 20_000 });
  for (const resourceId of ['seed-doc-53', 'seed-doc-453']) {
    await table.globalFilter.fill(resourceId === 'seed-doc-53' ? '2026.53' : '2026.453');
    const badge = row(table, resourceId).locator('.identity-badge');
    await expect(badge).toHaveAttribute(
      'aria-label',
      /Version 1 of set .* is also used by document/,
    );
  }
});

test('Stop ends the check before the next read; a failed read is a row note, not a stop', async ({
  shell,
  page,
}) => {
  await shell.open();
  const table = await searchPatient(page, '090139Y967V');
  const count = await table.waitForRows();
  const asked: string[] = [];
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/bridge/documents:check', async (route) => {
    asked.push(String(route.request().postDataJSON()?.resourceId));
    if (asked.length === 1) {
      await held;
      await route.fulfill({
        json: {
          ok: false,
          error: { code: 'env-timeout', message: 'The environment did not answer in time.' },
        },
      });
    } else await route.continue();
  });
  await checkButton(page).click();
  await expect(page.getByRole('status').filter({ hasText: 'Checking' })).toHaveText(
    `Checking contents… 0 of ${count}`,
  );
  await page.getByRole('button', { name: 'Stop' }).click();
  release();
  await expect(page.getByRole('status').filter({ hasText: 'stopped' })).toHaveText(
    `Check stopped after 0 of ${count}.`,
  );
  await expect(problemsHeader(table)).toContainText(`checked: contents of 0 of ${count}`);
  expect(asked).toHaveLength(1);

  // Again: the first read fails, the rest are read.
  asked.length = 0;
  await checkButton(page).click();
  await expect(page.getByRole('status').filter({ hasText: 'Contents of' })).toHaveText(
    `Contents of ${count} documents checked.`,
    { timeout: 20_000 }, // one read per document: a wait for the end, not a speed check
  );
  expect(asked).toHaveLength(count);
  const failed = row(table, asked[0]!);
  await expect(failed).toContainText('not read');
  await expect(failed.locator('.check-note')).toHaveAttribute('title', /did not answer in time/);
});

test('at 1280: ids cut from their start, the patient code whole, dates with their offset', async ({
  shell,
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await shell.open();
  const table = await searchPatient(page, '090139Y967V');
  const first = table.rows.first();
  const documentId = first.locator('.cut-start').first();
  const id = (await documentId.textContent()) ?? '';
  expect(id).toMatch(/^1\.2\.246\.10\./);
  await expect(documentId).toHaveAttribute('title', id);
  await expect(documentId).toHaveCSS('direction', 'rtl');
  // Cut: the id does not fit, and what shows is its end (the ellipsis is on the left).
  const box = await documentId.evaluate((element) => {
    const range = document.createRange();
    range.selectNodeContents(element);
    const text = range.getBoundingClientRect();
    const shown = element.getBoundingClientRect();
    return {
      textRight: text.right,
      shownRight: shown.right,
      textLeft: text.left,
      shownLeft: shown.left,
    };
  });
  expect(box.textLeft).toBeLessThan(box.shownLeft);
  expect(Math.abs(box.textRight - box.shownRight)).toBeLessThan(12);

  // The keyboard's row shows its ids whole under the table.
  await table.grid.focus();
  await page.keyboard.press('ArrowDown');
  const active = table.grid.locator('.table-row.is-active');
  const activeIds = await active.locator('.cut-start').allTextContents();
  await expect(page.locator('.active-row-ids')).toHaveText(
    `Document id ${activeIds[0]} · set id ${activeIds[1]}`,
  );

  for (const patientCell of await table.rows.evaluateAll((rows) =>
    rows.map((r) => {
      const cell = r.querySelectorAll<HTMLElement>('[role="gridcell"]')[5]!;
      return { text: cell.textContent, fits: cell.scrollWidth <= cell.clientWidth };
    }),
  ))
    expect(patientCell).toEqual({ text: '090139Y967V', fits: true });
  for (const date of await table.rows.evaluateAll((rows) =>
    rows.map((r) => {
      const cell = r.querySelectorAll<HTMLElement>('[role="gridcell"]')[4]!;
      return { text: cell.textContent ?? '', fits: cell.scrollWidth <= cell.clientWidth };
    }),
  )) {
    expect(date.text).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} [+-]\d{2}:\d{2}$/);
    expect(date.fits).toBe(true);
  }
  await keepScreenshot(page, testInfo, 'table-1280');
});
