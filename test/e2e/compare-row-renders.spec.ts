/**
 * The diff's rows are memoised: drawing the next slice of rows (use-sliced-rows.ts), moving to a
 * change or marking it reviewed renders only the rows whose content or place changed, not every
 * row already on screen. Counted in the built app with React's DevTools hook (which production
 * React calls after every commit): a row rendered again while its element came out the same as
 * before is a wasted render, and there must be none.
 */
import { expect, test, type Page } from './fixtures';
import { editedSyntheticPair, registerLocalFiles } from './support/local-pair';

/** What the page's recorder has counted so far (see `installRenderRecorder`). */
interface RenderCounts {
  /** Commits that mounted at least one diff row. */
  readonly mountingCommits: number;
  /** Of those, commits in which rows mounted earlier were on screen. */
  readonly slicesAfterRows: number;
  /** Rows mounted earlier that rendered again in a commit that mounted rows. */
  readonly earlierRowsRenderedBySlices: number;
  /** Rows rendered again whose element came out exactly as it was. */
  readonly wasted: number;
  readonly wastedExamples: readonly string[];
}

/**
 * A stand-in for React DevTools' global hook, installed before the app loads: after each commit
 * it walks the fiber tree to the diff's row elements. A row element's props object is new only
 * when the component that draws it ran; a memoised row that was skipped keeps the old one.
 */
function installRenderRecorder(): void {
  interface Fiber {
    readonly tag: number;
    readonly type: unknown;
    readonly memoizedProps: Record<string, unknown> | null;
    readonly stateNode: unknown;
    readonly child: Fiber | null;
    readonly sibling: Fiber | null;
  }
  const seen = new Map<string, { node: unknown; props: unknown; html: string }>();
  const counts = {
    mountingCommits: 0,
    slicesAfterRows: 0,
    earlierRowsRenderedBySlices: 0,
    wasted: 0,
    wastedExamples: [] as string[],
  };
  const onCommit = (root: { current: Fiber }) => {
    let mounted = 0;
    let earlier = 0;
    let rerendered = 0;
    const stack: Fiber[] = [root.current];
    while (stack.length > 0) {
      const fiber = stack.pop()!;
      if (fiber.sibling) stack.push(fiber.sibling);
      const props = fiber.memoizedProps;
      const isRow =
        fiber.tag === 5 &&
        props?.role === 'row' &&
        typeof props.className === 'string' &&
        props.className.startsWith('diff-row ') &&
        fiber.stateNode instanceof HTMLElement;
      if (!isRow) {
        if (fiber.child) stack.push(fiber.child);
        continue;
      }
      const element = fiber.stateNode as HTMLElement;
      const key = String(props['data-index']);
      const before = seen.get(key);
      const html = element.outerHTML;
      if (!before || before.node !== element || !element.isConnected) {
        mounted++;
      } else {
        earlier++;
        if (before.props !== props) {
          rerendered++;
          if (before.html === html) {
            counts.wasted++;
            if (counts.wastedExamples.length < 5) counts.wastedExamples.push(html.slice(0, 160));
          }
        }
      }
      seen.set(key, { node: element, props, html });
    }
    if (mounted > 0) {
      counts.mountingCommits++;
      if (earlier > 0) counts.slicesAfterRows++;
      counts.earlierRowsRenderedBySlices += rerendered;
    }
  };
  Object.assign(window, {
    __rowRenders: counts,
    __REACT_DEVTOOLS_GLOBAL_HOOK__: {
      supportsFiber: true,
      renderers: new Map(),
      inject: () => 1,
      onCommitFiberRoot: (_id: number, root: { current: Fiber }) => onCommit(root),
      onCommitFiberUnmount: () => {},
      onPostCommitFiberRoot: () => {},
      checkDCE: () => {},
    },
  });
}

async function renderCounts(page: Page): Promise<RenderCounts> {
  return page.evaluate(() => (window as unknown as { __rowRenders: RenderCounts }).__rowRenders);
}

/** Resolves once the diff's rows reach the bottom of its pane: the first screen is drawn. */
async function waitForFullPane(page: Page): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate(() => {
          const pane = document.querySelector('.diff-scroll');
          if (!pane) return false;
          const bottom = pane.getBoundingClientRect().bottom;
          return [...pane.querySelectorAll('.diff-row')].some(
            (row) => row.getBoundingClientRect().bottom >= bottom,
          );
        }),
      { timeout: 60_000 },
    )
    .toBe(true);
}

test('drawing, stepping and marking a comparison renders no row whose element stays the same', async ({
  shell,
  page,
  app,
  home,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1400, height: 1000 });
  // Every fifth "kontrolli" changed: many changes, so the first screen is many rows.
  const pair = editedSyntheticPair(300_000, 1, 5);
  const ids = await registerLocalFiles(app, home, [
    ['rows-left.xml', pair.left],
    ['rows-right.xml', pair.right],
  ]);
  await page.addInitScript(installRenderRecorder);
  await shell.open();
  const hash = `#/compare?left=file:${ids[0]}&right=file:${ids[1]}&mode=side-by-side`;
  await page.evaluate((address) => (window.location.hash = address), hash);
  const comparePage = page.locator('.compare-page');
  await expect(comparePage).not.toHaveAttribute('data-state', 'loading', { timeout: 60_000 });
  // A failed comparison says why in the test's error.
  expect(await comparePage.getAttribute('data-state'), await comparePage.innerText()).toBe('ready');
  const diff = page.getByRole('table', { name: 'Content differences' });
  await expect(diff.locator('.diff-row-change ins').first()).toBeVisible({ timeout: 60_000 });
  await waitForFullPane(page);
  const drawn = await renderCounts(page);
  // The first screen came in slices on top of rows already there: the counting has something
  // to count (a screen is about 50 rows, a slice 12).
  expect(drawn.slicesAfterRows, 'slices added below rows on screen').toBeGreaterThanOrEqual(2);

  // Stepping to changes scrolls the diff (new rows, in slices) and moves the current mark; a
  // reviewed mark changes one row.
  await diff.focus();
  for (const label of ['Change 1 of', 'Change 2 of', 'Change 3 of']) {
    await page.keyboard.press('F7');
    await expect(page.locator('.change-position')).toContainText(label);
    await expect(diff.locator('[aria-current="true"]').first()).toBeVisible();
  }
  await page.keyboard.press('r');
  await expect(diff.getByRole('button', { name: 'Reviewed: change 3' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await page.keyboard.press('PageDown');
  await waitForFullPane(page);

  const counts = await renderCounts(page);
  await test.info().attach('row-renders.json', {
    body: JSON.stringify(counts, null, 2),
    contentType: 'application/json',
  });
  expect(counts.wasted, `rows rendered again with nothing changed: ${JSON.stringify(counts)}`).toBe(
    0,
  );
});
