/**
 * file-problem.ts: the words for real failures of real file operations (root ignores file modes,
 * so permission denied is a made-up error), and the sentence a command prints.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  fileProblem,
  fileProblemReason,
  systemErrorDescription,
} from '../../../../../electron/services/files/file-problem';

const work = mkdtempSync(join(tmpdir(), 'archivist-file-problem-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const aFile = join(work, 'a-file.txt');
writeFileSync(aFile, 'text');

/** The error a file operation throws (the test fails if it throws none). */
function failureOf(operation: () => unknown): unknown {
  try {
    operation();
  } catch (error) {
    return error;
  }
  throw new Error('the operation did not fail');
}

describe('fileProblemReason', () => {
  it.each([
    ['a missing file', () => readFileSync(join(work, 'missing.xml')), 'no such file'],
    ['a folder', () => readFileSync(work), 'it is a folder'],
    ['a path through a file', () => readFileSync(join(aFile, 'x')), 'a part of the path is a file'],
  ])('read %s', (_name, operation, words) => {
    expect(fileProblemReason(failureOf(operation), 'read')).toBe(words);
  });

  it('write into a folder that does not exist', () => {
    const target = join(work, 'no-folder', 'out.html');
    const error = failureOf(() => writeFileSync(target, 'x'));
    expect(fileProblemReason(error, 'write', target)).toBe('the folder does not exist');
  });

  it('write onto a folder', () => {
    expect(
      fileProblemReason(
        failureOf(() => writeFileSync(work, 'x')),
        'write',
        work,
      ),
    ).toBe('it is a folder');
  });

  it.skipIf(!existsSync('/dev/full'))('write to a full disk', () => {
    const error = failureOf(() => writeFileSync('/dev/full', 'x'));
    expect(fileProblemReason(error, 'write', '/dev/full')).toBe('no space left on the disk');
  });

  it.skipIf(!existsSync('/proc/self'))('write where the folder exists but takes no files', () => {
    const error = failureOf(() => writeFileSync('/proc/archivist-x', 'x'));
    expect(fileProblemReason(error, 'write', '/proc/archivist-x')).toBe(
      'no file can be created in that folder',
    );
  });

  it('make a folder where a file is, or under one', () => {
    const onFile = failureOf(() => mkdirSync(aFile, { recursive: true }));
    expect(fileProblemReason(onFile, 'folder')).toBe('it is a file');
    const under = failureOf(() => mkdirSync(join(aFile, 'data'), { recursive: true }));
    expect(fileProblemReason(under, 'folder')).toBe('a part of the path is a file');
  });

  it('permission denied, read-only and full, whatever the action', () => {
    for (const action of ['read', 'write', 'folder'] as const) {
      expect(fileProblemReason({ code: 'EACCES' }, action)).toBe('permission denied');
      expect(fileProblemReason({ code: 'EPERM' }, action)).toBe('permission denied');
      expect(fileProblemReason({ code: 'EROFS' }, action)).toBe('read-only file system');
      expect(fileProblemReason({ code: 'ENOSPC' }, action)).toBe('no space left on the disk');
    }
  });

  it("an unlisted code is told in libuv's words from the message, else as the code", () => {
    const exdev = { code: 'EXDEV', message: "EXDEV: cross-device link not permitted, rename 'a'" };
    expect(fileProblemReason(exdev, 'write')).toBe('cross-device link not permitted');
    expect(fileProblemReason({ code: 'EWHATEVER' }, 'read')).toBe('EWHATEVER');
  });

  it("an unlisted code whose message has no words is told in libuv's words from its table", () => {
    expect(fileProblemReason({ code: 'EXDEV', message: 'rename a b' }, 'write')).toBe(
      'cross-device link not permitted',
    );
    expect(systemErrorDescription({ code: 'EADDRNOTAVAIL' })).toBe('address not available');
    expect(systemErrorDescription({ code: 'EWHATEVER' })).toBeUndefined();
    expect(systemErrorDescription(new Error('no code'))).toBeUndefined();
    expect(fileProblemReason(new Error('no code'), 'read')).toBe('unknown error');
    expect(fileProblemReason(undefined, 'read')).toBe('unknown error');
  });
});

describe('fileProblem', () => {
  it('names the file as given and checks the folder where it is', () => {
    const error = failureOf(() => writeFileSync(join(work, 'none', 'out.html'), 'x'));
    expect(fileProblem(error, 'none/out.html', 'write', join(work, 'none', 'out.html'))).toBe(
      'Could not write none/out.html (the folder does not exist).',
    );
    const read = failureOf(() => readFileSync(work));
    expect(fileProblem(read, 'reports', 'read')).toBe('Could not read reports (it is a folder).');
  });
});
