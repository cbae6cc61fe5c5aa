/**
 * Comparison reports in a real browser (issue 8): the HTML report made by the built command line
 * opens from a file in Chromium with no network request and no console error, shows the changes,
 * expands a collapsed region without scripts, and prints to a PDF whose text (pdftotext) holds
 * the document ids and the changed values.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import {
  bodyNames,
  leftDosage,
  leftXml,
  nonTestCode,
  patientCode,
  rightDosage,
  rightXml,
} from '../unit/electron/services/report/report-fixture-documents';

const cli = join(process.cwd(), 'dist', 'cli', 'archivist.cjs');
const work = mkdtempSync(join(tmpdir(), 'archivist-report-e2e-'));
const leftId = '1.2.246.10.99999999.11.2024.1';
const rightId = '1.2.246.10.99999999.11.2024.2';

function makeReport(name: string, ...more: string[]): string {
  const left = join(work, 'v1.xml');
  const right = join(work, 'v2.xml');
  writeFileSync(left, leftXml);
  writeFileSync(right, rightXml);
  const out = join(work, name);
  const args = [
    'compare',
    left,
    right,
    '--format',
    'html',
    '--out',
    out,
    '--home',
    join(work, 'home'),
  ];
  const run = spawnSync(process.execPath, [cli, ...args, ...more], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return out;
}

/** Opens a report file, recording every request beyond the page itself and every console error. */
async function open(page: Page, file: string) {
  const url = pathToFileURL(file).href;
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => {
    if (request.url() !== url) requests.push(request.url());
  });
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  await expect(page.locator('h1')).toContainText(leftId);
  return { requests, errors };
}

test.afterAll(() => rmSync(work, { recursive: true, force: true }));

test('the HTML report opens with no request and no error, shows the changes and expands without scripts', async ({
  page,
}) => {
  const file = makeReport('report.html');
  const { requests, errors } = await open(page, file);
  await expect(page.locator('#summary')).toContainText('differences are shown');
  const changes = page.locator('table', {
    has: page.getByRole('columnheader', { name: 'Change' }),
  });
  await expect(
    page.getByText(`narrative changed from "${leftDosage}" to "${rightDosage}"`),
  ).toBeVisible();
  await expect(page.locator('td.del', { hasText: leftDosage })).toBeVisible();
  await expect(page.locator('td.ins', { hasText: rightDosage })).toBeVisible();
  await expect(changes.first()).toBeVisible();
  // A collapsed region: its lines are hidden until its summary is clicked (no script involved).
  const region = page.locator('details').first();
  const inside = region.locator('td.same').first();
  await expect(inside).toBeHidden();
  await region.locator('summary').click();
  await expect(inside).toBeVisible();
  // The change list's item leads to its change in the diff; the changed rows say so in text.
  const item = page.getByRole('row', { name: /narrative changed from/ }).first();
  const link = item.getByRole('link', { name: /^Change \d+$/ });
  const anchor = (await link.getAttribute('href')) ?? '';
  await link.click();
  await expect(page).toHaveURL(new RegExp(`${anchor}$`));
  const target = page.locator(anchor);
  await expect(target).toBeInViewport();
  await expect(target.locator('td.m.del').first()).toHaveText('−removed');
  await expect(target.locator('td.m.ins').first()).toHaveText('+added');
  await expect(target.locator('del').first()).toBeVisible();
  await expect(page.locator('#how-to-check')).toContainText('archivist report verify FILE');
  expect(await page.evaluate(() => document.scripts.length)).toBe(1); // the JSON manifest only
  expect(requests).toEqual([]);
  expect(errors).toEqual([]);
});

test('the report prints to a PDF whose text has both ids and the changed values', async ({
  page,
}) => {
  test.skip(
    spawnSync('pdftotext', ['-v']).status !== 0,
    'pdftotext (poppler-utils) is not installed',
  );
  const file = makeReport('print.html');
  await open(page, file);
  const pdf = join(work, 'print.pdf');
  writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  const run = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
  const text = run.stdout.replace(/\s+/g, ' ');
  for (const expected of [leftId, rightId, leftDosage, rightDosage])
    expect(text).toContain(expected);
  // Chromium's Print default: no background graphics. Changed lines still carry − and + marks.
  const plain = join(work, 'print-no-backgrounds.pdf');
  writeFileSync(plain, await page.pdf({ preferCSSPageSize: true, printBackground: false }));
  const printed = spawnSync('pdftotext', [plain, '-'], { encoding: 'utf8' }).stdout;
  expect(printed).toMatch(/−\s*\d*\s*[\s\S]{0,80}aamuisin/);
  expect(printed).toContain('archivist report verify FILE');
});

test('a redacted report says so at the top, with what it cannot mask, and shows no identity code or name', async ({
  page,
}) => {
  const file = makeReport('redacted.html', '--redact');
  const { requests, errors } = await open(page, file);
  await expect(page.locator('#redacted')).toBeInViewport();
  const html = readFileSync(file, 'utf8');
  for (const code of [patientCode, nonTestCode]) expect(html).not.toContain(code);
  await expect(page.getByText(patientCode)).toHaveCount(0);
  await expect(page.locator('#redacted')).toContainText('free text');
  // People named only in the body (an entry's performer and informant, and in section text).
  const shown = await page.locator('body').innerText();
  for (const name of bodyNames) expect(shown).not.toContain(name);
  for (const name of bodyNames) expect(html).not.toContain(name);
  expect(requests).toEqual([]);
  expect(errors).toEqual([]);
});
