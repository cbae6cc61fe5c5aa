import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyReport } from '../../../../../electron/services/report/verify-report';
import {
  writeReport,
  type ReportFormat,
  type ReportRequest,
} from '../../../../../electron/services/report/write-report';
import { closeXmlWorkers } from '../../../../../electron/services/xml';
import { fixtureRequest, leftDosage, leftXml } from './report-fixture';

let request: ReportRequest;
beforeAll(async () => {
  request = await fixtureRequest('left-v1.xml', 'right-v2.xml');
});
afterAll(() => closeXmlWorkers());

async function bytesOf(format: ReportFormat, redact = false): Promise<Buffer> {
  const written = await writeReport(request, { format, redact });
  if (!written.ok) throw new Error(written.error.message);
  return Buffer.from(written.value.bytes);
}

/** A copy with one byte changed: the character at `at` replaced by another of the same kind. */
function flipped(bytes: Buffer, at: number): Buffer {
  const copy = Buffer.from(bytes);
  const old = copy[at]!;
  // Stay inside the alphabet of the surrounding text (letters to letters, digits to digits).
  copy[at] =
    old === 0x41
      ? 0x42
      : old === 0x30
        ? 0x31
        : /[A-Za-z]/.test(String.fromCharCode(old))
          ? 0x41
          : 0x30;
  expect(copy.equals(bytes)).toBe(false);
  return copy;
}

const textFormats = ['html', 'json', 'csv'] as const;

describe('report verify', () => {
  it.each(textFormats)(
    'accepts an untouched %s report, with both sources checked',
    async (format) => {
      const verified = verifyReport(await bytesOf(format));
      expect(verified.ok && verified.value).toMatchObject({ format, embeddedSources: 2 });
    },
  );

  it.each(textFormats)('rejects a %s report with a changed byte in the body', async (format) => {
    const bytes = await bytesOf(format);
    const at = bytes.indexOf(leftDosage) + 2; // "1 tabletti…": the "t"
    const verified = verifyReport(flipped(bytes, at));
    expect(verified.ok).toBe(false);
    if (!verified.ok) {
      expect(verified.error.code).toBe('report-body-altered');
      expect(verified.error.message).toMatch(
        /^The report body was altered: its SHA-256 is [0-9a-f]{64}/,
      );
    }
  });

  it.each(textFormats)(
    'rejects a %s report with a changed byte in an embedded source, naming it',
    async (format) => {
      const bytes = await bytesOf(format);
      const written = await writeReport(request, { format, redact: false });
      if (!written.ok) throw new Error(written.error.message);
      const right = written.value.manifest.sources[1]!.base64!;
      expect(bytes.indexOf(right)).toBeGreaterThan(0);
      const at = bytes.indexOf(right) + Math.floor(right.length / 2);
      const verified = verifyReport(flipped(bytes, at));
      expect(verified.ok).toBe(false);
      if (!verified.ok) {
        expect(verified.error.code).toBe('report-source-altered');
        expect(verified.error.message).toMatch(
          /^The embedded right source \(right-v2\.xml\) was altered/,
        );
      }
    },
  );

  it('accepts a redacted report, which embeds no sources', async () => {
    const verified = verifyReport(await bytesOf('html', true));
    expect(verified.ok && verified.value.embeddedSources).toBe(0);
  });

  it('says a file is not a report, and that a doubled hash field is an altered manifest', async () => {
    const notReport = verifyReport(Buffer.from('<!DOCTYPE html><html><body>hi</body></html>'));
    expect(!notReport.ok && notReport.error.code).toBe('report-no-manifest');
    const bytes = (await bytesOf('csv')).toString('utf8');
    const hash = /"bodySha256":"([0-9a-f]{64})"/.exec(bytes)![0];
    const doubled = verifyReport(Buffer.from(bytes.replace('area,path', `${hash},path`)));
    expect(!doubled.ok && doubled.error.message).toBe(
      'The report manifest was altered: it has 2 bodySha256 fields instead of one.',
    );
  });

  it('says the manifest was altered when its JSON no longer parses', async () => {
    const bytes = (await bytesOf('html'))
      .toString('utf8')
      .replace('"kind":"archivist', '"kind":archivist');
    const verified = verifyReport(Buffer.from(bytes));
    expect(!verified.ok && verified.error.code).toBe('report-no-manifest');
  });
});

/** What a recipient's tools do to a file: cut it, change its line ends. */
const half = (bytes: Buffer) => bytes.subarray(0, Math.floor(bytes.byteLength / 2));
const toCrlf = (bytes: Buffer) =>
  Buffer.from(bytes.toString('latin1').replace(/\r?\n/g, '\r\n'), 'latin1');
