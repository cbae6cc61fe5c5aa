// Opening the journal reads only its tail (recover.ts): the head and a torn last line are found
// the same way whether a line crosses the chunks it is read in or not.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { auditPaths } from '../../../../../electron/services/audit/files';
import { cutTornTail, recoverHead } from '../../../../../electron/services/audit/recover';

const folders: string[] = [];
afterEach(() => folders.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function home(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'archivist-recover-'));
  folders.push(dir);
  mkdirSync(auditPaths(dir).dir);
  return dir;
}

/** A journal line of about `size` bytes with a sequence and a hash. */
function record(sequence: number, size: number): string {
  return `${JSON.stringify({ sequence, hash: `h${sequence}`, pad: 'x'.repeat(size) })}\n`;
}

describe('cutTornTail', () => {
  it('cuts a torn tail longer than a read chunk and keeps every complete line', () => {
    const file = path.join(home(), 'journal-1.jsonl');
    const complete = record(1, 100_000) + record(2, 10) + record(3, 150_000);
    const torn = Buffer.from(`{"sequence":4,"pad":"${'y'.repeat(70_000)}`);
    writeFileSync(file, Buffer.concat([Buffer.from(complete), torn]));
    expect(cutTornTail(file).equals(torn)).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(complete);
    expect(cutTornTail(file).length).toBe(0);
  });

  it('empties a file that holds no complete line', () => {
    const file = path.join(home(), 'journal-1.jsonl');
    writeFileSync(file, '{"sequence":1');
    expect(cutTornTail(file).toString()).toBe('{"sequence":1');
    expect(readFileSync(file).length).toBe(0);
  });
});

describe('recoverHead', () => {
  it('continues from the last record, read across chunk boundaries', () => {
    const dir = home();
    const paths = auditPaths(dir);
    writeFileSync(paths.journal(1), record(1, 10) + record(2, 10));
    writeFileSync(paths.journal(2), record(3, 200_000) + record(4, 90_000));
    writeFileSync(paths.checkpoints, `${JSON.stringify({ sequence: 3 })}\n`);
    const head = recoverHead(dir);
    expect(head.ok && head.value).toMatchObject({
      sequence: 4,
      hash: 'h4',
      fileNumber: 2,
      checkpointed: 3,
      quarantined: null,
    });
  });

  it('quarantines a torn last record and continues from the one before it', () => {
    const dir = home();
    const paths = auditPaths(dir);
    writeFileSync(paths.journal(1), `${record(1, 80_000)}{"sequence":2,"ha`);
    const head = recoverHead(dir);
    expect(head.ok && head.value).toMatchObject({ sequence: 1, hash: 'h1' });
    expect(head.ok && head.value.quarantined).toMatch(/incomplete last audit record \(17 bytes/);
    expect(readFileSync(paths.quarantine, 'utf8')).toContain('{"sequence":2,"ha');
  });

  it('names a damaged last record', () => {
    const dir = home();
    writeFileSync(auditPaths(dir).journal(1), `${record(1, 10)}not json\n`);
    const head = recoverHead(dir);
    expect(!head.ok && head.error.message).toMatch(/last record of journal-1\.jsonl is damaged/);
  });
});
