/**
 * The calendar banner and scheduled-outage refusals (issue 6, items 1 and 8): the sandbox runs
 * the Kanta service calendar on a set clock, and the workspace reads the same clock.
 */
import type { AppWorkspace } from '../../electron/services/workspace/app-workspace';
import { expect, test } from './fixtures';
import { SearchPage } from './pages/inspector';
import { keepScreenshot } from './support/screenshots';

const calendarBanner = '.calendar-banner';

test.describe('inside the fault-testing window', () => {
  // Monday 7 December 2026 12:30 Helsinki time: the first Monday's fault test runs 12:00–15:00.
  test.use({ sandboxClock: new Date('2026-12-07T10:30:00Z') });

  test('the banner names the window with a countdown, and a search answers scheduled outage', async ({
    shell,
    page,
    app,
  }, testInfo) => {
    await shell.open();
    const banner = page.locator(calendarBanner);
    await expect(banner).toHaveAttribute('role', 'alert');
    await expect(banner).toContainText('Scheduled outage now');
    await expect(banner).toContainText('Monthly fault testing');
    await expect(banner).toContainText(/Ends in 2 h (29|30) min\./);
    await keepScreenshot(page, testInfo, 'calendar-banner');

    const patient = await firstPatient(app);
    const search = new SearchPage(page);
    await search.searchPatient(patient);
    await expect(search.error).toContainText('env-scheduled-outage');
    await expect(search.error).toContainText(
      /is in its scheduled fault-testing window until .*15:00.* Helsinki time, so nothing was sent\./,
    );
  });
});

test.describe('before the window', () => {
  // The same Monday 11:00 Helsinki time: one hour before the fault test.
  test.use({ sandboxClock: new Date('2026-12-07T09:00:00Z') });

  test('a quiet line counts down to the window and searches work', async ({ shell, page, app }) => {
    await shell.open();
    await expect(page.locator(calendarBanner)).toHaveCount(0);
    const line = page.locator('.calendar-line');
    await expect(line).toContainText('Next window: Monthly fault testing');
    await expect(line.locator('.countdown')).toHaveText(/^(59 min|1 h 0 min)$/);

    const search = new SearchPage(page);
    await search.searchPatient(await firstPatient(app));
    await expect(page.locator('.document-table')).toHaveAttribute('data-row-count', /^[1-9]/);
  });
});

/** A test patient of the sandbox, from the workspace the harness serves. */
async function firstPatient(app: AppWorkspace): Promise<string> {
  const overview = await app.workspace.overview();
  return overview.ok ? (overview.value.samplePatients[0]?.hetu ?? '') : '';
}
