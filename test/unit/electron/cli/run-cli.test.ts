import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runArchivist as run } from '../../support/run-cli';
import { commands } from '../../../../electron/cli/commands';
import packageJson from '../../../../package.json' with { type: 'json' };

const { version } = packageJson;

describe('archivist command line', () => {
  it('prints the version', async () => {
    expect(await run(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('lists every command in --help', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    for (const command of commands) expect(stdout).toContain(command.name);
  });

  it('exits 2 with usage on stderr when no command is given', async () => {
    const { code, stdout, stderr } = await run([]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('Usage: archivist');
  });

  it('exits 2 for an unknown command and an unknown option', async () => {
    expect(await run(['frobnicate'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("unknown command 'frobnicate'"),
    });
    expect(await run(['info', '--frob'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("Unknown option '--frob'"),
    });
  });

  it.each(commands.map((command) => command.name))(
    '%s --help shows usage and examples',
    async (name) => {
      const { code, stdout } = await run([name, '--help']);
      expect(code).toBe(0);
      expect(stdout).toContain(`Usage: archivist ${name}`);
      expect(stdout).toContain('Examples:');
    },
  );

  it('info --json reports the home folder from ARCHIVIST_HOME', async () => {
    const home = mkdtempSync(path.join(tmpdir(), 'archivist-cli-'));
    const { code, stdout } = await run(['info', '--json'], { ARCHIVIST_HOME: home });
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ version, home, profiles: [] });
  });

  it('info fails with one clear line for a broken profiles.json', async () => {
    const home = mkdtempSync(path.join(tmpdir(), 'archivist-cli-'));
    writeFileSync(path.join(home, 'profiles.json'), '{');
    const { code, stderr } = await run(['info', '--home', home]);
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('profiles.json is not valid JSON');
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
