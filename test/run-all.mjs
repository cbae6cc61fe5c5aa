// `npm test`: every check and test of the project, then one summary line `N passed, N failed`
// that CI reads. Static checks (types, lint, formatting, packaging) count as one test each;
// Vitest and Playwright report their own counts through their JSON reporters.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const results = 'test-results';
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

function run(label, command, args, env = {}) {
  console.log(`\n=== ${label}: ${command} ${args.join(' ')}`);
  const outcome = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return outcome.status === 0;
}

function check(label, command, args) {
  if (run(label, command, args)) totals.passed += 1;
  else {
    totals.failed += 1;
    failures.push(label);
  }
}

/** Adds a runner's JSON counts; a runner that crashed before writing them counts as one failure. */
function addCounts(label, file, read) {
  if (!existsSync(file)) {
    totals.failed += 1;
    failures.push(`${label} (no results written)`);
    return;
  }
  const counts = read(JSON.parse(readFileSync(file, 'utf8')));
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
  if (counts.failed > 0) failures.push(`${label} (${counts.failed} failed)`);
}

const npx = 'npx';
check('typecheck', 'npm', ['run', '-s', 'typecheck']);
check('lint', 'npm', ['run', '-s', 'lint']);
check('format', 'npm', ['run', '-s', 'format:check']);

if (!run('build', 'npm', ['run', '-s', 'build'])) {
  totals.failed += 1;
  failures.push('build');
} else {
  run('unit tests', npx, [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${results}/unit.json`,
  ]);
  addCounts('unit tests', `${results}/unit.json`, (report) => ({
    passed: report.numPassedTests,
    failed: report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0),
    skipped: report.numPendingTests + report.numTodoTests,
  }));

  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) {
    console.error(
      `\nEnd-to-end tests need Debian's Chromium at ${chromium}: apt-get install chromium (or set CHROMIUM_PATH).`,
    );
    totals.failed += 1;
    failures.push('e2e (no Chromium)');
  } else {
    run('e2e tests', npx, ['playwright', 'test', '--reporter=list,json'], {
      PLAYWRIGHT_JSON_OUTPUT_NAME: `${results}/e2e.json`,
    });
    addCounts('e2e tests', `${results}/e2e.json`, (report) => ({
      passed: report.stats.expected + report.stats.flaky,
      failed: report.stats.unexpected + (report.errors?.length ?? 0),
      skipped: report.stats.skipped,
    }));
  }
  check('package check', 'node', ['electron/tools/package-check.mjs']);
}

console.log('');
if (failures.length > 0) console.log(`Failed: ${failures.join(', ')}`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
