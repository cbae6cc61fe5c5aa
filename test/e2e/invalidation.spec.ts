/**
 * The invalidation dialog end to end (issue 6, item 6) against the real workspace and sandbox:
 * preflight with the exact payload (the dry run), the typed confirmation, the read-back; and the
 * refusal inside the fault-testing window. The sandbox is read over HTTP to check the result
 * independently of the app.
 */
import { expect, test, type Page } from './fixtures';
import type { AppWorkspace } from '../../electron/services/workspace/app-workspace';
import { DocumentTablePage, DocumentView } from './pages/inspector';
import { seriousAccessibilityViolations } from './support/accessibility';
import { invalidatableDocument } from './support/invalidatable';
import { keepScreenshot } from './support/screenshots';

const provenanceProfile = 'https://gen.kanta.fi/fhir/StructureDefinition/MitatointiProvenanceV2';

async function sandboxStatus(app: AppWorkspace, resourceId: string): Promise<string> {
  const answer = await fetch(`${app.sandboxUrl}/DocumentReference/${resourceId}`);
  return ((await answer.json()) as { status: string }).status;
}

async function openDocument(page: Page, resourceId: string): Promise<DocumentView> {
  await page.goto(`${new URL(page.url()).origin}/#/env/sandbox/doc/${resourceId}/metadata`);
  const view = new DocumentView(page);
  await expect(view.heading).toContainText('current');
  return view;
}

test('a test document is invalidated through the dialog: payload preview, typed confirmation, read-back', async ({
  shell,
  page,
  app,
}, testInfo) => {
  test.setTimeout(90_000);
  const row = await invalidatableDocument(app);
  await shell.open();
  const view = await openDocument(page, row.resourceId);
  await page.getByRole('button', { name: 'Invalidate…' }).click();

  const dialog = page.getByRole('dialog', {
    name: `Invalidate DocumentReference/${row.resourceId}`,
  });
  await expect(dialog).toContainText('Preflight passed for the document.');
  const payload = dialog.getByLabel(`Payload for ${row.resourceId}`);
  await expect(payload).toContainText(provenanceProfile);
  await expect(payload).toContainText(`"reference": "DocumentReference/${row.resourceId}"`);
  await expect(payload).not.toContainText('"reason"');
  const confirm = dialog.getByLabel(/to confirm/);
  const invalidate = dialog.getByRole('button', { name: 'Invalidate', exact: true });
  await expect(invalidate).toBeDisabled();

  // A wrong confirmation is marked and cannot be sent; "other" needs a comment.
  await confirm.fill(`${row.resourceId}x`);
  await expect(confirm).toHaveAttribute('aria-invalid', 'true');
  await expect(invalidate).toBeDisabled();
  await confirm.fill(row.resourceId);
  await dialog.getByLabel('Reason').selectOption('other');
  await expect(
    dialog.getByText('To enable Invalidate: say why (the reason “other”).'),
  ).toBeVisible();
  await expect(invalidate).toBeDisabled();
  await dialog.getByLabel('Why (required)').fill('Broken e2e test document');
  await expect(invalidate).toBeEnabled();
  expect(await sandboxStatus(app, row.resourceId)).toBe('current');
  await keepScreenshot(page, testInfo, 'invalidation-dialog');

  await invalidate.click();
  const outcome = dialog
    .getByRole('list', { name: 'Read-back per document' })
    .getByRole('listitem');
  await expect(outcome).toHaveAttribute('data-state', 'invalidated', { timeout: 20_000 });
  await expect(outcome).toContainText('Provenance/');
  await expect(dialog.getByRole('status').last()).toContainText('confirmed by reading back');
  expect(await sandboxStatus(app, row.resourceId)).toBe('entered-in-error');
  await keepScreenshot(page, testInfo, 'invalidation-result');

  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(view.heading).toContainText('invalidated');
  await expect(page.getByRole('button', { name: 'Invalidate…' })).toBeDisabled();

  // The audit tab shows the attempt and its outcome (action U, update) for this document.
  await page
    .getByRole('navigation', { name: 'Pages' })
    .getByRole('link', { name: 'Audit' })
    .click();
  const updates = page
    .getByRole('table', { name: 'Audit records' })
    .locator('tbody tr[data-action="U"]')
    .filter({ hasText: row.resourceId });
  await expect(updates).toHaveCount(2);
  await expect(updates.first()).toContainText('success');
});

