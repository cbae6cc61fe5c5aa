/**
 * Keyboard focus where a keyboard user expects it: a document opened from the table with Enter
 * puts focus on its heading (not back at the page's start), and Escape in the Content tab's
 * find bar returns focus to the document text being searched.
 */
import { expect, test } from './fixtures';
import { DocumentTablePage, DocumentView } from './pages/inspector';

test('Enter on a row focuses the opened document; Escape from find returns to the text', async ({
  shell,
  page,
  app,
}) => {
  const overview = await app.workspace.overview();
  const patient = overview.ok ? (overview.value.samplePatients[0]?.hetu ?? '') : '';
  await shell.open();
  await page.goto(`${new URL(page.url()).origin}/#/env/sandbox/search?patient=${patient}`);
  const table = new DocumentTablePage(page);
  await table.waitForRows();
  await table.grid.focus();
  await page.keyboard.press('Enter');

  const view = new DocumentView(page);
  await expect(page).toHaveURL(/#\/env\/sandbox\/doc\/[^/]+\/metadata$/);
  await expect(view.heading).toBeFocused();
  // Tab goes on into the document, not back to the skip link at the top.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).not.toBeFocused();

  await view.tab('Content').click();
  await expect(view.panel.locator('.content-line').first()).toContainText('<?xml');
  await page.keyboard.press('Control+f');
  const find = page.getByRole('search').getByLabel('Find');
  await expect(find).toBeFocused();
  await find.fill('setId');
  await page.keyboard.press('Escape');
  await expect(find).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Document text' })).toBeFocused();
});
