/**
 * A long comparison (two 20 MB documents) keeps both side boxes on screen while it runs, naming
 * each file and its size, and counts the seconds (issue 7 review: 22 s on a 40 MB file showed one
 * unchanging line and no sides, which read as a hang).
 */
import { syntheticCda } from '../bench/synthetic-cda';
import { expect, test } from './fixtures';
import { registerLocalFiles } from './support/local-pair';

test('a long comparison keeps both side boxes and counts its seconds', async ({
  shell,
  page,
  app,
  home,
}) => {
  test.setTimeout(180_000);
  const ids = await registerLocalFiles(app, home, [
    ['long-left.xml', syntheticCda(20_000_000, 'structured', 1)],
    ['long-right.xml', syntheticCda(20_000_000, 'structured', 2)],
  ]);
  await shell.open();
  await page.goto(
    `${new URL(page.url()).origin}/#/compare?left=file:${ids[0]}&right=file:${ids[1]}`,
  );
  const root = page.locator('.compare-page');
  await expect(root).toHaveAttribute('data-state', 'loading');
  // The boxes name the files and their sizes before the answer comes (main tells the page).
  await expect(page.getByRole('group', { name: 'Left document' })).toContainText(
    'file long-left.xml (20 MB)',
  );
  await expect(page.getByRole('group', { name: 'Right document' })).toContainText(
    'file long-right.xml (20 MB)',
  );
  await expect(root).toHaveAttribute('data-state', 'loading');
  await expect(page.locator('.compare-progress')).toContainText(/\(\d+ s\)/);
  await expect(root).toHaveAttribute('data-state', 'ready', { timeout: 150_000 });
});
