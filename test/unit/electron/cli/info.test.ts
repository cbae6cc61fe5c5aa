/**
 * `archivist info` and its home folder (issue 8): a home that is a file, or one named with
 * --home or $ARCHIVIST_HOME that does not exist, is one line in words and exit 1 (a mistyped
 * name must not read as an empty install); the app's own data folder may be missing.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runArchivist } from '../../support/run-cli';

const work = mkdtempSync(join(tmpdir(), 'archivist-info-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const aFile = join(work, 'hostname');
writeFileSync(aFile, 'not a folder\n');

async function expectRefusal(
  argv: readonly string[],
  line: string,
  env: NodeJS.ProcessEnv = {},
): Promise<void> {
  const run = await runArchivist(argv, env);
  expect(run.stdout).toBe('');
  expect(run.stderr).toBe(`archivist info: ${line}\n`);
  expect(run.code).toBe(1);
}

describe('archivist info and the home folder', () => {
  it('says that a --home naming a file is a file, not a folder', async () => {
    await expectRefusal(
      ['info', '--home', aFile],
      `The home folder ${aFile} is a file, not a folder.`,
    );
    await expectRefusal(['info', '--json'], `The home folder ${aFile} is a file, not a folder.`, {
      ARCHIVIST_HOME: aFile,
    });
  });

  it('says that a home under a file cannot exist', async () => {
    const under = join(aFile, 'home');
    await expectRefusal(
      ['info', '--home', under],
      `The home folder ${under} cannot exist: part of its path is a file.`,
    );
  });

  it('says that a --home or $ARCHIVIST_HOME that does not exist does not exist', async () => {
    const missing = join(work, 'no-such-home');
    await expectRefusal(['info', '--home', missing], `The home folder ${missing} does not exist.`);
    await expectRefusal(['info'], `The home folder ${missing} does not exist.`, {
      ARCHIVIST_HOME: missing,
    });
  });

  it('shows an existing empty home as having no profiles', async () => {
    const home = join(work, 'empty-home');
    mkdirSync(home);
    const run = await runArchivist(['info', '--home', home]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain(`home: ${home}\nprofiles: none\n`);
  });

  it.skipIf(process.platform !== 'linux')(
    "shows the app's data folder that was never made as having no profiles",
    async () => {
      const config = join(work, 'config');
      mkdirSync(config);
      const run = await runArchivist(['info', '--json'], { XDG_CONFIG_HOME: config });
      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(JSON.parse(run.stdout)).toMatchObject({
        home: join(config, 'Archivist'),
        profiles: [],
      });
    },
  );
});
