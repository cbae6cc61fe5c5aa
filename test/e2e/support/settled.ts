/**
 * Waiting for a settled app before measuring its long tasks (issue 7: "no long task > 50 ms on
 * the UI thread during a compare").
 */
import type { Page } from '../fixtures';

/**
 * Resolves once the page's main thread has been idle for about a second (twenty idle periods in a
 * row with nearly their whole 50 ms to spare). The app's own start (the workspace, the sidebar's
 * environments, the first page) is still running for a while after the shell stops showing
 * "loading"; changing the route within it counted one of its tasks against the comparison (1 or
 * 2 of 16 runs, a 50–110 ms task starting at the route change, with the code of the previous
 * session too; none in 24 runs after waiting). The measured window starts from a settled app.
 */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        let quiet = 0;
        const tick = (deadline: IdleDeadline) => {
          quiet = deadline.timeRemaining() >= 45 ? quiet + 1 : 0;
          if (quiet >= 20) resolve();
          else requestIdleCallback(tick, { timeout: 1000 });
        };
        requestIdleCallback(tick, { timeout: 1000 });
      }),
  );
}
