/**
 * The compare view end to end in Chromium against the real workspace and an in-memory sandbox:
 * two versions from the Versions tab (metadata diff, changed lines with word diffs, F7 / n / p,
 * inline and side by side, hidden differences revealed, reviewed marks, reload), two documents
 * selected in the table, a local file, and an address that names nothing.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Locator } from '@playwright/test';
import { expect, test, type Page } from './fixtures';
import { AuditTab, DocumentTablePage, DocumentView } from './pages/inspector';
import { seriousAccessibilityViolations } from './support/accessibility';
import { scrollListTo } from './support/change-list';
import { keepScreenshot } from './support/screenshots';

/** The compare page's parts, by role and name: the one place that knows them. */
class ComparePageObject {
  readonly page: Page;
  readonly root: Locator;
  readonly diff: Locator;
  readonly metadata: Locator;
  readonly position: Locator;
  readonly hidden: Locator;
  readonly changeList: Locator;

  constructor(page: Page) {
    this.page = page;
    this.root = page.locator('.compare-page');
    this.diff = page.getByRole('table', { name: 'Content differences' });
    this.metadata = page.getByRole('table', { name: 'Metadata differences' });
    this.position = page.locator('.change-position');
    this.hidden = page.getByRole('list', { name: 'Hidden differences' });
    this.changeList = page.getByRole('navigation', { name: 'Change list' });
  }

  async waitUntilCompared(): Promise<void> {
    await expect(this.root).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
  }
}

async function openReplacedDocument(page: Page, patient: string, origin: string): Promise<void> {
  await page.goto(`${origin}/#/env/sandbox/search?patient=${patient}`);
  const table = new DocumentTablePage(page);
  await table.waitForRows();
  await table.grid.getByLabel('Filter Status').fill('replaced');
  await expect(table.rows.first()).toHaveAttribute('data-status', 'replaced');
  await table.grid.focus();
  await page.keyboard.press('Enter');
  await expect(new DocumentView(page).heading).toContainText('replaced');
}

