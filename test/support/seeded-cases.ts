/**
 * Runs a property over seeded cases. A failing case names its seed, and PROPERTY_SEED=N runs only
 * that case again, so a failure in CI can be reproduced and debugged alone. PROPERTY_CASES=N runs
 * N cases instead of the test's own count, for a longer search on a quiet machine (with
 * `npx vitest run --testTimeout 0 <file>`).
 */
import { seededRandom } from '../../shared/seeded-random';

/** Runs `property` with a generator seeded `first`, `first + 1`, … (`count` cases); returns how many ran. */
export function forEachSeed(
  count: number,
  first: number,
  property: (next: () => number, seed: number) => void,
): number {
  const only = process.env.PROPERTY_SEED;
  const seeds =
    only !== undefined && only !== ''
      ? [Number(only)]
      : Array.from({ length: Number(process.env.PROPERTY_CASES) || count }, (_, i) => first + i);
  for (const seed of seeds) {
    try {
      property(seededRandom(seed), seed);
    } catch (error) {
      const named = `seed ${seed} (rerun alone with PROPERTY_SEED=${seed})`;
      // The same error, renamed: Vitest still shows its expected/actual diff.
      if (error instanceof Error) error.message = `${named}: ${error.message}`;
      throw error instanceof Error ? error : new Error(`${named}: ${String(error)}`);
    }
  }
  return seeds.length;
}
