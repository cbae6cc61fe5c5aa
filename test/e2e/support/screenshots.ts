/**
 * Screenshots of the main screens, kept as test artifacts in test-results/screenshots/ (stable
 * names, overwritten by each run) and attached to the Playwright report. The README tour uses
 * committed copies of them from resources/screenshots/.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page, TestInfo } from '@playwright/test';

export const screenshotFolder = fileURLToPath(
  new URL('../../../test-results/screenshots', import.meta.url),
);

/** Takes a screenshot of the window (not the whole page: the table scrolls inside it). */
export async function keepScreenshot(
  page: Page,
  testInfo: TestInfo,
  name: string,
): Promise<string> {
  const screenshot = await page.screenshot({ animations: 'disabled', caret: 'hide' });
  await testInfo.attach(name, { body: screenshot, contentType: 'image/png' });
  await mkdir(screenshotFolder, { recursive: true });
  const file = path.join(screenshotFolder, `${name}.png`);
  await writeFile(file, screenshot);
  return file;
}
