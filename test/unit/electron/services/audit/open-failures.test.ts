/**
 * The journal's lock and folder refusals on real failures (tests may run as root, where file
 * modes stop nothing: a path under a file, a file where the folder goes, a missing folder): the
 * sentence names what failed and says why in words, never an errno code.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openJournal } from '../../../../../electron/services/audit/journal';
import { acquireLock } from '../../../../../electron/services/audit/lock';
import { tempHome } from './support';

const work = tempHome();
afterAll(() => rmSync(work, { recursive: true, force: true }));
const aFile = path.join(work, 'a-file');
writeFileSync(aFile, 'not a folder');
const rawCode = /\bE[A-Z]{3,}\b/;

async function lockRefusal(file: string): Promise<string> {
  const lock = await acquireLock(file, 0);
  if (lock.ok) throw new Error(`${file} was locked`);
  expect(lock.error.code).toBe('audit-unavailable');
  expect(lock.error.message).not.toMatch(rawCode);
  return lock.error.message;
}

async function openRefusal(home: string): Promise<string> {
  const journal = await openJournal(home);
  if (journal.ok) throw new Error(`the journal of ${home} opened`);
  expect(journal.error.code).toBe('audit-unavailable');
  expect(journal.error.message).not.toMatch(rawCode);
  return journal.error.message;
}

describe('acquireLock', () => {
  it('takes and releases the lock', async () => {
    const file = path.join(work, 'writer.lock');
    const lock = await acquireLock(file, 0);
    if (!lock.ok) throw new Error(lock.error.message);
    lock.value();
    expect((await acquireLock(file, 0)).ok).toBe(true);
  });

  it('names the lock file under a file and says why', async () => {
    const file = path.join(aFile, 'writer.lock');
    expect(await lockRefusal(file)).toBe(
      `Archivist could not lock its audit journal: ${file} cannot be created (a part of the path is a file).`,
    );
  });

  it('names the lock file in a folder that does not exist', async () => {
    const file = path.join(work, 'no-folder', 'writer.lock');
    expect(await lockRefusal(file)).toBe(
      `Archivist could not lock its audit journal: ${file} cannot be created (the folder does not exist).`,
    );
  });
});

describe('openJournal', () => {
  it('says in words that the home is under a file', async () => {
    expect(await openRefusal(path.join(aFile, 'home'))).toBe(
      'Archivist could not write its audit trail (a part of the path is a file); the audit journal could not be opened.',
    );
  });

  it('says in words that a file is where the audit folder goes', async () => {
    const home = path.join(work, 'home-with-file');
    mkdirSync(home);
    writeFileSync(path.join(home, 'audit'), 'not a folder');
    expect(await openRefusal(home)).toBe(
      'Archivist could not write its audit trail (it is a file); the audit journal could not be opened.',
    );
  });
});
