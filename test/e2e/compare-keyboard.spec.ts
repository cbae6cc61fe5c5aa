/**
 * The compare view by keyboard alone: the focus stays in the diff when the button that had it goes
 * away (an expander, a reviewed mark scrolled out by n), the letter shortcuts work from a checkbox
 * but not while typing a file name, nothing steps behind the About dialog, and asking for a local
 * file puts the focus in its name field; one button skips the change list's many Tab stops.
 */
import { expect, test } from './fixtures';
import { editedSyntheticPair, registerLocalFiles } from './support/local-pair';

test('keyboard focus and shortcuts in the compare view', async ({ shell, page, app, home }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1400, height: 900 });
  // Every twentieth "kontrolli" changed: changes far enough apart to collapse the lines between.
  const pair = editedSyntheticPair(200_000, 2, 20);
  const ids = await registerLocalFiles(app, home, [
    ['keys-left.xml', pair.left],
    ['keys-right.xml', pair.right],
  ]);
  await shell.open();
  await page.goto(
    `${new URL(page.url()).origin}/#/compare?left=file:${ids[0]}&right=file:${ids[1]}`,
  );
  await expect(page.locator('.compare-page')).toHaveAttribute('data-state', 'ready', {
    timeout: 60_000,
  });
  const diff = page.getByRole('table', { name: 'Content differences' });
  const position = page.locator('.change-position');
  await expect(diff.locator('.diff-row-change').first()).toBeVisible({ timeout: 60_000 });

  // One Tab stop past the whole change list: the skip button before it focuses the diff.
  const skip = page.getByRole('button', {
    name: 'Skip the change list to the content differences',
  });
  await skip.focus();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(diff).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(diff).not.toBeFocused();

  // A reviewed mark that n scrolls away: the pane keeps the focus, not the page's body.
  await diff.focus();
  await page.keyboard.press('F7');
  await expect(position).toContainText('Change 1 of');
  const mark = diff.getByRole('button', { name: 'Reviewed: change 1' });
  await mark.focus();
  await page.keyboard.press('Enter');
  await expect(mark).toHaveAttribute('aria-pressed', 'true');
  for (const label of ['Change 2 of', 'Change 3 of', 'Change 4 of', 'Change 5 of']) {
    await page.keyboard.press('n');
    await expect(position).toContainText(label);
  }
  await expect(diff).toBeFocused();

  // An expander opened with Enter gives way to its lines; the focus stays in the diff.
  const expander = diff.locator('.diff-expander').first();
  const label = (await expander.textContent()) ?? '';
  expect(label).toMatch(/^Show \d+ unchanged lines/);
  await expander.focus();
  await page.keyboard.press('Enter');
  await expect(diff.getByRole('button', { name: label, exact: true })).toHaveCount(0);
  await expect(diff).toBeFocused();

  // n on a ticked checkbox (the export's redaction) still steps: a letter types nothing there.
  const box = page
    .getByRole('form', { name: 'Export a report' })
    .getByLabel('Redact identity codes and names');
  await box.focus();
  await page.keyboard.press('Space');
  await expect(box).toBeChecked();
  await page.keyboard.press('n');
  await expect(position).toContainText('Change 6 of');

  // Behind the About dialog nothing steps.
  await page.getByRole('button', { name: 'About' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('n');
  await page.keyboard.press('F7');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(position).toContainText('Change 6 of');

  // Asking for a local file (no file dialog in the harness) puts the focus in its name field,
  // and letters typed there are the name, not shortcuts.
  await page.getByRole('button', { name: 'Compare the left side with a local file…' }).focus();
  await page.keyboard.press('Enter');
  const name = page.getByRole('form', { name: 'Local file by name' }).getByLabel('File name');
  await expect(name).toBeFocused();
  await page.keyboard.type('np');
  await expect(name).toHaveValue('np');
  await expect(position).toContainText('Change 6 of');
});