test('two versions from the Versions tab: metadata, changed words, navigation, modes, hidden rules and reviewed marks', async ({
  shell,
  page,
  app,
}, testInfo) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1400, height: 900 });
  const overview = await app.workspace.overview();
  const patient = overview.ok ? (overview.value.samplePatients[0]?.hetu ?? '') : '';
  await shell.open();
  await openReplacedDocument(page, patient, new URL(page.url()).origin);
  const view = new DocumentView(page);
  await view.tab('Versions').click();
  const chain = view.panel.getByRole('list', { name: 'Version chain' });
  await chain.getByRole('checkbox').nth(0).check();
  await chain.getByRole('checkbox').nth(1).check();
  await view.panel.getByRole('link', { name: 'Compare the two picked versions' }).click();

  await expect(page).toHaveURL(/#\/compare\?left=env%3Asandbox%3A[^&]+&right=env%3Asandbox%3A/);
  const compare = new ComparePageObject(page);
  await compare.waitUntilCompared();
  await expect(page.getByRole('group', { name: 'Left document' })).toContainText('Local sandbox');

  // The metadata diff, and a changed line whose changed words are marked in the text itself.
  await expect(compare.metadata.locator('tbody tr').first()).toBeVisible();
  await expect(compare.metadata).toContainText('Title');
  const changed = compare.diff.locator('.diff-row-change');
  await expect(changed.first()).toBeVisible();
  await expect(changed.locator('del').first()).toBeVisible();
  await expect(changed.locator('ins').first()).toBeVisible();
  await expect(changed.first().getByLabel('removed')).toHaveText('-');
  await expect(
    compare.diff.getByRole('button', { name: /^Show \d+ unchanged lines/ }).first(),
  ).toBeVisible();
  expect(await seriousAccessibilityViolations(page), 'compare view').toEqual([]);
  await keepScreenshot(page, testInfo, 'compare-side-by-side');

  // F7 / n move forward, p and Shift+F7 back (wrapping to the last change).
  await compare.diff.focus();
  await page.keyboard.press('F7');
  await expect(compare.position).toContainText(/^Change 1 of (\d+): \/ClinicalDocument/);
  const total = Number(/of (\d+)/.exec((await compare.position.textContent()) ?? '')?.[1]);
  expect(total).toBeGreaterThan(2);
  await expect(compare.diff.locator('[aria-current="true"]').first()).toHaveAttribute(
    'data-change',
    '1',
  );
  await page.keyboard.press('n');
  await expect(compare.position).toContainText('Change 2 of');
  await page.keyboard.press('p');
  await expect(compare.position).toContainText('Change 1 of');
  await page.keyboard.press('Shift+F7');
  await expect(compare.position).toContainText(`Change ${total} of ${total}`);
  await page.keyboard.press('F7');
  await expect(compare.position).toContainText('Change 1 of');

  // A reviewed mark on the current change (r), counted.
  const reviewedBefore = (await page.locator('.reviewed-count').textContent()) ?? '';
  expect(reviewedBefore).toMatch(/^0 of \d+ reviewed$/);
  await page.keyboard.press('r');
  await expect(page.locator('.reviewed-count')).toHaveText(/^1 of \d+ reviewed$/);
  await expect(compare.diff.getByRole('button', { name: 'Reviewed: change 1' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );

  // Expanding an unchanged region shows its lines.
  const sameRows = compare.diff.locator('.diff-row-same');
  const before = await sameRows.count();
  await compare.diff
    .getByRole('button', { name: /^Show \d+ unchanged lines/ })
    .first()
    .click();
  await expect.poll(() => sameRows.count()).toBeGreaterThan(before);

  // Hidden differences: the document type's profile (the page starts with it: default, or
  // prescription, which extends it) hides signatures; the summary line opens their list, and
  // revealing shows them marked.
  await page.locator('.compare-summary > summary').click();
  await expect(compare.hidden).toContainText(/\d+ differences? hidden by rules? signatures/);
  const metadataRows = await compare.metadata.locator('tbody tr').count();
  await compare.hidden.getByRole('button', { name: /^Reveal rules? signatures/ }).click();
  await expect(compare.metadata.locator('tbody tr')).not.toHaveCount(metadataRows);
  await expect(compare.metadata).toContainText('hidden by rule signatures');
  await expect(
    compare.hidden.getByRole('button', { name: /^Hide rules? signatures.* again$/ }),
  ).toHaveAttribute('aria-pressed', 'true');

  // Inline mode: one text column, the place and the address kept; a reload keeps both.
  await page.getByRole('button', { name: 'Inline' }).click();
  await expect(page).toHaveURL(/mode=inline/);
  await expect(page.locator('.diff-scroll.diff-inline')).toBeVisible();
  await expect(compare.diff.locator('.diff-row-change').first()).toBeVisible();
  await keepScreenshot(page, testInfo, 'compare-inline');
  await page.reload();
  await compare.waitUntilCompared();
  await expect(page.locator('.diff-scroll.diff-inline')).toBeVisible();
  await page.getByRole('button', { name: 'Side by side' }).click();
  await expect(page).not.toHaveURL(/mode=inline/);
  await expect(page.locator('.diff-scroll.diff-side-by-side')).toBeVisible();

  // The change list links to the diff: a section item moves the diff to its content change.
  const sections = compare.changeList.getByRole('region', { name: 'Sections' });
  await (await scrollListTo(compare.changeList, sections.getByRole('button').first())).click();
  await expect(compare.position).toContainText(/^Change \d+ of \d+: \/ClinicalDocument\/component/);
  await expect(compare.diff.locator('[aria-current="true"]').first()).toBeVisible();
});

test('two documents selected in the table open in the compare view and export as reports', async ({
  shell,
  page,
  app,
}) => {
  test.setTimeout(90_000);
  const overview = await app.workspace.overview();
  const patient = overview.ok ? (overview.value.samplePatients[1]?.hetu ?? '') : '';
  await shell.open();
  await page.goto(`${new URL(page.url()).origin}/#/env/sandbox/search?patient=${patient}`);
  const table = new DocumentTablePage(page);
  await table.waitForRows();
  await table.grid.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  await page.getByRole('link', { name: 'Compare the two selected documents' }).click();
  const compare = new ComparePageObject(page);
  await compare.waitUntilCompared();
  await expect(page).toHaveURL(/#\/compare\?left=env%3Asandbox%3A.+&right=env%3Asandbox%3A/);
  await expect(page.getByRole('group', { name: 'Right document' })).toContainText('Local sandbox');
  await expect(compare.diff.locator('.diff-row-change').first()).toBeVisible();

  // Export: the harness hands the report over as a download; redaction names no document.
  const exportForm = page.getByRole('form', { name: 'Export a report' });
  const htmlDownload = page.waitForEvent('download');
  await exportForm.getByRole('button', { name: 'Export report…' }).click();
  const html = await htmlDownload;
  expect(html.suggestedFilename()).toMatch(/^comparison-.+-vs-.+\.html$/);
  expect(await readFile((await html.path()) ?? '', 'utf8')).toMatch(/^<!DOCTYPE html>/i);
  await expect(exportForm.getByRole('status')).toContainText('downloaded');
  await exportForm.getByLabel('Report format').selectOption('csv');
  await exportForm.getByLabel('Redact identity codes and names').check();
  const csvDownload = page.waitForEvent('download');
  await exportForm.getByRole('button', { name: 'Export report…' }).click();
  const csv = await csvDownload;
  expect(csv.suggestedFilename()).toMatch(
    /^comparison-redacted-sandbox-v\d+-vs-sandbox-v\d+-\d{8}-\d{6}\.csv$/,
  );
  const csvBytes = await readFile((await csv.path()) ?? '');
  expect(csvBytes.toString('utf8')).not.toContain(patient);
  // Excel reads UTF-8 only after a byte order mark.
  expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

  // The Audit tab says what left the app: both sides with environment and version, the format,
  // redaction, profile and file (review 9, defect 5).
  await page.goto(`${new URL(page.url()).origin}/#/audit`);
  const exported = new AuditTab(page).rows.first();
  await expect(exported).toContainText('E export');
  // The detail's parts stand on lines of their own (review 11): each is checked whole.
  for (const part of [
    /left: Local sandbox, document \S+, version \d+/,
    /right: Local sandbox, document \S+, version \d+/,
    /CSV comparison report \(redacted\), ignore profile \S+ \(sha256 [0-9a-f]{12}…\), to file comparison-redacted/,
  ])
    await expect(exported).toContainText(part);
  await expect(exported).toContainText(patient);
});

test('a document against a local file named in the harness folder, and an address naming nothing', async ({
  shell,
  page,
  app,
  home,
}, testInfo) => {
  test.setTimeout(90_000);
  const overview = await app.workspace.overview();
  const patient = overview.ok ? (overview.value.samplePatients[0]?.hetu ?? '') : '';
  await shell.open();
  await openReplacedDocument(page, patient, new URL(page.url()).origin);
  const resourceId = /\/doc\/([^/]+)\//.exec(page.url())?.[1] ?? '';
  const opened = await app.workspace.open('sandbox', decodeURIComponent(resourceId));
  if (!opened.ok) throw new Error(opened.error.message);
  // The same document with one word of its title changed, as a tester's saved copy.
  const title = opened.value.metadata.title ?? '';
  expect(title).not.toBe('');
  await mkdir(path.join(home, 'local-files'), { recursive: true });
  await writeFile(
    path.join(home, 'local-files', 'edited.xml'),
    opened.value.text.replace(`<title>${title}</title>`, `<title>${title} EDITED</title>`),
  );

  const view = new DocumentView(page);
  await view.tab('Versions').click();
  await view.panel
    .getByRole('button', { name: 'Compare this document with a local file…' })
    .click();
  const form = page.getByRole('form', { name: 'Local file by name' });
  await expect(form).toContainText(path.join(home, 'local-files'));
  await form.getByLabel('File name').fill('missing.xml');
  await form.getByRole('button', { name: 'Use this file' }).click();
  await expect(page.getByRole('alert')).toContainText('There is no file missing.xml');
  await form.getByLabel('File name').fill('edited.xml');
  await form.getByRole('button', { name: 'Use this file' }).click();

  const compare = new ComparePageObject(page);
  await compare.waitUntilCompared();
  await expect(page).toHaveURL(/right=file%3Afile-/);
  await expect(page.getByRole('group', { name: 'Right document' })).toContainText(
    'file edited.xml',
  );
  await expect(compare.diff.locator('.diff-row-change')).toHaveCount(1);
  await expect(compare.diff.locator('.diff-row-change ins')).toHaveText(/EDITED/);
  await expect(compare.metadata).toContainText('Title');
  await keepScreenshot(page, testInfo, 'compare-local-file');

  await page.goto(`${new URL(page.url()).origin}/#/compare?left=env:sandbox:x&right=nonsense`);
  await expect(page.getByRole('alert')).toContainText(
    'This address names no document to compare on the right',
  );
});
