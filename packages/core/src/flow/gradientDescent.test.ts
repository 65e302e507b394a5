import fc from 'fast-check';
import { Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';

import { maxAbsDifference } from '../testing/arbitraries.js';
import { gradientDescent } from './gradientDescent.js';
import { integrateGradientFlow } from './gradientFlow.js';
import { symmetricEigen } from '../linalg/spectral.js';
import { FactorflowNumericalError } from '../errors.js';
import { thrown } from '../testing/errors.js';

const PROPERTY_SEED = 0x9d5c;

const Y = new Matrix([
  [3, 1, 0.5],
  [1, 2, 0.2],
  [0.5, 0.2, 1],
]);
const U0 = new Matrix([
  [0.1, -0.05],
  [0.02, 0.1],
  [-0.08, 0.03],
]);

describe('gradientDescent', () => {
  it('takes the step U + eta (Y - U U^T) U, formed independently with ml-matrix', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 6, maxLength: 6 }),
        fc.double({ min: 1e-3, max: 0.2, noNaN: true }),
        (entries, eta) => {
          const start = new Matrix([entries.slice(0, 2), entries.slice(2, 4), entries.slice(4, 6)]);
          let expected = start.clone();
          for (let k = 0; k < 3; k++) {
            expected = expected.clone().add(Y.clone().sub(expected.mmul(expected.transpose())).mmul(expected).mul(eta));
          }
          const { U, W } = gradientDescent(Y, start, { eta, steps: 3 });
          expect(maxAbsDifference(U, expected)).toBeLessThanOrEqual(1e-13);
          expect(maxAbsDifference(W, expected.mmul(expected.transpose()))).toBeLessThanOrEqual(1e-13);
        },
      ),
      { seed: PROPERTY_SEED, numRuns: 100 },
    );
  });

  it('approaches the gradient flow at t = k eta with an O(eta) gap: halving eta halves the gap', () => {
    const T = 2;
    const flow = integrateGradientFlow(Y, U0, { times: [T], rtol: 1e-12, atol: 1e-15 }).W[0];
    const gaps = [0.02, 0.01, 0.005, 0.0025].map((eta) => {
      const { W, records } = gradientDescent(Y, U0, { eta, steps: Math.round(T / eta) });
      expect(records.at(-1)?.time).toBeCloseTo(T, 12);
      return maxAbsDifference(W, flow);
    });
    // Forward Euler: gap = C eta + O(eta^2), so successive ratios tend to 2 (not 4, not 1).
    for (let i = 1; i < gaps.length; i++) {
      const ratio = gaps[i - 1] / gaps[i];
      expect(ratio).toBeGreaterThan(1.8);
      expect(ratio).toBeLessThan(2.2);
    }
    expect(gaps[gaps.length - 1]).toBeLessThan(0.01);
  });

  it('decreases the loss at every step for a small eta, down to ~0 (r >= rank Y)', () => {
    const result = gradientDescent(Y, U0.clone().mul(0.1), { eta: 0.05, steps: 600, record: 1 });
    expect(result.records).toHaveLength(601);
    for (let k = 1; k < result.records.length; k++) {
      expect(result.records[k].loss).toBeLessThanOrEqual(result.records[k - 1].loss);
    }
    // r = 2 < 3 = rank Y: the loss tends to 1/4 lambda_3(Y)^2, the Eckart-Young residual of the
    // best rank-2 approximation, which gradient descent from a small generic start reaches.
    const lambda = symmetricEigen(Y).values;
    expect(result.records.at(-1)?.loss).toBeCloseTo(0.25 * lambda[2] ** 2, 10);
    result.records.at(-1)?.eigenvaluesW.forEach((value, i) => expect(value).toBeCloseTo(i < 2 ? lambda[i] : 0, 8));
  });

  it('records step 0, every `record` steps and the last step, with time = step eta', () => {
    const byDefault = gradientDescent(Y, U0, { eta: 0.01, steps: 1000 });
    expect(byDefault.records.map((entry) => entry.step)).toEqual(Array.from({ length: 101 }, (_, i) => 10 * i));
    byDefault.records.forEach((entry) => expect(entry.time).toBe(entry.step * 0.01));
    const uneven = gradientDescent(Y, U0, { eta: 0.01, steps: 250, record: 100 });
    expect(uneven.records.map((entry) => entry.step)).toEqual([0, 100, 200, 250]);
    const none = gradientDescent(Y, U0, { eta: 0.01, steps: 0 });
    expect(none.records).toHaveLength(1);
    expect(none.U.to2DArray()).toEqual(U0.to2DArray());
    expect(none.records[0].loss).toBeCloseTo(0.25 * Y.clone().sub(U0.mmul(U0.transpose())).norm('frobenius') ** 2, 14);
    // Eigenvalues of W0 = U0 U0^T: two non-zero, one zero (r = 2 < n = 3), decreasing.
    const values = none.records[0].eigenvaluesW;
    expect(values).toHaveLength(3);
    expect(values[2]).toBe(0);
    expect(values[0] + values[1]).toBeCloseTo(U0.norm('frobenius') ** 2, 15);
  });

  it('throws diverged (argument eta) with the step and a stable step size for a huge eta', () => {
    const error = thrown(() => gradientDescent(Y, U0.clone().mul(10), { eta: 10, steps: 1000 }), FactorflowNumericalError);
    expect(error.code).toBe('diverged');
    expect(error.argument).toBe('eta');
    expect(error.message).toMatch(/at step \d+/);
    const hint = Number(/below about ([0-9.e+-]+)/.exec(error.message)?.[1]);
    expect(hint).toBeGreaterThan(0);
    expect(hint).toBeLessThan(10);
    // The suggested step size works from the same start: no divergence, and the loss reaches the
    // Eckart-Young residual 1/4 lambda_3^2.
    const lambda = symmetricEigen(Y).values;
    const rerun = gradientDescent(Y, U0.clone().mul(10), { eta: hint, steps: Math.ceil(40 / hint) });
    expect(rerun.records.at(-1)?.loss).toBeCloseTo(0.25 * lambda[2] ** 2, 8);
    // ...while above 1 / ||Y||_2 the top mode cannot settle: u <- u + eta (y - u^2) u has
    // derivative 1 - 2 eta y at u = sqrt(y), unstable for eta > 1 / y.
    const unstable = gradientDescent(Y, U0, { eta: 1.2 / lambda[0], steps: 2000 });
    expect(unstable.records.at(-1)?.loss).toBeGreaterThan(0.25 * lambda[2] ** 2 + 1e-3);
  });

  it('rejects bad eta, steps, record and inputs', () => {
    expect(thrown(() => gradientDescent(Y, U0, { eta: 0, steps: 1 }))).toMatchObject({ code: 'out-of-range', argument: 'eta' });
    expect(thrown(() => gradientDescent(Y, U0, { eta: Number.NaN, steps: 1 }))).toMatchObject({ code: 'not-finite', argument: 'eta' });
    expect(thrown(() => gradientDescent(Y, U0, { eta: 0.1, steps: -1 }))).toMatchObject({ code: 'out-of-range', argument: 'steps' });
    expect(thrown(() => gradientDescent(Y, U0, { eta: 0.1, steps: 1.5 }))).toMatchObject({ code: 'out-of-range', argument: 'steps' });
    expect(thrown(() => gradientDescent(Y, U0, { eta: 0.1, steps: 10, record: 0 }))).toMatchObject({
      code: 'out-of-range',
      argument: 'record',
    });
    expect(thrown(() => gradientDescent([[1, 2], [0, 1]], [[1], [1]], { eta: 0.1, steps: 1 }))).toMatchObject({
      code: 'not-symmetric',
    });
    expect(thrown(() => gradientDescent(Y, [[1], [1]], { eta: 0.1, steps: 1 }))).toMatchObject({ code: 'shape', argument: 'U0' });
  });

  it('declares divergence at the first step where it is certain, not when the iterate overflows', () => {
    // Scalar y = 1, eta = 1, w0 = 5: w_1 = w0 (1 + eta (1 - w0))^2 = 45 > ||Y|| + 2 / eta = 3, from where
    // w_{k+1} >= w_k (eta w_k - 1 - eta)^2 grows without bound (overflow would take about 8 more steps).
    const error = thrown(() => gradientDescent([[1]], [[Math.sqrt(5)]], { eta: 1, steps: 100 }), FactorflowNumericalError);
    expect(error.message).toMatch(/at step 1 \(t = k eta = 1\) \|\|W_k\|\|_2 >= 4\.500e\+1 exceeds/);
    // eta y = 1.9 < 2 keeps the scalar map x -> x (1 + a - x)^2 on [0, a + 2]: bounded, never declared diverged.
    const bounded = gradientDescent([[1]], [[0.1]], { eta: 1.9, steps: 10_000 });
    expect(bounded.records.at(-1)?.eigenvaluesW[0]).toBeLessThan(1 + 2 / 1.9);
    // eta y = 2.5 > 2: the critical point of that map escapes, and descent from a generic start diverges.
    expect(() => gradientDescent([[1]], [[0.1]], { eta: 2.5, steps: 10_000 })).toThrow(/diverges with eta = 2.5/);
  });
});

