/**
 * PDF reports through the real headless Chromium of this machine, read back with pdftotext
 * (poppler-utils). Both must be installed; the tests skip with a note when they are not.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chromiumPdfPrinter,
  electronPdfPrinter,
  findChromium,
  noChromiumMessage,
} from '../../../../../electron/services/report/pdf-printer';
import { verifyReport } from '../../../../../electron/services/report/verify-report';
import {
  writeReport,
  type ReportRequest,
} from '../../../../../electron/services/report/write-report';
import { closeXmlWorkers } from '../../../../../electron/services/xml';
import { bodyNames, fixtureRequest, leftDosage, rightDosage } from './report-fixture';
import { leaks, secretsOf } from './report-secrets';

const hasChromium = findChromium() !== undefined;
const hasPdftotext = spawnSync('pdftotext', ['-v']).status === 0;
const note = hasChromium && hasPdftotext ? '' : ' (skipped: needs chromium and pdftotext)';
const work = mkdtempSync(join(tmpdir(), 'archivist-pdf-test-'));

let request: ReportRequest;
beforeAll(async () => {
  request = await fixtureRequest();
});
afterAll(async () => {
  await closeXmlWorkers();
  rmSync(work, { recursive: true, force: true });
});

function pdfText(bytes: Uint8Array, name: string): string {
  const file = join(work, name);
  writeFileSync(file, bytes);
  const run = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  expect(run.status).toBe(0);
  return run.stdout;
}

describe.skipIf(!hasChromium || !hasPdftotext)(`PDF report${note}`, () => {
  it('prints the HTML report: its text has both document ids and the changed values, and it verifies', async () => {
    const written = await writeReport(request, { format: 'pdf', redact: false });
    if (!written.ok) throw new Error(written.error.message);
    const bytes = written.value.bytes;
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    const text = pdfText(bytes, 'plain.pdf').replace(/\s+/g, ' ');
    expect(text).toContain(request.result.left.id);
    expect(text).toContain(request.result.right.id);
    expect(text).toContain(leftDosage);
    expect(text).toContain(rightDosage);
    expect(verifyReport(bytes).ok).toBe(true);
    const altered = Buffer.from(bytes);
    const at = Math.floor(altered.length / 3);
    altered[at] = altered[at]! ^ 0x01;
    const verified = verifyReport(altered);
    expect(!verified.ok && verified.error.code).toBe('report-body-altered');
  }, 180_000);

  it('a redacted PDF says so, names what it cannot mask and holds none of the identity codes or names (body names too)', async () => {
    const written = await writeReport(request, { format: 'pdf', redact: true });
    if (!written.ok) throw new Error(written.error.message);
    const text = pdfText(written.value.bytes, 'redacted.pdf');
    expect(text).toContain('REDACTED REPORT');
    expect(text.replace(/\s+/g, ' ')).toContain('free text, with no structured name');
    const found = await secretsOf(request.left.bytes, request.right.bytes);
    const secrets = { ...found, names: [...found.names, ...bodyNames] };
    expect(leaks(text, secrets)).toEqual([]);
    expect(leaks(Buffer.from(written.value.bytes).toString('latin1'), secrets)).toEqual([]);
  }, 180_000);
});

describe('PDF printers', () => {
  it('names what to install when no Chromium is found', async () => {
    const printer = chromiumPdfPrinter({ env: { CHROMIUM_PATH: join(work, 'no-such-chromium') } });
    const printed = await printer('<!DOCTYPE html><p>x</p>');
    expect(printed.ok).toBe(false);
    if (!printed.ok) {
      expect(printed.error.code).toBe('report-no-chromium');
      expect(printed.error.message).toContain(noChromiumMessage);
      expect(printed.error.message).toContain('apt-get install chromium');
    }
    const written = await writeReport(request, {
      format: 'pdf',
      redact: false,
      pdfPrinter: printer,
    });
    expect(!written.ok && written.error.code).toBe('report-no-chromium');
  });

  it('a CHROMIUM_PATH that is a folder cannot be started, said in words', async () => {
    const printed = await chromiumPdfPrinter({ env: { CHROMIUM_PATH: work } })('<p>x</p>');
    expect(printed).toEqual({
      ok: false,
      error: {
        code: 'report-pdf-failed',
        message: `Chromium (${work}) did not print the report: it could not be started (permission denied)`,
      },
    });
  });

  it('a temporary folder that does not exist is told in words, not as ENOENT', async () => {
    const missing = join(work, 'no-such-tmp');
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = missing;
    try {
      // Any existing file passes the Chromium check; it is never started without the page.
      const printer = chromiumPdfPrinter({ env: { CHROMIUM_PATH: process.execPath } });
      const printed = await printer('<p>x</p>');
      expect(!printed.ok && printed.error.message).toBe(
        `The report could not be printed to PDF: the temporary folder ${missing} cannot be used (the folder does not exist).`,
      );
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
  });

  it('the Electron adapter loads the page, prints it and always destroys its window', async () => {
    const calls: string[] = [];
    const printer = electronPdfPrinter(() => ({
      loadURL: async (url) => {
        calls.push(url.slice(0, 28));
      },
      webContents: {
        printToPDF: async () => {
          calls.push('print');
          return new TextEncoder().encode('%PDF-1.4 fake');
        },
      },
      destroy: () => calls.push('destroy'),
    }));
    const printed = await printer('<p>x</p>');
    expect(printed.ok && Buffer.from(printed.value).toString()).toBe('%PDF-1.4 fake');
    expect(calls).toEqual(['data:text/html;charset=utf-8', 'print', 'destroy']);
    const failing = electronPdfPrinter(() => ({
      loadURL: async () => {
        throw new Error('renderer gone');
      },
      webContents: { printToPDF: async () => new Uint8Array() },
      destroy: () => calls.push('destroy again'),
    }));
    const failed = await failing('<p>x</p>');
    expect(!failed.ok && failed.error.message).toBe(
      'The report could not be printed to PDF: renderer gone',
    );
    expect(calls.at(-1)).toBe('destroy again');
  });
});
