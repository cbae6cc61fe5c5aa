/**
 * The Audit tab: the journal as rows (newest first, capped) and `verify` as a sentence. Each
 * invalidation attempt row carries the record that closes it, found in the whole journal: the
 * filters may leave that record out (an outcome filter, a time window), the link still holds.
 */
import type { ChainedRecord } from '../../../shared/audit/canonical';
import { ATTEMPT_SYSTEM } from '../../../shared/audit/event';
import type { AuditFilter } from '../../../shared/audit/filter';
import { closingOutcomes, toListRow, type ClosingOutcome } from '../../../shared/audit/list-row';
import type { AuditListResult, AuditVerifyResult } from '../../../shared/ipc/workspace-types';
import { err, ok, type Result } from '../../../shared/result';
import { readJournal } from '../audit/files';
import { listRecords, verifyHome } from '../audit/reader';

/** More rows than a tester reads; the filters narrow it down. */
export const maxAuditRows = 2000;

/** Outcome records name their attempt; only lines holding that link are parsed. */
function attemptClosers(home: string): Map<number, ClosingOutcome> {
  const outcomes: ChainedRecord[] = [];
  for (const line of readJournal(home).lines) {
    if (!line.text.includes(ATTEMPT_SYSTEM)) continue;
    try {
      outcomes.push(JSON.parse(line.text) as ChainedRecord);
    } catch {
      continue; // verify names broken lines; the list links what can be read
    }
  }
  return closingOutcomes(outcomes);
}

export function auditList(home: string, filter: AuditFilter): Result<AuditListResult> {
  try {
    const records = listRecords(home, filter);
    const newest = records.slice(-maxAuditRows).reverse();
    const closers = attemptClosers(home);
    return ok({
      rows: newest.map((record) => toListRow(record, closers)),
      isTruncated: records.length > maxAuditRows,
    });
  } catch {
    return err('audit-unreadable', 'The audit journal could not be read.');
  }
}

export function auditVerify(home: string): Result<AuditVerifyResult> {
  try {
    const outcome = verifyHome(home);
    if (outcome.ok) {
      const torn =
        outcome.torn > 0 ? ` (${outcome.torn} torn line(s) after a crash were set aside)` : '';
      return ok({
        isIntact: true,
        message: `OK: ${outcome.records} records, ${outcome.checkpoints} checkpoints${torn}.`,
      });
    }
    const where = outcome.sequence === null ? outcome.where : `record ${outcome.sequence}`;
    return ok({
      isIntact: false,
      message: `The journal is damaged at ${where}: ${outcome.reason}.`,
    });
  } catch {
    return err('audit-unreadable', 'The audit journal could not be read.');
  }
}
