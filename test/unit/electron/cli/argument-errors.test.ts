/**
 * Bad arguments (issue 8): parseArgs' own texts (up to three lines, an unbalanced quote) become
 * one sentence of ours naming the option or value, followed by the usage hint; exit 2.
 */
import { describe, expect, it } from 'vitest';
import { runArchivist } from '../../support/run-cli';

/** The usage contract: exit 2, nothing on stdout, our sentence then the usage hint, no stack. */
async function expectUsage(argv: readonly string[], sentence: string): Promise<void> {
  const run = await runArchivist(argv);
  expect(run.code, run.stderr).toBe(2);
  expect(run.stdout).toBe('');
  const command = argv[0] ?? '';
  expect(run.stderr).toBe(
    `archivist ${command}: ${sentence}\nRun 'archivist ${command} --help' for usage.\n`,
  );
}

describe('argument errors are one sentence of ours', () => {
  it('names an unknown option, without Node\'s advice about "--"', async () => {
    await expectUsage(['show', '--jsn', 'x'], "Unknown option '--jsn'.");
    await expectUsage(['info', '-q'], "Unknown option '-q'.");
  });

  it('says that an option-like word is not a value, and how to give one', async () => {
    await expectUsage(
      ['sandbox', '--documents', '-5'],
      "--documents needs a value, not '-5' (a value starting with '-' is written --documents=-5).",
    );
    // The usual slip: a forgotten value swallows the next option.
    await expectUsage(
      ['search', '--env', '--patient', '010181-900C'],
      "--env needs a value, not '--patient' (a value starting with '-' is written --env=--patient).",
    );
  });

  it('says that a value is missing at the end of the line', async () => {
    await expectUsage(['search', '--patient'], '--patient needs a value.');
  });

  it('says that a switch takes no value', async () => {
    await expectUsage(['info', '--json=yes'], "--json takes no value (given 'yes').");
  });

  it('refuses a stray word where a command takes options only', async () => {
    await expectUsage(
      ['info', 'extra'],
      "Unexpected argument 'extra': this command takes options only.",
    );
  });

  it('keeps a newline typed into an option on one line', async () => {
    await expectUsage(['info', '--a\nb'], "Unknown option '--a?b'.");
  });

  it('passes a dash value written as --name=value on to the command, which judges it', async () => {
    await expectUsage(
      ['sandbox', '--documents=-5'],
      "--documents must be a whole number, not '-5'.",
    );
  });
});
