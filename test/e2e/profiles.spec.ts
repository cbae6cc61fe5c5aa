/**
 * The Environments screen end to end: an HTTPS sandbox that requires client certificates, a
 * profile made in the app with its PKCS#12 file and passphrase (sealed by the harness's
 * safeStorage double, the Electron boundary), Check with the certificate doctor, switching to it
 * and searching; a wrong passphrase; the refusal without a secret store; edit and remove.
 */
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestSafeStorage, type TestKeychain } from '../../electron/harness/test-safe-storage';
import { startSandbox, type RunningSandbox } from '../../electron/sandbox/server';
import { createSafeStorageSecretStore } from '../../electron/services/profiles/safe-storage-secret-store';
import {
  samplePatientsOf,
  startAppWorkspace,
} from '../../electron/services/workspace/app-workspace';
import { test as base, expect } from './fixtures';
import { EnvironmentsScreen } from './pages/environments';
import { DocumentTablePage, SearchPage } from './pages/inspector';
import { seriousAccessibilityViolations } from './support/accessibility';
import { keepScreenshot } from './support/screenshots';

const documentFixtures = fileURLToPath(new URL('../fixtures/documents/', import.meta.url));

const test = base.extend<{ keychain: TestKeychain; tlsSandbox: RunningSandbox }>({
  keychain: ['available', { option: true }],
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
  tlsSandbox: async ({}, use) => {
    const started = await startSandbox({ tls: true });
    if (!started.ok) throw new Error(started.error.message);
    await use(started.value);
    await started.value.close();
  },
  app: async ({ home, keychain, tlsSandbox }, use) => {
    // The sandbox's certificate files, where the harness finds files named in the form.
    const files = path.join(home, 'local-files');
    await mkdir(files, { recursive: true });
    await copyFile(tlsSandbox.tls!.clientPkcs12, path.join(files, 'client.p12'));
    await copyFile(tlsSandbox.tls!.caCertificate, path.join(files, 'ca.pem'));
    await copyFile(tlsSandbox.tls!.clientCertificate, path.join(files, 'client.crt'));
    await copyFile(tlsSandbox.tls!.clientKey, path.join(files, 'client.key'));
    // Two HL7 V3 archive messages of test patient 010181-900C, for a folder profile.
    await mkdir(path.join(files, 'cases'));
    for (const name of ['rcmr-in100002-store.xml', 'rcmr-in100016-new-version.xml'])
      await copyFile(path.join(documentFixtures, name), path.join(files, 'cases', name));
    const secrets = createSafeStorageSecretStore(home, createTestSafeStorage(keychain));
    const app = await startAppWorkspace({ home, connect: { deadlineMs: 5000, secrets } });
    if (!app.ok) throw new Error(app.error.message);
    await use(app.value);
    await app.value.close();
  },
});

// Each test starts an HTTPS sandbox with client certificates, checks it through a real TLS
// handshake and runs axe: about 20 s on a 2-core machine at load 17, so the default 30 s left no
// margin there (it timed out twice in one run).
test.describe.configure({ timeout: 90_000 });

async function fillTlsProfile(
  screen: EnvironmentsScreen,
  baseUrl: string,
  passphrase: string,
): Promise<void> {
  await screen.newProfile('tls-lab', 'TLS lab', 'sandbox');
  await screen.field('Base URL').fill(baseUrl);
  await screen.form.getByRole('radio', { name: 'PKCS#12 file' }).check();
  await screen.chooseFile('PKCS#12 file', 'client.p12');
  await screen.chooseFile('Pinned CA (PEM)', 'ca.pem');
  await screen.form.getByLabel('The certificate files need a passphrase').check();
  await screen.field('Passphrase').fill(passphrase);
}

