/**
 * How `archivist invalidate` is confirmed (ARCHITECTURE.md: `… [--dry-run] [--yes]`). One
 * document: `--yes` alone, its id is on the command line (`--confirm`, when given, must still
 * match). A set: `--yes --confirm <set token>`, so a confirmation can never carry over to another
 * selection. Neither, on a terminal: the operator is shown what would be invalidated and types the
 * id or token back. Neither, anywhere else: bad usage at once, never a prompt that waits.
 */
import { createInterface } from 'node:readline';
import { checkConfirmation } from '../../../shared/invalidation/confirmation';
import { UsageError, type CliIo } from '../command';

/** What the command does once the preflight is done. */
export type ConfirmationMode =
  | { readonly kind: 'dry-run' }
  /** Confirmed on the command line: `typed` is the id or set token, already checked. */
  | { readonly kind: 'given'; readonly typed: string }
  /** Ask on the terminal after the preflight. */
  | { readonly kind: 'ask' };

/** Where a person can be asked; the command line's own terminal, or a test's. */
export interface Terminal {
  /** True when stdin and stderr are terminals: someone is there to answer. */
  readonly isInteractive: (io: CliIo) => boolean;
  /** Writes `question` to stderr and reads one line; undefined at end of input. */
  readonly ask: (question: string, io: CliIo) => Promise<string | undefined>;
}

export const processTerminal: Terminal = {
  isInteractive: (io) => Boolean(process.stdin.isTTY) && io.isStderrTty,
  ask: (question, io) =>
    new Promise((resolve) => {
      io.stderr(question);
      // terminal: false leaves the terminal in its own line mode: it echoes the typing, and
      // Ctrl-C stays a signal (the command's interrupt handling), not a readline event.
      const lines = createInterface({ input: process.stdin, terminal: false });
      lines.once('line', (line) => {
        resolve(line); // before close(), whose 'close' event would answer undefined first
        lines.close();
      });
      lines.once('close', () => resolve(undefined));
    }),
};

interface ConfirmationFlags {
  readonly 'dry-run'?: boolean;
  readonly yes?: boolean;
  readonly confirm?: string;
}

/** Decides how the run is confirmed, before anything is read: a wrong confirmation costs nothing. */
export function confirmationMode(
  values: ConfirmationFlags,
  ids: readonly string[],
  isInteractive: boolean,
): ConfirmationMode {
  if (values['dry-run']) {
    if (values.yes || values.confirm !== undefined)
      throw new UsageError('--dry-run sends nothing; leave out --yes and --confirm.');
    return { kind: 'dry-run' };
  }
  const setHint = 'a set needs --yes --confirm <set token>, which --dry-run prints';
  if (!values.yes) {
    if (values.confirm !== undefined)
      throw new UsageError(`--confirm goes with --yes (--yes --confirm ${values.confirm}).`);
    if (isInteractive) return { kind: 'ask' };
    throw new UsageError(
      `Invalidation needs explicit confirmation: add --yes (${setHint}), or use --dry-run to see what would be sent.`,
    );
  }
  const [only] = ids;
  const typed = values.confirm ?? (ids.length === 1 ? only : undefined);
  if (typed === undefined) throw new UsageError(`${ids.length} documents: ${setHint}.`);
  const checked = checkConfirmation(ids, typed);
  if (!checked.ok) throw new UsageError(checked.error.message);
  return { kind: 'given', typed };
}

/** The question of the terminal prompt, for one document or a set. */
export function confirmationQuestion(token: string, count: number): string {
  const what = count === 1 ? `the document id ${token}` : `the set token ${token}`;
  const it = count === 1 ? 'it' : `these ${count} documents`;
  return `Type ${what} to invalidate ${it} (anything else cancels): `;
}
