/** Dispatch of `archivist <command>`: global flags, per-command help, and the exit-code contract. */
import { appVersion } from '../services/app-version';
import { CommandFailure, ExitCode, UsageError, type CliIo, type Command } from './command';
import { commands } from './commands';

function overview(): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  const lines = commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`);
  return [
    'Usage: archivist <command> [options]',
    '',
    'Archivist inspects, compares and invalidates documents in Kanta test environments.',
    '',
    'Commands:',
    ...lines,
    '',
    'Options:',
    '  --help      show help (also: archivist <command> --help)',
    '  --version   print the version',
    '',
    'Exit codes: 0 success, 1 handled failure (one line on stderr), 2 bad usage.',
    '',
  ].join('\n');
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Runs one command line; never throws, always resolves to an exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    if (first === undefined) {
      io.stderr(overview());
      return ExitCode.usage;
    }
    io.stdout(overview());
    return ExitCode.ok;
  }
  if (first === '--version' || first === '-v') {
    io.stdout(`${appVersion}\n`);
    return ExitCode.ok;
  }
  const entry = commands.find((candidate) => candidate.name === first);
  if (!entry) {
    io.stderr(`archivist: unknown command '${first}'. Run 'archivist --help' for the list.\n`);
    return ExitCode.usage;
  }
  let command: Command;
  try {
    command = await entry.load();
  } catch (error) {
    // A broken install (a module missing from the bundle): one line, never a stack trace.
    io.stderr(`archivist ${entry.name}: could not be loaded: ${messageOf(error)}\n`);
    return ExitCode.failure;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(command.help.endsWith('\n') ? command.help : `${command.help}\n`);
    return ExitCode.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(
        `archivist ${command.name}: ${error.message}\nRun 'archivist ${command.name} --help' for usage.\n`,
      );
      return ExitCode.usage;
    }
    if (error instanceof CommandFailure) {
      io.stderr(`archivist ${command.name}: ${error.message}\n`);
      return ExitCode.failure;
    }
    // A bug, not a user's mistake: still one line, never a stack trace.
    io.stderr(`archivist ${command.name}: unexpected error: ${messageOf(error)}\n`);
    return ExitCode.failure;
  }
}
