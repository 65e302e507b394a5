/**
 * fast-check as the instance generator: instance i of a suite is the first value fast-check
 * generates from the instance's seed, and a failing instance is shrunk by fast-check from that
 * same seed, so the report can print a minimal counterexample and the seed that replays it.
 */
import fc from 'fast-check';

/**
 * The instance an arbitrary generates from `seed` (the first value of `fc.check` with that seed).
 * Unbiased: fast-check's default bias towards small and boundary values suits bug hunting, but it
 * would skew the medians and rates the suites report.
 */
export function generate<T>(arbitrary: fc.Arbitrary<T>, seed: number): T {
  return fc.sample(fc.noBias(arbitrary), { seed, numRuns: 1 })[0];
}

/**
 * Shrinks a failing instance: fast-check replays `seed`, finds the same failure and shrinks it.
 * Returns the minimal counterexample (JSON) or null when the predicate holds after all.
 */
export function shrink<T>(arbitrary: fc.Arbitrary<T>, holds: (value: T) => boolean, seed: number): string | null {
  const details = fc.check(fc.property(fc.noBias(arbitrary), holds), { seed, numRuns: 1 });
  if (!details.failed || details.counterexample === null) return null;
  return fc.stringify(details.counterexample[0]);
}
