import fc from 'fast-check';
import { Matrix, inverse } from 'ml-matrix';
import { describe, expect, it } from 'vitest';

import type { FactorflowErrorCode } from '../errors.js';
import { closedFormTrajectory } from '../flow/riccati.js';
import { bestRankK, spectralNorm, symmetricEigen } from '../linalg/spectral.js';
import { PROPERTY_SEED, TAIL_MULTIPLES, factor, orthogonal, probeTimes, separatedSpectrum } from '../testing/arbitraries.js';
import { symmetricWithSpectrum } from '../linalg/orthogonal.js';
import { planToJson } from './planJson.js';
import { theorem4Plan } from './theorem4.js';
import { expectInputErrors } from '../testing/errors.js';

const instance = fc.integer({ min: 1, max: 4 }).chain((n) =>
  fc.record({
    sigmaY: separatedSpectrum(n, { maxRatio: 0.9 }),
    // U0bar = I + 0.4 B: invertible with moderate M, so alpha_max stays in double range.
    perturbation: factor(n, n, 0.4),
    extraColumns: fc.integer({ min: 0, max: 2 }).chain((extra) => factor(n, extra, 0.4)),
    epsilonFraction: fc.double({ min: 0.05, max: 1, noNaN: true }),
    alphaFraction: fc.oneof(fc.constant(1), fc.double({ min: 1e-6, max: 1, noNaN: true })),
    Q: orthogonal(n),
  }),
);

type Instance = typeof instance extends fc.Arbitrary<infer T> ? T : never;

/** Y = Q diag(sigma_Y) Q^T, U0bar = [I + perturbation, extra columns] and eps in (0, min(sigma_K, 1)]. */
function setting({ sigmaY, perturbation, extraColumns, epsilonFraction, Q }: Instance) {
  const K = sigmaY.filter((s) => s > 0).length;
  return {
    Y: symmetricWithSpectrum(Q, sigmaY),
    U0bar: perturbation.map((row, i) => [...row.map((x, j) => x + (i === j ? 1 : 0)), ...(extraColumns[i] ?? [])]),
    epsilon: epsilonFraction * Math.min(sigmaY[K - 1], 1),
  };
}

