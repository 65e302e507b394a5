/**
 * `npm run bench` (verify): Theorem 4 instances per second at n = 10 and n = 50, one thread.
 * An instance = random Y (eigenvalues 10, 8, 6, 4, 2, then zeros) and Gaussian U0bar (r = n),
 * theorem4Plan at alpha_max, and the check ||W(t) - Y_hat_k|| <= eps at 5 probe times in every
 * I_k (the theorem-4 suite's check, without its measured-window analysis). Also the split of the
 * time between planning and checking, and the suite as the CLI runs it (with measured windows).
 * Asserts nothing.
 */
import { performance } from 'node:perf_hooks';

import { Matrix } from 'ml-matrix';

import { bestRankK, closedFormTrajectory, gaussianInit, spectralNorm, theorem4Plan } from '@factorflow/core';
import { probeTimes } from '@factorflow/core/testing';
import { randomOrthogonal, symmetricWithSpectrum } from '@factorflow/core';

import { theorem4Suite } from '../src/suites/theorems.js';

function instance(n: number, seed: number): { plan: number; check: number } {
  const lambda = Array.from({ length: n }, (_, i) => [10, 8, 6, 4, 2][i] ?? 0);
  const Y = symmetricWithSpectrum(randomOrthogonal(n, seed), lambda);
  const U0bar = gaussianInit(n, n, 1, seed + 1);
  const start = performance.now();
  const plan = theorem4Plan({ Y, U0bar, epsilon: 0.5 });
  const planned = performance.now();
  if (plan.alpha !== null) {
    const U0 = U0bar.clone().mul(Math.sqrt(plan.alpha));
    const times = plan.intervals.flatMap(({ start: from, end }) => probeTimes(from, end));
    const { W } = closedFormTrajectory(Y, { U0 }, times, { spectrum: false });
    let index = 0;
    for (const { k, start: from, end } of plan.intervals) {
      const target: Matrix = bestRankK(Y, k);
      for (let probe = 0; probe < probeTimes(from, end).length; probe++) {
        if (spectralNorm(W[index++].clone().sub(target)) > 0.5 * (1 + 1e-10)) throw new Error(`Theorem 4 failed, seed ${seed}`);
      }
    }
  }
  return { plan: planned - start, check: performance.now() - planned };
}

console.log('\nTheorem 4 instances per second (one thread; 2 workers give about 2x)\n');
console.log('| n | instances | per second | plan (ms) | check (ms) | 1e4 instances, 2 workers (s, est.) |');
console.log('|---|---|---|---|---|---|');
for (const [n, count] of [
  [10, 2000],
  [50, 60],
] as const) {
  instance(n, 1);
  let plan = 0;
  let check = 0;
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    const timing = instance(n, 1000 + 7 * i);
    plan += timing.plan;
    check += timing.check;
  }
  const seconds = (performance.now() - start) / 1000;
  console.log(
    `| ${n} | ${count} | ${(count / seconds).toFixed(0)} | ${(plan / count).toFixed(2)} | ${(check / count).toFixed(2)} | ${((1e4 / (count / seconds)) / 2).toFixed(1)} |`,
  );
}

const suiteStart = performance.now();
for (let i = 0; i < 40; i++) theorem4Suite.runInstance(1, i);
console.log(`\ntheorem-4 suite as run by 'factorflow verify' (n = 2..6, with measured windows and every 4th alpha bisection): ${(40 / ((performance.now() - suiteStart) / 1000)).toFixed(0)} instances/s per thread`);