test('a table selection is invalidated as a set, confirmed by its token', async ({
  shell,
  page,
  app,
}) => {
  test.setTimeout(90_000);
  const overview = await app.workspace.overview();
  const patient = overview.ok ? (overview.value.samplePatients[0]?.hetu ?? '') : '';
  await shell.open();
  await page.goto(`${new URL(page.url()).origin}/#/env/sandbox/search?patient=${patient}`);
  const table = new DocumentTablePage(page);
  await table.waitForRows();
  await table.grid.getByLabel('Filter Status').fill('current');
  await expect(table.rows.first()).toHaveAttribute('data-status', 'current');
  await table.grid.focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  const ids = await table.grid
    .locator('.table-row[aria-selected="true"]')
    .evaluateAll((rows) => rows.map((row) => row.id.replace('doc-row-', '')));
  expect(ids).toHaveLength(2);
  await page.getByRole('button', { name: 'Invalidate selected (2)…' }).click();

  const dialog = page.getByRole('dialog', { name: 'Invalidate 2 documents' });
  await expect(dialog).toContainText('Preflight passed for all 2 documents.');
  expect(await seriousAccessibilityViolations(page), 'invalidation dialog').toEqual([]);
  const token = (await dialog.locator('.confirmation-token').textContent()) ?? '';
  expect(token).toMatch(/^set-2-[0-9a-f]{10}$/);
  // The id of one document does not confirm the set.
  await dialog.getByLabel(/to confirm/).fill(ids[0] ?? '');
  await expect(dialog.getByRole('button', { name: 'Invalidate', exact: true })).toBeDisabled();
  await dialog.getByLabel(/to confirm/).fill(token);
  await dialog.getByLabel('Reason').selectOption('test-data-cleanup');
  await dialog.getByRole('button', { name: 'Invalidate', exact: true }).click();
  const outcomes = dialog
    .getByRole('list', { name: 'Read-back per document' })
    .getByRole('listitem');
  await expect(outcomes).toHaveCount(2, { timeout: 20_000 });
  for (const state of await outcomes.evaluateAll((items) =>
    items.map((item) => item.getAttribute('data-state')),
  ))
    expect(state).toBe('invalidated');
  for (const id of ids) expect(await sandboxStatus(app, id)).toBe('entered-in-error');

  // Closing searches again: the table shows the new states.
  await dialog.getByRole('button', { name: 'Close' }).click();
  await table.waitForRows();
  for (const id of ids)
    await expect(page.locator(`#doc-row-${id}`)).toHaveAttribute('data-status', 'invalidated');
});

test.describe('inside the fault-testing window', () => {
  // 11:00 Helsinki time on the first Monday of December 2026; the window opens at 12:00.
  test.use({ sandboxClock: new Date('2026-12-07T09:00:00Z') });

  test('invalidation is refused with the window named, and nothing is sent', async ({
    shell,
    page,
    app,
  }) => {
    const row = await invalidatableDocument(app);
    await shell.open();
    await openDocument(page, row.resourceId);
    // The clock moves into the window (12:30) with the document still on screen.
    app.setNow?.(new Date('2026-12-07T10:30:00Z'));
    await page.getByRole('button', { name: 'Invalidate…' }).click();

    const dialog = page.getByRole('dialog', { name: /^Invalidate DocumentReference/ });
    await expect(dialog).toContainText('Invalidation is refused: nothing will be sent.');
    await expect(dialog).toContainText(
      'Refused: Invalidation is not allowed during the fault-testing window',
    );
    await expect(dialog.getByRole('form', { name: 'Confirm the invalidation' })).toHaveCount(0);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await sandboxStatus(app, row.resourceId)).toBe('current');

    // After a reload the banner says why, and reading answers scheduled outage as a sentence.
    await page.reload();
    await expect(page.locator('.calendar-banner')).toContainText('Scheduled outage now');
    await expect(page.getByRole('alert').filter({ hasText: 'env-scheduled-outage' })).toContainText(
      'scheduled fault-testing window',
    );
  });
});
