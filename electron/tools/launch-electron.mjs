// `npm start` / `npm run dev`: launches the desktop app. `npm ci` on this project skips Electron's
// install script (allowScripts in package.json, so installs work where its binary cannot be
// downloaded); here we fetch the binary on first start, on machines that can reach it.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const electronDir = path.dirname(require.resolve('electron/package.json'));

function binaryPath() {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = path.join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

let binary = binaryPath();
if (!binary) {
  console.log('Downloading the Electron runtime (first start only)…');
  const install = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], {
    stdio: 'inherit',
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '' },
  });
  binary = binaryPath();
  if (install.status !== 0 || !binary) {
    console.error(
      'The Electron runtime could not be downloaded, so the desktop app cannot start on this machine.\n' +
        'Use `npm run dev:browser` to run the interface in a browser instead.',
    );
    process.exit(1);
  }
}

const child = spawn(binary, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
