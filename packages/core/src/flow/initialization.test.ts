import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { FactorflowInputError } from '../errors.js';
import { spectralInit } from './initialization.js';
import { riccatiClosedForm } from './riccati.js';
import { PROPERTY_SEED, orthogonal, separatedSpectrum } from '../testing/arbitraries.js';
import { corollary2Deviation } from '../testing/checks.js';

/**
 * Y = Q diag(sigma_Y) Q^T with distinct eigenvalues (in a repeated eigenspace "the i-th
 * eigenvector" is not defined), sigma_{i,0} = 0 or in [smallestShape, 3], and alpha from `alphas`.
 */
function spectralCase(n: fc.Arbitrary<number>, smallestShape: number, alphas: readonly number[]) {
  return n.chain((size) =>
    fc.record({
      sigmaY: separatedSpectrum(size, { maxRatio: 0.9, zeros: 'none' }),
      Q: orthogonal(size),
      sigma0: fc.array(fc.oneof(fc.constant(0), fc.double({ min: smallestShape, max: 3, noNaN: true })), { minLength: size, maxLength: size }),
      alpha: fc.constantFrom(...alphas),
    }),
  );
}

describe('spectralInit', () => {
  it('makes W(t) follow Corollary 2 in the eigenbasis of a non-diagonal Y', () => {
    fc.assert(
      fc.property(
        // sigma_{i,0} = 0 or in [1e-6, 3]: far above the rounding bound of the rotated change of basis (16 n eps ||U0||_F).
        spectralCase(fc.integer({ min: 1, max: 5 }), 1e-6, [1e-2, 1e-6, 1e-10]),
        fc.double({ min: 0, max: 50, noNaN: true }),
        (value, t) => {
          expect(corollary2Deviation(value, [t])).toBeLessThan(1e-10 * value.sigmaY[0]);
        },
      ),
      { seed: PROPERTY_SEED, numRuns: 150 },
    );
  });

  it('keeps modes with sigma_{i,0} = 0 exactly unlearned, even at sigma_1 t = 1e4 in a rotated basis', () => {
    fc.assert(
      fc.property(spectralCase(fc.integer({ min: 2, max: 6 }), 0.1, [1, 1e-6, 1e-12]), (value) => {
        const times = [10, 1e2, 1e4].map((sigmaT) => sigmaT / value.sigmaY[0]);
        expect(corollary2Deviation(value, times)).toBeLessThan(1e-10 * value.sigmaY[0]);
      }),
      { seed: PROPERTY_SEED, numRuns: 300 },
    );
  });

  it('rejects sigma0 of the wrong length or sign, and alpha <= 0', () => {
    expect(() => spectralInit([[1, 0], [0, 2]], [1], 1)).toThrow(FactorflowInputError);
    expect(() => spectralInit([[1, 0], [0, 2]], [1, -1], 1)).toThrow(FactorflowInputError);
    expect(() => spectralInit([[1, 0], [0, 2]], [1, 1], 0)).toThrow(FactorflowInputError);
  });

  it('is finite where alpha sigma_{i,0} leaves the doubles (issue 16), and the flow from it follows Corollary 2', () => {
    // sqrt(1e300 * 1e300) overflowed to Infinity (and Infinity * 0 to NaN); sqrt(1e-200 * 1e-200) underflowed to 0.
    const large = spectralInit([[2, 0], [0, 1]], [1e300, 1], 1e300).to2DArray();
    expect(large.flat().every(Number.isFinite)).toBe(true);
    expect(Math.abs(large[0][0] / 1e300 - 1)).toBeLessThan(4 * Number.EPSILON);
    expect(large[0][1]).toBe(0);
    expect(large[1][0]).toBe(0);
    expect(Math.abs(large[1][1] / 1e150 - 1)).toBeLessThan(2 * Number.EPSILON);
    const tiny = spectralInit([[2, 0], [0, 1]], [1e-200, 1], 1e-200);
    expect(Math.abs(tiny.get(0, 0) / 1e-200 - 1)).toBeLessThan(4 * Number.EPSILON);
    // w0 = 1e-400 along lambda = 2 is half learned at t = ln(2 / w0) / 4 = 230.4: by hand, the logistic
    // w(t) = 1 / (e^{-2 s t - ln w0} + (1 - e^{-2 s t}) / s) is 1 there; the mode lambda = 1 with
    // w0 = 1e-200 is at 1 / (e^{-2t + 200 ln 10} + 1) = 0.5855.
    const t = (Math.log(2) + 400 * Math.LN10) / 4;
    const W = riccatiClosedForm([[2, 0], [0, 1]], { U0: tiny }, t);
    expect(Math.abs(W.get(0, 0) - 1)).toBeLessThan(1e-12);
    expect(Math.abs(W.get(1, 1) - 1 / (Math.exp(-2 * t + 200 * Math.LN10) + 1))).toBeLessThan(1e-12);
  });
});
