/**
 * `audit list --document` finds a record by whichever form named the document (review 10,
 * finding 6): invalidation records `DocumentReference/<id>`, a failed environment read the bare
 * resource id, show and compare the CDA id, and new environment reads both the CDA id and the
 * resource reference.
 */
import { describe, expect, it } from 'vitest';
import { chainRecord, GENESIS_HASH } from '../../../../shared/audit/canonical';
import {
  invalidationEvent,
  outcomeEvent,
  readEvent,
  type AuditContext,
} from '../../../../shared/audit/builders';
import { matchesFilter, toRow } from '../../../../shared/audit/filter';
import { withResourceReference } from '../../../../shared/audit/resource-reference';
import type { AuditEvent } from '../../../../shared/audit/event';

const ctx: AuditContext = {
  operator: { name: 'Ilkka', registrationNumber: '9999992', organisationOid: '1.2', osUser: 'i' },
  appVersion: '0.1.0',
  host: 'test-host',
  environment: { name: 'inv', baseUrl: 'http://127.0.0.1:18084' },
  now: () => new Date('2026-11-30T00:16:32Z'),
};
const oid = '1.2.246.10.99990001.2026.303';
const invalidation = invalidationEvent(ctx, {
  documentId: 'DocumentReference/seed-doc-303',
  reason: 'wrong-document',
});
const failedRead = readEvent(ctx, 'seed-doc-303', undefined, { code: '8', description: 'gone' });
const oldShowRead = readEvent(ctx, oid, '280222F916W');
const newShowRead = withResourceReference(readEvent(ctx, oid, '280222F916W'), 'seed-doc-303');
const otherDocument = withResourceReference(readEvent(ctx, '1.2.3.4'), 'seed-doc-3030');

function found(document: string, events: readonly AuditEvent[]): number[] {
  return events
    .map((event, index) => chainRecord(index + 1, GENESIS_HASH, event))
    .filter((record) => matchesFilter(record, { document }))
    .map((record) => record.sequence);
}

describe('audit list --document', () => {
  const events = [invalidation, failedRead, oldShowRead, newShowRead, otherDocument];

  it('the bare resource id finds the reference, the bare id and new reads', () => {
    expect(found('seed-doc-303', events)).toEqual([1, 2, 4]);
  });

  it('the reference finds the bare id too', () => {
    expect(found('DocumentReference/seed-doc-303', events)).toEqual([1, 2, 4]);
  });

  it('the document id finds old and new reads, and nothing of another document', () => {
    expect(found(oid, events)).toEqual([3, 4]);
    expect(found('seed-doc-30', events)).toEqual([]);
    expect(found('DocumentReference/', events)).toEqual([]);
  });

  it("an outcome's link to its attempt is no document", () => {
    const outcome = outcomeEvent(invalidation, 5, { code: '0' }, new Date());
    expect(found('5', [outcome])).toEqual([]);
    expect(found('seed-doc-303', [outcome])).toEqual([1]);
  });
});

describe('withResourceReference', () => {
  it('adds the reference once and leaves a file read as it is', () => {
    expect(withResourceReference(oldShowRead)).toBe(oldShowRead);
    const twice = withResourceReference(newShowRead, 'seed-doc-303');
    expect(twice).toBe(newShowRead);
    expect(toRow(chainRecord(1, GENESIS_HASH, newShowRead)).document).toBe(
      `${oid} DocumentReference/seed-doc-303`,
    );
  });
});
