/**
 * `npm run dev:browser`: the browser harness as a command. Prints the address (with its per-run
 * token) and serves until interrupted. `-- --now 2026-12-07T10:30:00Z` starts the sandbox with
 * the service calendar on that clock. Passphrases typed in the Environments screen are sealed
 * with a per-run key standing in for the OS keychain (test-safe-storage.ts), so they last only
 * while the harness runs; `-- --keychain unavailable|basic_text` plays a computer without one.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { err } from '../../shared/result';
import { createHandlers } from '../services/handlers';
import { homeForProcess } from '../services/home';
import { startAppWorkspace } from '../services/workspace/app-workspace';
import { createSafeStorageSecretStore } from '../services/profiles/safe-storage-secret-store';
import { startClockedWorkspace } from './clocked-workspace';
import { createTestSafeStorage, testKeychains, type TestKeychain } from './test-safe-storage';
import { startHarness, type Harness } from './harness-server';
import { parseServeArgs } from './serve-args';

const rendererRoot = fileURLToPath(new URL('../../dist/renderer', import.meta.url));

async function main(): Promise<void> {
  const values = parseServeArgs(process.argv.slice(2));
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be a port number, not '${values.port}'`);
  if (!existsSync(path.join(rendererRoot, 'index.html')))
    throw new Error('the renderer is not built; run `npm run build` first');
  const home = homeForProcess(values.home);
  const now = values.now === undefined ? undefined : new Date(values.now);
  if (now && Number.isNaN(now.getTime()))
    throw new Error(`--now must be an ISO date and time, not '${values.now}'`);
  const keychain = (values.keychain ?? 'available') as TestKeychain;
  if (!testKeychains.includes(keychain))
    throw new Error(`--keychain must be one of ${testKeychains.join(', ')}, not '${keychain}'`);
  const secrets = createSafeStorageSecretStore(home, createTestSafeStorage(keychain));
  // The workspace with the embedded test environment, so the UI has real services behind it;
  // with --now the sandbox runs the service calendar on that clock (to see windows and refusals).
  const app = now
    ? await startClockedWorkspace({ home, now, secrets })
    : await startAppWorkspace({ home, connect: { secrets } });
  if (!app.ok) throw new Error(app.error.message);
  // Events go to the harness once it exists; handlers are created before it.
  const late: { harness?: Harness } = {};
  const handlers = createHandlers({
    home,
    openLink: async () =>
      err(
        'not-available',
        'Links open in your browser only from the desktop app; copy the address instead.',
      ),
    workspace: app.value.workspace,
    publish: (name, payload) => late.harness?.publish(name, payload),
  });
  const harness = await startHarness({ handlers, rendererRoot, port });
  late.harness = harness;
  console.log(`Archivist at ${harness.url}`);
  console.log(`data folder: ${home}`);
  console.log(`sandbox listening on ${app.value.sandboxUrl}`);
  const stop = () =>
    void Promise.all([harness.close(), app.value.close()]).then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`dev:browser: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
