/**
 * The invalidation dialog after review 11 (findings 2, 3, 4, 8, 10, 11, 13) against the real
 * workspace: it names where it sends and whose each document is, wants a reason chosen, hands
 * focus to Close when the run ends, names an attempt whose outcome is unknown, asks before the
 * page is left while sending, and is not offered in a profile that is not a test environment.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { attemptEvent, attemptOutcomeEvent } from '../../shared/invalidation/audit-records';
import { noFaults } from '../../electron/sandbox/faults';
import { generateSeedCatalog } from '../../electron/sandbox/seed/generate-seed';
import { startSandbox } from '../../electron/sandbox/server';
import { homeAudit } from '../../electron/services/invalidation/audit';
import { ctx } from '../unit/electron/services/audit/support';
import type { Locator } from '@playwright/test';
import { expect, test, type Page } from './fixtures';
import { DocumentView } from './pages/inspector';
import { seriousAccessibilityViolations } from './support/accessibility';
import { invalidatableDocument } from './support/invalidatable';
import { keepScreenshot } from './support/screenshots';

async function openDialog(page: Page, profileId: string, resourceId: string) {
  await page.goto(`${new URL(page.url()).origin}/#/env/${profileId}/doc/${resourceId}/metadata`);
  await expect(new DocumentView(page).heading).toContainText('current');
  await page.getByRole('button', { name: 'Invalidate…' }).click();
  return page.getByRole('dialog', { name: `Invalidate DocumentReference/${resourceId}` });
}

function profile(id: string, baseUrl: string, isTestEnvironment: boolean) {
  return {
    id,
    displayName: id,
    kind: 'fhir',
    baseUrl,
    repository: 'patient-data',
    isTestEnvironment,
  };
}

/**
 * A sandbox that answers each request after 700 ms as the home's one profile, and the dialog of
 * one of its clean documents sending with `reason`: a run still sending when the test goes on.
 * `body` gets the dialog and the document's id; the sandbox is closed after it, pass or fail.
 */
async function whileSendingSlowly(
  { page, home, open }: { page: Page; home: string; open: () => Promise<unknown> },
  seed: number,
  reason: string,
  body: (dialog: Locator, id: string) => Promise<void>,
): Promise<void> {
  const catalog = generateSeedCatalog({ seed, patients: 2, documents: 12 });
  const clean = catalog.documents.find(
    (d) => d.documentReference.status === 'current' && d.problems.length === 0,
  );
  const slow = await startSandbox({ catalog, faults: { ...noFaults, latencyMs: 700 } });
  if (!slow.ok || !clean) throw new Error('no slow sandbox');
  try {
    const profiles = { profiles: [profile('slow', slow.value.baseUrl, true)] };
    await writeFile(path.join(home, 'profiles.json'), JSON.stringify(profiles));
    await open();
    const id = clean.documentReference.id;
    const dialog = await openDialog(page, 'slow', id);
    await dialog.getByLabel('Reason (required)').selectOption(reason);
    await dialog.getByLabel(/to confirm/).fill(id);
    await dialog.getByRole('button', { name: 'Invalidate', exact: true }).click();
    await expect(dialog.getByLabel('Invalidation progress')).toBeVisible();
    await body(dialog, id);
  } finally {
    await slow.value.close();
  }
}

test('the dialog names where and whose, wants a reason, and gives focus to Close when done', async ({
  shell,
  page,
  app,
}, testInfo) => {
  test.setTimeout(90_000);
  const id = (await invalidatableDocument(app)).resourceId;
  await shell.open();
  const dialog = await openDialog(page, 'sandbox', id);
  await expect(dialog.getByRole('heading', { level: 3 })).toHaveText(
    `Preflight in Local sandbox (kind sandbox, ${app.sandboxUrl}, test environment: yes)`,
  );
  await expect(dialog.getByRole('region', { name: `Document ${id}` })).toContainText(
    /status current, patient \d{6}[-+A-Y]9\d\d[0-9A-Y]/,
  );
  const invalidate = dialog.getByRole('button', { name: 'Invalidate', exact: true });
  const reason = dialog.getByLabel('Reason (required)');
  await expect(reason).toHaveValue('');
  await expect(invalidate).toBeDisabled();
  await expect(invalidate).toHaveAccessibleDescription(
    'To enable Invalidate: choose a reason; type the confirmation above.',
  );
  await dialog.getByLabel(/to confirm/).fill(id);
  await expect(invalidate).toHaveAccessibleDescription('To enable Invalidate: choose a reason.');
  await expect(invalidate).toBeDisabled();
  await reason.selectOption('duplicate');
  await expect(invalidate).toBeEnabled();
  expect(await seriousAccessibilityViolations(page), 'invalidation dialog').toEqual([]);
  await keepScreenshot(page, testInfo, 'invalidation-where-whose');

  await invalidate.click();
  const outcome = dialog
    .getByRole('list', { name: 'Read-back per document' })
    .getByRole('listitem');
  await expect(outcome).toHaveAttribute('data-state', 'invalidated', { timeout: 20_000 });
  const close = dialog.getByRole('button', { name: 'Close' });
  await expect(close).toBeFocused();
  // Each reference and id once (review 11, finding 11).
  const text = (await outcome.textContent()) ?? '';
  expect(text.split(`DocumentReference/${id}`)).toHaveLength(2);
  expect(text.split('Provenance/')).toHaveLength(2);
  await page.setViewportSize({ width: 1280, height: 720 });
  await keepScreenshot(page, testInfo, 'invalidation-result-focus-1280');
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
});