test('a TLS profile made in the app checks usable, and searching it works', async ({
  shell,
  page,
  home,
  tlsSandbox,
}, testInfo) => {
  const passphrase = tlsSandbox.tls!.clientPkcs12Passphrase;
  await shell.open();
  const screen = new EnvironmentsScreen(page);
  await screen.open();
  await fillTlsProfile(screen, tlsSandbox.baseUrl, passphrase);
  await expect(screen.field('Passphrase')).toHaveAttribute('type', 'password');
  await keepScreenshot(page, testInfo, 'environments-form');
  expect(await seriousAccessibilityViolations(page), 'axe on the profile form').toEqual([]);
  await screen.save();
  await expect(screen.dialog.getByRole('status')).toHaveText(
    'Saved tls-lab. The passphrase is stored in the secret store.',
  );
  const entry = screen.entry('TLS lab');
  await expect(entry).toContainText('client certificate PKCS#12; passphrase stored');
  // profiles.json holds only a reference; secrets.json only sealed bytes.
  const stored = JSON.parse(await readFile(path.join(home, 'profiles.json'), 'utf8'));
  expect(Object.keys(stored.profiles[0].tls).sort()).toEqual(['caFile', 'passphraseRef', 'pkcs12']);
  const sealed = JSON.parse(await readFile(path.join(home, 'secrets.json'), 'utf8')).entries;
  expect(Buffer.from(sealed['profile:tls-lab'], 'base64').toString('latin1')).not.toContain(
    passphrase,
  );

  await entry.getByRole('button', { name: 'Check TLS lab' }).click();
  const report = entry.getByRole('region', { name: 'Check of TLS lab' });
  await expect(report.getByRole('status')).toHaveText('TLS lab is usable.');
  await expect(report.locator('.doctor-findings')).toContainText('OK:');
  await expect(report).toContainText('Answered: FHIR 4.0.1');
  await keepScreenshot(page, testInfo, 'environments');
  expect(await seriousAccessibilityViolations(page), 'axe on the Environments screen').toEqual([]);
  await screen.dialog.getByRole('button', { name: 'Close' }).click();

  await shell.environments.getByRole('button', { name: 'sandbox TLS lab', exact: true }).click();
  await expect(shell.activeEnvironment).toContainText('TLS lab');
  const patient = samplePatientsOf(tlsSandbox.store)[0]?.hetu ?? '';
  await new SearchPage(page).searchPatient(patient);
  expect(await new DocumentTablePage(page).waitForRows()).toBeGreaterThan(0);
  await expect(
    shell.environments.getByRole('listitem').filter({ hasText: 'TLS lab' }),
  ).toContainText('connected');
});

test('a wrong passphrase shows the certificate doctor’s sentence, and a new one fixes it', async ({
  shell,
  page,
  home,
  tlsSandbox,
}) => {
  await shell.open();
  const screen = new EnvironmentsScreen(page);
  await screen.open();
  await fillTlsProfile(screen, tlsSandbox.baseUrl, 'not-the-passphrase');
  await screen.save();
  const entry = screen.entry('TLS lab');
  await expect(entry).toContainText('passphrase stored');
  // Sealed, never in plain text on disk, and never sent back to the window.
  for (const file of ['profiles.json', 'secrets.json'])
    expect(await readFile(path.join(home, file), 'utf8')).not.toContain('not-the-passphrase');
  expect(await page.content()).not.toContain('not-the-passphrase');
  await entry.getByRole('button', { name: 'Check TLS lab' }).click();
  const report = entry.getByRole('region', { name: 'Check of TLS lab' });
  await expect(report.getByRole('status')).toHaveText('TLS lab is not usable as configured.');
  await expect(report.locator('.doctor-findings li[data-severity="error"]').first()).toContainText(
    /Problem: .*passphrase/i,
  );

  await entry.getByRole('button', { name: 'Edit TLS lab' }).click();
  await expect(screen.field('Passphrase')).toHaveValue('');
  await expect(screen.form).toContainText('A passphrase is stored in the secret store');
  await screen.field('Passphrase').fill(tlsSandbox.tls!.clientPkcs12Passphrase);
  await screen.save();
  await entry.getByRole('button', { name: 'Check TLS lab' }).click();
  await expect(report.getByRole('status')).toHaveText('TLS lab is usable.');
});

test.describe('without a secret store', () => {
  test.use({ keychain: 'unavailable' });

  test('saving a passphrase is refused with the reason; the profile saves without it', async ({
    shell,
    page,
    home,
    tlsSandbox,
  }) => {
    await shell.open();
    const screen = new EnvironmentsScreen(page);
    await screen.open();
    await expect(screen.dialog.getByRole('note')).toHaveText(
      'Passphrases cannot be saved: this computer offers no secret store (OS keychain) to Archivist. Profiles can still be saved without one.',
    );
    await fillTlsProfile(screen, tlsSandbox.baseUrl, 'secret');
    await screen.save();
    await expect(screen.form.getByRole('alert')).toContainText(
      'Passphrases cannot be saved: this computer offers no secret store (OS keychain) to Archivist. Clear the passphrase field to save the profile without it.',
    );
    await expect(screen.form.getByRole('alert')).toContainText('secret-store-unavailable');
    await screen.field('Passphrase').fill('');
    await screen.save();
    await expect(screen.dialog.getByRole('status')).toHaveText('Saved tls-lab.');
    await expect(screen.entry('TLS lab')).toContainText('passphrase not stored');
    expect(
      JSON.parse(await readFile(path.join(home, 'profiles.json'), 'utf8')).profiles[0].tls,
    ).toMatchObject({ passphraseRef: 'profile:tls-lab' });
  });
});

