import {
  chmodSync,
  lstatSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { replaceFile } from '../../../../../electron/services/files/replace-file';

const work = mkdtempSync(join(tmpdir(), 'archivist-replace-file-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('replaceFile', () => {
  it('writes a new file and replaces an old one, leaving no temporary file', async () => {
    const folder = mkdtempSync(join(work, 'plain-'));
    const target = join(folder, 'report.json');
    await replaceFile(target, 'first');
    await replaceFile(target, Buffer.from('second'));
    expect(readFileSync(target, 'utf8')).toBe('second');
    expect(readdirSync(folder)).toEqual(['report.json']);
  });

  it('keeps the mode of the file it replaces', async () => {
    const target = join(mkdtempSync(join(work, 'mode-')), 'report.html');
    writeFileSync(target, 'old');
    chmodSync(target, 0o600);
    await replaceFile(target, 'new');
    expect(statSync(target).mode & 0o777).toBe(0o600);
  });

  it('replaces the file a symbolic link points to and keeps the link', async () => {
    const folder = mkdtempSync(join(work, 'link-'));
    writeFileSync(join(folder, 'real.csv'), 'old');
    symlinkSync(join(folder, 'real.csv'), join(folder, 'latest.csv'));
    await replaceFile(join(folder, 'latest.csv'), 'new');
    expect(lstatSync(join(folder, 'latest.csv')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(folder, 'real.csv'), 'utf8')).toBe('new');
    expect(readdirSync(folder).sort()).toEqual(['latest.csv', 'real.csv']);
  });

  it.skipIf(process.platform === 'win32')(
    'writes a device in place (a rename would swap /dev/null for a file)',
    async () => {
      await replaceFile('/dev/null', 'nothing');
      expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    },
  );

  it('throws the file system error for a folder that does not exist, and creates nothing', async () => {
    const folder = mkdtempSync(join(work, 'missing-'));
    await expect(replaceFile(join(folder, 'no', 'report.pdf'), 'x')).rejects.toMatchObject({
      code: 'ENOENT',
    });
    expect(readdirSync(folder)).toEqual([]);
  });
});