test('an attempt whose outcome is unknown is named in the next preflight', async ({
  shell,
  page,
  app,
  home,
}, testInfo) => {
  const id = (await invalidatableDocument(app)).resourceId;
  const requestId = '0f0e0d0c-0b0a-4909-8807-060504030201';
  const audit = homeAudit(home, {
    ...ctx,
    environment: { name: 'Local sandbox', baseUrl: app.sandboxUrl },
  });
  const attempt = attemptEvent(audit.context, {
    resourceId: id,
    reason: { code: 'duplicate' },
    requestId,
  });
  const recorded = await audit.record(attempt, 'e2e');
  if (!recorded.ok) throw new Error(recorded.error.message);
  const lost = attemptOutcomeEvent(attempt, recorded.value.sequence, 'unknown', 'lost', new Date());
  expect((await audit.record(lost, 'e2e')).ok).toBe(true);

  await shell.open();
  const dialog = await openDialog(page, 'sandbox', id);
  await expect(dialog).toContainText(
    'Preflight passed for the document, with warnings: read them before you confirm.',
  );
  await expect(dialog.locator('.finding-warning')).toContainText(
    `(request id ${requestId}) to invalidate DocumentReference/${id} ended with its outcome unknown. Read back now: status current and no Provenance from that request, so it has not landed.`,
  );
  await keepScreenshot(page, testInfo, 'invalidation-unknown-attempt');
});

test('Invalidate… is disabled, with the reason, in a profile that is not a test environment', async ({
  shell,
  page,
  app,
  home,
}, testInfo) => {
  const id = (await invalidatableDocument(app)).resourceId;
  const profiles = { profiles: [profile('prodlike', app.sandboxUrl, false)] };
  await writeFile(path.join(home, 'profiles.json'), JSON.stringify(profiles));
  await shell.open();
  await page.goto(`${new URL(page.url()).origin}/#/env/prodlike/doc/${id}/metadata`);
  await expect(new DocumentView(page).heading).toContainText('current');
  const button = page.getByRole('button', { name: 'Invalidate…' });
  await expect(button).toBeDisabled();
  await expect(button).toHaveAccessibleDescription(
    'Invalidation is off: this profile is not marked as a test environment.',
  );
  await expect(
    page.getByText('Invalidation is off: this profile is not marked as a test environment.'),
  ).toBeVisible();
  await page.setViewportSize({ width: 1400, height: 900 });
  await keepScreenshot(page, testInfo, 'invalidation-off-1400');
});

test('leaving the page while a run is sending asks first; the run then ends on screen', async ({
  shell,
  page,
  home,
}) => {
  test.setTimeout(90_000);
  await whileSendingSlowly(
    { page, home, open: () => shell.open() },
    5,
    'test-data-cleanup',
    async (dialog) => {
      const asked = page.waitForEvent('dialog');
      await page.close({ runBeforeUnload: true });
      const question = await asked;
      expect(question.type()).toBe('beforeunload');
      await question.dismiss();
      const outcome = dialog
        .getByRole('list', { name: 'Read-back per document' })
        .getByRole('listitem');
      await expect(outcome).toHaveAttribute('data-state', 'invalidated', { timeout: 60_000 });
    },
  );
});

test('after a reload while sending, the document page says how the run ended', async ({
  shell,
  page,
  home,
}, testInfo) => {
  test.setTimeout(90_000);
  await whileSendingSlowly(
    { page, home, open: () => shell.open() },
    6,
    'duplicate',
    async (_dialog, id) => {
      // The operator leaves anyway: the run goes on in the Node side.
      page.once('dialog', (question) => void question.accept());
      await page.reload();
      const notice = page.locator('.unwatched-run');
      await expect(notice).toContainText('was sending when this page was left');
      await expect(notice).toContainText(
        `has ended (from the audit trail): DocumentReference/${id} is invalidated: the read-back shows status entered-in-error and Provenance/`,
        { timeout: 60_000 },
      );
      await expect(notice).not.toContainText('reason=');
      await expect(new DocumentView(page).heading).toContainText('invalidated');
      await keepScreenshot(page, testInfo, 'invalidation-unwatched-run');
    },
  );
});
