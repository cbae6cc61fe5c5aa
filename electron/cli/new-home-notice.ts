/**
 * The one line a command writes when it made the home folder that an explicit `--home DIR` or
 * `ARCHIVIST_HOME` names (issue 7 new-user review): the folder is still made, so a first run
 * works, but a mistyped name would otherwise start a second audit trail without a word. The
 * per-user default folder is made silently: the desktop app makes it the same way. Like the
 * progress bar, the notice is for a person at a terminal: a script's stderr keeps the contract
 * of nothing on success and one line on a handled failure.
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { resolveHome } from '../services/home';
import { printable, type CliIo } from './command';

/** The value of the last `--home DIR` or `--home=DIR` before a `--`, as parseArgs takes it. */
function homeOption(args: readonly string[]): string | undefined {
  let home: string | undefined;
  for (let at = 0; at < args.length && args[at] !== '--'; at += 1) {
    const arg = args[at] ?? '';
    if (arg === '--home') home = args[(at += 1)];
    else if (arg.startsWith('--home=')) home = arg.slice('--home='.length);
  }
  return home;
}

/**
 * Call before a command runs; the function it returns, called after the command, writes the
 * notice when the command made the explicitly named home folder.
 */
export function noticeNewHome(args: readonly string[], io: CliIo): () => void {
  const explicitHome = homeOption(args);
  if (!explicitHome && !io.env.ARCHIVIST_HOME) return () => {};
  const home = resolveHome({
    explicitHome,
    env: io.env,
    platform: process.platform,
    userHome: homedir(),
  });
  // Asked last: the terminal check makes process.stderr, which most runs never need (archivist.ts).
  if (existsSync(home) || !io.isStderrTty) return () => {};
  return () => {
    if (existsSync(home))
      io.stderr(
        `archivist: created the Archivist home folder ${printable(home)} (a new audit trail starts there).\n`,
      );
  };
}
