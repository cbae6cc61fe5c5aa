import { describe, expect, it } from 'vitest';
import {
  exportEvent,
  invalidationEvent,
  type AuditContext,
} from '../../../../shared/audit/builders';
import {
  canonicalJson,
  chainRecord,
  GENESIS_HASH,
  pureSha256,
} from '../../../../shared/audit/canonical';
import {
  comparisonExportEvent,
  type ComparisonExport,
} from '../../../../shared/audit/comparison-export';
import { toRow } from '../../../../shared/audit/filter';
import { verifyJournal } from '../../../../shared/audit/verify';

const now = () => new Date('2026-11-29T21:24:26Z');
const card = (name: string, number: string) => ({
  name,
  registrationNumber: number,
  organisationOid: '1.2.246.10.1',
  osUser: 'tessa',
});
const at: AuditContext = {
  operator: card('Tiina Testaaja', '7654321'),
  appVersion: '0.1.0',
  host: 'test-host',
  environment: { name: 'Kanta AT', baseUrl: 'https://at.example/fhir' },
  now,
};
const tk: AuditContext = {
  ...at,
  operator: card('root', 'none'),
  environment: { name: 'Kanta TK', baseUrl: 'https://tk.example/fhir' },
};
const local: AuditContext = { ...at, operator: card('tessa', 'none'), environment: undefined };

const hetu = '010181-900C';
const document = (id: string, versionNumber: number) => ({
  format: 'cda' as const,
  id,
  setId: '1.2.246.10.99990001.2026.1',
  versionNumber,
  patientHetu: hetu,
});
const profile = { id: 'default', sha256: 'ab'.repeat(32) };

function atAgainstTk(): ComparisonExport {
  return {
    result: { left: document('1.2.3.50', 1), right: document('1.2.3.50', 1), profile },
    format: 'html',
    redacted: false,
    target: '/home/tessa/reports/at-vs-tk.html',
    fileName: 'at-vs-tk.html',
    left: { source: 'env:at:seed-doc-50', environment: 'Kanta AT', context: at },
    right: { source: 'env:tk:seed-doc-50', environment: 'Kanta TK', context: tk },
  };
}

function row(event: ReturnType<typeof exportEvent>) {
  return toRow(chainRecord(1, GENESIS_HASH, event));
}

describe('the audit event of a comparison export (review 9, defect 5)', () => {
  it('names both environments, documents and versions, the format, profile and file', () => {
    const shown = row(comparisonExportEvent(at, atAgainstTk()));
    expect(shown).toMatchObject({
      kind: 'export',
      action: 'E',
      outcome: '0',
      operator: 'Tiina Testaaja (7654321)',
      patient: hetu,
      document: '1.2.3.50',
      environment: 'Kanta AT, Kanta TK',
    });
    expect(shown.detail).toBe(
      'left: Kanta AT, document 1.2.3.50, version 1; ' +
        'right: Kanta TK, document 1.2.3.50, version 1; ' +
        `HTML comparison report, ignore profile default (sha256 ${'ab'.repeat(6)}…), to file at-vs-tk.html`,
    );
  });

  it('records each environment as a source with its address, and the machine-readable details', () => {
    const event = comparisonExportEvent(at, atAgainstTk());
    const sources = event.agent.filter((agent) => agent.network);
    expect(sources.map((agent) => [agent.who.display, agent.network?.address])).toEqual([
      ['Kanta AT', 'https://at.example/fhir'],
      ['Kanta TK', 'https://tk.example/fhir'],
    ]);
    const right = event.entity.find((entity) => entity.name === 'right')!;
    expect(right.detail).toEqual([
      { type: 'side', valueString: 'right' },
      { type: 'environment', valueString: 'Kanta TK' },
      { type: 'source', valueString: 'env:tk:seed-doc-50' },
      { type: 'version', valueString: '1' },
      { type: 'setId', valueString: '1.2.246.10.99990001.2026.1' },
    ]);
    const file = event.entity.find((entity) => entity.role.code === '16')!;
    expect(file.what.display).toBe('/home/tessa/reports/at-vs-tk.html');
    expect(file.detail).toContainEqual({ type: 'profile sha256', valueString: profile.sha256 });
  });

  it('says "local file" for a side read from disk, and names only the environment of the other', () => {
    const input: ComparisonExport = {
      ...atAgainstTk(),
      result: { left: document('1.2.3.50', 1), right: document('1.2.3.52', 3), profile },
      format: 'json',
      redacted: true,
      target: 'download comparison-redacted.json',
      fileName: 'comparison-redacted.json',
      left: { source: 'v1.xml', context: local },
    };
    const shown = row(comparisonExportEvent(tk, input));
    expect(shown.environment).toBe('Kanta TK');
    expect(shown.document).toBe('1.2.3.50 1.2.3.52');
    expect(shown.detail).toMatch(
      /^left: local file v1\.xml, document 1\.2\.3\.50, version 1; right: Kanta TK, document 1\.2\.3\.52, version 3; JSON comparison report \(redacted\),/,
    );
    expect(shown.detail).toMatch(/to file comparison-redacted\.json$/);
  });

  it('puts a failure first in the detail, and a report to stdout names no file', () => {
    const input = { ...atAgainstTk(), target: 'stdout', fileName: undefined };
    const failed = comparisonExportEvent(at, input, { code: '8', description: 'disk full' });
    const shown = row(failed);
    expect(shown.outcome).toBe('8');
    expect(shown.detail).toMatch(/^disk full; left: Kanta AT/);
    expect(shown.detail).toMatch(/, to stdout$/);
  });
});

describe('older journal records still read and verify', () => {
  it('an export event of the old shape shows as before, beside a new one, and the chain verifies', () => {
    const old = chainRecord(
      1,
      GENESIS_HASH,
      exportEvent(at, 'HTML comparison report of 1.2.3.50 and 1.2.3.52 to download x.html'),
    );
    const fresh = chainRecord(2, old.hash, comparisonExportEvent(at, atAgainstTk()));
    expect(toRow(old)).toMatchObject({ environment: 'Kanta AT', document: '', detail: '' });
    const lines = [old, fresh].map((record, i) => ({
      file: 'j',
      line: i + 1,
      text: canonicalJson(record),
    }));
    expect(verifyJournal(lines, [], pureSha256, () => true)).toMatchObject({ ok: true });
  });

  it('an entity without a description still shows its details', () => {
    const event = invalidationEvent(at, { documentId: '1.2.3', reason: 'other', comment: 'typo' });
    expect(row(event).detail).toBe('reason=other; comment=typo');
  });
});
