/**
 * `npm run dev:browser`: the browser harness as a command. Prints the address (with its per-run
 * token) and serves until interrupted.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { err } from '../../shared/result';
import { createHandlers } from '../services/handlers';
import { homeForProcess } from '../services/home';
import { startSandbox } from '../sandbox/server';
import { startHarness } from './harness-server';

const rendererRoot = fileURLToPath(new URL('../../dist/renderer', import.meta.url));

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string' }, home: { type: 'string' } },
    strict: true,
  });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be a port number, not '${values.port}'`);
  if (!existsSync(path.join(rendererRoot, 'index.html')))
    throw new Error('the renderer is not built; run `npm run build` first');
  const home = homeForProcess(values.home);
  const handlers = createHandlers({
    home,
    openLink: async () =>
      err(
        'not-available',
        'Links open in your browser only from the desktop app; copy the address instead.',
      ),
  });
  // The embedded test environment, so the UI has real services behind it (in memory).
  const sandbox = await startSandbox();
  if (!sandbox.ok) throw new Error(`the sandbox did not start: ${sandbox.error.message}`);
  const harness = await startHarness({ handlers, rendererRoot, port });
  console.log(`Archivist at ${harness.url}`);
  console.log(`data folder: ${home}`);
  console.log(`sandbox listening on ${sandbox.value.baseUrl}`);
  const stop = () =>
    void Promise.all([harness.close(), sandbox.value.close()]).then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`dev:browser: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
