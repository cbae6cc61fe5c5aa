import { describe, expect, it } from 'vitest';
import { reportFileName } from '../../../../../electron/services/workspace/report-file-name';

const at = new Date(2026, 10, 29, 23, 24, 26); // local time
const v1 = {
  source: 'env:sandbox:seed-doc-50',
  id: '1.2.246.10.99990001.2026.50',
  versionNumber: 1,
};
const v3 = {
  source: 'env:sandbox:seed-doc-52',
  id: '1.2.246.10.99990001.2026.52',
  versionNumber: 3,
};

describe('reportFileName', () => {
  it('names both sides (profile, short id, version) and the local time', () => {
    expect(reportFileName(v1, v3, 'html', false, at)).toBe(
      'comparison-sandbox-2026.50-v1-vs-sandbox-2026.52-v3-20261129-232426.html',
    );
  });

  it('tells apart the same document from two environments, and two exports of one pair', () => {
    const inAt = { ...v3, source: 'env:at:x' };
    const inTk = { ...v3, source: 'env:tk:y' };
    expect(reportFileName(inAt, inTk, 'pdf', false, at)).toBe(
      'comparison-at-2026.52-v3-vs-tk-2026.52-v3-20261129-232426.pdf',
    );
    const later = new Date(at.getTime() + 1000);
    expect(reportFileName(v1, v3, 'csv', false, later)).not.toBe(
      reportFileName(v1, v3, 'csv', false, at),
    );
  });

  it('gives no document id and no local file name in a redacted report name', () => {
    const file = { source: '/tmp/010181-900C.xml', id: '1.2.3.4.5', versionNumber: 2 };
    const name = reportFileName(file, v3, 'json', true, at);
    expect(name).toBe('comparison-redacted-file-v2-vs-sandbox-v3-20261129-232426.json');
  });

  it('keeps only characters file systems take', () => {
    const odd = { source: 'env:my env/1:x', id: 'urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427' };
    expect(reportFileName(odd, odd, 'html', false, at)).toMatch(/^[A-Za-z0-9._-]+$/);
  });
});