describe('theorem4Plan', () => {
  it('computes M = max(||V||, ||V^{-1}||) as defined, via an explicit inverse', () => {
    fc.assert(
      fc.property(instance, (value) => {
        const { Y, U0bar, epsilon } = setting(value);
        const plan = theorem4Plan({ Y, U0bar, epsilon });
        const phi = symmetricEigen(Y).vectors;
        const W0tilde = phi.transpose().mmul(new Matrix(U0bar)).mmul(new Matrix(U0bar).transpose()).mmul(phi);
        const V = inverse(W0tilde);
        const M = Math.max(spectralNorm(V), spectralNorm(W0tilde));
        expect(plan.M).toBeCloseTo(M, 8);
        expect(plan.cEpsilon! * 16 * M * M).toBeCloseTo(epsilon, 10);
        expect(plan.CEpsilon! * epsilon / (16 * M * M)).toBeCloseTo(value.sigmaY[0] ** 2, 8);
      }),
      { seed: PROPERTY_SEED, numRuns: 150 },
    );
  });

  it('solves the alpha conditions exactly: just below alpha_max they hold, just above they fail', () => {
    fc.assert(
      fc.property(instance, (value) => {
        const { Y, U0bar, epsilon } = setting(value);
        const plan = theorem4Plan({ Y, U0bar, epsilon });
        expect(theorem4Plan({ Y, U0bar, epsilon, alpha: plan.alphaMax! * (1 - 1e-9) }).hypothesesHold).toBe(true);
        expect(theorem4Plan({ Y, U0bar, epsilon, alpha: plan.alphaMax! * (1 + 1e-7) }).hypothesesHold).toBe(false);
        expect(plan.intervals.every((interval) => interval.nonEmpty)).toBe(true);
      }),
      { seed: PROPERTY_SEED, numRuns: 150 },
    );
  });

  it('guarantees what it says: ||W(t) - Y_hat_k|| <= eps on every I_k, ends included (eq. (23))', () => {
    fc.assert(
      fc.property(instance, (value) => {
        const { Y, U0bar, epsilon } = setting(value);
        const alpha = theorem4Plan({ Y, U0bar, epsilon }).alphaMax! * value.alphaFraction;
        const U0 = new Matrix(U0bar).mul(Math.sqrt(alpha));
        for (const { k, start, end } of theorem4Plan({ Y, U0bar, epsilon, alpha }).intervals) {
          const target = bestRankK(Y, k);
          for (const W of closedFormTrajectory(Y, { U0 }, probeTimes(start, end, [...TAIL_MULTIPLES, 1e4])).W) {
            expect(spectralNorm(W.clone().sub(target))).toBeLessThanOrEqual(epsilon + 1e-12 * value.sigmaY[0]);
          }
        }
      }),
      { seed: PROPERTY_SEED, numRuns: 100 },
    );
  });

  it('reports r < n (Remark III-C2) as a failed hypothesis instead of a number', () => {
    const plan = theorem4Plan({ Y: [[3, 0], [0, 1]], U0bar: [[1], [1]], epsilon: 0.5 });
    expect(plan.M).toBeNull();
    expect(plan.hypotheses.find((h) => h.name === 'init-invertible')?.holds).toBe(false);
    expect(plan.hypothesesHold).toBe(false);
    expect(plan.intervals).toEqual([]);
  });

  it('rejects epsilon outside (0, min(sigma_K, 1)], non-PSD Y and mismatched shapes', () => {
    const cases: [() => unknown, FactorflowErrorCode][] = [
      [() => theorem4Plan({ Y: [[3, 0], [0, 2]], U0bar: [[1, 0], [0, 1]], epsilon: 1.5 }), 'out-of-range'],
      [() => theorem4Plan({ Y: [[3, 0], [0, -2]], U0bar: [[1, 0], [0, 1]], epsilon: 0.5 }), 'not-psd'],
      [() => theorem4Plan({ Y: [[3, 0], [0, 2]], U0bar: [[1, 0]], epsilon: 0.5 }), 'shape'],
      [() => theorem4Plan({ Y: [[3, 0], [0, 2]], U0bar: [[1, 0], [0, 1]], epsilon: 0.5, alpha: 0 }), 'out-of-range'],
    ];
    expectInputErrors(cases);
  });

  it('keeps M in logarithms where it overflows (issue 16: U0bar = diag(1e160, 1e155) gave M = Infinity)', () => {
    const plan = theorem4Plan({ Y: [[2, 0], [0, 1]], U0bar: [[1e160, 0], [0, 1e155]], epsilon: 0.5 });
    // sigma_max(U0bar)^2 = 1e320 > 1 / sigma_min^2 = 1e-310: ln M = 320 ln 10.
    expect(plan.M).toBeNull();
    expect(plan.logM).toBeCloseTo(320 * Math.LN10, 10);
    // c_eps = eps / (16 M^2), C_eps = 16 sigma_1^2 M^2 / eps; with rho = 1/2 the separation binds:
    // log alpha_max = log c + (rho / (1 - rho)) (log c - log C) = 2 log c - log C, below log(c_eps / M).
    const logc = Math.log(0.5 / 16) - 640 * Math.LN10;
    const logC = Math.log((16 * 4) / 0.5) + 640 * Math.LN10;
    expect(plan.logcEpsilon).toBeCloseTo(logc, 9);
    expect(plan.logCEpsilon).toBeCloseTo(logC, 9);
    expect(plan.logAlphaMax).toBeCloseTo(2 * logc - logC, 9);
    // alpha_max, alpha and c_eps are far below the doubles: null beside their exact logarithms, never a
    // 0 that reads as a value (they were 0 before), and the intervals come from log alpha.
    expect(plan.alphaMax).toBeNull();
    expect(plan.alpha).toBeNull();
    expect(plan.cEpsilon).toBeNull();
    expect(plan.logAlpha).toBe(plan.logAlphaMax);
    expect(plan.intervals[0].start).toBeCloseTo((logC - (2 * logc - logC)) / 4, 9);
    expect(JSON.stringify(planToJson(plan))).not.toMatch(/Infinity|NaN/);
    expect(planToJson(plan).logAlpha).toBe(plan.logAlpha);
    // A given alpha is echoed as given, with its logarithm.
    const given = theorem4Plan({ Y: [[2, 0], [0, 1]], U0bar: [[1e160, 0], [0, 1e155]], epsilon: 0.5, alpha: 1e-300 });
    expect(given.alpha).toBe(1e-300);
    expect(given.logAlpha).toBe(Math.log(1e-300));
    // A tiny U0bar: M = 1 / sigma_min^2 = 1e320 also overflows; this threw "log alpha_sep is undefined" (K = 1).
    const small = theorem4Plan({ Y: [[1]], U0bar: [[1e-160]], epsilon: 0.5 });
    expect(small.logM).toBeCloseTo(320 * Math.LN10, 10);
    expect(small.logAlphaMax).toBeCloseTo(Math.log(0.5 / 16) - 960 * Math.LN10, 9);
  });
});
