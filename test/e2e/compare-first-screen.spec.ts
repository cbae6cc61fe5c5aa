/**
 * The first screen of a comparison says what changed (issue 7 tester's review, item 2 and 3):
 * a summary line at the top, the content diff starting above the fold at 1280x720 because a long
 * metadata table starts capped with its own "Show all N", times read as dates, and hidden rules
 * that give the same reason on one line.
 */
import { expect, test } from './fixtures';
import { eskoVersionPair } from './support/folder-pair';
import { keepScreenshot } from './support/screenshots';

test('the first screen at 1280x720 has the summary and the start of the content diff', async ({
  shell,
  page,
  app,
  home,
}, testInfo) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  const address = await eskoVersionPair(app, home);
  await shell.open();
  await page.goto(`${new URL(page.url()).origin}/${address}`);
  await expect(page.locator('.compare-page')).toHaveAttribute('data-state', 'ready', {
    timeout: 60_000,
  });
  const diff = page.getByRole('table', { name: 'Content differences' });
  await expect(diff.locator('.diff-row').first()).toBeVisible({ timeout: 30_000 });

  const summary = page.locator('details.compare-summary > summary, p.compare-summary');
  await expect(summary).toHaveText(
    /^\d+ content changes?, \d+ metadata changes?, \d+ change-list items? · (\d+|none) hidden by profile “.+” · \d+ of \d+ reviewed$/,
  );
  await expect(summary).toBeInViewport({ ratio: 1 });
  expect((await summary.boundingBox())?.height).toBeLessThan(30); // one line
  await keepScreenshot(page, testInfo, 'compare-first-screen-1280');
  // At least 150 px of the diff pane are in the window without scrolling.
  const paneTop = (await diff.boundingBox())?.y ?? Number.POSITIVE_INFINITY;
  expect(paneTop).toBeLessThan(720 - 150);
  await expect(diff.locator('.diff-row').first()).toBeInViewport();

  // Times read as dates, the raw HL7 time as the cell's tooltip.
  const metadata = page.getByRole('table', { name: 'Metadata differences' });
  const time = metadata.locator('td', { hasText: /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/ }).first();
  await expect(time).toHaveAttribute('title', /^\d{12,14}([+-]\d{4})?$/);
  await expect(metadata).not.toContainText(/\d{14}[+-]\d{4}/);

  // Hidden rules, behind the summary line (Enter opens it): one line per reason, counts in the
  // right number.
  await page.locator('.compare-summary > summary').focus();
  await page.keyboard.press('Enter');
  const rules = page.getByRole('list', { name: 'Hidden differences' }).getByRole('listitem');
  await expect(rules.first()).toBeVisible();
  const reasons = (await rules.allTextContents()).map((line) => line.split(': ')[1]);
  expect(new Set(reasons).size).toBe(reasons.length);
  for (const line of await rules.allTextContents()) expect(line).not.toMatch(/\b1 \S+ items\b/);

  // The capped metadata table opens whole from the keyboard, and closes again.
  const rowCount = await metadata.locator('tbody tr').count();
  const showAll = page.getByRole('button', { name: /^Show all \d+ metadata differences$/ });
  const box = page.locator('.metadata-diff-scroll');
  const isClipped = () => box.evaluate((element) => element.scrollHeight > element.clientHeight);
  if (rowCount > 4) {
    await expect(showAll).toHaveText(`Show all ${rowCount} metadata differences`);
    expect(await isClipped()).toBe(true);
    await showAll.focus();
    await page.keyboard.press('Enter');
    const showFewer = page.getByRole('button', { name: 'Show fewer metadata differences' });
    await expect(showFewer).toHaveAttribute('aria-expanded', 'true');
    expect(await isClipped()).toBe(false);
    await keepScreenshot(page, testInfo, 'compare-first-screen-opened');
    await page.keyboard.press('Enter');
    await expect(showAll).toHaveAttribute('aria-expanded', 'false');
  } else await expect(showAll).toHaveCount(0);
});
