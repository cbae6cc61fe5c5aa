/** Dispatch of `archivist <command>`: global flags, per-command help, and the exit-code contract. */
import { appVersion } from '../services/app-version';
import { CommandFailure, ExitCode, UsageError, type CliIo, type Command } from './command';
import { commands } from './commands';
import { noticeNewHome } from './new-home-notice';

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
    '  --help      show help (also: archivist help <command>, archivist <command> --help)',
    '  --version   print the version',
    '',
    'Exit codes: 0 success, 1 handled failure (one line on stderr), 2 bad usage.',
    '',
  ].join('\n');
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** `archivist help [COMMAND]`: the overview, or one command's help as `COMMAND --help` prints it. */
async function help(names: readonly string[], io: CliIo): Promise<ExitCode> {
  const [name, extra] = names;
  if (name === undefined) {
    io.stdout(overview());
    return ExitCode.ok;
  }
  if (extra !== undefined) {
    io.stderr(`archivist help: name one command. Run 'archivist --help' for the list.\n`);
    return ExitCode.usage;
  }
  const command = await loadCommand(name, io);
  if (typeof command === 'number') return command;
  printHelp(command, io);
  return ExitCode.ok;
}

/** The named command, or the exit code after saying on stderr why it cannot be run. */
async function loadCommand(name: string, io: CliIo): Promise<Command | ExitCode> {
  const entry = commands.find((candidate) => candidate.name === name);
  if (!entry) {
    io.stderr(`archivist: unknown command '${name}'. Run 'archivist --help' for the list.\n`);
    return ExitCode.usage;
  }
  try {
    return await entry.load();
  } catch (error) {
    // A broken install (a module missing from the bundle): one line, never a stack trace.
    io.stderr(`archivist ${entry.name}: could not be loaded: ${messageOf(error)}\n`);
    return ExitCode.failure;
  }
}

function printHelp(command: Command, io: CliIo): void {
  io.stdout(command.help.endsWith('\n') ? command.help : `${command.help}\n`);
}

/** Runs one command line; never throws, always resolves to an exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.stderr(overview());
    return ExitCode.usage;
  }
  if (first === '--help' || first === '-h') {
    io.stdout(overview());
    return ExitCode.ok;
  }
  if (first === 'help') return help(rest, io);
  if (first === '--version' || first === '-v') {
    io.stdout(`${appVersion}\n`);
    return ExitCode.ok;
  }
  const command = await loadCommand(first, io);
  if (typeof command === 'number') return command;
  if (rest.includes('--help') || rest.includes('-h')) {
    printHelp(command, io);
    return ExitCode.ok;
  }
  const afterRun = noticeNewHome(rest, io);
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
  } finally {
    afterRun();
  }
}
