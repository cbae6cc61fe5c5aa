/**
 * The harness's command line. `npm run dev:browser -- --home DIR` passes `--home DIR` to the
 * script, but calling it directly (`tsx electron/harness/serve.ts -- --home DIR`) keeps the
 * `--`, which `parseArgs` would read as "the rest are positional": a leading `--` is dropped so
 * both forms work.
 */
import { parseArgs } from 'node:util';

export interface ServeArgs {
  readonly port?: string;
  readonly home?: string;
  readonly now?: string;
  readonly keychain?: string;
}

export function parseServeArgs(argv: readonly string[]): ServeArgs {
  const args = argv[0] === '--' ? argv.slice(1) : [...argv];
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      home: { type: 'string' },
      now: { type: 'string' },
      keychain: { type: 'string' },
    },
    strict: true,
  });
  return values;
}
