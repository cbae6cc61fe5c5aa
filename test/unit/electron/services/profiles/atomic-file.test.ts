/**
 * writeFileAtomically's refusals on real failures (tests may run as root, where file modes stop
 * nothing, so the failures are paths under a file, a folder in the way and a folder that takes
 * no files): each names the file and says why in words, never an errno code.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileAtomically } from '../../../../../electron/services/profiles/atomic-file';

const work = mkdtempSync(join(tmpdir(), 'archivist-atomic-file-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const aFile = join(work, 'a-file');
writeFileSync(aFile, 'not a folder');

async function refusal(file: string): Promise<string> {
  const written = await writeFileAtomically(file, '{}');
  if (written.ok) throw new Error(`${file} was written`);
  expect(written.error.code).toBe('profiles-unwritable');
  expect(written.error.message).not.toMatch(/\bE[A-Z]{3,}\b/);
  return written.error.message;
}

describe('writeFileAtomically', () => {
  it('writes the file', async () => {
    const file = join(work, 'home', 'profiles.json');
    expect((await writeFileAtomically(file, '{"a":1}')).ok).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('{"a":1}');
  });

  it('says that its folder cannot be made under a file', async () => {
    const file = join(aFile, 'home', 'profiles.json');
    expect(await refusal(file)).toBe(
      `Cannot create the folder ${join(aFile, 'home')} for ${file} (a part of the path is a file).`,
    );
  });

  it('says that a folder is in the way', async () => {
    const file = join(work, 'taken', 'profiles.json');
    mkdirSync(join(file, 'inside'), { recursive: true });
    expect(await refusal(file)).toBe(`Cannot write ${file} (it is a folder).`);
    expect(existsSync(join(file, 'inside'))).toBe(true);
  });

  it.skipIf(!existsSync('/proc/self'))('says that the folder takes no new files', async () => {
    expect(await refusal('/proc/archivist-profiles.json')).toBe(
      'Cannot write /proc/archivist-profiles.json (no file can be created in that folder).',
    );
  });
});
