/**
 * The shape every `archivist` command has. The contract (ARCHITECTURE.md, "Command line"):
 * `--help` on every command; `--json` for machine-readable stdout; exit 0 on success, 1 on a
 * handled failure with one clear line on stderr, 2 on bad usage. Never a stack trace.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Where a command reads and writes; tests pass their own. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  /** Bytes to stdout as they are (a patch or report in one write, not decoded and re-encoded). */
  readonly stdoutBytes?: (bytes: Uint8Array) => void;
  readonly stderr: (text: string) => void;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  readonly isStderrTty: boolean;
}

export const ExitCode = { ok: 0, failure: 1, usage: 2 } as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export interface Command {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** Full `--help` text, with examples. */
  readonly help: string;
  readonly run: (args: readonly string[], io: CliIo) => Promise<ExitCode>;
}

/** A command as the dispatcher lists it; its module is loaded only to run it or show its help. */
export interface CommandEntry {
  readonly name: string;
  /** One line for the command list: the same as the loaded command's. */
  readonly summary: string;
  readonly load: () => Promise<Command>;
}

/** A usage mistake: reported with the command's usage hint and exit code 2. */
export class UsageError extends Error {}

/** A handled failure: one clear line on stderr and exit code 1. */
export class CommandFailure extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

/** `util.parseArgs` in strict mode, turning its errors into UsageError. */
export function parseCommandArgs<O extends Options>(
  args: readonly string[],
  options: O,
  allowPositionals = true,
) {
  try {
    return parseArgs({ args: [...args], options, strict: true, allowPositionals });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}
