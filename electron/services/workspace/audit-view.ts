/** The Audit tab: the journal as rows (newest first, capped) and `verify` as a sentence. */
import { toRow, type AuditFilter } from '../../../shared/audit/filter';
import type { AuditListResult, AuditVerifyResult } from '../../../shared/ipc/workspace-types';
import { err, ok, type Result } from '../../../shared/result';
import { listRecords, verifyHome } from '../audit/reader';

/** More rows than a tester reads; the filters narrow it down. */
export const maxAuditRows = 2000;

export function auditList(home: string, filter: AuditFilter): Result<AuditListResult> {
  try {
    const records = listRecords(home, filter);
    const newest = records.slice(-maxAuditRows).reverse();
    return ok({ rows: newest.map(toRow), isTruncated: records.length > maxAuditRows });
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
