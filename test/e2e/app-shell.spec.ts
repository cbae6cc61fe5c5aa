import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './fixtures';

test('the app shell loads from the harness with no console errors', async ({
  shell,
  home,
}, testInfo) => {
  await shell.open();
  await expect(shell.title).toBeVisible();
  await expect(shell.version).toHaveText(/^v\d+\.\d+\.\d+/);
  await expect(shell.environments).toContainText('Local sandbox');
  await expect(shell.statusBar).toContainText(home);
  await expect(shell.statusBar).toContainText('Browser harness');
  const screenshot = await shell.page.screenshot({ fullPage: true });
  await testInfo.attach('app-shell', { body: screenshot, contentType: 'image/png' });
  await writeFile(testInfo.outputPath('app-shell.png'), screenshot);
});

test('the token leaves the address bar and a reload keeps working', async ({ shell }) => {
  await shell.open();
  expect(shell.page.url()).not.toContain('token=');
  await shell.page.reload();
  await expect(shell.title).toBeVisible();
  await expect(shell.environments).toContainText('Local sandbox');
});

test.describe('Content-Security-Policy', () => {
  test.use({ allowedConsoleErrors: [/Content Security Policy/] });

  test('is in force: no inline script, no remote connection', async ({ shell, page }) => {
    await shell.open();
    const violations = await page.evaluate(async () => {
      const seen: string[] = [];
      document.addEventListener('securitypolicyviolation', (event) =>
        seen.push(event.violatedDirective),
      );
      const inline = document.createElement('script');
      inline.textContent = 'window.__inlineRan = true';
      document.body.append(inline);
      const remote = await fetch('https://www.kanta.fi/').then(
        () => 'loaded',
        () => 'blocked',
      );
      await new Promise((resolve) => setTimeout(resolve, 50));
      return {
        seen,
        inlineRan: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true,
        remote,
      };
    });
    expect(violations.inlineRan).toBe(false);
    expect(violations.remote).toBe('blocked');
    expect(violations.seen).toEqual(expect.arrayContaining(['script-src-elem', 'connect-src']));
    const header = await page.request
      .get(shell.page.url())
      .then((response) => response.headers()['content-security-policy']);
    expect(header).toContain("default-src 'none'");
  });
});

test('profiles from the home folder are listed, and a broken profiles.json is explained', async ({
  shell,
  home,
}) => {
  const profile = {
    id: 'tk',
    displayName: 'TK patient data',
    kind: 'TK',
    baseUrl: 'https://tk.example.invalid',
    repository: 'patient-data',
    isTestEnvironment: true,
  };
  await writeFile(path.join(home, 'profiles.json'), JSON.stringify({ profiles: [profile] }));
  await shell.open();
  await expect(shell.environments).toContainText('TK patient data');
  await writeFile(path.join(home, 'profiles.json'), '{"profiles": [');
  await shell.page.reload();
  await expect(shell.environments.getByRole('alert')).toContainText('is not valid JSON');
});

test('About opens a dialog that Escape closes', async ({ shell, page }) => {
  await shell.open();
  await shell.aboutButton.click();
  await expect(shell.aboutDialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(shell.aboutDialog).toBeHidden();
});

test('without the harness token the page explains what to do', async ({ page, harness }) => {
  await page.goto(harness.origin);
  await expect(page.getByRole('alert')).toContainText('cannot reach its services');
});
