/**
 * `npm run bench:certified` (verify): the time to certify every window of one instance (core's
 * certifiedWindows, issue 20) at n = 10 and n = 50, and certifiedAlphaMax at n = 10, one thread.
 * An instance = Y with eigenvalues 10, 8, 6, 4, 2, then zeros (diagonal), or rotated by a random
 * orthogonal matrix with the zeros replaced by distinct eigenvalues spaced evenly in [0, 2) (a
 * repeated eigenvalue of a rotated Y cannot be certified: its eigenbasis is not verified), Gaussian
 * U0bar (r = n) at alpha = 1e-8, epsilon = 0.5. Timings are not part
 * of the verify report, which must be the same on every run. Asserts nothing.
 */
import { performance } from 'node:perf_hooks';

import { Matrix } from 'ml-matrix';

import { certifiedAlphaMax, certifiedWindows, gaussianInit, prepareTarget, randomOrthogonal, symmetricWithSpectrum } from '@factorflow/core';

const EPSILON = 0.5;
const ALPHA = 1e-8;

function target(n: number, rotated: boolean, seed: number): Matrix {
  const tail = (i: number) => (rotated ? (2 * (n - 1 - i)) / (n - 5) : 0);
  const lambda = Array.from({ length: n }, (_, i) => [10, 8, 6, 4, 2][i] ?? tail(i));
  return rotated ? symmetricWithSpectrum(randomOrthogonal(n, seed), lambda) : Matrix.diag(lambda);
}

/** Milliseconds of one certifiedWindows call (Y prepared beforehand) and the coverage it reached. */
function certifyOnce(n: number, rotated: boolean, seed: number): { ms: number; coverage: number } {
  const Y = prepareTarget(target(n, rotated, seed));
  const U0 = gaussianInit(n, n, Math.sqrt(ALPHA), seed + 1);
  const start = performance.now();
  const result = certifiedWindows(Y, { U0 }, EPSILON);
  const ms = performance.now() - start;
  const coverages = result.perRank.filter((rank) => rank.measured.length > 0).map((rank) => rank.coverage);
  return { ms, coverage: Math.min(...coverages) };
}

console.log('\ncertifiedWindows, all windows of one instance (one thread)\n');
console.log('| n | Y | instances | median (ms) | worst (ms) | worst coverage |');
console.log('|---|---|---|---|---|---|');
for (const [n, count, bases] of [
  [10, 10, [false, true]],
  [50, 1, [false, true]],
] as const) {
  for (const rotated of bases) {
    certifyOnce(n, rotated, 1);
    const runs = Array.from({ length: count }, (_, i) => certifyOnce(n, rotated, 1000 + 7 * i));
    const times = runs.map((run) => run.ms).sort((a, b) => a - b);
    console.log(
      `| ${n} | ${rotated ? 'rotated' : 'diagonal'} | ${count} | ${times[Math.floor(count / 2)].toFixed(0)} | ${times[count - 1].toFixed(0)} | ${Math.min(...runs.map((run) => run.coverage)).toFixed(4)} |`,
    );
  }
}

const Y = prepareTarget(target(10, false, 1));
const start = performance.now();
const found = certifiedAlphaMax(Y, gaussianInit(10, 10, 1, 2), EPSILON);
console.log(`\ncertifiedAlphaMax at n = 10 (diagonal Y): ${((performance.now() - start) / 1000).toFixed(2)} s, ${found.steps.length} certified bisection steps`);
