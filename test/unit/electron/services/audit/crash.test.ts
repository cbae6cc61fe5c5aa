import { expect, it } from 'vitest';
import { runCrashTest } from '../../../../audit-crash/crash-test';

// CI runs a reduced crash test; `npm run test:crash` runs the full 500 kills.
const kills = Number(process.env.AUDIT_CRASH_KILLS ?? 30);

it(
  `survives ${kills} SIGKILLs while writing: verify passes, no acknowledged record lost`,
  { timeout: 120_000 },
  async () => {
    const summary = await runCrashTest(kills);
    expect(summary.failures).toEqual([]);
    expect(summary.lost).toBe(0);
    expect(summary.acknowledged).toBeGreaterThan(kills);
  },
);
