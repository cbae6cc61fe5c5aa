#!/usr/bin/env node
/**
 * The `archivist` command (dist/cli/archivist.cjs): a small launcher that runs the program bundle
 * beside it (dist/cli/program.cjs, built from archivist.ts) with a V8 code cache, so a run does
 * not pay for compiling the whole program again (run-program.ts, code-cache.ts; issue 7).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fileProblemReason } from '../services/files/file-problem';
import { cacheTraceVariable } from './code-cache';
import { runProgram } from './run-program';

const programPath = join(dirname(fileURLToPath(import.meta.url)), 'program.cjs');

let bytes: Buffer | undefined;
try {
  bytes = readFileSync(programPath);
} catch (error) {
  process.stderr.write(
    `archivist: the command-line program ${programPath} could not be read (${fileProblemReason(error, 'read')}); rebuild or reinstall Archivist.\n`,
  );
  process.exitCode = 1;
}
// When the work is done and the event loop is empty, end the process from the last 'exit'
// listener: Node would otherwise free the whole heap first, which the operating system does at
// once (5-20 ms of a 2 MB compare; issue 7). Nothing is lost: no write or other work is pending
// then, and every other 'exit' listener (the code cache, the output check) has run. No argument:
// process.exitCode as those listeners left it (a failed write sets 1) is the exit code.
process.once('beforeExit', () => process.once('exit', () => process.exit()));
if (bytes) {
  const argv = process.argv.slice(2);
  const trace = process.env[cacheTraceVariable] === '1';
  runProgram(
    programPath,
    bytes,
    argv,
    trace
      ? (file, outcome, why) =>
          process.stderr.write(
            `archivist: code cache ${file || '(off)'}: ${outcome}${why ? ` (${why})` : ''}\n`,
          )
      : undefined,
  );
}