test('a profile is edited and removed after a confirmation', async ({ shell, page, app }) => {
  await shell.open();
  const screen = new EnvironmentsScreen(page);
  await screen.open();
  await screen.newProfile('second', 'Second sandbox', 'sandbox');
  await screen.field('Base URL').fill('not a url');
  await screen.save();
  await expect(screen.form.getByRole('alert')).toContainText(
    "The base URL 'not a url' is not a web address.",
  );
  await screen.field('Base URL').fill(app.sandboxUrl);
  await screen.save();
  await expect(shell.environments).toContainText('Second sandbox');

  await screen.entry('Second sandbox').getByRole('button', { name: 'Edit Second sandbox' }).click();
  await expect(screen.field('Name (used as --env NAME)')).toBeDisabled();
  await screen.field('Display name').fill('Second sandbox, renamed');
  await screen.form.getByLabel('This is a test environment (invalidation allowed)').uncheck();
  await screen.save();
  const renamed = screen.entry('Second sandbox, renamed');
  await expect(renamed).toContainText('not a test environment (read-only)');
  await expect(shell.environments).toContainText('Second sandbox, renamed');

  await renamed.getByRole('button', { name: 'Remove Second sandbox, renamed' }).click();
  await renamed.getByRole('button', { name: 'Keep it' }).click();
  await expect(renamed).toBeVisible();
  await renamed.getByRole('button', { name: 'Remove Second sandbox, renamed' }).click();
  await expect(renamed.getByRole('alertdialog')).toContainText(
    'Its stored passphrase is removed too',
  );
  await renamed.getByRole('button', { name: 'Remove second', exact: true }).click();
  await expect(screen.dialog.getByRole('status')).toHaveText('Removed second.');
  await expect(screen.entry('Second sandbox, renamed')).toHaveCount(0);
  await screen.dialog.getByRole('button', { name: 'Close' }).click();
  await expect(shell.environments).not.toContainText('Second sandbox');
});

test('a folder profile chosen in the form checks usable and is searched like a server', async ({
  shell,
  page,
}) => {
  await shell.open();
  const screen = new EnvironmentsScreen(page);
  await screen.open();
  await screen.newProfile('cases', 'Investigation folder', 'folder');
  await expect(screen.form.getByRole('radio', { name: 'PKCS#12 file' })).toHaveCount(0);
  await screen.save();
  await expect(screen.form.getByRole('alert')).toContainText(
    'A folder profile needs its folder chosen.',
  );
  await screen.chooseFile('Folder', 'cases');
  await screen.save();
  const entry = screen.entry('Investigation folder');
  await entry.getByRole('button', { name: 'Check Investigation folder' }).click();
  await expect(
    entry.getByRole('region', { name: 'Check of Investigation folder' }).getByRole('status'),
  ).toHaveText('Investigation folder is usable.');
  await screen.dialog.getByRole('button', { name: 'Close' }).click();

  await shell.environments
    .getByRole('button', { name: 'folder Investigation folder', exact: true })
    .click();
  await new SearchPage(page).searchPatient('010181-900C');
  expect(await new DocumentTablePage(page).waitForRows()).toBe(2);
});

test('a PEM certificate and key without a passphrase check usable', async ({
  shell,
  page,
  tlsSandbox,
}) => {
  await shell.open();
  const screen = new EnvironmentsScreen(page);
  await screen.open();
  await screen.newProfile('pem-lab', 'PEM lab', 'fhir');
  await screen.field('Base URL').fill(tlsSandbox.baseUrl);
  await screen.form.getByRole('radio', { name: 'PEM certificate and key' }).check();
  await screen.chooseFile('Certificate file (PEM)', 'client.crt');
  await screen.chooseFile('Key file (PEM, if not in the certificate file)', 'client.key');
  await screen.chooseFile('Pinned CA (PEM)', 'ca.pem');
  await expect(screen.form.getByLabel('The certificate files need a passphrase')).not.toBeChecked();
  await screen.save();
  const entry = screen.entry('PEM lab');
  await expect(entry).toContainText('client certificate PEM');
  await expect(entry).not.toContainText('passphrase');
  await entry.getByRole('button', { name: 'Check PEM lab' }).click();
  await expect(
    entry.getByRole('region', { name: 'Check of PEM lab' }).getByRole('status'),
  ).toHaveText('PEM lab is usable.');
});
