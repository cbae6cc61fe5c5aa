/**
 * findResource: files of resources/ found by walking up from the module (the source tree here),
 * then in Electron's resources path; a missing one is one sentence naming it and where it looked.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { findResource, resourceCandidates } from '../../../../electron/services/resources';

const repo = fileURLToPath(new URL('../../../../', import.meta.url));
const services = join(repo, 'electron', 'services');
const work = mkdtempSync(join(tmpdir(), 'archivist-resources-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const electronProcess = process as { resourcesPath?: string };
afterEach(() => {
  delete electronProcess.resourcesPath;
});

describe('findResource', () => {
  it("finds the repository's resources/ from the source tree", () => {
    const found = findResource('report/report.css');
    expect(found).toEqual({ ok: true, value: join(repo, 'resources', 'report', 'report.css') });
    const key = findResource('sandbox/test-signing-key.pem');
    expect(key.ok && readFileSync(key.value, 'utf8')).toContain('PRIVATE KEY');
  });

  it('walks up six folders from the module, nearest first, then the resources path', () => {
    expect(resourceCandidates('a.txt').slice(0, 3)).toEqual([
      join(services, 'resources', 'a.txt'),
      join(repo, 'electron', 'resources', 'a.txt'),
      join(repo, 'resources', 'a.txt'),
    ]);
    expect(resourceCandidates('a.txt')).toHaveLength(6);
    electronProcess.resourcesPath = work;
    expect(resourceCandidates('a.txt')).toHaveLength(7);
    expect(resourceCandidates('a.txt')[6]).toBe(join(work, 'resources', 'a.txt'));
  });

  it("finds a file only the packaged app's resources path holds", () => {
    mkdirSync(join(work, 'resources', 'extra'), { recursive: true });
    writeFileSync(join(work, 'resources', 'extra', 'only-packaged.txt'), 'x');
    expect(findResource('extra/only-packaged.txt').ok).toBe(false);
    electronProcess.resourcesPath = work;
    expect(findResource('extra/only-packaged.txt')).toEqual({
      ok: true,
      value: join(work, 'resources', 'extra', 'only-packaged.txt'),
    });
  });

  it('a missing file is one sentence naming it and every place looked in', () => {
    expect(findResource('report/no-such.css', 'The report stylesheet')).toEqual({
      ok: false,
      error: {
        code: 'resource-missing',
        message: `The report stylesheet resources/report/no-such.css was not found beside Archivist (looked in ${services} and the 5 folders above it); reinstall Archivist.`,
      },
    });
    electronProcess.resourcesPath = work;
    const packaged = findResource('no-such.txt');
    expect(!packaged.ok && packaged.error.message).toBe(
      `The file resources/no-such.txt was not found beside Archivist (looked in ${services} and the 5 folders above it and in ${work}); reinstall Archivist.`,
    );
  });
});
