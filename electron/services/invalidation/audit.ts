/** Ways to give the invalidation service its audit trail. */
import type { AuditContext } from '../../../shared/audit/builders';
import { err } from '../../../shared/result';
import { openJournal, type Journal } from '../audit/journal';
import { listRecords } from '../audit/reader';
import { cannotRecordNow } from './control';
import type { InvalidationAudit } from './types';

/** The update records of `home`'s journal, where earlier invalidation attempts are. */
function updateRecords(home: string) {
  return listRecords(home, { action: 'U' });
}

/** An already open journal; with `home`, its history too (read from the files, as written). */
export function journalAudit(
  journal: Pick<Journal, 'recordBefore' | 'append'>,
  context: AuditContext,
  home?: string,
): InvalidationAudit {
  return {
    context,
    record: (event, refused) => journal.recordBefore(event, refused),
    recordNow: (event) => journal.append(event),
    ...(home === undefined ? {} : { history: () => updateRecords(home) }),
  };
}

/** The home's journal, opened for each record; `hold()` keeps it open from then on. */
export interface HomeAudit extends InvalidationAudit {
  /**
   * Opens the journal and keeps it (and its lock) until `release()`, so that `recordNow` can
   * append synchronously; the command line does this once interrupted, when it may have to end
   * at once. Records already on their way finish first.
   */
  readonly hold: () => Promise<void>;
  readonly release: () => void;
}

/**
 * The home's journal, opened for each record and closed after, so another process (the command
 * line beside the app) can write between two records; as the workspace does.
 */
export function homeAudit(home: string, context: AuditContext): HomeAudit {
  let held: Journal | undefined;
  let holding: Promise<void> | undefined;
  let isReleased = false;
  return {
    context,
    async record(event, refused) {
      if (holding) await holding;
      if (held) return held.recordBefore(event, refused);
      const journal = await openJournal(home);
      if (!journal.ok) return err(journal.error.code, `${journal.error.message} (${refused})`);
      try {
        return await journal.value.recordBefore(event, refused);
      } finally {
        journal.value.close();
      }
    },
    recordNow: (event) => (held ? held.append(event) : cannotRecordNow()),
    history: () => updateRecords(home),
    hold() {
      holding ??= openJournal(home).then((journal) => {
        // Not held (the lock stayed busy): records go on opening it each time.
        if (!journal.ok) return;
        if (isReleased) journal.value.close();
        else held = journal.value;
      });
      return holding;
    },
    release() {
      isReleased = true;
      held?.close();
      held = undefined;
    },
  };
}
