/**
 * The change list is virtualised: only the items in view (and a margin) are in the page. A spec
 * that wants an item by what it says scrolls the list down from its top until the item is
 * rendered, as a tester would.
 */
import { expect, type Locator } from '@playwright/test';

/** Scrolls `list` (the Change list navigation) from its top until `target` inside it is rendered. */
export async function scrollListTo(list: Locator, target: Locator): Promise<Locator> {
  const pane = list.locator('.change-list-scroll');
  await pane.evaluate((element) => element.scrollTo(0, 0));
  await expect(async () => {
    if ((await target.count()) === 0)
      await pane.evaluate((element) => element.scrollBy(0, element.clientHeight / 2));
    await expect(target).toBeAttached({ timeout: 500 });
  }).toPass({ timeout: 30_000 });
  return target;
}
