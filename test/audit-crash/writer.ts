/**
 * The crash test's victim: appends audit records as fast as it can and prints each acknowledged
 * `sequence hash` only after append returned (the record is durable), until it is killed.
 */
import { writeSync } from 'node:fs';
import { readEvent } from '../../shared/audit/builders';
import { openJournal } from '../../electron/services/audit/journal';

const home = process.argv[2];
if (!home) throw new Error('usage: writer HOME');

const ctx = {
  operator: {
    name: 'Crash Test',
    registrationNumber: '1',
    organisationOid: '1.2.246.10.1',
    osUser: 'crash',
  },
  appVersion: '0.1.0',
  host: 'crash-host',
  now: () => new Date(),
};

void openJournal(home, { checkpointEvery: 20, maxFileBytes: 256 * 1024, lockWaitMs: 5000 }).then(
  (journal) => {
    if (!journal.ok) {
      writeSync(2, `${journal.error.message}\n`);
      process.exit(1);
    }
    writeSync(1, 'open\n');
    for (let i = 0; ; i++) {
      const result = journal.value.append(readEvent(ctx, `1.2.246.10.${i}`, '010190-900A'));
      if (!result.ok) {
        writeSync(2, `${result.error.message}\n`);
        process.exit(1);
      }
      writeSync(1, `${result.value.sequence} ${result.value.hash}\n`);
    }
  },
);
