/**
 * The change list is virtualised (issue 7: removing a list of about 1,100 items was the largest
 * task of a switch to the Narrative mode). On the bench's 2 MB pair with 10% edits the page holds
 * only the items in view and a margin, each with its place in its group for screen readers;
 * stepping to the last change shows its item; an item is chosen with Enter, Tab reaches the next
 * one, and a focused item scrolled out of view keeps the focus (and the shortcuts keep working).
 */
import { pairBase, variantOf } from '../bench/compare-pairs';
import { expect, test } from './fixtures';
import { seriousAccessibilityViolations } from './support/accessibility';
import { registerLocalFiles } from './support/local-pair';

test('a long change list renders only what is in view, and stepping far down shows the item', async ({
  shell,
  page,
  app,
  home,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1400, height: 900 });
  const base = pairBase({ bytes: 2_000_000 });
  const [left, right] = await registerLocalFiles(app, home, [
    ['long-left.xml', base],
    ['long-right.xml', variantOf(base, 2_000_000, '10% edits')],
  ]);
  await shell.open();
  await page.goto(`${new URL(page.url()).origin}/#/compare?left=file:${left}&right=file:${right}`);
  await expect(page.locator('.compare-page')).toHaveAttribute('data-state', 'ready', {
    timeout: 90_000,
  });
  const diff = page.getByRole('table', { name: 'Content differences' });
  const position = page.locator('.change-position');
  const list = page.getByRole('navigation', { name: 'Change list' });
  const rendered = list.getByRole('listitem');
  const marked = list.locator('li[aria-current="true"]');
  await expect(diff.locator('.diff-row-change').first()).toBeVisible({ timeout: 60_000 });
  await expect(rendered.first()).toBeVisible({ timeout: 60_000 });

  // Over a thousand items, a few dozen in the page.
  const total = Number(/\((\d+)\)/.exec((await list.locator('h3').textContent()) ?? '')?.[1]);
  expect(total).toBeGreaterThan(1000);
  expect(await rendered.count()).toBeGreaterThan(5);
  expect(await rendered.count()).toBeLessThan(80);
  // Each item says where it is in its group.
  await expect(rendered.first()).toHaveAttribute('aria-posinset', '1');
  const groupSize = Number(await rendered.first().getAttribute('aria-setsize'));
  expect(groupSize).toBeGreaterThan(0);

  // From no change back to the last one: its item is far down the list, and shown.
  const changes = Number(/(\d+) content changes/.exec((await position.textContent()) ?? '')?.[1]);
  await diff.focus();
  await page.keyboard.press('Shift+F7');
  await expect(position).toContainText(`Change ${changes} of ${changes}`);
  await expect(marked).toHaveCount(1, { timeout: 30_000 });
  await expect(marked).toBeInViewport({ timeout: 15_000 });
  await expect(diff).toBeFocused();
  const lastPlace = Number(await marked.getAttribute('aria-posinset'));
  expect(lastPlace).toBeGreaterThan(100);
  expect(await rendered.count()).toBeLessThan(80);
  expect(
    await list.locator('.change-list-scroll').evaluate((pane) => pane.scrollTop),
  ).toBeGreaterThan(1000);

  // Enter on the marked item keeps its change; Tab reaches the next item in the list.
  const markedButton = marked.getByRole('button');
  await markedButton.focus();
  await page.keyboard.press('Enter');
  await expect(position).toContainText(`Change ${changes} of ${changes}`);
  await page.keyboard.press('Shift+Tab');
  const previous = list.locator('li:has(button:focus)');
  await expect(previous).toHaveCount(1);
  await expect(previous).toHaveAttribute('aria-posinset', String(lastPlace - 1));

  // Scrolled back to the top, the focused item stays in the page with the focus.
  await list.locator('.change-list-scroll').evaluate((pane) => pane.scrollTo(0, 0));
  await expect(rendered.first()).toHaveAttribute('aria-posinset', '1');
  await expect(previous.getByRole('button')).toBeFocused();
  expect(await rendered.count()).toBeLessThan(80);
  // The shortcuts work from there: n wraps to the first change, r marks it reviewed.
  await page.keyboard.press('n');
  await expect(position).toContainText(`Change 1 of ${changes}`);
  await page.keyboard.press('r');
  await expect(page.locator('.reviewed-count')).toHaveText(/^1 of \d+ reviewed$/);
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
});
