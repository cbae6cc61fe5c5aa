/**
 * The compare view's Narrative mode end to end in Chromium against the real workspace: two local
 * files (a prescription and its copy with a changed dose text, a moved section, an added one and a
 * link) compared in the worker, drawn through the document view's allowlist with the changed
 * words as <del>/<ins> that say what they are in words, links inert until confirmed.
 */
import { expect, test } from './fixtures';
import { seriousAccessibilityViolations } from './support/accessibility';
import { registerLocalFiles } from './support/local-pair';

function prescription(sections: readonly string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<ClinicalDocument xmlns="urn:hl7-org:v3">
  <id root="1.2.246.10.99999999.77"/>
  <code code="1" codeSystem="1.2.246.537.5.40150.2009"/>
  <title>Lääkemääräys</title>
  <effectiveTime value="20240315103000+0200"/>
  <recordTarget><patientRole><id root="1.2.246.21" extension="010190-9988"/></patientRole></recordTarget>
  <component><structuredBody>${sections.join('')}</structuredBody></component>
</ClinicalDocument>
`;
}

const section = (template: string, title: string, text: string) =>
  `<component><section><templateId root="${template}"/><title>${title}</title><text>${text}</text></section></component>`;

const dose = (words: string) =>
  section('1.2.246.537.6.12.2002.126', 'Annostus', `<paragraph>Annostus: ${words}</paragraph>`);
const purpose = section(
  '1.2.246.537.6.12.2002.127',
  'Käyttötarkoitus',
  '<paragraph>Verenpaineen hoitoon. <linkHtml href="https://example.org/ohje">Ohje</linkHtml></paragraph>',
);
const note = section(
  '1.2.246.537.6.12.2002.128',
  'Lisätiedot',
  '<paragraph>Uusi ohje.</paragraph>',
);

test('Narrative mode: the changed dose words marked, a moved and an added section, inert links', async ({
  shell,
  page,
  app,
  home,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1400, height: 1000 });
  const ids = await registerLocalFiles(app, home, [
    ['lm.xml', prescription([dose('1 tabletti aamuisin.'), purpose])],
    ['kor.xml', prescription([purpose, dose('2 tablettia aamuisin ja illalla.'), note])],
  ]);
  await shell.open();
  const origin = new URL(page.url()).origin;
  await page.goto(`${origin}/#/compare?left=file:${ids[0]}&right=file:${ids[1]}&mode=narrative`);
  await expect(page.locator('.compare-page')).toHaveAttribute('data-state', 'ready', {
    timeout: 60_000,
  });
  await expect(page.getByRole('button', { name: 'Narrative' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );

  const view = page.getByRole('region', { name: 'Narrative differences' });
  await expect(view.getByRole('status')).toHaveText('2 of 3 sections differ in their narrative.');
  const rows = view.getByRole('listitem');
  await expect(rows).toHaveCount(3);
  // Of the two sections that swapped places, the one outside the longest common order moved.
  await expect(rows.nth(0)).toContainText('Käyttötarkoitus — unchanged');
  await expect(rows.nth(1)).toContainText('Annostus — changed, moved from position 1 to 2');
  await expect(rows.nth(2)).toContainText('Lisätiedot — added (only on the right)');

  // F7 / n / p step through the differing sections, wrapping, as in the content diff.
  const where = view.locator('.narrative-position');
  const currentRow = view.locator('[role="listitem"][aria-current="true"]');
  await page.keyboard.press('F7');
  await expect(where).toHaveText('Difference 1 of 2');
  await expect(currentRow).toContainText('Annostus — changed');
  await page.keyboard.press('n');
  await expect(where).toHaveText('Difference 2 of 2');
  await expect(currentRow).toContainText('Lisätiedot — added');
  await page.keyboard.press('n');
  await expect(where).toHaveText('Difference 1 of 2');
  await page.keyboard.press('Shift+F7');
  await expect(where).toHaveText('Difference 2 of 2');
  await view.getByRole('button', { name: 'Previous difference (Shift+F7, p)' }).click();
  await expect(currentRow).toContainText('Annostus — changed');

  // Exactly the changed words, struck through on the left and underlined on the right, and said.
  const doseRow = rows.nth(1);
  await expect(doseRow.locator('del')).toHaveText(['removed: 1 tabletti']);
  await expect(doseRow.locator('ins')).toHaveText(['added: 2 tablettia', 'added: ja illalla']);
  await expect(doseRow.locator('del').first()).toHaveCSS('text-decoration-line', 'line-through');
  await expect(doseRow.locator('ins').first()).toHaveCSS('text-decoration-line', 'underline');
  // The text as a screen reader reads it: the marks' hidden words say what changed.
  await expect(
    doseRow.getByRole('group', { name: 'Right side' }).locator('.narrative-text'),
  ).toHaveText('Annostus: added: 2 tablettia aamuisin added: ja illalla.');
  await expect(rows.nth(0).locator('ins, del')).toHaveCount(0);

  // The link is inert: a button that only asks, and Cancel leaves the page where it is.
  await rows.nth(0).getByRole('button', { name: 'Open link…' }).first().click();
  const confirm = page.getByRole('alertdialog', { name: 'Open link' });
  await expect(confirm).toContainText('https://example.org/ohje');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(page).toHaveURL(/mode=narrative/);

  await view.getByLabel('Only sections that differ').check();
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('Annostus');
  expect(await seriousAccessibilityViolations(page)).toEqual([]);

  // Back to the content diff: the same comparison, its change navigation again.
  await page.getByRole('button', { name: 'Side by side' }).click();
  await expect(page.getByRole('toolbar', { name: 'Changes' })).toBeVisible();
  await expect(view).toHaveCount(0);
});
