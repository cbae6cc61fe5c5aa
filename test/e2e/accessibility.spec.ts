/**
 * Accessibility of each main screen (issue 6, item 7): axe-core finds no serious or critical
 * WCAG 2.1 A/AA violation on search with results, every document tab and the audit tab; the
 * screens are kept as screenshots in test-results/screenshots/ on the way.
 */
import { expect, test } from './fixtures';
import { AuditTab, DocumentTablePage, DocumentView, SearchPage } from './pages/inspector';
import { seriousAccessibilityViolations } from './support/accessibility';
import { keepScreenshot } from './support/screenshots';

test('search with results, the document tabs and the audit tab have no serious axe violations', async ({
  shell,
  page,
}, testInfo) => {
  test.setTimeout(120_000); // seven axe runs on a shared 2-core machine
  await page.setViewportSize({ width: 1280, height: 800 });
  await shell.open();
  const search = new SearchPage(page);
  await expect(search.hint).toBeVisible();
  expect(await seriousAccessibilityViolations(page), 'first run').toEqual([]);
  await keepScreenshot(page, testInfo, 'first-run');

  await search.hint.getByRole('button').first().click();
  const table = new DocumentTablePage(page);
  await table.waitForRows();
  await table.grid.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  expect(await seriousAccessibilityViolations(page), 'search with results').toEqual([]);
  await keepScreenshot(page, testInfo, 'search-results');

  await table.grid.getByLabel('Filter Status').fill('replaced');
  await expect(table.rows.first()).toHaveAttribute('data-status', 'replaced');
  await table.grid.focus();
  await page.keyboard.press('Enter');
  const view = new DocumentView(page);
  await expect(view.heading).toBeVisible();
  await expect(view.panel.getByRole('region', { name: 'Patient' })).toBeVisible();
  expect(await seriousAccessibilityViolations(page), 'metadata tab').toEqual([]);
  await keepScreenshot(page, testInfo, 'document-metadata');

  await view.tab('Content').click();
  await expect(view.panel.locator('.content-line').first()).toBeVisible();
  await page.keyboard.press('Control+f');
  await page.getByRole('search').getByLabel('Find').fill('setId');
  await expect(page.locator('.find-count')).toContainText('match 1');
  expect(await seriousAccessibilityViolations(page), 'content tab').toEqual([]);
  await keepScreenshot(page, testInfo, 'document-content');

  await view.tab('Narrative').click();
  await expect(view.panel.locator('.narrative-section').first()).toBeVisible();
  expect(await seriousAccessibilityViolations(page), 'narrative tab').toEqual([]);
  await keepScreenshot(page, testInfo, 'document-narrative');

  await view.tab('Versions').click();
  const chain = view.panel.getByRole('list', { name: 'Version chain' });
  await expect(chain.getByRole('listitem').first()).toBeVisible();
  expect(await seriousAccessibilityViolations(page), 'versions tab').toEqual([]);
  await keepScreenshot(page, testInfo, 'document-versions');

  await page
    .getByRole('navigation', { name: 'Pages' })
    .getByRole('link', { name: 'Audit' })
    .click();
  const audit = new AuditTab(page);
  await expect(audit.rows.first()).toBeVisible();
  await page.getByRole('button', { name: 'Verify the journal' }).click();
  await expect(page.locator('.verify-ok')).toBeVisible();
  expect(await seriousAccessibilityViolations(page), 'audit tab').toEqual([]);
  await keepScreenshot(page, testInfo, 'audit');
});

test('keyboard focus is visible on the controls of the search screen', async ({ shell, page }) => {
  await shell.open();
  const search = new SearchPage(page);
  await search.hetu.focus();
  await page.keyboard.press('Tab');
  // Whatever has focus after Tab must draw a visible outline or ring (WCAG 2.4.7).
  const focusStyle = await page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return 'nothing focused';
    const style = getComputedStyle(element);
    const hasOutline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
    const hasRing = style.boxShadow !== 'none';
    return hasOutline || hasRing ? 'visible' : `invisible on ${element.tagName}`;
  });
  expect(focusStyle).toBe('visible');
});
