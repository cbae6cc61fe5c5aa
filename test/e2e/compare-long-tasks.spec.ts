/**
 * Issue 7: "no long task > 50 ms on the UI thread during a compare". A generated ~2 MB pair of
 * structured documents (test/bench/synthetic-cda.ts, with a few hundred edited narrative words)
 * is compared through the local-file entry point while a PerformanceObserver records every long
 * task from before the comparison starts until the view has painted. Wall-clock waits are
 * generous (the machine is shared); the long-task list is the real check.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { syntheticCda } from '../bench/synthetic-cda';
import { expect, test, type Page } from './fixtures';
import { settled } from './support/settled';

interface LongTask {
  readonly start: number;
  readonly duration: number;
}

/** The same document with every tenth "kontrolli" changed: a few hundred changed lines. */
function edited(text: string): string {
  let seen = 0;
  return text.replace(/kontrolli/g, (word) => (++seen % 10 === 0 ? 'seuranta' : word));
}

async function registerPair(home: string, pick: (name: string) => Promise<string>) {
  const folder = path.join(home, 'local-files');
  await mkdir(folder, { recursive: true });
  const base = syntheticCda(2_000_000, 'structured', 1);
  await writeFile(path.join(folder, 'large-left.xml'), base);
  await writeFile(path.join(folder, 'large-right.xml'), edited(base));
  return { left: await pick('large-left.xml'), right: await pick('large-right.xml') };
}

/**
 * Starts a long-task observer, opens the comparison, waits in the page until `readySelector`
 * shows and two frames have painted, and returns every long task seen. All of it runs inside
 * one evaluate: Playwright's own polling and trace snapshots run on the page's thread too, and
 * must not be counted against the app.
 */
async function longTasksWhileComparing(
  page: Page,
  hash: string,
  readySelector: string,
  timeoutMs: number,
): Promise<{ tasks: LongTask[]; isReady: boolean }> {
  return page.evaluate(
    ({ hash, readySelector, timeoutMs }) =>
      new Promise<{ tasks: LongTask[]; isReady: boolean }>((resolve) => {
        const tasks: LongTask[] = [];
        const observer = new PerformanceObserver((list) => {
          for (const entry of list.getEntries())
            tasks.push({
              start: Math.round(entry.startTime),
              duration: Math.round(entry.duration),
            });
        });
        observer.observe({ type: 'longtask' });
        const deadline = performance.now() + timeoutMs;
        const finish = (isReady: boolean) => {
          // Long-task entries are delivered after their task; one more macrotask lets them in.
          setTimeout(() => {
            observer.takeRecords().forEach((entry) =>
              tasks.push({
                start: Math.round(entry.startTime),
                duration: Math.round(entry.duration),
              }),
            );
            observer.disconnect();
            resolve({ tasks, isReady });
          }, 100);
        };
        const check = () => {
          const ready = document.querySelector('.compare-page[data-state="ready"]');
          const shown = document.querySelector(readySelector);
          if (ready && shown)
            requestAnimationFrame(() => requestAnimationFrame(() => finish(true)));
          else if (performance.now() > deadline) finish(false);
          else setTimeout(check, 50);
        };
        window.location.hash = hash;
        setTimeout(check, 50);
      }),
    { hash, readySelector, timeoutMs },
  );
}

// Playwright's trace (on for every other spec, kept on failure) snapshots the page on its own
// main thread, which adds long tasks that are not the app's; this spec measures the app alone.
test.use({ trace: 'off' });
// No retry. Every task of the view stays well under 50 ms of CPU time (Chrome traces of this pair
// at load averages of 13–20: at most about 12 ms each), but a machine crowded enough to keep the
// UI thread waiting for a core still stretches some past 50 ms of wall time: on the shared 2-core
// machine 4 of 12 runs failed so at a load average of 13–15 (3 of 12 with the code before, run
// alternately) and 13 of 20 at 15–17 (README). long-tasks.json has each task's start and duration;
// only a trace tells a task's CPU time from its waiting. A failure here is not retried away.

for (const mode of ['side-by-side', 'narrative'] as const)
  test(`no long task over 50 ms while a 2 MB pair is compared and shown (${mode})`, async ({
    shell,
    page,
    app,
    home,
  }, testInfo) => {
    test.setTimeout(240_000);
    await page.setViewportSize({ width: 1400, height: 1000 });
    const ids = await registerPair(home, async (name) => {
      const picked = await app.workspace.pickFile(name);
      if (!picked.ok || !picked.value.picked) throw new Error(`cannot register ${name}`);
      return picked.value.fileId;
    });
    await shell.open();
    await settled(page);
    const hash = `#/compare?left=file:${ids.left}&right=file:${ids.right}&mode=${mode}`;
    const readySelector =
      mode === 'narrative' ? '.narrative-diff-item ins' : '.diff-row-change ins';
    const { tasks: longTasks, isReady } = await longTasksWhileComparing(
      page,
      hash,
      readySelector,
      180_000,
    );
    expect(isReady, 'the comparison was shown within 180 s').toBe(true);
    // The changed words are there, as the user sees them (checked after the measured window).
    await expect(page.locator(readySelector).first()).toBeVisible();
    await testInfo.attach('long-tasks.json', {
      body: JSON.stringify(longTasks, null, 2),
      contentType: 'application/json',
    });
    expect(longTasks.filter((task) => task.duration > 50)).toEqual([]);
  });
