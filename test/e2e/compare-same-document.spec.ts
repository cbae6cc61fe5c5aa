/**
 * Review 9, defects 1, 2 and 12, end to end in Chromium: from a document's page, "Compare with
 * the same document in another environment…" picks a second environment (a second sandbox
 * standing in for TK, which stores the document under its own resource id and has invalidated
 * it, where the app's sandbox has it replaced), finds the document there by its document id, and
 * opens the comparison with this environment's side on the left: both side boxes name their
 * stored status and version, and the status difference is listed, so the pair is not
 * "identical". All of it by keyboard.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generateSeedCatalog } from '../../electron/sandbox/seed/generate-seed';
import { startSandbox, type RunningSandbox } from '../../electron/sandbox/server';
import { alwaysOpenCalendar } from '../../shared/environments/calendar';
import { expect, test } from './fixtures';
import { DocumentView } from './pages/inspector';
import { seriousAccessibilityViolations } from './support/accessibility';
import { keepScreenshot } from './support/screenshots';

const documentHere = 'seed-doc-50';
const documentInTk = 'tk-doc-9';

let tk: RunningSandbox | undefined;

test.afterEach(async () => {
  await tk?.close();
  tk = undefined;
});

/** A stored copy of the app sandbox's document: its resource id, FHIR status and date. */
interface Copy {
  readonly id: string;
  readonly status: 'current' | 'entered-in-error';
  readonly date?: string;
}

/** TK: the app sandbox's document stored as `copies` (none: TK lacks it). */
async function startTk(copies: readonly Copy[]): Promise<RunningSandbox> {
  const catalog = generateSeedCatalog({ seed: 1, patients: 25, documents: 500 });
  const seed = catalog.documents.find((d) => d.documentReference.id === documentHere);
  if (!seed) throw new Error(`the seed catalogue has no ${documentHere}`);
  // A lazily built seed document (its fields are getters): only its reference is replaced.
  const documents = copies.map(({ id, status, date }) => {
    const reference = { ...seed.documentReference, id, status, ...(date ? { date } : {}) };
    return Object.create(seed, { documentReference: { value: reference } }) as typeof seed;
  });
  const started = await startSandbox({ catalog: { ...catalog, documents } });
  if (!started.ok) throw new Error(started.error.message);
  return started.value;
}

/** Adds TK as a profile of the home folder (always in service, whatever the hour). */
async function addTkProfile(home: string, sandbox: RunningSandbox): Promise<void> {
  const profile = {
    id: 'tk',
    displayName: 'Kanta TK (test)',
    kind: 'TK',
    baseUrl: sandbox.baseUrl,
    repository: 'patient-data',
    isTestEnvironment: true,
    calendar: alwaysOpenCalendar,
  };
  await writeFile(path.join(home, 'profiles.json'), JSON.stringify({ profiles: [profile] }));
}

test('compares a document with the same document in another environment, statuses and all', async ({
  shell,
  page,
  home,
}, testInfo) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1400, height: 900 });
  tk = await startTk([{ id: documentInTk, status: 'entered-in-error' }]);
  await addTkProfile(home, tk);
  await shell.open();
  const origin = new URL(page.url()).origin;
  await page.goto(`${origin}/#/env/sandbox/doc/${documentHere}/metadata`);
  const view = new DocumentView(page);
  // In the app's sandbox a later version replaced it.
  await expect(view.heading).toContainText('replaced');

  const open = page.getByRole('button', {
    name: 'Compare with the same document in another environment…',
  });
  await open.focus();
  await page.keyboard.press('Enter');
  const form = page.getByRole('form', {
    name: 'Compare with the same document in another environment',
  });
  const environment = form.getByLabel('Environment');
  // Only the other environments are offered.
  await expect(environment.locator('option')).toHaveText(['Kanta TK (test)']);
  expect(await seriousAccessibilityViolations(page), 'document page with the lookup').toEqual([]);
  await keepScreenshot(page, testInfo, 'compare-same-document-lookup');
  await environment.focus();
  await page.keyboard.press('Tab');
  await expect(
    form.getByRole('button', { name: /^Find document .+ there and compare$/ }),
  ).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(
    new RegExp(`#/compare\\?left=env%3Asandbox%3A${documentHere}&right=env%3Atk%3A${documentInTk}`),
  );
  await expect(page.locator('.compare-page')).toHaveAttribute('data-state', 'ready', {
    timeout: 60_000,
  });
  const left = page.getByRole('group', { name: 'Left document' });
  const right = page.getByRole('group', { name: 'Right document' });
  await expect(left).toContainText(/version \d+ · Local sandbox/);
  await expect(left).toContainText('stored replaced (superseded)');
  await expect(left).toContainText(documentHere);
  await expect(right).toContainText(/version \d+ · Kanta TK \(test\)/);
  await expect(right).toContainText('stored invalidated (entered-in-error)');
  await expect(right).toContainText(documentInTk);

  const metadata = page.getByRole('table', { name: 'Metadata differences' });
  await expect(metadata).toContainText('Stored status');
  await expect(metadata).toContainText('invalidated');
  await expect(page.getByRole('navigation', { name: 'Change list' })).toContainText(
    /stored ?status/i,
  );
  await expect(page.locator('.compare-page')).not.toContainText('The documents are identical');
  expect(await seriousAccessibilityViolations(page), 'compare view').toEqual([]);
  await keepScreenshot(page, testInfo, 'compare-same-document-statuses');
});

test('offers several copies newest first, and says when the environment lacks the document', async ({
  shell,
  page,
  home,
}) => {
  test.setTimeout(120_000);
  tk = await startTk([
    { id: 'tk-old', status: 'current', date: '2024-01-02T10:00:00Z' },
    { id: 'tk-new', status: 'current', date: '2025-03-04T10:00:00Z' },
  ]);
  await addTkProfile(home, tk);
  await shell.open();
  const origin = new URL(page.url()).origin;
  await page.goto(`${origin}/#/env/sandbox/doc/${documentHere}/metadata`);
  await page
    .getByRole('button', { name: 'Compare with the same document in another environment…' })
    .click();
  await page.getByRole('button', { name: /^Find document .+ there and compare$/ }).click();
  const choice = page.getByRole('group', { name: /Kanta TK \(test\) holds 2 documents/ });
  const options = choice.getByRole('button', { name: /^Compare with version/ });
  await expect(options.nth(0)).toContainText('2025-03-04');
  await expect(options.nth(1)).toContainText('2024-01-02');
  await expect(choice).toContainText('tk-new');
  await options.nth(1).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/right=env%3Atk%3Atk-old/);
  await expect(page.locator('.compare-page')).toHaveAttribute('data-state', 'ready', {
    timeout: 60_000,
  });

  // TK lacks the document now: a sentence, and the page stays.
  await tk.close();
  tk = await startTk([]);
  await addTkProfile(home, tk);
  await page.goto(`${origin}/#/env/sandbox/doc/${documentHere}/metadata`);
  await page
    .getByRole('button', { name: 'Compare with the same document in another environment…' })
    .click();
  await page.getByRole('button', { name: /^Find document .+ there and compare$/ }).click();
  await expect(page.getByRole('alert')).toContainText(
    /Kanta TK \(test\) has no document with the document id 1\.2\.246\.[0-9.]+: it was never stored there/,
  );
  await expect(page.getByRole('alert')).toContainText('same-document-not-found');
});
