/** `npm run test:crash [-- KILLS]`: the full crash test (default 500 kills); exit 1 on any failure. */
import { runCrashTest } from './crash-test';

const kills = Number(process.argv[2] ?? process.env.AUDIT_CRASH_KILLS ?? 500);
const started = Date.now();
void runCrashTest(kills).then((summary) => {
  console.log(JSON.stringify({ ...summary, seconds: (Date.now() - started) / 1000 }, null, 2));
  process.exitCode = summary.failures.length === 0 && summary.lost === 0 ? 0 : 1;
});
