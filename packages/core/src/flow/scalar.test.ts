import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import type { FactorflowErrorCode } from '../errors.js';
import { scalarTrajectory } from './scalar.js';
import { PROPERTY_SEED } from '../testing/arbitraries.js';
import { expectInputErrors, thrown } from '../testing/errors.js';

/** Eq. (12) and (13) exactly as printed, for the range where they do not overflow. */
function literal(sigmaY: number, sigma0: number, alpha: number, t: number): number {
  if (sigmaY === 0) return (alpha * sigma0) / (1 + 2 * alpha * sigma0 * t);
  const growth = Math.exp(2 * sigmaY * t);
  return (alpha * sigmaY * sigma0 * growth) / (sigmaY + alpha * sigma0 * (growth - 1));
}

const mode = fc.record({
  // |sigma_Y| >= 1e-3: the printed formula itself fails for subnormal sigma_Y (alpha sigma_Y sigma_0 underflows).
  sigmaY: fc.oneof(
    fc.double({ min: 1e-3, max: 10, noNaN: true }),
    fc.double({ min: -10, max: -1e-3, noNaN: true }),
    fc.constant(0),
  ),
  sigma0: fc.double({ min: 0.01, max: 5, noNaN: true }),
  alpha: fc.constantFrom(1, 1e-3, 1e-6, 1e-12),
});

