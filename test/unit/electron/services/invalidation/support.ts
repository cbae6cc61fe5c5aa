/** Fixtures for the invalidation service tests: a real sandbox, a real journal in a temp home. */
import http from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ChainedRecord } from '../../../../../shared/audit/canonical';
import {
  alwaysOpenCalendar,
  type EnvironmentCalendar,
} from '../../../../../shared/environments/calendar';
import type { EnvironmentProfile } from '../../../../../shared/environments/profile';
import { parseInvalidationReason } from '../../../../../shared/invalidation/reasons';
import { openJournal, type JournalOptions } from '../../../../../electron/services/audit/journal';
import { readJournal } from '../../../../../electron/services/audit/files';
import { createFhirConnection } from '../../../../../electron/services/environments/fhir/fhir-connection';
import { journalAudit } from '../../../../../electron/services/invalidation/audit';
import type { InvalidationDeps } from '../../../../../electron/services/invalidation/types';
import type { RunningSandbox } from '../../../../../electron/sandbox/server';
import { ctx } from '../audit/support';

// The audit tests' operator and clock: one test context for both.
export { ctx };

export function tempHome(): string {
  return mkdtempSync(path.join(tmpdir(), 'archivist-invalidation-'));
}

export function sandboxProfile(baseUrl: string, extra: Partial<EnvironmentProfile> = {}) {
  const profile: EnvironmentProfile = {
    id: 'sandbox',
    displayName: 'Local sandbox',
    kind: 'sandbox',
    baseUrl,
    repository: 'patient-data',
    isTestEnvironment: true,
    operator: { name: 'Tessa Testaaja', registrationNumber: '1234567', organisationOid: '1.2.3' },
    ...extra,
  };
  return profile;
}

export const duplicateReason = (() => {
  const parsed = parseInvalidationReason('duplicate');
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
})();

export interface DepsOptions {
  readonly profile?: Partial<EnvironmentProfile>;
  readonly calendar?: EnvironmentCalendar;
  readonly now?: () => Date;
  readonly journal?: JournalOptions;
  readonly deadlineMs?: number;
  /** A fresh TCP connection per request, so a fault proxy's mode applies to each one. */
  readonly isFreshConnectionEach?: boolean;
  readonly onProgress?: InvalidationDeps['onProgress'];
  /** Records name the environment and preflight reads the journal's history, as in the app. */
  readonly isHistoryChecked?: boolean;
}

/** Deps against `baseUrl` with an open journal in `home`; close() frees both. */
export async function depsFor(baseUrl: string, home: string, options: DepsOptions = {}) {
  const journal = await openJournal(home, options.journal ?? {});
  if (!journal.ok) throw new Error(journal.error.message);
  const now = options.now ?? (() => new Date());
  const connection = createFhirConnection({
    baseUrl,
    now,
    ...(options.deadlineMs ? { deadlineMs: options.deadlineMs } : {}),
    ...(options.isFreshConnectionEach ? { agent: new http.Agent({ keepAlive: false }) } : {}),
    // Small waits between read retries keep a loaded machine's test short.
    retry: { attempts: 3, baseDelayMs: 20, maxDelayMs: 200 },
  });
  const deps: InvalidationDeps = {
    profile: sandboxProfile(baseUrl, options.profile),
    connection,
    calendar: options.calendar ?? alwaysOpenCalendar,
    now,
    audit: options.isHistoryChecked
      ? journalAudit(
          journal.value,
          { ...ctx, environment: { name: 'Local sandbox', baseUrl } },
          home,
        )
      : journalAudit(journal.value, ctx),
    application: 'Archivist 0.1.0',
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  };
  return {
    deps,
    close() {
      connection.close();
      journal.value.close();
    },
  };
}

/** Every journal record of `home`, parsed. */
export function journalRecords(home: string): ChainedRecord[] {
  return readJournal(home).lines.map((line) => JSON.parse(line.text) as ChainedRecord);
}

/** Provenance resources stored by the sandbox, per target reference. */
export function provenanceCounts(sandbox: RunningSandbox): Map<string, number> {
  const counts = new Map<string, number>();
  for (const provenance of sandbox.store.provenances.values()) {
    const target = provenance.target[0]?.reference ?? '';
    counts.set(target, (counts.get(target) ?? 0) + 1);
  }
  return counts;
}
