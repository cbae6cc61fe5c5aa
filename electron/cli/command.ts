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
  /** True when stdout is a terminal, where bytes that are not UTF-8 would come out garbled. */
  readonly isStdoutTty?: boolean;
  /**
   * Once stdout's writes so far have gone out or failed: why they failed, in words (`no space
   * left on device`), else undefined (a reader that closed the pipe is no failure). A report
   * written to stdout is recorded as exported only when they went out (review 10, finding 9).
   */
  readonly stdoutProblem?: () => Promise<string | undefined>;
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

/** The usage error for an operand too many: one sentence, the value shown as typed. */
export function unexpectedArgument(value: string | undefined): UsageError {
  return new UsageError(`Unexpected argument: ${shown(value ?? '')}.`);
}

/** A handled failure: one clear line on stderr and exit code 1. */
export class CommandFailure extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

/** A user's text inside a one-line message, whole (a path): control characters shown as '?'. */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex -- a newline or escape typed into an argument must not break the line
  return text.replace(/[\u0000-\u001f\u007f]/g, '?');
}

/** A user's text inside a one-line message: control characters shown as '?', at most 60 characters. */
export function shown(text: string): string {
  const plain = printable(text);
  return plain.length > 60 ? `${plain.slice(0, 60)}…` : plain;
}

/**
 * Our sentence for a parseArgs error. Node's texts span up to three lines and quote unevenly
 * (issue 8), and its errors carry no option name or value, so the arguments are read again
 * without strictness and the first token that breaks the rule named by the error's code is
 * described. Undefined when no token fits (Node's first line is used then).
 */
function argumentProblem(
  code: unknown,
  args: readonly string[],
  options: Options,
  allowPositionals: boolean,
): string | undefined {
  const { tokens } = parseArgs({ args: [...args], options, strict: false, tokens: true });
  for (const token of tokens) {
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL' && token.kind === 'positional')
      return allowPositionals
        ? undefined
        : `Unexpected argument '${shown(token.value)}': this command takes options only.`;
    if (token.kind !== 'option') continue;
    const option = options[token.name];
    const name = shown(token.rawName);
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option === undefined)
      return `Unknown option '${name}'.`;
    if (code !== 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' || option === undefined) continue;
    if (option.type === 'boolean' && token.value !== undefined)
      return `${name} takes no value (given '${shown(token.value)}').`;
    if (option.type !== 'string') continue;
    if (token.value === undefined) return `${name} needs a value.`;
    // Strict parsing refuses a value that looks like an option unless written as --name=value.
    if (!token.inlineValue && token.value.startsWith('-'))
      return `${name} needs a value, not '${shown(token.value)}' (a value starting with '-' is written ${name}=${shown(token.value)}).`;
  }
  return undefined;
}

/** `util.parseArgs` in strict mode, turning its errors into one-line UsageErrors. */
export function parseCommandArgs<O extends Options>(
  args: readonly string[],
  options: O,
  allowPositionals = true,
) {
  try {
    return parseArgs({ args: [...args], options, strict: true, allowPositionals });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const nodeText = error instanceof Error ? error.message : String(error);
    throw new UsageError(
      argumentProblem(code, args, options, allowPositionals) ??
        shown(nodeText.split('\n')[0] ?? ''),
    );
  }
}
