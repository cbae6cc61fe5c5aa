/**
 * Review 9, defect 1: every report names each environment side's stored status (HTML and so
 * the PDF printed from it, JSON, CSV), and the JSON stays valid against schema version 1, where
 * `storedStatus` is an optional field: reports made before it still validate.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { writeReport } from '../../../../../electron/services/report/write-report';
import { closeXmlWorkers } from '../../../../../electron/services/xml';
import type { ReportRequest } from '../../../../../electron/services/report/write-report';
import { validateReport } from '../../../../support/report-schema';
import { fixtureRequest } from './report-fixture';

afterAll(() => closeXmlWorkers());

/** The fixture pair as if read from AT (current) and TK (invalidated). */
async function fromEnvironments(): Promise<ReportRequest> {
  const request = await fixtureRequest('env:at:d0', 'env:tk:d7');
  const { result } = request;
  return {
    ...request,
    result: {
      ...result,
      left: { ...result.left, storedStatus: 'current' },
      right: { ...result.right, storedStatus: 'invalidated' },
    },
    left: { ...request.left, environment: 'Kanta AT' },
    right: { ...request.right, environment: 'Kanta TK' },
  };
}

async function text(request: ReportRequest, format: 'html' | 'json' | 'csv'): Promise<string> {
  const written = await writeReport(request, { format, redact: false });
  if (!written.ok) throw new Error(written.error.message);
  return Buffer.from(written.value.bytes).toString('utf8');
}

describe('reports name each side’s stored status', () => {
  it('in the JSON, valid against schema v1, and without one for local files', async () => {
    const json = JSON.parse(await text(await fromEnvironments(), 'json'));
    expect(validateReport(json), JSON.stringify(validateReport.errors)).toBe(true);
    expect(json.report.documents.left.storedStatus).toBe('current');
    expect(json.report.documents.right.storedStatus).toBe('invalidated');
    const files = JSON.parse(await text(await fixtureRequest(), 'json'));
    expect(validateReport(files)).toBe(true);
    expect(files.report.documents.left).not.toHaveProperty('storedStatus');
  });

  it('in the HTML documents table and in a CSV row', async () => {
    const request = await fromEnvironments();
    const html = await text(request, 'html');
    expect(html).toMatch(
      /<td>Stored status<\/td><td><span class="mono">current<\/span><\/td><td><span class="mono">invalidated \(entered-in-error\)<\/span><\/td>/,
    );
    const csv = await text(request, 'csv');
    expect(csv).toContain('document,storedStatus,current,invalidated (entered-in-error),\r\n');
    // Local files: no status row, no fake "current".
    const files = await fixtureRequest();
    expect(await text(files, 'csv')).not.toContain('storedStatus');
    expect(await text(files, 'html')).not.toContain('Stored status');
  });
});
