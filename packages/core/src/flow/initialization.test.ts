import fc from 'fast-check';
import { Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';

import { FactorflowInputError } from '../errors.js';
import { spectralInit } from './initialization.js';
import { closedFormTrajectory } from './riccati.js';
import { scalarTrajectory } from './scalar.js';
import { PROPERTY_SEED, maxAbsDifference, orthogonal, separatedSpectrum } from '../testing/arbitraries.js';

describe('spectralInit', () => {
  it('makes W(t) follow Corollary 2 in the eigenbasis of a non-diagonal Y', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((n) =>
          fc.tuple(
            // Distinct eigenvalues: in a repeated eigenspace "the i-th eigenvector" is not defined.
            separatedSpectrum(n, 0.9, false),
            orthogonal(n),
            // sigma_{i,0} = 0 or in [1e-6, 3]: far above the rank tolerance 16 n eps of riccatiModel.
            fc.array(fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 3, noNaN: true })), { minLength: n, maxLength: n }),
            fc.constantFrom(1e-2, 1e-6, 1e-10),
            fc.double({ min: 0, max: 50, noNaN: true }),
          ),
        ),
        ([sigmaY, Q, sigma0, alpha, t]) => {
          const Y = Q.mmul(Matrix.diag(sigmaY)).mmul(Q.transpose());
          const U0 = spectralInit(Y, sigma0, alpha);
          const [W] = closedFormTrajectory(Y, { U0 }, [t]).W;
          const modes = sigmaY.map((s, i) => scalarTrajectory({ sigmaY: s, sigma0: sigma0[i], alpha }, t));
          const expected = Q.mmul(Matrix.diag(modes)).mmul(Q.transpose());
          expect(maxAbsDifference(W, expected)).toBeLessThan(1e-10 * sigmaY[0]);
        },
      ),
      { seed: PROPERTY_SEED, numRuns: 150 },
    );
  });

  it('keeps modes with sigma_{i,0} = 0 exactly unlearned, even at sigma_1 t = 1e4 in a rotated basis', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }).chain((n) =>
          fc.tuple(
            separatedSpectrum(n, 0.9, false),
            orthogonal(n),
            fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0.1, max: 3, noNaN: true })), { minLength: n, maxLength: n }),
            fc.constantFrom(1, 1e-6, 1e-12),
          ),
        ),
        ([sigmaY, Q, sigma0, alpha]) => {
          const Y = Q.mmul(Matrix.diag(sigmaY)).mmul(Q.transpose());
          const times = [10, 1e2, 1e4].map((sigmaT) => sigmaT / sigmaY[0]);
          const { W } = closedFormTrajectory(Y, { U0: spectralInit(Y, sigma0, alpha) }, times);
          times.forEach((t, index) => {
            const modes = sigmaY.map((s, i) => scalarTrajectory({ sigmaY: s, sigma0: sigma0[i], alpha }, t));
            expect(maxAbsDifference(W[index], Q.mmul(Matrix.diag(modes)).mmul(Q.transpose()))).toBeLessThan(1e-10 * sigmaY[0]);
          });
        },
      ),
      { seed: PROPERTY_SEED, numRuns: 300 },
    );
  });

  it('rejects sigma0 of the wrong length or sign, and alpha <= 0', () => {
    expect(() => spectralInit([[1, 0], [0, 2]], [1], 1)).toThrow(FactorflowInputError);
    expect(() => spectralInit([[1, 0], [0, 2]], [1, -1], 1)).toThrow(FactorflowInputError);
    expect(() => spectralInit([[1, 0], [0, 2]], [1, 1], 0)).toThrow(FactorflowInputError);
  });
});
