#!/usr/bin/env node
/** Entry point of the `archivist` command line: dispatches to one command, maps errors to exit codes. */
import { runCli } from './run-cli';

void runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
  isStderrTty: Boolean(process.stderr.isTTY),
}).then((code) => {
  process.exitCode = code;
});
