/**
 * Ctrl-C (SIGINT) and SIGTERM on the command line. A command ends as Node would end it, by the
 * signal itself (exit status 130 or 143, which shells and CI runners read as "interrupted"), but
 * first says so in one line on stderr: a log nobody watched live otherwise shows a run that just
 * stopped (review 10, finding 11). A command that must finish something first (invalidate: a
 * request in flight) takes the signals over while it needs them; one that listens for them
 * itself (sandbox: it saves its state and stops) is left alone.
 */
import { writeSync } from 'node:fs';

export type InterruptSignal = 'SIGINT' | 'SIGTERM';

type Handler = (signal: InterruptSignal) => void;

const signals: readonly InterruptSignal[] = ['SIGINT', 'SIGTERM'];
let takeover: Handler | undefined;
let listener: Handler | undefined;

/** Writes one line to stderr now, synchronously: the process may end right after. */
export function sayNow(line: string): void {
  try {
    writeSync(2, `${line}\n`);
  } catch {
    // stderr is gone: the exit status still tells.
  }
}

/** Ends the process by `signal`, as if no handler had been installed. */
export function endBySignal(signal: InterruptSignal): void {
  if (listener) for (const name of signals) process.off(name, listener);
  listener = undefined;
  process.kill(process.pid, signal);
}

/** Installs the handler once, at start; `prefix` is `archivist <command>`. */
export function handleInterrupts(prefix: string): void {
  if (listener) return;
  listener = (signal) => {
    if (takeover) return takeover(signal);
    if (process.listenerCount(signal) > 1) return;
    sayNow(`${prefix}: interrupted`);
    endBySignal(signal);
  };
  for (const name of signals) process.on(name, listener);
}

/** `handler` gets every SIGINT and SIGTERM until the returned function is called. */
export function takeOverInterrupts(handler: Handler): () => void {
  takeover = handler;
  return () => {
    if (takeover === handler) takeover = undefined;
  };
}
