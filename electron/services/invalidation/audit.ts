/** Ways to give the invalidation service its audit trail. */
import type { AuditContext } from '../../../shared/audit/builders';
import { err } from '../../../shared/result';
import { openJournal, type Journal } from '../audit/journal';
import type { InvalidationAudit } from './types';

/** An already open journal (the command line holds it for the whole run). */
export function journalAudit(
  journal: Pick<Journal, 'recordBefore'>,
  context: AuditContext,
): InvalidationAudit {
  return { context, record: (event, refused) => journal.recordBefore(event, refused) };
}

/**
 * The home's journal, opened for each record and closed after, so another process (the command
 * line beside the app) can write between two records; as the workspace does.
 */
export function homeAudit(home: string, context: AuditContext): InvalidationAudit {
  return {
    context,
    async record(event, refused) {
      const journal = await openJournal(home);
      if (!journal.ok) return err(journal.error.code, `${journal.error.message} (${refused})`);
      try {
        return await journal.value.recordBefore(event, refused);
      } finally {
        journal.value.close();
      }
    },
  };
}