describe('gradientDescent: problems far from scale 1 (issue 16 re-audit)', () => {
  it('runs Y scaled by 2^-1000 as the same iteration, bit for bit (its gradient underflowed to 0 before)', () => {
    const base = gradientDescent(Y, U0, { eta: 0.01, steps: 300 });
    const k = 2 ** -1000;
    const scaled = gradientDescent(Y.clone().mul(k), U0.clone().mul(2 ** -500), { eta: 0.01 / k, steps: 300 });
    expect(scaled.W.to1DArray().map((x) => x / k)).toEqual(base.W.to1DArray());
    expect(scaled.U.to1DArray().map((x) => x * 2 ** 500)).toEqual(base.U.to1DArray());
    // Before, the iterate never moved: W stayed W0.
    expect(maxAbsDifference(base.W, U0.mmul(U0.transpose()))).toBeGreaterThan(1e-3);
  });

  it('names Y when the loss of a problem of scale 2^1000 leaves the doubles, instead of a diverged eta', () => {
    const error = thrown(() => gradientDescent(Y.clone().mul(2 ** 1000), U0.clone().mul(2 ** 500), { eta: 0.01 * 2 ** -1000, steps: 10 }));
    expect(error).toMatchObject({ code: 'out-of-range', argument: 'Y' });
    expect(error.message).toMatch(/the loss 1\/4 \|\|Y - U U\^T\|\|_F\^2 at step 0 exceeds the largest double/);
  });
});
