// `npm run package:check`: packages the app offline and checks what went into the asar, and
// that the fuses of electron-builder.yml were flipped. The Electron binary cannot be downloaded
// here (TOOLCHAIN.md), so electron-builder gets a folder with a stub 'electron' file as
// electronDist: a script carrying a fuse wire in the format @electron/fuses edits (sentinel,
// version, length, one byte per fuse), all fuses enabled as in a stock Electron.
import { listPackage } from '@electron/asar';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const stubDist = mkdtempSync(path.join(tmpdir(), 'archivist-electron-stub-'));
const fuseSentinel = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const fuseCount = 8;
const stubWire = Buffer.concat([
  Buffer.from(fuseSentinel),
  Buffer.from([1, fuseCount]),
  Buffer.from('1'.repeat(fuseCount)),
]);
writeFileSync(
  path.join(stubDist, 'electron'),
  Buffer.concat([Buffer.from('#!/bin/sh\n# '), stubWire, Buffer.from('\necho stub\n')]),
  {
    mode: 0o755,
  },
);
mkdirSync(path.join(stubDist, 'resources'), { recursive: true });
const output = mkdtempSync(path.join(tmpdir(), 'archivist-package-'));

const builder = spawnSync(
  process.execPath,
  [
    'node_modules/electron-builder/cli.js',
    '--linux',
    'dir',
    `-c.electronDist=${stubDist}`,
    `-c.directories.output=${output}`,
    '--publish',
    'never',
  ],
  {
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
  },
);
if (builder.status !== 0) {
  console.error(builder.stdout, builder.stderr);
  console.error('package:check: electron-builder failed');
  process.exit(1);
}

const asar = path.join(output, 'linux-unpacked', 'resources', 'app.asar');
if (!existsSync(asar)) {
  console.error(`package:check: no asar at ${asar}`);
  process.exit(1);
}
const entries = listPackage(asar, { isPack: false }).map((entry) => entry.replaceAll('\\', '/'));

const problems = [];
const mustHave = [
  '/package.json',
  '/dist/main/index.cjs',
  '/dist/preload/index.cjs',
  '/dist/renderer/index.html',
  '/dist/cli/archivist.cjs',
  '/dist/cli/program.cjs', // the program the launcher above runs (run-program.ts)
];
for (const entry of mustHave) if (!entries.includes(entry)) problems.push(`missing ${entry}`);
const forbidden = [
  [/^\/(test|electron|shared|renderer|\.ci)\//, 'sources or tests'],
  [/\.(ts|tsx|map)$/, 'TypeScript sources or source maps'],
  [
    /^\/node_modules\/(react|react-dom|@tanstack|scheduler)\//,
    'renderer libraries copied a second time',
  ],
  [/^\/node_modules\/(electron|vite|vitest|@playwright|typescript|eslint)\//, 'development tools'],
];
for (const [pattern, what] of forbidden) {
  const hits = entries.filter((entry) => pattern.test(entry));
  if (hits.length > 0)
    problems.push(
      `${what}: ${hits.slice(0, 3).join(', ')}${hits.length > 3 ? ` and ${hits.length - 3} more` : ''}`,
    );
}
// Fuse order of @electron/fuses V1: RunAsNode, EnableCookieEncryption,
// EnableNodeOptionsEnvironmentVariable, EnableNodeCliInspectArguments,
// EnableEmbeddedAsarIntegrityValidation, OnlyLoadAppFromAsar.
const expectedFuses = '010011';
const packagedBinary = readFileSync(path.join(output, 'linux-unpacked', 'archivist'));
const wireStart = packagedBinary.indexOf(fuseSentinel) + fuseSentinel.length + 2;
const fuses = packagedBinary
  .subarray(wireStart, wireStart + expectedFuses.length)
  .toString('latin1');
if (fuses !== expectedFuses)
  problems.push(
    `fuses are ${fuses}, expected ${expectedFuses} (run-as-node, NODE_OPTIONS and inspect off; cookie encryption, asar integrity and asar-only on)`,
  );

const rendererScripts = entries.filter((entry) => /^\/dist\/renderer\/assets\/.*\.js$/.test(entry));
if (rendererScripts.length === 0) problems.push('no renderer bundle under dist/renderer/assets');

if (problems.length > 0) {
  for (const problem of problems) console.error(`package:check: ${problem}`);
  process.exit(1);
}
console.log(`package:check: ok (${entries.length} entries in app.asar, built app only)`);
