import { describe, expect, it } from 'vitest';
import { commands } from '../../../../electron/cli/commands';
import { runArchivist } from '../../support/run-cli';

describe('--help for every registered command', () => {
  it('lists every command in the overview', async () => {
    const run = await runArchivist(['--help']);
    expect(run.code).toBe(0);
    for (const command of commands) expect(run.stdout).toContain(`  ${command.name} `);
  });

  it.each(commands.map((command) => [command.name]))(
    '%s --help: usage, exit codes and at least one runnable example, exit 0',
    async (name) => {
      for (const flag of ['--help', '-h']) {
        const run = await runArchivist([name, flag]);
        expect(run.code).toBe(0);
        expect(run.stderr).toBe('');
        expect(run.stdout).toMatch(new RegExp(`^Usage: archivist ${name}\\b`));
        expect(run.stdout).toMatch(/Exit codes?:?[^\n]*\b0\b/i);
        const examples = run.stdout.split(/\nExamples?:\n/)[1];
        expect(examples, `${name} --help has no "Examples:" section`).toBeDefined();
        const lines = examples!.split('\n').filter((line) => line.trim() !== '');
        expect(lines.length).toBeGreaterThan(0);
        expect(lines.some((line) => line.trimStart().startsWith(`archivist ${name}`))).toBe(true);
      }
    },
  );

  it.each(commands.map((command) => [command.name]))(
    '%s: an unknown option is bad usage (exit 2, one hint on stderr, nothing on stdout)',
    async (name) => {
      const run = await runArchivist([name, '--no-such-option']);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(`Run 'archivist ${name} --help' for usage.`);
    },
  );
});
