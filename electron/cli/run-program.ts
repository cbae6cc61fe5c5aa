/**
 * Runs the command-line program bundle (dist/cli/program.cjs) as Node would run a CommonJS
 * module, but compiled through vm.Script with the V8 code cache of code-cache.ts. The bundle is
 * read once: the same bytes are hashed for the cache's name and decoded for V8.
 */
import { createRequire } from 'node:module';
import Module from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import {
  cacheFileName,
  codeCacheDir,
  commandKey,
  readCodeCache,
  sourceHash,
  writeCodeCache,
} from './code-cache';

/** What the code cache did in one run, for ARCHIVIST_CODE_CACHE_TRACE. */
export type CacheOutcome = 'used' | 'created' | 'rejected, made again' | 'off' | 'not made';

/** Node's own CommonJS wrapper, on the program's first line so its line numbers stay. */
const wrapperStart = '(function (exports, require, module, __filename, __dirname) { ';
const wrapperEnd = '\n})';

type ModuleFunction = (
  exports: unknown,
  require: NodeJS.Require,
  module: Module,
  filename: string,
  dirname: string,
) => void;

function userHome(): string {
  try {
    return homedir();
  } catch {
    return ''; // no home (a service account): no cache unless ARCHIVIST_CODE_CACHE names one
  }
}

/**
 * Compiles and runs the program at `programPath` with `bytes` as its source. The cache is made at
 * exit, after a successful run (so it holds the functions the command compiled), when there was
 * none or V8 rejected it; `report` is called at exit with the cache file and what happened.
 */
export function runProgram(
  programPath: string,
  bytes: Buffer,
  argv: readonly string[],
  report?: (file: string, outcome: CacheOutcome, why: string) => void,
): void {
  // esbuild keeps the entry's `#!` line; inside the wrapper it would be a syntax error.
  const text = bytes.toString('utf8');
  const source = text.startsWith('#!') ? `//${text.slice(2)}` : text;
  const dir = codeCacheDir(process.env, process.platform, userHome());
  const name = dir === undefined ? '' : cacheFileName(sourceHash(bytes), commandKey(argv));
  const file = dir === undefined ? '' : join(dir, name);
  const cached = dir === undefined ? undefined : readCodeCache(file);
  const script = new Script(wrapperStart + source + wrapperEnd, {
    filename: programPath,
    ...(cached ? { cachedData: cached } : {}),
  });
  const isRejected = cached !== undefined && script.cachedDataRejected === true;
  let outcome: CacheOutcome = dir === undefined ? 'off' : 'used';
  let why = '';
  if (dir !== undefined && (cached === undefined || isRejected)) {
    outcome = 'not made';
    why = 'the run failed';
    process.once('exit', (code) => {
      if (code !== 0) return;
      why = writeCodeCache(dir, name, () => script.createCachedData());
      if (why === '') outcome = isRejected ? 'rejected, made again' : 'created';
    });
  }
  if (report) process.once('exit', () => report(file, outcome, why));
  const compiled = script.runInThisContext() as ModuleFunction;
  const program = new Module(programPath);
  program.filename = programPath;
  compiled.call(
    program.exports,
    program.exports,
    createRequire(programPath),
    program,
    programPath,
    dirname(programPath),
  );
}
