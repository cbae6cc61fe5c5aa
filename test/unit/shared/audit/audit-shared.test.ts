import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  chainRecord,
  GENESIS_HASH,
  pureSha256,
} from '../../../../shared/audit/canonical';
import {
  invalidationEvent,
  outcomeEvent,
  queryEvent,
  readEvent,
  type AuditContext,
} from '../../../../shared/audit/builders';
import { matchesFilter, toRow } from '../../../../shared/audit/filter';
import { verifyJournal } from '../../../../shared/audit/verify';

const ctx: AuditContext = {
  operator: {
    name: 'Tessa Testaaja',
    registrationNumber: '1234567',
    organisationOid: '1.2.246.10.1',
    osUser: 'tessa',
  },
  appVersion: '0.1.0',
  host: 'test-host',
  environment: { name: 'kanta-test', baseUrl: 'https://fhir.test.example' },
  now: () => new Date('2026-11-28T10:00:00Z'),
};

describe('canonical serialisation and chain', () => {
  it('sorts keys at every depth and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[1,{"y":2,"z":1}]},"b":1}',
    );
  });

  it('the pure SHA-256 agrees with Node on non-ASCII text', () => {
    const text = canonicalJson({ name: 'Äijälä ÅÖ €' });
    expect(pureSha256(text)).toBe(createHash('sha256').update(text).digest('hex'));
  });

  it('links records by previousHash', () => {
    const first = chainRecord(1, GENESIS_HASH, readEvent(ctx, '1.2.3'));
    const second = chainRecord(2, first.hash, readEvent(ctx, '1.2.4'));
    const lines = [first, second].map((r, i) => ({
      file: 'j',
      line: i + 1,
      text: canonicalJson(r),
    }));
    expect(verifyJournal(lines, [], pureSha256, () => true)).toMatchObject({
      ok: true,
      records: 2,
    });
    const swapped = [lines[1]!, lines[0]!];
    expect(verifyJournal(swapped, [], pureSha256, () => true)).toMatchObject({
      ok: false,
      sequence: 2,
    });
  });
});

describe('BALP event builders', () => {
  it('a query is action E with the patient and the query in Base64', () => {
    const event = queryEvent(ctx, '010190-900A', 'patient=010190-900A');
    expect(event).toMatchObject({
      resourceType: 'AuditEvent',
      action: 'E',
      outcome: '0',
      type: { code: 'rest' },
      subtype: [{ code: 'search' }],
    });
    expect(event.entity[0]?.what.identifier).toEqual({
      system: 'urn:oid:1.2.246.21',
      value: '010190-900A',
    });
    expect(event.entity[1]?.query).toBe(Buffer.from('patient=010190-900A').toString('base64'));
    expect(event.agent.map((a) => a.who.display)).toEqual([
      'Tessa Testaaja',
      'Archivist 0.1.0',
      'kanta-test',
    ]);
    expect(event.agent[0]).toMatchObject({
      altId: 'tessa',
      requestor: true,
      who: { identifier: { value: '1234567' } },
    });
  });

  it('names an operator by name and registration number, a local user without a card plainly', () => {
    expect(toRow(chainRecord(1, GENESIS_HASH, readEvent(ctx, '1.2.3'))).operator).toBe(
      'Tessa Testaaja (1234567)',
    );
    const local = {
      ...ctx,
      operator: { ...ctx.operator, name: 'root', registrationNumber: 'none' },
    };
    // The CLI's text list, CSV and JSON exports read the same words as the Audit tab (review 11).
    expect(toRow(chainRecord(1, GENESIS_HASH, readEvent(local, '1.2.3'))).operator).toBe(
      'root (local user, no registration number)',
    );
  });

  it('an invalidation is U with its reason, and its outcome links back to the attempt', () => {
    const attempt = invalidationEvent(ctx, {
      documentId: '1.2.246.777',
      reason: 'wrong-patient',
      comment: 'mix-up',
    });
    expect(attempt.action).toBe('U');
    expect(toRow(chainRecord(7, GENESIS_HASH, attempt)).detail).toBe(
      'reason=wrong-patient; comment=mix-up',
    );
    const failed = outcomeEvent(
      attempt,
      7,
      { code: '8', description: 'server said 500' },
      new Date(),
    );
    expect(failed).toMatchObject({ outcome: '8', outcomeDesc: 'server said 500' });
    expect(failed.entity.at(-1)?.what.identifier?.value).toBe('7');
  });

  it('filters by patient, document, action, outcome, operator and time', () => {
    const record = chainRecord(
      1,
      GENESIS_HASH,
      readEvent(ctx, '1.2.3', '010190-900A', { code: '4' }),
    );
    expect(
      matchesFilter(record, {
        patient: '010190-900A',
        document: '1.2.3',
        action: 'R',
        outcome: '4',
        operator: 'tessa',
      }),
    ).toBe(true);
    expect(
      matchesFilter(record, { from: '2026-11-28T09:00:00.000Z', to: '2026-11-28T11:00:00.000Z' }),
    ).toBe(true);
    expect(matchesFilter(record, { patient: '020290-901B' })).toBe(false);
    expect(matchesFilter(record, { action: 'E' })).toBe(false);
    expect(matchesFilter(record, { to: '2026-11-28T09:00:00.000Z' })).toBe(false);
  });
});
