/**
 * A prepared target must be a pure optimization: every entry point that takes Y gives bit-identical
 * results whether it receives the matrix or prepareTarget(matrix).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { FactorflowInputError } from './errors.js';
import { closedFormTrajectory, gradientDescent, integrateGradientFlow, measuredWindows, riccatiClosedForm, riccatiModel, spectralInit } from './flow/index.js';
import { bestRankK, prepareTarget, symmetricEigen } from './linalg/index.js';
import { gaussianInit } from './random.js';
import { PROPERTY_SEED, separatedSpectrum, symmetricMatrix } from './testing/arbitraries.js';
import { theorem4Plan } from './theorems/index.js';

describe('prepareTarget', () => {
  it('gives bit-identical results to the raw matrix at every entry point (symmetric targets of every kind)', () => {
    fc.assert(
      fc.property(symmetricMatrix(4, 'indefinite'), fc.integer({ min: 0, max: 1000 }), ({ Y }, seed) => {
        const prepared = prepareTarget(Y);
        const U0 = gaussianInit(4, 3, 1e-4, seed);
        expect(riccatiModel(prepared, { U0 })).toEqual(riccatiModel(Y, { U0 }));
        expect(riccatiClosedForm(prepared, { U0 }, 2.5).to2DArray()).toEqual(riccatiClosedForm(Y, { U0 }, 2.5).to2DArray());
        expect(closedFormTrajectory(prepared, { U0 }, [0, 1, 7]).eigenvaluesW).toEqual(closedFormTrajectory(Y, { U0 }, [0, 1, 7]).eigenvaluesW);
        expect(bestRankK(prepared, 2).to2DArray()).toEqual(bestRankK(Y, 2).to2DArray());
        expect(symmetricEigen(prepared).values).toEqual(symmetricEigen(Y).values);
        expect(spectralInit(prepared, [1, 2, 3, 4], 1e-3).to2DArray()).toEqual(spectralInit(Y, [1, 2, 3, 4], 1e-3).to2DArray());
      }),
      { seed: PROPERTY_SEED, numRuns: 40 },
    );
  });

  it('gives the same plan and windows for a PSD target', () => {
    fc.assert(
      fc.property(separatedSpectrum(3, { maxRatio: 0.8, zeros: 'none' }), (sigmaY) => {
        const Y = [
          [sigmaY[0], 0, 0],
          [0, sigmaY[1], 0],
          [0, 0, sigmaY[2]],
        ];
        const prepared = prepareTarget(Y);
        const U0bar = gaussianInit(3, 3, 1, 5);
        const epsilon = 0.5 * Math.min(sigmaY[2], 1);
        expect(theorem4Plan({ Y: prepared, U0bar, epsilon })).toEqual(theorem4Plan({ Y, U0bar, epsilon }));
        const U0 = gaussianInit(3, 3, 1e-6, 5);
        expect(measuredWindows(prepared, { U0 }, epsilon, { gridSize: 64 })).toEqual(measuredWindows(Y, { U0 }, epsilon, { gridSize: 64 }));
      }),
      { seed: PROPERTY_SEED, numRuns: 20 },
    );
  });

  it('keeps its own decomposition: changing the fields read from it, or from results, changes nothing', () => {
    const Y = prepareTarget([[2, 1], [1, 2]]);
    const expected = bestRankK([[2, 1], [1, 2]], 1).to2DArray();
    (Y.values as Float64Array)[0] = -5;
    (Y.phi as Float64Array).fill(0);
    symmetricEigen(Y).values.reverse();
    riccatiModel(Y, { U0: [[1], [0]] }).lambda.fill(7);
    expect(bestRankK(Y, 1).to2DArray()).toEqual(expected);
    expect(Object.isFrozen(Y)).toBe(true);
  });

  it('refuses an object that looks like a prepared target but was not made by prepareTarget', () => {
    const forged = { prepared: 'symmetric-target', n: 2, values: Float64Array.of(Number.NaN, 1), phi: Float64Array.of(1, 0, 0, 1), matrix: null };
    for (const call of [
      () => bestRankK(forged as never, 1),
      () => riccatiClosedForm(forged as never, { U0: [[1], [0]] }, 1),
      () => theorem4Plan({ Y: forged as never, U0bar: [[1, 0], [0, 1]], epsilon: 0.5 }),
      () => gradientDescent(forged as never, [[1], [0]], { eta: 0.01, steps: 1 }),
      // A structured clone (what a worker receives) is a copy, not the prepared target.
      () => bestRankK(structuredClone({ ...prepareTarget([[1, 0], [0, 2]]) }) as never, 1),
    ]) {
      expect(call).toThrow(FactorflowInputError);
      expect(call).toThrow(/not made by prepareTarget/);
    }
  });

  it('serves the ODE and descent routes too, without decomposing for them', () => {
    const Y = [[2, 1], [1, 2]];
    const U0 = [[1e-3], [2e-3]];
    expect(integrateGradientFlow(prepareTarget(Y), U0, { times: [1, 3] }).eigenvaluesW).toEqual(integrateGradientFlow(Y, U0, { times: [1, 3] }).eigenvaluesW);
    expect(gradientDescent(prepareTarget(Y), U0, { eta: 0.01, steps: 50 }).W.to2DArray()).toEqual(gradientDescent(Y, U0, { eta: 0.01, steps: 50 }).W.to2DArray());
  });

  it('validates once, at preparation, with the same typed errors as the raw entry points', () => {
    expect(() => prepareTarget([[1, 2], [0, 1]])).toThrow(FactorflowInputError);
    expect(() => prepareTarget([[1, Number.NaN], [Number.NaN, 1]])).toThrow(/not-finite|finite/);
    // An object that only looks like a target is a malformed matrix, not a prepared one.
    expect(() => riccatiClosedForm({ prepared: 'nope' } as never, { U0: [[1]] }, 1)).toThrow(FactorflowInputError);
  });
});
