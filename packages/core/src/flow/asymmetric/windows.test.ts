import { Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';

import { balancedTrajectory } from './closedForm.js';
import { balancedInit, spectralBalancedInit } from './initialization.js';
import { asymmetricWindows } from './windows.js';
import { randomOrthogonal } from '../../linalg/orthogonal.js';
import { spectralNorm } from '../../linalg/spectral.js';
import { PROPERTY_SEED, rectangularTarget, thrown } from '../../testing/index.js';
import { theorem3Plan } from '../../theorems/theorem3.js';

/** Y_hat_k = P_k diag(sigma_1..k) Q_k^T from the factors rectangularTarget drew, not from any decomposition of Y. */
function bestRank(m: number, n: number, sigma: readonly number[], seed: number, k: number): Matrix {
  const P = randomOrthogonal(m, seed);
  const Q = randomOrthogonal(n, seed + 1);
  const S = new Matrix(m, n);
  for (let i = 0; i < k; i++) S.set(i, i, sigma[i]);
  return P.mmul(S).mmul(Q.transpose());
}

/** Maximal runs of samples with distance <= epsilon, as [first, last] sample times. */
function sampledWindows(times: number[], distances: number[], epsilon: number): [number, number][] {
  const runs: [number, number][] = [];
  distances.forEach((d, i) => {
    if (d > epsilon) return;
    const last = runs[runs.length - 1];
    if (last !== undefined && last[1] === times[i - 1]) last[1] = times[i];
    else runs.push([times[i], times[i]]);
  });
  return runs;
}

describe('asymmetricWindows', () => {
  for (const [index, { m, n, r, sigma, epsilon }] of [
    { m: 3, n: 5, r: 3, sigma: [3, 1.5, 0.6], epsilon: 0.2 },
    { m: 5, n: 2, r: 4, sigma: [2, 1], epsilon: 0.1 },
    { m: 4, n: 6, r: 2, sigma: [4, 2, 1], epsilon: 0.3 },
  ].entries()) {
    const seed = PROPERTY_SEED + 10 * index;
    it(`agrees with a dense sampling of ||X(t) - Y_hat_k||_2 (m = ${m}, n = ${n}, r = ${r}, seed ${seed})`, () => {
      const Y = rectangularTarget(m, n, sigma, seed);
      const start = balancedInit(m, n, r, 1e-8, seed);
      const measured = asymmetricWindows(Y, start, epsilon, { gridSize: 256 });
      expect(measured.K).toBe(sigma.length);
      expect(measured.perRank[0].windows.length, 'sigma_1 is learned and held for a while').toBeGreaterThan(0);
      const end = 1.2 * measured.horizon;
      const samples = 4000;
      const spacing = end / samples;
      const times = Array.from({ length: samples + 1 }, (_, i) => i * spacing);
      const { X } = balancedTrajectory(Y, start, times);
      for (let k = 1; k <= sigma.length; k++) {
        const target = bestRank(m, n, sigma, seed, k);
        const runs = sampledWindows(times, X.map((x) => spectralNorm(x.clone().sub(target))), epsilon);
        const windows = measured.perRank[k - 1].windows;
        expect(windows.length, `seed ${seed}, k = ${k}`).toBe(runs.length);
        runs.forEach(([first, last], i) => {
          // Each end lies within one sample spacing of the sampled run's ends.
          expect(windows[i].start, `seed ${seed}, k = ${k}`).toBeGreaterThan(first - spacing);
          expect(windows[i].start, `seed ${seed}, k = ${k}`).toBeLessThanOrEqual(first);
          if (last === times[samples]) expect(windows[i].end, `seed ${seed}, k = ${k}`).toBeGreaterThanOrEqual(last);
          else {
            expect(windows[i].end, `seed ${seed}, k = ${k}`).toBeGreaterThanOrEqual(last);
            expect(windows[i].end, `seed ${seed}, k = ${k}`).toBeLessThan(last + spacing);
          }
        });
      }
    });
  }

  it('with r below the rank of Y, ranks above r are never reached', () => {
    const sigma = [3, 2, 1];
    const Y = rectangularTarget(3, 4, sigma, 5);
    const measured = asymmetricWindows(Y, balancedInit(3, 4, 1, 1e-8, 5), 0.1, { gridSize: 128 });
    expect(measured.perRank[0].windows.at(-1)?.end).toBe(Number.POSITIVE_INFINITY);
    expect(measured.perRank[1].windows).toEqual([]);
    // The rank-1 flow ends at Y_hat_1: its distance to Y_hat_2 is sigma_2.
    expect(measured.perRank[1].closestApproach).toBeGreaterThan(0.99 * sigma[1]);
  });

  it("from a spectral start, Theorem 3's intervals for (sigma(Y), sigma0) lie inside the measured windows", () => {
    // Each singular value of X follows Corollary 2 for (sigma_i, alpha sigma0_i) (closedForm.test.ts), and
    // ||X - Y_hat_k||_2 = max_i |x_i - [i <= k] sigma_i|, exactly the symmetric flow on diag(sigma) from
    // W0 = alpha diag(sigma0): Theorem 3 applies verbatim (our derivation).
    const sigma = [3, 1.5, 0.6];
    const sigma0 = [1, 2, 0.5];
    const epsilon = 0.2;
    const Y = rectangularTarget(3, 5, sigma, 31);
    const alpha = (theorem3Plan({ sigmaY: sigma, sigma0, epsilon }).alphaMax ?? 1e-12) / 100;
    const plan = theorem3Plan({ sigmaY: sigma, sigma0, epsilon, alpha });
    expect(plan.hypothesesHold).toBe(true);
    const measured = asymmetricWindows(Y, spectralBalancedInit(Y, sigma0, alpha), epsilon);
    plan.intervals.forEach((interval, k) => {
      expect(interval.end, `k = ${k + 1}`).toBeGreaterThan(interval.start);
      expect(measured.perRank[k].windows.some((w) => w.start <= interval.start && interval.end <= w.end), `k = ${k + 1}`).toBe(true);
    });
  });

  it('refuses Y = 0 and a non-positive epsilon', () => {
    const start = balancedInit(2, 2, 1, 1e-6, 1);
    expect(thrown(() => asymmetricWindows([[0, 0], [0, 0]], start, 0.1))).toMatchObject({ code: 'out-of-range', argument: 'Y' });
    expect(thrown(() => asymmetricWindows([[1, 0], [0, 1]], start, 0))).toMatchObject({ argument: 'epsilon' });
  });
});
