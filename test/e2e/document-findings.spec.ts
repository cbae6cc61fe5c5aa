/**
 * A broken sandbox document says what is wrong with it at the top of its page (review 11,
 * finding 1): a findings list a screen reader reads after the heading, and the environment's
 * DocumentReference in Metadata with the disagreeing fields marked. A clean document says it has
 * no findings. Documents are found from the deterministic seed the app's sandbox serves.
 */
import { generateSeedCatalog } from '../../electron/sandbox/seed/generate-seed';
import type { PlantedProblem } from '../../electron/sandbox/seed/seed-types';
import { expect, test, type Page } from './fixtures';
import { DocumentView } from './pages/inspector';
import { seriousAccessibilityViolations } from './support/accessibility';
import { keepScreenshot } from './support/screenshots';

const catalog = generateSeedCatalog({ seed: 1, patients: 25, documents: 500 });

function plantedWith(problem: PlantedProblem): string {
  const found = catalog.documents.find((d) => d.problems.length === 1 && d.problems[0] === problem);
  if (!found) throw new Error(`the seed plants no document with only ${problem}`);
  return found.documentReference.id;
}

async function openDocument(page: Page, resourceId: string): Promise<DocumentView> {
  await page.goto(`${new URL(page.url()).origin}/#/env/sandbox/doc/${resourceId}/metadata`);
  const view = new DocumentView(page);
  await expect(view.tabs).toBeVisible();
  return view;
}

for (const size of [
  { width: 1400, height: 900 },
  { width: 1280, height: 720 },
])
  test(`DocumentReference disagreements are listed first and marked in Metadata at ${size.width}x${size.height}`, async ({
    shell,
    page,
  }, testInfo) => {
    await page.setViewportSize(size);
    await shell.open();
    const view = await openDocument(page, plantedWith('metadata-disagrees-with-header'));
    const findings = page.getByRole('region', { name: '2 findings' });
    await expect(findings.getByRole('listitem')).toHaveText([/^The date differs: /, /differs: /]);
    await expect(findings).toContainText('DocumentReference.date says');
    // After the heading, before the tabs: read first, in the page's own order.
    const isBeforeTabs = await page.evaluate(() => {
      const list = document.querySelector('.document-findings');
      const tabs = document.querySelector('[role="tablist"]');
      return Boolean(list && tabs && list.compareDocumentPosition(tabs) & 4); // 4: FOLLOWING
    });
    expect(isBeforeTabs).toBe(true);
    await keepScreenshot(page, testInfo, `document-findings-top-${size.width}`);
    const box = await findings.boundingBox();
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(size.width);

    const reference = view.panel.getByRole('region', {
      name: 'FHIR DocumentReference (from the environment)',
    });
    await expect(reference).toContainText('Status');
    await expect(reference.locator('.metadata-field.has-problem dt')).toHaveText(['Date', 'Type']);
    await reference.scrollIntoViewIfNeeded();
    await keepScreenshot(page, testInfo, `document-findings-reference-${size.width}`);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

test('the register code, the service event id, and a clean document', async ({ shell, page }) => {
  await shell.open();
  await openDocument(page, plantedWith('wrong-register-code'));
  await expect(page.getByRole('region', { name: '1 finding' })).toContainText(
    'ClinicalDocument/code (register) is 99',
  );
  await openDocument(page, plantedWith('missing-service-event-id'));
  await expect(page.getByRole('region', { name: '1 finding' })).toContainText('service event id');
  const clean = catalog.documents.find((d) => d.problems.length === 0)?.documentReference.id;
  await openDocument(page, clean ?? '');
  await expect(page.getByRole('region', { name: 'No findings' })).toContainText(
    'signatures are not verified',
  );
});
