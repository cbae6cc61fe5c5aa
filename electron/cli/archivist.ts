#!/usr/bin/env node
/** Entry point of the `archivist` command line: dispatches to one command, maps errors to exit codes. */
import { fstatSync, writeSync } from 'node:fs';
import { isatty } from 'node:tty';
import { runCli } from './run-cli';
import { commands } from './commands';
import { handleInterrupts } from './interruption';
import { systemErrorDescription } from '../services/files/file-problem';

/** The reason a write failed, in words; libuv's words for the codes not listed here. */
const writeProblems: Readonly<Record<string, string>> = {
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'the file is too large',
  EIO: 'input/output error',
  EBADF: 'the output is closed',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
};

const argv = process.argv.slice(2);
const commandName = commands.some((command) => command.name === argv[0]) ? argv[0] : undefined;
const prefix = commandName ? `archivist ${commandName}` : 'archivist';
handleInterrupts(prefix);

/** The first failed write to stdout; later output is dropped (the stream is destroyed). */
let stdoutFailure: NodeJS.ErrnoException | undefined;

// A failed write is emitted as an 'error' event on the stream, a tick after the write; without
// a listener Node prints "Unhandled 'error' event" with a stack (issue 8). The outcome is told
// at exit, when every write has settled and the command has printed its own line if it failed.
// The listeners are added on first use: making process.stderr costs some milliseconds at start.
let isStdoutGuarded = false;
function guardedStdout(): NodeJS.WriteStream {
  if (!isStdoutGuarded) {
    isStdoutGuarded = true;
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      stdoutFailure ??= error;
    });
  }
  return process.stdout;
}

let isStderrGuarded = false;
function guardedStderr(): NodeJS.WriteStream {
  if (!isStderrGuarded) {
    isStderrGuarded = true;
    // Nothing more can be said when stderr itself fails; the exit code still says it.
    process.stderr.on('error', () => undefined);
  }
  return process.stderr;
}

/** Why stdout failed, in words; undefined when nothing failed. */
function stdoutProblem(): string | undefined {
  // EPIPE: the reader closed the pipe (`| head`) and wants no more; as with other tools, that
  // is no failure, so the command's own exit code stands.
  if (stdoutFailure === undefined || stdoutFailure.code === 'EPIPE') return undefined;
  return (
    writeProblems[stdoutFailure.code ?? ''] ??
    systemErrorDescription(stdoutFailure) ??
    stdoutFailure.message
  );
}

/**
 * stdoutProblem once the writes so far have settled: a stream reports a failed write a tick
 * after it, and an empty write's callback comes after every write before it.
 */
function settledStdoutProblem(): Promise<string | undefined> {
  if (stdoutFailure !== undefined || !isStdoutGuarded || process.stdout.destroyed)
    return Promise.resolve(stdoutProblem());
  return new Promise((resolve) => {
    process.stdout.write('', () => setImmediate(() => resolve(stdoutProblem())));
  });
}

process.on('exit', () => {
  const words = stdoutProblem();
  if (words === undefined) return;
  // A command that failed already said why in its one line; the failed write adds nothing.
  if (process.exitCode !== undefined && process.exitCode !== 0) return;
  guardedStderr().write(`${prefix}: Could not write the output (${words}).\n`);
  process.exitCode = 1;
});

/** Whether stdout is a regular file (`> out.json`); asked once, at the first write. */
let isStdoutFile: boolean | undefined;

/**
 * Writes to stdout redirected to a file. Node's own stream for a file ignores a short write: on a
 * full disk the kernel takes the first 64 KB, the rest is dropped and nothing fails, so a
 * cut-off report ended with exit 0 (issue 7 review). Here the rest is written until it is all
 * out or the system says why not.
 */
function writeToFile(chunk: string | Uint8Array): void {
  const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
  try {
    for (let at = 0; at < bytes.length;) {
      const written = writeSync(1, bytes, at, bytes.length - at);
      if (written <= 0) throw Object.assign(new Error('short write'), { code: 'EIO' });
      at += written;
    }
  } catch (error) {
    stdoutFailure = error as NodeJS.ErrnoException;
  }
}

const write = (chunk: string | Uint8Array) => {
  if (stdoutFailure !== undefined) return;
  isStdoutFile ??= isRegularFile(1);
  if (isStdoutFile) {
    writeToFile(chunk);
    return;
  }
  const stdout = guardedStdout();
  if (!stdout.destroyed) stdout.write(chunk);
};

function isRegularFile(fd: number): boolean {
  try {
    return fstatSync(fd).isFile();
  } catch {
    return false;
  }
}

void runCli(argv, {
  stdout: write,
  stdoutBytes: write,
  stdoutProblem: settledStdoutProblem,
  stderr: (text) => guardedStderr().write(text),
  env: process.env,
  cwd: process.cwd(),
  // A getter: process.stderr is made on first use (a tty or pipe stream, some milliseconds),
  // and only a report's progress bar asks.
  get isStderrTty() {
    return Boolean(process.stderr.isTTY);
  },
  get isStdoutTty() {
    return isatty(1);
  },
}).then((code) => {
  process.exitCode = code;
});
