import {
  appendFileSync,
  chmodSync,
  existsSync,
  readFileSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openJournal, type JournalIo } from '../../../../../electron/services/audit/journal';
import { listRecords, verifyHome } from '../../../../../electron/services/audit/reader';
import { sampleEvent, tempHome } from './support';

async function open(home: string, options = {}) {
  const journal = await openJournal(home, options);
  if (!journal.ok) throw new Error(journal.error.message);
  return journal.value;
}

function failingIo(
  code: string,
  on: 'write' | 'fdatasync',
  after: number,
): JournalIo & { calls: number } {
  const io = {
    calls: 0,
    write: (fd: number, data: Uint8Array) => {
      io.calls += 1;
      if (on === 'write' && io.calls > after) throw Object.assign(new Error(code), { code });
      return writeSync(fd, data);
    },
    fdatasync: (_fd: number) => {
      if (on === 'fdatasync' && io.calls > after) throw Object.assign(new Error(code), { code });
    },
  };
  return io;
}

describe('audit journal', () => {
  it('appends durable, chained records and checkpoints on close', async () => {
    const home = tempHome();
    const journal = await open(home, { checkpointEvery: 10 });
    for (let i = 1; i <= 25; i++)
      expect(journal.append(sampleEvent(i))).toMatchObject({ ok: true, value: { sequence: i } });
    journal.close();
    expect(verifyHome(home)).toMatchObject({ ok: true, records: 25, checkpoints: 3 });
    const again = await open(home);
    expect(again.append(sampleEvent(26))).toMatchObject({ ok: true, value: { sequence: 26 } });
    again.close();
    expect(verifyHome(home)).toMatchObject({ ok: true, records: 26, checkpoints: 4 });
    expect(statSync(path.join(home, 'audit/keys/checkpoint-ed25519.key')).mode & 0o777).toBe(0o600);
    expect(listRecords(home, { document: '1.2.246.10.26' })).toHaveLength(1);
  });

  it('rotates files by size and verifies across them', async () => {
    const home = tempHome();
    const journal = await open(home, { maxFileBytes: 4000 });
    for (let i = 1; i <= 12; i++) journal.append(sampleEvent(i));
    journal.close();
    expect(existsSync(path.join(home, 'audit/journal-3.jsonl'))).toBe(true);
    expect(verifyHome(home)).toMatchObject({ ok: true, records: 12 });
  });

  it('lets one writer at a time: the second waits briefly, then gets a clear refusal', async () => {
    const home = tempHome();
    const first = await open(home);
    const second = await openJournal(home, { lockWaitMs: 200 });
    expect(second).toMatchObject({ ok: false, error: { code: 'audit-locked' } });
    if (!second.ok) expect(second.error.message).toMatch(/Another Archivist window or command/);
    first.close();
    (await open(home)).close();
  });

  it('takes over a stale lock left by a killed writer', async () => {
    const home = tempHome();
    (await open(home)).close();
    writeFileSync(path.join(home, 'audit/journal.lock'), '2147483646');
    const journal = await openJournal(home, { lockWaitMs: 100 });
    expect(journal.ok).toBe(true);
    if (journal.ok) journal.value.close();
  });

  it('quarantines a torn last line, reports it, and the chain goes on', async () => {
    const home = tempHome();
    const journal = await open(home);
    journal.append(sampleEvent(1));
    journal.append(sampleEvent(2));
    journal.close();
    appendFileSync(path.join(home, 'audit/journal-1.jsonl'), '{"event":{"action":"R","ag');
    expect(verifyHome(home)).toMatchObject({ ok: true, records: 2, torn: 26 });
    const reopened = await open(home);
    expect(reopened.recovered).toMatch(/incomplete last audit record \(26 bytes/);
    expect(reopened.append(sampleEvent(3))).toMatchObject({ ok: true, value: { sequence: 3 } });
    reopened.close();
    expect(readFileSync(path.join(home, 'audit/quarantine.txt'), 'utf8')).toContain('"ag');
    expect(verifyHome(home)).toMatchObject({ ok: true, records: 3, torn: 0 });
  });
});

describe('write-ahead failures', () => {
  it('a full disk refuses the action with a clear sentence', async () => {
    const home = tempHome();
    const journal = await open(home, { io: failingIo('ENOSPC', 'write', 0) });
    const result = await journal.recordBefore(sampleEvent(1), 'the document was not shown');
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'audit-unavailable',
        message:
          'Archivist could not write its audit trail (disk full); the document was not shown.',
      },
    });
    journal.close();
  });

  it('after an fsync error no more appends until restart, even if the disk recovers', async () => {
    const home = tempHome();
    const io = failingIo('EIO', 'fdatasync', 2);
    const journal = await open(home, { io });
    expect(journal.append(sampleEvent(1)).ok).toBe(true);
    expect(journal.append(sampleEvent(2)).ok).toBe(true);
    expect(journal.append(sampleEvent(3))).toMatchObject({
      ok: false,
      error: { code: 'audit-unavailable' },
    });
    const callsAfterFailure = io.calls;
    const later = await journal.recordBefore(sampleEvent(4), 'the request was not sent');
    expect(later.ok).toBe(false);
    if (!later.ok) expect(later.error.message).toMatch(/disk error.*; the request was not sent\.$/);
    expect(io.calls).toBe(callsAfterFailure);
    journal.close();
    const restarted = await open(home);
    expect(restarted.append(sampleEvent(5)).ok).toBe(true);
    restarted.close();
    expect(verifyHome(home).ok).toBe(true);
  });

  it('a read-only audit folder refuses the action', async () => {
    const home = tempHome();
    (await open(home)).close();
    if (process.getuid?.() === 0) {
      // root ignores file modes: simulate the read-only file system instead
      const journal = await open(home, { io: failingIo('EROFS', 'write', 0) });
      expect(
        await journal.recordBefore(sampleEvent(1), 'the document was not shown'),
      ).toMatchObject({ ok: false, error: { message: expect.stringMatching(/read-only/) } });
      journal.close();
      return;
    }
    chmodSync(path.join(home, 'audit'), 0o500);
    try {
      const journal = await openJournal(home);
      expect(journal).toMatchObject({ ok: false, error: { code: 'audit-unavailable' } });
    } finally {
      chmodSync(path.join(home, 'audit'), 0o700);
    }
  });
});
