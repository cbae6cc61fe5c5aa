#!/usr/bin/env node
/** Entry point of the `archivist` command line: dispatches to one command, maps errors to exit codes. */
import { runCli } from './run-cli';

void runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stdoutBytes: (bytes) => process.stdout.write(bytes),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
  // A getter: process.stderr is made on first use (a tty or pipe stream, some milliseconds),
  // and only a report's progress bar asks.
  get isStderrTty() {
    return Boolean(process.stderr.isTTY);
  },
}).then((code) => {
  process.exitCode = code;
});
