/**
 * A long comparison (two 20 MB documents) says what it is doing beside its seconds: the phase in
 * words, announced through a polite live region once it has lasted a moment (issue 7 review: 22 s
 * of "Reading and comparing…" read as a hang).
 */
import { syntheticCda } from '../bench/synthetic-cda';
import { expect, test } from './fixtures';
import { registerLocalFiles } from './support/local-pair';

test('a long comparison shows and announces its phases', async ({ shell, page, app, home }) => {
  test.setTimeout(180_000);
  const ids = await registerLocalFiles(app, home, [
    ['phases-left.xml', syntheticCda(20_000_000, 'structured', 3)],
    ['phases-right.xml', syntheticCda(20_000_000, 'structured', 4)],
  ]);
  await shell.open();
  await page.goto(
    `${new URL(page.url()).origin}/#/compare?left=file:${ids[0]}&right=file:${ids[1]}`,
  );
  const root = page.locator('.compare-page');
  await expect(root).toHaveAttribute('data-state', 'loading');
  // Reading a 20 MB document takes seconds: its phase is on screen, and then announced.
  const reading = /Reading (both documents \(20 MB each\)|the (left|right) document \(20 MB\))…/;
  const progress = page.locator('.compare-progress');
  await expect(progress.locator('.compare-phase')).toHaveText(reading, { timeout: 60_000 });
  await expect(progress.getByRole('status')).toHaveText(reading, { timeout: 60_000 });
  // The seconds tick outside the live region.
  await expect(progress).toContainText(/\(\d+ s\)/);
  await expect(progress.getByRole('status')).not.toContainText(/\d+ s\)/);
  await expect(root).toHaveAttribute('data-state', 'ready', { timeout: 150_000 });
});