const toLf = (bytes: Buffer) =>
  Buffer.from(bytes.toString('latin1').replace(/\r\n/g, '\n'), 'latin1');

/** A stand-in printer: a small PDF, so no browser is needed. */
const fakePdf = async () =>
  ({
    ok: true,
    value: Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n'),
  }) as const;

describe('report verify says why a received file fails', () => {
  it.each(textFormats)('says a %s report cut in half looks cut off', async (format) => {
    const verified = verifyReport(half(await bytesOf(format)));
    expect(!verified.ok && verified.error.code).toBe('report-no-manifest');
    expect(!verified.ok && verified.error.message).toMatch(
      new RegExp(
        `^This ${format.toUpperCase()} report looks cut off: it stops after [\\d,]+ bytes`,
      ),
    );
  });

  it('says a PDF report cut before its end looks cut off, and a PDF made elsewhere is no report', async () => {
    const written = await writeReport(request, {
      format: 'pdf',
      redact: false,
      pdfPrinter: fakePdf,
    });
    if (!written.ok) throw new Error(written.error.message);
    const bytes = Buffer.from(written.value.bytes);
    expect(verifyReport(bytes).ok).toBe(true);
    const cut = verifyReport(bytes.subarray(0, 30));
    expect(!cut.ok && cut.error.code).toBe('report-no-manifest');
    const other = verifyReport((await fakePdf()).value);
    expect(!other.ok && other.error.message).toMatch(
      /^This is not an Archivist report, or its manifest was altered/,
    );
  });

  it('says a file that is no report is none, without calling it CSV', () => {
    const xml = verifyReport(Buffer.from(leftXml));
    expect(!xml.ok && xml.error.message).toBe(
      'This is not an Archivist report: reports are the HTML, PDF, JSON and CSV files Archivist writes, and this file starts with "<?xml version="1.0" encoding="UTF-8"?>".',
    );
    const empty = verifyReport(Buffer.alloc(0));
    expect(!empty.ok && empty.error.message).toBe(
      'This is not an Archivist report: the file is empty.',
    );
    const page = verifyReport(Buffer.from('<!DOCTYPE html><html><body>hi</body></html>\n'));
    expect(!page.ok && page.error.message).toMatch(/^This is not an Archivist report/);
    for (const answer of [xml, empty, page])
      expect(!answer.ok && answer.error.message).not.toMatch(/read as CSV|cut off/);
  });

  it.each(textFormats)(
    'says only the line ends of a %s report were changed (CRLF), and still fails it',
    async (format) => {
      const bytes = await bytesOf(format);
      const crlf = toCrlf(bytes);
      expect(crlf.equals(bytes)).toBe(false);
      const verified = verifyReport(crlf);
      expect(verified.ok).toBe(false);
      expect(!verified.ok && verified.error.code).toBe('report-body-altered');
      expect(!verified.ok && verified.error.message).toMatch(/line ends were changed/);
    },
  );

  it('says so for a CSV report whose CRLF records were made LF, too', async () => {
    const verified = verifyReport(toLf(await bytesOf('csv')));
    expect(!verified.ok && verified.error.code).toBe('report-body-altered');
  });

  it('gives no line-end hint when something else changed as well', async () => {
    const bytes = await bytesOf('html');
    const edited = flipped(toCrlf(bytes), toCrlf(bytes).indexOf(leftDosage) + 2);
    const verified = verifyReport(edited);
    expect(!verified.ok && verified.error.message).toMatch(
      /^The report body was altered: its SHA-256/,
    );
  });
});

describe('compatibility', () => {
  it.each(['html', 'json', 'csv'])(
    'still verifies a %s report made by the previous version (test/fixtures/reports)',
    (format) => {
      const bytes = readFileSync(
        path.join(__dirname, '../../../../fixtures/reports', `made-by-0.1.0.${format}`),
      );
      const verified = verifyReport(bytes);
      expect(verified.ok && verified.value.embeddedSources).toBe(2);
      expect(verifyReport(flipped(bytes, bytes.indexOf(leftDosage) + 2)).ok).toBe(false);
    },
  );

  it('verifies a CSV report that starts with a byte order mark for Excel, on its exact bytes', async () => {
    const written = await writeReport(request, {
      format: 'csv',
      redact: false,
      csvByteOrderMark: true,
    });
    if (!written.ok) throw new Error(written.error.message);
    const bytes = Buffer.from(written.value.bytes);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(verifyReport(bytes).ok).toBe(true);
    expect(verifyReport(bytes.subarray(3)).ok).toBe(false);
    // Without the option the command line's CSV stays as it was.
    expect((await bytesOf('csv')).subarray(0, 4).toString()).toBe('area');
  });
});
