import fc from 'fast-check';
import { Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';

import type { FactorflowErrorCode } from '../errors.js';
import { closedFormTrajectory } from '../flow/riccati.js';
import { bestRankK, spectralNorm } from '../linalg/spectral.js';
import { PROPERTY_SEED, TAIL_MULTIPLES, orthogonal, probeTimes, separatedSpectrum } from '../testing/arbitraries.js';
import { alphaBounds, learningIntervals, separationRatio } from './intervals.js';
import { planToJson } from './planJson.js';
import { theorem3Constants, theorem3Plan } from './theorem3.js';
import { expectInputErrors } from '../testing/errors.js';

const instance = fc.integer({ min: 1, max: 5 }).chain((n) =>
  fc.record({
    sigmaY: separatedSpectrum(n, { maxRatio: 0.9 }),
    sigma0: fc.array(fc.double({ min: 0.2, max: 3, noNaN: true }), { minLength: n, maxLength: n }),
    epsilonFraction: fc.double({ min: 0.05, max: 1, noNaN: true }),
    alphaFraction: fc.oneof(fc.constant(1), fc.double({ min: 1e-6, max: 1, noNaN: true })),
    Q: orthogonal(n),
  }),
);

describe('theorem3Plan', () => {
  it('follows the definitions of c_eps and C_eps (hand-computed instance)', () => {
    // sigma = (10, 8), sigma0 = (1, 2), eps = 0.5: c = 0.5 / 2 = 0.25, C = 100 / (0.5 * 1) = 200.
    const plan = theorem3Plan({ sigmaY: [8, 10], sigma0: [2, 1], epsilon: 0.5 });
    expect(plan.cEpsilon).toBeCloseTo(0.25, 15);
    expect(plan.CEpsilon).toBeCloseTo(200, 12);
    expect(plan.separationRatio).toBeCloseTo(0.8, 15);
    // rho = 0.8: alpha_max = c (c / C)^4 = 0.25 * (1/800)^4.
    expect(plan.alphaMax).toBeCloseTo(0.25 * 800 ** -4, 25);
    expect(plan.alphaMaxAttained).toBe(false);
  });

  it('solves the alpha conditions exactly: just below alpha_max they hold, just above they fail', () => {
    fc.assert(
      fc.property(instance, ({ sigmaY, sigma0, epsilonFraction }) => {
        const K = sigmaY.filter((s) => s > 0).length;
        const epsilon = epsilonFraction * sigmaY[K - 1];
        const plan = theorem3Plan({ sigmaY, sigma0, epsilon });
        expect(plan.alphaMax).not.toBeNull();
        const below = theorem3Plan({ sigmaY, sigma0, epsilon, alpha: plan.alphaMax! * (1 - 1e-9) });
        const above = theorem3Plan({ sigmaY, sigma0, epsilon, alpha: plan.alphaMax! * (1 + 1e-7) });
        expect(below.hypothesesHold).toBe(true);
        expect(above.hypothesesHold).toBe(false);
        expect(plan.intervals.every((interval) => interval.nonEmpty)).toBe(true);
      }),
      { seed: PROPERTY_SEED, numRuns: 300 },
    );
  });

  it('guarantees what it says: ||W(t) - Y_hat_k|| <= eps on every I_k, ends included (eq. (17))', () => {
    fc.assert(
      fc.property(instance, ({ sigmaY, sigma0, epsilonFraction, alphaFraction, Q }) => {
        const n = sigmaY.length;
        const K = sigmaY.filter((s) => s > 0).length;
        const epsilon = epsilonFraction * sigmaY[K - 1];
        const plan = theorem3Plan({ sigmaY, sigma0, epsilon });
        const alpha = plan.alphaMax! * alphaFraction;
        const Y = Q.mmul(Matrix.diag(sigmaY)).mmul(Q.transpose());
        const U0 = Q.mmul(Matrix.diag(sigma0.map((s) => Math.sqrt(alpha * s))));
        const checked = theorem3Plan({ sigmaY, sigma0, epsilon, alpha });
        for (const { k, start, end } of checked.intervals) {
          const { W } = closedFormTrajectory(Y, { U0 }, probeTimes(start, end, [...TAIL_MULTIPLES, 1e4]));
          const target = bestRankK(Y, k);
          for (const Wt of W) {
            // Rounding of W and Y_hat_k is ~1e-13 sigma_1; the bound itself is not loosened.
            expect(spectralNorm(Wt.clone().sub(target))).toBeLessThanOrEqual(epsilon + 1e-12 * sigmaY[0]);
          }
        }
        expect(n).toBeGreaterThan(0);
      }),
      { seed: PROPERTY_SEED, numRuns: 150 },
    );
  });

  it('names the hypothesis that fails', () => {
    const repeated = theorem3Plan({ sigmaY: [3, 3, 1], sigma0: [1, 1, 1], epsilon: 0.5 });
    expect(repeated.hypotheses.find((h) => h.name === 'distinct-singular-values')?.holds).toBe(false);
    expect(repeated.alphaMax).toBeNull();
    expect(repeated.intervals).toEqual([]);
    const unseen = theorem3Plan({ sigmaY: [3, 2, 0], sigma0: [1, 0, 1], epsilon: 0.5 });
    expect(unseen.hypotheses.find((h) => h.name === 'init-positive-on-support')?.holds).toBe(false);
    expect(unseen.hypothesesHold).toBe(false);
    const tooLarge = theorem3Plan({ sigmaY: [3, 2], sigma0: [1, 1], epsilon: 0.5, alpha: 0.6 });
    expect(tooLarge.hypotheses.find((h) => h.name === 'alpha-small')?.holds).toBe(false);
    const single = theorem3Plan({ sigmaY: [3, 0], sigma0: [1, 1], epsilon: 0.5 });
    expect(single.alphaMax).toBeCloseTo(0.5, 15);
    expect(single.alphaMaxAttained).toBe(true);
    expect(single.intervals).toEqual([{ k: 1, start: Math.log(9 / 0.5 / 0.5) / 6, end: Number.POSITIVE_INFINITY, nonEmpty: true }]);
  });

  it('rejects epsilon outside (0, sigma_K] and malformed spectra', () => {
    const cases: [() => unknown, FactorflowErrorCode][] = [
      [() => theorem3Plan({ sigmaY: [3, 1], sigma0: [1, 1], epsilon: 1.5 }), 'out-of-range'],
      [() => theorem3Plan({ sigmaY: [3, 1], sigma0: [1, 1], epsilon: 0 }), 'out-of-range'],
      [() => theorem3Plan({ sigmaY: [3, -1], sigma0: [1, 1], epsilon: 0.5 }), 'out-of-range'],
      [() => theorem3Plan({ sigmaY: [3, 1], sigma0: [1], epsilon: 0.5 }), 'shape'],
      [() => theorem3Plan({ sigmaY: [0, 0], sigma0: [1, 1], epsilon: 0.5 }), 'out-of-range'],
      [() => theorem3Plan({ sigmaY: [3, 1], sigma0: [1, 1], epsilon: 0.5, alpha: -1 }), 'out-of-range'],
    ];
    expectInputErrors(cases);
  });
});

describe('the constants of Theorem 3 at the edge of double precision', () => {
  it('keeps I_k exact when C_eps overflows (a tiny sigma_{i,0}): computed from log C_eps, not from Infinity', () => {
    const plan = theorem3Plan({ sigmaY: [10, 1], sigma0: [1, 1e-320], epsilon: 0.5, alpha: 1e-3 });
    // log C_eps = 2 log 10 - log 0.5 - log 1e-320, so I_1 starts at (log C_eps - log alpha) / 20.
    const logC = 2 * Math.log(10) - Math.log(0.5) - Math.log(1e-320);
    // C_eps itself is not a double: null in the plan, its exact logarithm beside it.
    expect(plan.CEpsilon).toBeNull();
    expect(plan.logCEpsilon).toBeCloseTo(logC, 12);
    expect(plan.intervals[0].start).toBeCloseTo((logC - Math.log(1e-3)) / 20, 10);
    expect(plan.intervals.every((interval) => Number.isFinite(interval.start))).toBe(true);
  });

  it('refuses NaN and negative inputs to the exported formulas instead of returning NaN', () => {
    expectInputErrors([
      [() => theorem3Constants(Number.NaN, 1, 1, 0.5), 'out-of-range'],
      [() => theorem3Constants(10, -1, 1, 0.5), 'out-of-range'],
      [() => separationRatio(Float64Array.of(0, 0)), 'out-of-range'],
      [() => alphaBounds({ cEpsilon: -1, CEpsilon: 2 }, 0.5), 'out-of-range'],
      [() => learningIntervals(Float64Array.of(2, 1), Number.NaN, 0, 0), 'out-of-range'],
    ]);
  });

  it('reports an interval whose start is beyond the doubles as empty, with a finite start (subnormal sigma_k)', () => {
    // start = log(C / alpha) / (2 sigma_k) = log(200 e^20) / 2e-320 ~ 6e320: no double time lies in I_k.
    // It was start = Infinity with nonEmpty = true.
    const [first, last] = learningIntervals(Float64Array.of(1, 1e-320), Math.log(200), Math.log(0.25), -20);
    expect(last).toEqual({ k: 2, start: Number.MAX_VALUE, end: Number.MAX_VALUE, nonEmpty: false });
    // I_1 ends at log(c / alpha) / (2e-320), also beyond the doubles: it is unbounded, as the paper's I_K.
    expect(first.start).toBeCloseTo((Math.log(200) + 20) / 2, 12);
    expect(first.end).toBe(Number.POSITIVE_INFINITY);
    expect(first.nonEmpty).toBe(true);
    // alpha above C_eps puts a start at -infinity: clamped, the interval still holds every time up to its end.
    const [below] = learningIntervals(Float64Array.of(1e-320), Math.log(200), Math.log(0.25), 10);
    expect(below).toEqual({ k: 1, start: -Number.MAX_VALUE, end: Number.POSITIVE_INFINITY, nonEmpty: true });
  });

  it('reports a supremum beyond the doubles as the largest double alpha (subnormal sigma_0, K = 1)', () => {
    // c_eps = eps / sigma_0 = 0.5 / 5e-324 ~ 1e323: every double alpha is admissible; this was alphaMax = Infinity (null in JSON).
    const plan = theorem3Plan({ sigmaY: [1], sigma0: [5e-324], epsilon: 0.5 });
    expect(plan.logAlphaMax).toBeCloseTo(Math.log(0.5) - Math.log(5e-324), 12);
    expect(plan.alphaMax).toBeGreaterThan(1e308);
    expect(Number.isFinite(plan.alphaMax)).toBe(true);
    expect(plan.alphaMaxAttained).toBe(true);
    expect(plan.hypothesesHold).toBe(true);
    expect(plan.cEpsilon).toBeNull();
    expect(plan.logcEpsilon).toBe(plan.logAlphaMax);
    // I_1 at alpha = alphaMax: start = log(C_eps / alpha) / (2 sigma_1), C_eps = sigma_1^2 / (eps sigma_0).
    expect(plan.intervals[0].start).toBeCloseTo((-Math.log(0.5) - Math.log(5e-324) - Math.log(plan.alphaMax ?? 0)) / 2, 10);
    expect(JSON.stringify(planToJson(plan))).not.toMatch(/Infinity|NaN/);
  });
});