describe('scalarTrajectory (Corollary 2)', () => {
  it('equals eqs. (12)/(13) as printed wherever those do not overflow', () => {
    fc.assert(
      fc.property(mode, fc.double({ min: 0, max: 1, noNaN: true }), ({ sigmaY, sigma0, alpha }, fraction) => {
        const t = (fraction * 20) / Math.max(Math.abs(sigmaY), 1e-3);
        const expected = literal(sigmaY, sigma0, alpha, t);
        expect(Math.abs(scalarTrajectory({ sigmaY, sigma0, alpha }, t) - expected)).toBeLessThanOrEqual(1e-12 * Math.abs(expected));
      }),
      { seed: PROPERTY_SEED, numRuns: 500 },
    );
  });

  it("solves sigma' = 2 sigma_Y sigma - 2 sigma^2 (the diagonal of eq. (11))", () => {
    fc.assert(
      fc.property(mode, fc.double({ min: 0.01, max: 10, noNaN: true }), ({ sigmaY, sigma0, alpha }, sigmaT) => {
        const rate = Math.max(Math.abs(sigmaY), alpha * sigma0, 1e-3);
        const t = sigmaT / rate;
        const h = 1e-5 / rate;
        const at = (time: number) => scalarTrajectory({ sigmaY, sigma0, alpha }, time);
        const derivative = (at(t + h) - at(t - h)) / (2 * h);
        const field = 2 * sigmaY * at(t) - 2 * at(t) ** 2;
        expect(Math.abs(derivative - field)).toBeLessThanOrEqual(1e-6 * rate * Math.max(Math.abs(sigmaY), at(t)) + 1e-300);
      }),
      { seed: PROPERTY_SEED, numRuns: 300 },
    );
  });

  it('makes (13) the continuous limit of (12) as sigma_Y -> 0', () => {
    for (const t of [0.5, 10, 1e4]) {
      const limit = literal(0, 2, 1e-2, t);
      expect(scalarTrajectory({ sigmaY: 1e-13, sigma0: 2, alpha: 1e-2 }, t)).toBeCloseTo(limit, 12);
      expect(scalarTrajectory({ sigmaY: -1e-13, sigma0: 2, alpha: 1e-2 }, t)).toBeCloseTo(limit, 12);
    }
  });

  it('reproduces the paper\'s evaluations (14) and (15) at t = log(c/alpha)/(2 sigma)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        fc.double({ min: 0.1, max: 5, noNaN: true }),
        fc.double({ min: 1e-12, max: 1e-3, noNaN: true }),
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        (sigmaY, sigma0, alpha, ratio) => {
          const c = alpha * ratio;
          const value = scalarTrajectory({ sigmaY, sigma0, alpha }, Math.log(c / alpha) / (2 * sigmaY));
          const paper = (c * sigmaY * sigma0) / (sigmaY + (c - alpha) * sigma0);
          expect(Math.abs(value - paper)).toBeLessThanOrEqual(1e-12 * paper);
        },
      ),
      { seed: PROPERTY_SEED, numRuns: 300 },
    );
  });

  it('increases monotonically when 0 < alpha sigma_0 < sigma_Y, and converges to sigma_Y', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        fc.double({ min: 0.01, max: 5, noNaN: true }),
        fc.constantFrom(1e-3, 1e-6, 1e-12),
        fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 2, maxLength: 20 }),
        (sigmaY, sigma0, alpha, times) => {
          fc.pre(alpha * sigma0 < sigmaY);
          const values = [...times].sort((a, b) => a - b).map((t) => scalarTrajectory({ sigmaY, sigma0, alpha }, t / sigmaY));
          values.forEach((value, i) => i > 0 && expect(value).toBeGreaterThanOrEqual(values[i - 1]));
          expect(scalarTrajectory({ sigmaY, sigma0, alpha }, 1e4 / sigmaY)).toBeCloseTo(sigmaY, 12);
        },
      ),
      { seed: PROPERTY_SEED, numRuns: 200 },
    );
  });

  it('stays finite at extreme inputs and keeps 0 a fixed point', () => {
    // Each t at most the time limit 1e300 / |sigma_Y| (any t when sigma_Y = 0 or is subnormal).
    for (const [sigmaY, sigma0, alpha, t] of [
      [1e300, 1, 1e-300, 1],
      [-1e300, 1, 1, 1],
      [0, 1e10, 1e10, 1e300],
      [5, 0, 1, 2e299],
      [1e-320, 1, 1e-300, 1e300],
    ]) {
      const value = scalarTrajectory({ sigmaY, sigma0, alpha }, t);
      expect(Number.isFinite(value)).toBe(true);
      expect(value).toBeGreaterThanOrEqual(0);
    }
    expect(scalarTrajectory({ sigmaY: 5, sigma0: 0, alpha: 1 }, 2e299)).toBe(0);
  });

  it('is exact when alpha sigma_0 under- or overflows but sigma_W does not (mpmath, 100 digits)', () => {
    // Issue 16: alpha = sigma0 = 1e-200 returned 0 at t = 1000 (true 1), and 1e300 returned Infinity at t = 0.
    const cases: [number, number, number, number, number][] = [
      [1, 1e-200, 1e-200, 1000, 1],
      [1, 1e-200, 1e-200, 460.5170185988091, 0.4999999999999826],
      [1, 1e300, 1e300, 1e-10, 5000000000.5],
      [-1, 1e10, 1e300, 1, 0.15651764274966565],
      [0, 1e300, 1e300, 1, 0.5],
      [2.5, 1e-300, 1e-100, 100, 1.4035922178528374e-183],
    ];
    for (const [sigmaY, sigma0, alpha, t, expected] of cases) {
      const value = scalarTrajectory({ sigmaY, sigma0, alpha }, t);
      // A few ulps of |x| + |ln a| (~ 1e3): the value's own sensitivity to the last bit of t there.
      expect(Math.abs(value - expected), JSON.stringify({ sigmaY, sigma0, alpha, t })).toBeLessThanOrEqual(1e-13 * expected);
    }
    // 1e-400 itself is below the smallest double: it rounds to 0, as any double computation would.
    expect(scalarTrajectory({ sigmaY: 1, sigma0: 1e-200, alpha: 1e-200 }, 0)).toBe(0);
  });

  it('follows the flow property across the switch to logarithms (seeded)', () => {
    // sigma_W(s + t; a) = sigma_W(t; sigma_W(s; a)): the left side is evaluated in logarithms (a = alpha
    // sigma_0 underflows), the right side, once sigma_W(s) is a normal double, in the plain form.
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        fc.integer({ min: 160, max: 300 }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        (sigmaY, exponent, extra) => {
          const alpha = 10 ** -exponent;
          const s = (exponent * Math.LN10) / sigmaY;
          const t = extra / sigmaY;
          const midway = scalarTrajectory({ sigmaY, sigma0: alpha, alpha }, s);
          expect(midway).toBeGreaterThan(1e-300);
          const direct = scalarTrajectory({ sigmaY, sigma0: alpha, alpha }, s + t);
          const restarted = scalarTrajectory({ sigmaY, sigma0: 1, alpha: midway }, t);
          expect(Math.abs(direct - restarted)).toBeLessThanOrEqual(1e-12 * restarted);
        },
      ),
      { seed: PROPERTY_SEED, numRuns: 200 },
    );
  });

  it('throws a typed error naming alpha only when sigma_W itself is not representable', () => {
    const error = thrown(() => scalarTrajectory({ sigmaY: 1, sigma0: 1e300, alpha: 1e300 }, 0));
    expect(error).toMatchObject({ code: 'out-of-range', argument: 'alpha' });
    expect(error.message).toMatch(/not representable/);
    // Just after t = 0 the value is about 1 / (2t): 5e309 at t = 1e-310 is not a double, 5e299 at t = 1e-300 is.
    expect(() => scalarTrajectory({ sigmaY: -1, sigma0: 1e300, alpha: 1e300 }, 1e-310)).toThrow(/not representable/);
    expect(Math.abs(scalarTrajectory({ sigmaY: 1, sigma0: 1e300, alpha: 1e300 }, 1e-300) / 5e299 - 1)).toBeLessThan(1e-14);
  });

  it('rejects inputs outside the corollary with a typed error', () => {
    const bad: [number, number, number, number, FactorflowErrorCode][] = [
      [1, -1, 1, 1, 'out-of-range'],
      [1, 1, 0, 1, 'out-of-range'],
      [1, 1, 1, -1, 'out-of-range'],
      [Number.NaN, 1, 1, 1, 'not-finite'],
      [1, 1, Number.POSITIVE_INFINITY, 1, 'not-finite'],
    ];
    expectInputErrors(bad.map(([sigmaY, sigma0, alpha, t, code]) => [() => scalarTrajectory({ sigmaY, sigma0, alpha }, t), code]));
  });
});
