/**
 * A V8 code cache for the command line (issue 7: `archivist compare --format unified` within 3×
 * of git, process start included). Node 20 compiles the whole program bundle (about 600 KB) from
 * source on every start and has no module.enableCompileCache (Node 22), so the launcher compiles
 * it with vm.Script and V8's cachedData instead: made once after a successful run, reused by the
 * runs after it.
 *
 * The cache lives in the user's cache folder, never beside the bundle (a global npm install or
 * the app's asar is read-only). A cache file is named by the sha256 of the program, Node's
 * version, the architecture and the command: the data is taken after the run, so it holds the
 * functions that command compiled, and each command compiles different ones. V8 checks its own
 * version and flags and rejects data that does not fit (`cachedDataRejected`); a rejected cache
 * is made again. Nothing here may fail a run: a cache that cannot be read or written is skipped.
 * The folder is the user's own (mode 0700), as trusted as the program itself: never a shared one.
 */
import { createHash } from 'node:crypto';
import {
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';

/** Environment variable: a folder for the caches, or `off` to run without one. */
export const cacheDirVariable = 'ARCHIVIST_CODE_CACHE';
/** Environment variable: `1` prints one line on stderr at exit saying what the cache did. */
export const cacheTraceVariable = 'ARCHIVIST_CODE_CACHE_TRACE';
/** How many cache files a folder keeps (a few builds × about ten commands; ~0.3 MB each). */
export const maxCacheFiles = 32;

const cacheSuffix = '.v8cache';

/** Where the caches go: ARCHIVIST_CODE_CACHE, else the platform's user cache folder. */
export function codeCacheDir(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
  home: string,
): string | undefined {
  const chosen = env[cacheDirVariable];
  if (chosen === 'off') return undefined;
  if (chosen) return chosen;
  if (platform === 'win32')
    return join(env.LOCALAPPDATA || join(home, 'AppData', 'Local'), 'archivist', 'code-cache');
  if (platform === 'darwin') return join(home, 'Library', 'Caches', 'archivist', 'code-cache');
  const xdg = env.XDG_CACHE_HOME;
  // The XDG spec: a relative XDG_CACHE_HOME is invalid and must be ignored.
  const base = xdg && xdg.startsWith('/') ? xdg : join(home, '.cache');
  return join(base, 'archivist', 'code-cache');
}

/**
 * The command a run's cache is kept for: its first argument when it looks like a name. Help runs
 * share `_` with --version: a cache made by `compare --help` would lack what a comparison compiles.
 */
export function commandKey(argv: readonly string[]): string {
  const first = argv[0] ?? '';
  if (argv.includes('--help') || argv.includes('-h')) return '_';
  return /^[a-z]{1,20}$/.test(first) ? first : '_';
}

/** The first 16 hex digits of the program's sha256: a changed program never meets an old cache. */
export function sourceHash(source: Uint8Array): string {
  return createHash('sha256').update(source).digest('hex').slice(0, 16);
}

/** The cache file name for one program, Node and command. */
export function cacheFileName(hash: string, command: string): string {
  return `${hash}-node${process.versions.node}-${process.arch}-${command}${cacheSuffix}`;
}

/** The cached data, or undefined when there is none or it cannot be read. */
export function readCodeCache(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Writes a cache atomically (a temporary file renamed over the name, so a reader never sees half
 * of one and two writers do not mix) and keeps the folder to maxCacheFiles. Returns '' when
 * written, else the error code. Never throws.
 */
export function writeCodeCache(dir: string, name: string, data: () => Uint8Array): string {
  const file = join(dir, name);
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(temporary, data(), { mode: 0o600 });
    renameSync(temporary, file);
  } catch (error) {
    try {
      unlinkSync(temporary); // a full disk leaves a partial file behind
    } catch {
      // there was none
    }
    return (error as NodeJS.ErrnoException).code ?? 'error';
  }
  pruneCodeCaches(dir);
  return '';
}

/** Deletes the oldest files past maxCacheFiles (other builds' caches, stray temporary files). */
export function pruneCodeCaches(dir: string): void {
  try {
    const files = readdirSync(dir)
      .filter((name) => name.endsWith(cacheSuffix) || name.endsWith('.tmp'))
      .map((name) => ({ path: join(dir, name), time: statSync(join(dir, name)).mtimeMs }))
      .sort((a, b) => b.time - a.time);
    for (const stale of files.slice(maxCacheFiles)) unlinkSync(stale.path);
  } catch {
    // another process pruned first, or the folder cannot be listed: the next write tries again
  }
}
