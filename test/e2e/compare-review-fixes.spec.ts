/**
 * Fixes from a new user's review of the compare view (issue 7) in a 1400x900 window: the current
 * change is brought into the window, not only into the diff pane; header items of the change
 * list are linked to their content changes both ways; the header names the compared documents'
 * environments; a local file that is not XML leaves the comparison on screen and names the file.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Locator } from '@playwright/test';
import { expect, test, type Page } from './fixtures';
import { scrollListTo } from './support/change-list';
import { syntheticCda } from '../bench/synthetic-cda';
import { eskoVersionPair } from './support/folder-pair';

/** Fails unless the element's box lies wholly inside the window. */
async function expectInWindow(page: Page, element: Locator): Promise<void> {
  await expect(element).toBeInViewport({ ratio: 1 });
  const box = await element.boundingBox();
  const size = page.viewportSize();
  if (!box || !size) throw new Error('the element or the window has no size');
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(size.height);
}

async function openEskoPair(page: Page, address: string): Promise<void> {
  await page.goto(`${new URL(page.url()).origin}/${address}`);
  await expect(page.locator('.compare-page')).toHaveAttribute('data-state', 'ready', {
    timeout: 60_000,
  });
  await expect(
    page.getByRole('table', { name: 'Content differences' }).locator('.diff-row-change').first(),
  ).toBeVisible({ timeout: 30_000 });
}

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
});

test('next/previous change and the change list bring the current change into the window', async ({
  shell,
  page,
  app,
  home,
}) => {
  test.setTimeout(120_000);
  const address = await eskoVersionPair(app, home);
  await shell.open();
  await openEskoPair(page, address);
  const diff = page.getByRole('table', { name: 'Content differences' });
  const position = page.locator('.change-position');
  const current = diff.locator('.diff-row[aria-current="true"]').first();
  const total = Number(/(\d+) content changes/.exec((await position.textContent()) ?? '')?.[1]);
  expect(total).toBeGreaterThan(3);

  // The pane ends below the fold: F7 with the focus on the page (not in the pane) scrolls the
  // page to every change in turn.
  const main = page.locator('.app-main');
  const pane = await diff.boundingBox();
  expect((pane?.y ?? 0) + (pane?.height ?? 0)).toBeGreaterThan(900);
  for (let step = 1; step <= total; step++) {
    await page.keyboard.press('F7');
    await expect(position).toContainText(`Change ${step} of`);
    await expectInWindow(page, current);
  }

  // From the pane, with the page scrolled back to the top: n / p / Shift+F7 show their rows,
  // and the keyboard stays in the pane.
  await diff.focus();
  for (const key of ['n', 'n', 'p', 'Shift+F7', 'F7']) {
    await main.evaluate((element) => element.scrollTo(0, 0));
    await page.keyboard.press(key);
    await expectInWindow(page, current);
    await expect(diff).toBeFocused();
  }

  // Back at the top of the page, a change-list item moves the diff and shows its row.
  await main.evaluate((element) => element.scrollTo(0, 0));
  const list = page.getByRole('navigation', { name: 'Change list' });
  const item = list.getByRole('button', { name: /narrative changed/ }).first();
  await (await scrollListTo(list, item)).click();
  await expect(position).toContainText(/Change \d+ of/);
  await expectInWindow(page, current);
});

test('header items lead to their content changes, and the diff marks them', async ({
  shell,
  page,
  app,
  home,
}) => {
  test.setTimeout(120_000);
  const address = await eskoVersionPair(app, home);
  await shell.open();
  await openEskoPair(page, address);
  const position = page.locator('.change-position');
  const list = page.getByRole('navigation', { name: 'Change list' });
  const header = list.getByRole('region', { name: 'Header' });

  // Choosing "id changed …" moves the diff to the change on /ClinicalDocument/id.
  await header.getByRole('button', { name: /^changed Id changed from/ }).click();
  await expect(position).toContainText(/^Change 1 of \d+: \/ClinicalDocument\/id/);
  const idItem = header.getByRole('listitem').filter({ hasText: /^changed Id changed from/ });
  await expect(idItem).toHaveAttribute('aria-current', 'true');

  // And stepping marks the header items: title, then the author's time.
  await page.getByRole('table', { name: 'Content differences' }).focus();
  await page.keyboard.press('F7');
  await expect(position).toContainText(/^Change 2 of \d+: \/ClinicalDocument\/title/);
  // effectiveTime's line is inside that change too (model-path-links.ts): both items are marked.
  await expect(
    header.locator('li[aria-current="true"]').filter({ hasText: 'Title changed from' }),
  ).toHaveCount(1);
  await page.keyboard.press('F7');
  await expect(position).toContainText(/^Change 3 of \d+: \/ClinicalDocument\/author/);
  await expect(header.locator('li[aria-current="true"]')).toContainText(
    'Author 1 › time changed from',
  );
});

test('the header names the compared environments, and a non-XML local file keeps the comparison', async ({
  shell,
  page,
  app,
  home,
}) => {
  test.setTimeout(120_000);
  const address = await eskoVersionPair(app, home);
  await mkdir(path.join(home, 'local-files'), { recursive: true });
  await writeFile(path.join(home, 'local-files', 'notes.txt'), 'Just some notes, not XML.\n');
  await shell.open();
  await openEskoPair(page, address);
  const environment = page.getByLabel('Environment in use');
  await expect(environment).toHaveText('folder Esko offline copies');

  await page.getByRole('button', { name: 'Compare the left side with a local file…' }).click();
  const form = page.getByRole('form', { name: 'Local file by name' });
  await form.getByLabel('File name').fill('../profiles.json');
  await form.getByRole('button', { name: 'Use this file' }).click();
  const problem = page.locator('.local-file-picker').getByRole('alert');
  await expect(problem).toContainText(
    '"../profiles.json" is not a plain file name. Type only the name of a file in the local files folder',
  );
  await expect(problem).not.toContainText('request.name');

  await form.getByLabel('File name').fill('notes.txt');
  await form.getByRole('button', { name: 'Use this file' }).click();
  // The comparison on screen stays, the address too, and the error is beside the picker.
  await expect(problem).toContainText('The right document (file notes.txt) is not XML', {
    timeout: 60_000,
  });
  const root = page.locator('.compare-page');
  await expect(root).toHaveAttribute('data-state', 'ready');
  expect(page.url()).toContain(address.slice(address.indexOf('#')));
  await expect(root.locator('.compare-failure')).toHaveCount(0);
  await expect(page.getByRole('group', { name: 'Right document' })).not.toContainText('notes.txt');
  await expect(
    page.getByRole('table', { name: 'Content differences' }).locator('.diff-row-change').first(),
  ).toBeVisible();
  await expect(environment).toHaveText('folder Esko offline copies');
  // Another file can be picked from here, and the error goes when it is.
  await form.getByLabel('File name').fill('../profiles.json');
  await form.getByRole('button', { name: 'Use this file' }).click();
  await expect(problem).toContainText('is not a plain file name');
  await expect(problem).not.toContainText('notes.txt');

  // A file that compares takes the right side: the address moves to it once it has compared.
  await writeFile(
    path.join(home, 'local-files', 'other.xml'),
    syntheticCda(5_000, 'structured', 3),
  );
  await form.getByLabel('File name').fill('other.xml');
  await form.getByRole('button', { name: 'Use this file' }).click();
  await expect(page).toHaveURL(/right=file%3A/, { timeout: 60_000 });
  await expect(root).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
  await expect(page.getByRole('group', { name: 'Right document' })).toContainText('file other.xml');
  await expect(problem).toHaveCount(0);
});
