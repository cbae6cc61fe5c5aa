/** Shared fixtures for the audit service tests. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readEvent, type AuditContext } from '../../../../../shared/audit/builders';
import type { AuditEvent } from '../../../../../shared/audit/event';

export const ctx: AuditContext = {
  operator: {
    name: 'Tessa Testaaja',
    registrationNumber: '1234567',
    organisationOid: '1.2.246.10.1',
    osUser: 'tessa',
  },
  appVersion: '0.1.0',
  host: 'test-host',
  now: () => new Date(),
};

export function tempHome(): string {
  return mkdtempSync(path.join(tmpdir(), 'archivist-audit-'));
}

export function sampleEvent(i: number): AuditEvent {
  return readEvent(ctx, `1.2.246.10.${i}`, '010190-900A');
}
