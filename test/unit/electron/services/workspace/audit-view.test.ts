/**
 * The Audit tab's rows on a real journal (review 11, finding 6): an attempt shows the outcome of
 * the record that closes it and both name each other, even when a filter leaves one out; an
 * attempt without an outcome says so; the operator without a registration number is named as a
 * local user; the request id is kept apart from the document; and the kind and operator filters.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  configurationEvent,
  readEvent,
  type AuditContext,
} from '../../../../../shared/audit/builders';
import type { AuditFilter } from '../../../../../shared/audit/filter';
import type { AuditListRow } from '../../../../../shared/audit/list-row';
import {
  attemptEvent,
  attemptOutcomeEvent,
} from '../../../../../shared/invalidation/audit-records';
import type { Result } from '../../../../../shared/result';
import { recordAll } from '../../../../../electron/services/workspace/audit-trail';
import { auditList } from '../../../../../electron/services/workspace/audit-view';

const work = mkdtempSync(path.join(tmpdir(), 'archivist-audit-view-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

const context = (operator: AuditContext['operator']): AuditContext => ({
  operator,
  appVersion: 'test',
  host: 'test-host',
  now: () => new Date('2026-11-30T00:48:26Z'),
  environment: { name: 'Provenance blackhole', baseUrl: 'http://127.0.0.1:8484' },
});
const local = context({
  name: 'root',
  registrationNumber: 'none',
  organisationOid: 'none',
  osUser: 'root',
});
const carded = context({
  name: 'Testi Lääkäri',
  registrationNumber: '123456789',
  organisationOid: '1.2.246.10.1',
  osUser: 'tester',
});
const reason = { code: 'correction-impossible' as const };
const hetu = '250413B931R';

/**
 * #1 read, #2 attempt on seed-doc-38 (closed by #4, unknown = serious failure), #3 attempt on
 * seed-doc-39 with no outcome yet, #4 the outcome, #5 a configuration change by a carded user.
 */
async function journal(): Promise<string> {
  const home = path.join(work, `home-${Math.random().toString(36).slice(2)}`);
  const first = attemptEvent(local, {
    resourceId: 'seed-doc-38',
    hetu,
    reason,
    requestId: 'a650327b-47a2-44a5-bd77-cb1e943afb7d',
  });
  value(
    await recordAll(
      home,
      [
        readEvent(local, 'DocumentReference/seed-doc-38', hetu),
        first,
        attemptEvent(local, {
          resourceId: 'seed-doc-39',
          hetu,
          reason,
          requestId: 'b0000000-0000-4000-8000-000000000001',
        }),
        attemptOutcomeEvent(
          first,
          2,
          'unknown',
          'Not known whether it was invalidated.',
          new Date('2026-11-30T00:49:26Z'),
        ),
        configurationEvent(carded, 'profile tk-tls saved'),
      ],
      'refused',
    ),
  );
  return home;
}

function rows(home: string, filter: AuditFilter = {}): Map<number, AuditListRow> {
  return new Map(value(auditList(home, filter)).rows.map((row) => [row.sequence, row]));
}

describe('the Audit tab rows', () => {
  it('shows an attempt with the outcome that closes it, linked both ways', async () => {
    const listed = rows(await journal());
    // Recorded as success before sending; the tab shows the closing record's serious failure.
    expect(listed.get(2)?.outcome).toBe('0');
    expect(listed.get(2)?.link).toEqual({
      role: 'attempt',
      closedBy: { sequence: 4, outcome: '8' },
    });
    expect(listed.get(4)?.link).toEqual({ role: 'outcome', attempt: 2 });
    expect(listed.get(3)?.link).toEqual({ role: 'attempt' });
    expect(listed.get(1)?.link).toBeUndefined();
    expect(listed.get(5)?.link).toBeUndefined();
  });

  it('keeps the link when the filter leaves the closing record out', async () => {
    const listed = rows(await journal(), { outcome: '0', kind: 'update' });
    expect([...listed.keys()]).toEqual([3, 2]);
    expect(listed.get(2)?.link).toEqual({
      role: 'attempt',
      closedBy: { sequence: 4, outcome: '8' },
    });
  });

  it('keeps the request id apart from the document and splits the detail into lines', async () => {
    const attempt = rows(await journal()).get(2);
    expect(attempt?.documents).toEqual(['DocumentReference/seed-doc-38']);
    expect(attempt?.requestId).toBe('urn:uuid:a650327b-47a2-44a5-bd77-cb1e943afb7d');
    expect(attempt?.detailLines).toEqual([
      'attempt: recorded before the request was sent',
      'reason=correction-impossible (Correction is not possible)',
    ]);
  });

  it('names an operator without a registration number as a local user', async () => {
    const listed = rows(await journal());
    expect(listed.get(1)?.operator).toBe('root (local user, no registration number)');
    expect(listed.get(5)?.operator).toBe('Testi Lääkäri (123456789)');
  });

  it('filters by kind and by operator', async () => {
    const home = await journal();
    expect([...rows(home, { kind: 'update' }).keys()]).toEqual([4, 3, 2]);
    expect([...rows(home, { kind: 'read' }).keys()]).toEqual([1]);
    expect([...rows(home, { kind: 'configuration' }).keys()]).toEqual([5]);
    expect([...rows(home, { operator: '123456789' }).keys()]).toEqual([5]);
    expect([...rows(home, { operator: 'root' }).keys()]).toEqual([4, 3, 2, 1]);
  });
});
