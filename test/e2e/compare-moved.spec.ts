/**
 * A moved block in the compare view (issue 7 review: two swapped sections read as a wall of
 * unrelated, word-diffed lines): the first line of each moved run says where the same lines
 * stand on the other side, and no word of a moved line is marked.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { resourceIdOf } from '../../electron/services/environments/folder/folder-index';
import { expect, test } from './fixtures';

const section = (code: string) =>
  `<component><section><code code="${code}" codeSystem="1.2.3"/><title>Osio ${code}</title><text><paragraph>Osio ${code}: tämä kappale kertoo osion sisällön</paragraph></text></section></component>`;
const cda = (codes: readonly string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<ClinicalDocument xmlns="urn:hl7-org:v3">\n<id root="1.2.246.10.1" extension="siirto"/>\n<title>Siirto</title>\n<component><structuredBody>\n${codes.map(section).join('\n')}\n</structuredBody></component>\n</ClinicalDocument>\n`;

test('a moved section says where it went and came from, with no word marks', async ({
  shell,
  page,
  home,
}) => {
  const folder = path.join(home, 'moves');
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, 'v1.xml'), cda(['1', '2', '3']));
  await writeFile(path.join(folder, 'v2.xml'), cda(['3', '2', '1']));
  const profile = {
    id: 'moves',
    displayName: 'Moved sections',
    kind: 'folder',
    baseUrl: folder,
    repository: 'patient-data',
    isTestEnvironment: true,
  };
  await writeFile(path.join(home, 'profiles.json'), JSON.stringify({ profiles: [profile] }));
  const [left, right] = ['v1.xml', 'v2.xml'].map((name) => `env:moves:${resourceIdOf(name)}`);
  await shell.open();
  await page.goto(
    `${new URL(page.url()).origin}/#/compare?left=${encodeURIComponent(left!)}&right=${encodeURIComponent(right!)}`,
  );
  await expect(page.locator('.compare-page')).toHaveAttribute('data-state', 'ready', {
    timeout: 60_000,
  });
  const diff = page.getByRole('table', { name: 'Content differences' });
  await expect(
    diff.locator('.diff-moved', { hasText: /^ ?moved to line \d+/ }).first(),
  ).toBeVisible();
  await expect(
    diff.locator('.diff-moved', { hasText: /^ ?moved from line \d+/ }).first(),
  ).toBeVisible();
  // The moved lines carry no word marks (the short code and title lines between them are
  // edits of one value, and keep theirs).
  await expect(diff.locator('.diff-text:has(.diff-moved)')).toHaveCount(4);
  await expect(diff.locator('.diff-text:has(.diff-moved) :is(del, ins)')).toHaveCount(0);
});
