/**
 * The change list follows the diff (issue 7: "a change list panel linked to the panes"): after
 * F7 / Shift+F7 and n / p the list marks the items of the current change (aria-current) and
 * scrolls them into view inside the list (virtualised: far items are rendered when reached),
 * while the keyboard focus stays in the diff pane; choosing a marked item keeps the same change. And Escape closes
 * the "compare with a local file" name form, giving the focus back to its button.
 */
import { expect, test } from './fixtures';
import { editedSyntheticPair, registerLocalFiles } from './support/local-pair';

test('the change list marks and shows the current change as the diff steps', async ({
  shell,
  page,
  app,
  home,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1400, height: 900 });
  // Every fifth "kontrolli" changed: more changed entries than the list has in view.
  const pair = editedSyntheticPair(400_000, 3, 5);
  const ids = await registerLocalFiles(app, home, [
    ['follow-left.xml', pair.left],
    ['follow-right.xml', pair.right],
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
  const list = page.getByRole('navigation', { name: 'Change list' });
  const marked = list.locator('li[aria-current="true"]');
  await expect(diff.locator('.diff-row-change').first()).toBeVisible({ timeout: 60_000 });
  await expect(list.getByRole('listitem').first()).toBeVisible({ timeout: 60_000 });
  const total = Number(/(\d+) content changes/.exec((await position.textContent()) ?? '')?.[1]);
  expect(total).toBeGreaterThan(120);
  // No change is current yet: nothing is marked.
  await expect(marked).toHaveCount(0);

  // Step forward with F7 and n: one marked item per step, a new one each time, in view in the
  // list (the list scrolls, the page does not take the focus from the pane).
  await diff.focus();
  const texts: string[] = [];
  for (let step = 1; step <= 24; step++) {
    await page.keyboard.press(step % 2 === 0 ? 'n' : 'F7');
    await expect(position).toContainText(`Change ${step} of`);
    await expect(marked).toHaveCount(1, { timeout: 30_000 });
    await expect(marked).toBeInViewport({ timeout: 15_000 });
    const text = (await marked.textContent()) ?? '';
    expect(texts).not.toContain(text);
    texts.push(text);
    await expect(diff).toBeFocused();
  }
  // The list had to scroll to show the later items.
  expect(
    await list.locator('.change-list-scroll').evaluate((pane) => pane.scrollTop),
  ).toBeGreaterThan(0);

  // Back with Shift+F7 and p: the marks retrace the same items.
  for (let step = 23; step >= 20; step--) {
    await page.keyboard.press(step % 2 === 0 ? 'p' : 'Shift+F7');
    await expect(position).toContainText(`Change ${step} of`);
    await expect(marked).toHaveText(texts[step - 1]!);
    await expect(marked).toBeInViewport({ timeout: 15_000 });
    await expect(diff).toBeFocused();
  }

  // From the first change back to the last: its item is far down the list, and shown there.
  for (let step = 19; step >= 1; step--) await page.keyboard.press('p');
  await expect(position).toContainText('Change 1 of');
  await expect(marked).toHaveText(texts[0]!);
  await page.keyboard.press('p');
  await expect(position).toContainText(`Change ${total} of ${total}`);
  await expect(marked).toHaveCount(1, { timeout: 30_000 });
  await expect(marked).toBeInViewport({ timeout: 15_000 });
  await expect(diff).toBeFocused();
  expect(Number(await marked.getAttribute('aria-posinset'))).toBeGreaterThan(100);

  // Choosing the marked item keeps the same change current.
  await marked.getByRole('button').click();
  await expect(position).toContainText(`Change ${total} of ${total}`);
  await expect(marked).toHaveCount(1);

  // Escape closes the local file name form (no file dialog in the harness) and gives the
  // focus back to the button that opened it.
  const opener = page.getByRole('button', { name: 'Compare the left side with a local file…' });
  await opener.focus();
  await page.keyboard.press('Enter');
  const form = page.getByRole('form', { name: 'Local file by name' });
  await expect(form.getByLabel('File name')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(form).toHaveCount(0);
  await expect(opener).toBeFocused();
  // It opens again from there.
  await page.keyboard.press('Enter');
  await expect(form.getByLabel('File name')).toBeFocused();
});
