/**
 * The Audit tab read by a team lead (review 11, finding 6), on a journal written by the real
 * journal writer: an invalidation attempt shows the outcome of the record that closes it and the
 * two rows link to each other (keyboard too); a local user is named plainly; times are local
 * with their offset; the kind and operator filters; the document id never breaks inside a word
 * and the table fits, at 1280x720 and 1400x900.
 */
import type { Page } from '@playwright/test';
import { readEvent, type AuditContext } from '../../shared/audit/builders';
import { attemptEvent, attemptOutcomeEvent } from '../../shared/invalidation/audit-records';
import { recordAll } from '../../electron/services/workspace/audit-trail';
import { expect, test } from './fixtures';
import { AuditTab } from './pages/inspector';
import { seriousAccessibilityViolations } from './support/accessibility';
import { keepScreenshot } from './support/screenshots';

test.use({ timezoneId: 'Europe/Helsinki', viewport: { width: 1400, height: 900 } });

const root = { name: 'root', registrationNumber: 'none', organisationOid: 'none', osUser: 'root' };
const carded = {
  name: 'Testi Lääkäri',
  registrationNumber: '123456789',
  organisationOid: '1.2.246.10.1',
  osUser: 'tl',
};
const at = (operator: AuditContext['operator'], iso: string): AuditContext => ({
  operator,
  appVersion: 'e2e',
  host: 'e2e-host',
  now: () => new Date(iso),
  environment: { name: 'Provenance blackhole', baseUrl: 'http://127.0.0.1:8484' },
});

/** #1 read, #2 attempt, #3 its outcome (unknown: serious failure), #4 a colleague's read. */
async function seedJournal(home: string): Promise<void> {
  const hetu = '250413B931R';
  const attempt = attemptEvent(at(root, '2026-11-29T23:48:26Z'), {
    resourceId: 'seed-doc-38',
    hetu,
    reason: { code: 'correction-impossible' },
    requestId: 'a650327b-47a2-44a5-bd77-cb1e943afb7d',
  });
  const recorded = await recordAll(
    home,
    [
      readEvent(at(root, '2026-11-29T23:48:25Z'), '1.2.246.10.99990001.2026.38', hetu),
      attempt,
      attemptOutcomeEvent(
        attempt,
        2,
        'unknown',
        'Not known whether it was invalidated.',
        new Date('2026-11-29T23:49:26Z'),
      ),
      readEvent(at(carded, '2026-11-29T23:50:00Z'), 'DocumentReference/seed-doc-1234567', hetu),
    ],
    'refused',
  );
  if (!recorded.ok) throw new Error(recorded.error.message);
}

async function expectWholeIds(page: Page): Promise<void> {
  // Every text run of a document id sits on one line (a break is allowed only at its <wbr>).
  const broken = await page.locator('.audit-document-id').evaluateAll((codes) =>
    codes.flatMap((code) =>
      [...code.childNodes]
        .filter((node) => node.nodeType === Node.TEXT_NODE && node.textContent)
        .filter((node) => {
          const range = document.createRange();
          range.selectNodeContents(node);
          return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size > 1;
        })
        .map((node) => node.textContent ?? ''),
    ),
  );
  expect(broken).toEqual([]);
  const wrap = page.locator('.audit-table-wrap');
  const fits = await wrap.evaluate((element) => element.scrollWidth <= element.clientWidth);
  expect(fits).toBe(true);
}

test('the audit trail links attempts to outcomes, names local users, shows local time, and filters by kind and operator', async ({
  shell,
  page,
  home,
}, testInfo) => {
  await seedJournal(home);
  await shell.open();
  await page.goto(`${new URL(page.url()).origin}/#/audit?document=seed-doc-38`);
  const audit = new AuditTab(page);
  const row = (sequence: number) => audit.table.locator(`tbody tr[data-sequence="${sequence}"]`);
  await expect(row(2)).toBeVisible();

  // The attempt shows how it ended, not the "success" it was written ahead with.
  await expect(row(2)).toContainText('U invalidation attempt');
  await expect(row(2).locator('td').nth(3)).toHaveText('serious failureoutcome: #3');
  await expect(row(3)).toContainText('U invalidation outcome');
  await expect(row(3).locator('td').nth(3)).toHaveText('serious failureattempt #2');
  await row(2).getByRole('button', { name: 'outcome: #3' }).click();
  await expect(row(3)).toBeFocused();
  await row(3).getByRole('button', { name: 'attempt #2' }).focus();
  await page.keyboard.press('Enter');
  await expect(row(2)).toBeFocused();

  await expect(row(2)).toContainText('root (local user, no registration number)');
  // 23:48:26 UTC is 01:48:26 the next day in Helsinki (winter time, +02:00).
  await expect(row(2).locator('time')).toHaveText('2026-11-30 01:48:26 +02:00');
  const documentCell = row(2).locator('td').nth(6);
  await expect(documentCell.locator('.audit-document-id')).toHaveText(
    'DocumentReference/seed-doc-38',
  );
  await expect(documentCell.locator('.audit-request-id')).toHaveText(
    'request urn:uuid:a650327b-47a2-44a5-bd77-cb1e943afb7d',
  );
  await expectWholeIds(page);
  await keepScreenshot(page, testInfo, 'audit-team-lead-1400');
  expect(await seriousAccessibilityViolations(page)).toEqual([]);

  // Kind: invalidations only, from the whole journal.
  await page.goto(`${new URL(page.url()).origin}/#/audit`);
  const form = page.getByRole('form', { name: 'Filter the audit trail' });
  await form.getByLabel('Kind').selectOption({ label: 'invalidations' });
  await form.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/kind=update/);
  await expect(audit.rows).toHaveCount(2);
  await expect(audit.rows.nth(0)).toHaveAttribute('data-sequence', '3');
  await expect(audit.rows.nth(1)).toHaveAttribute('data-sequence', '2');

  // Operator: the colleague by registration number; the attempt's outcome is then not listed.
  await form.getByLabel('Kind').selectOption({ label: 'any' });
  await form.getByLabel('Operator').fill('123456789');
  await form.getByRole('button', { name: 'Filter' }).click();
  await expect(audit.rows).toHaveCount(1);
  await expect(audit.rows.first()).toContainText('Testi Lääkäri (123456789)');

  await page.setViewportSize({ width: 1280, height: 720 });
  // Every record, the long document ids (an OID, a long reference) included.
  await page.goto(`${new URL(page.url()).origin}/#/audit`);
  await expect(row(1)).toContainText('1.2.246.10.99990001.2026.38');
  await expectWholeIds(page);
  await keepScreenshot(page, testInfo, 'audit-team-lead-1280');

  // Only the attempt: its outcome is named but not listed.
  await page.goto(`${new URL(page.url()).origin}/#/audit?kind=update&outcome=0`);
  await expect(row(2).locator('td').nth(3)).toHaveText('serious failureoutcome: #3 (not listed)');
});
