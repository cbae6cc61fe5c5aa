/**
 * A header item whose line sits inside a change that starts on another field (issue 7 review,
 * item 8): when id, code and title all changed, the content diff has one change at
 * /ClinicalDocument/id, and choosing "title changed …" framed no row. It now makes that change
 * current, so n goes on to the next one.
 */
import { expect, test } from './fixtures';
import { syntheticCda } from '../bench/synthetic-cda';
import { registerLocalFiles } from './support/local-pair';

test('choosing a header item inside a larger change makes that change current', async ({
  shell,
  page,
  app,
  home,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1400, height: 900 });
  const left = syntheticCda(20_000, 'structured', 5);
  const right = left
    .replace(/<id root="[^"]+"\/>/, '<id root="1.2.246.10.99999999.77"/>')
    .replace('displayName="Muu asiakirja"', 'displayName="Muu asiakirja, korjattu"')
    .replace('<title>Synteettinen testiasiakirja</title>', '<title>Korjattu asiakirja</title>')
    .replace('kontrolli', 'seuranta');
  const ids = await registerLocalFiles(app, home, [
    ['block-left.xml', left],
    ['block-right.xml', right],
  ]);
  await shell.open();
  await page.goto(
    `${new URL(page.url()).origin}/#/compare?left=file:${ids[0]}&right=file:${ids[1]}`,
  );
  await expect(page.locator('.compare-page')).toHaveAttribute('data-state', 'ready', {
    timeout: 60_000,
  });
  const position = page.locator('.change-position');
  await expect(position).toHaveText(/^\d+ content changes\.$/);
  const header = page.getByRole('navigation', { name: 'Change list' }).getByRole('region', {
    name: 'Header',
  });
  await header.getByRole('button', { name: /^changed Title changed from/ }).click();
  await expect(position).toContainText(/^Change 1 of \d+: \/ClinicalDocument\/id/);
  await expect(
    header.getByRole('listitem').filter({ hasText: /^changed Title changed from/ }),
  ).toHaveAttribute('aria-current', 'true');
  await expect(
    page
      .getByRole('table', { name: 'Content differences' })
      .locator('.diff-row[aria-current="true"]')
      .first(),
  ).toBeVisible();
  await page.getByRole('table', { name: 'Content differences' }).focus();
  await page.keyboard.press('n');
  await expect(position).toContainText(/^Change 2 of/);
});
