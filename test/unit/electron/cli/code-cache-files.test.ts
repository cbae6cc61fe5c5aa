/** Where the command line's code caches go, what a run's cache is named by, and the folder's cap. */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  cacheFileName,
  codeCacheDir,
  commandKey,
  maxCacheFiles,
  pruneCodeCaches,
  sourceHash,
} from '../../../../electron/cli/code-cache';

const work = mkdtempSync(join(tmpdir(), 'archivist-code-cache-files-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('codeCacheDir', () => {
  it("uses the platform's user cache folder", () => {
    expect(codeCacheDir({}, 'linux', '/home/t')).toBe('/home/t/.cache/archivist/code-cache');
    expect(codeCacheDir({ XDG_CACHE_HOME: '/x' }, 'linux', '/home/t')).toBe(
      '/x/archivist/code-cache',
    );
    // A relative XDG_CACHE_HOME is invalid (XDG base directory spec) and ignored.
    expect(codeCacheDir({ XDG_CACHE_HOME: 'rel' }, 'linux', '/home/t')).toBe(
      '/home/t/.cache/archivist/code-cache',
    );
    expect(codeCacheDir({}, 'darwin', '/Users/t')).toBe(
      '/Users/t/Library/Caches/archivist/code-cache',
    );
    expect(codeCacheDir({ LOCALAPPDATA: 'C:/L' }, 'win32', 'C:/U')).toBe(
      join('C:/L', 'archivist', 'code-cache'),
    );
  });

  it('follows ARCHIVIST_CODE_CACHE, and off turns the cache off', () => {
    expect(codeCacheDir({ ARCHIVIST_CODE_CACHE: '/c' }, 'linux', '/home/t')).toBe('/c');
    expect(codeCacheDir({ ARCHIVIST_CODE_CACHE: 'off' }, 'linux', '/home/t')).toBeUndefined();
  });
});

describe('cache names', () => {
  it('name the command, or _ for help and anything else', () => {
    expect(commandKey(['compare', 'a', 'b'])).toBe('compare');
    expect(commandKey(['--version'])).toBe('_');
    expect(commandKey(['../../etc'])).toBe('_');
    expect(commandKey([])).toBe('_');
    expect(commandKey(['compare', '--help'])).toBe('_');
    expect(commandKey(['show', 'a.xml', '-h'])).toBe('_');
  });

  it("change with the program's bytes and carry Node's version", () => {
    const one = sourceHash(Buffer.from('program one'));
    expect(one).toMatch(/^[0-9a-f]{16}$/);
    expect(sourceHash(Buffer.from('program two'))).not.toBe(one);
    expect(cacheFileName(one, 'compare')).toBe(
      `${one}-node${process.versions.node}-${process.arch}-compare.v8cache`,
    );
  });
});

describe('pruneCodeCaches', () => {
  it('keeps the newest caches and leaves other files alone', () => {
    const dir = join(work, 'prune');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir);
    const total = maxCacheFiles + 3;
    for (let i = 0; i < total; i++) {
      const file = join(dir, `h${i}-compare.v8cache`);
      writeFileSync(file, 'x');
      utimesSync(file, 1_000_000 + i, 1_000_000 + i); // h0 is the oldest
    }
    writeFileSync(join(dir, 'notes.txt'), 'not ours');
    pruneCodeCaches(dir);
    const left = readdirSync(dir);
    expect(left).toHaveLength(maxCacheFiles + 1);
    expect(left).toContain('notes.txt');
    for (const gone of ['h0', 'h1', 'h2']) expect(left).not.toContain(`${gone}-compare.v8cache`);
    expect(left).toContain(`h${total - 1}-compare.v8cache`);
  });
});
