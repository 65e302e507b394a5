import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { FactorflowInputError } from '../errors.js';
import { spectralInit } from './initialization.js';
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
        // sigma_{i,0} = 0 or in [1e-6, 3]: far above the rank tolerance 16 n eps of riccatiModel.
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
});
