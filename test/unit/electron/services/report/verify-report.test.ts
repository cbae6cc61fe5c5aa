import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyReport } from '../../../../../electron/services/report/verify-report';
import {
  writeReport,
  type ReportFormat,
  type ReportRequest,
} from '../../../../../electron/services/report/write-report';
import { closeXmlWorkers } from '../../../../../electron/services/xml';
import { fixtureRequest, leftDosage } from './report-fixture';

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
