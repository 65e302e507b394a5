import { Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';

import { balancedTrajectory } from './closedForm.js';
import { balancedInit } from './initialization.js';
import { asymmetricGradientDescent, integrateAsymmetricFlow } from './routes.js';
import { imbalance } from './start.js';
import { FactorflowNumericalError } from '../../errors.js';
import { gaussianInit } from '../../random.js';
import { PROPERTY_SEED, rectangularTarget } from '../../testing/index.js';

const maxDifference = (a: Matrix, b: Matrix): number => a.clone().sub(b).abs().max();

describe('integrateAsymmetricFlow', () => {
  it('conserves U^T U - V^T V from an imbalanced start (to the integrator tolerance)', () => {
    const seed = PROPERTY_SEED;
    const Y = rectangularTarget(4, 3, [3, 2, 1], seed);
    const U0 = gaussianInit(4, 2, 0.01, seed);
    const V0 = gaussianInit(3, 2, 0.04, seed + 1);
    const D0 = imbalance(U0, V0);
    const tolerance = 1e-9 * D0.clone().abs().max();
    const { U, V } = integrateAsymmetricFlow(Y, U0, V0, { times: [1, 5, 30], rtol: 1e-12 });
    U.forEach((u, i) => expect(maxDifference(imbalance(u, V[i]), D0), `seed ${seed}, time ${i}`).toBeLessThanOrEqual(tolerance));
    // Not a vacuous check: the flow moved U by far more than the tolerance.
    expect(maxDifference(U[2], U0)).toBeGreaterThan(0.1);
  });

  it('its default atol is scale invariant: Y -> c Y, (U0, V0) -> c^(1/2) (U0, V0) runs the same flow with time / c', () => {
    const Y = rectangularTarget(2, 3, [2, 1], 3);
    const { U0, V0 } = balancedInit(2, 3, 2, 1e-6, 3);
    // A power of two, so that the rescaled problem is the same problem in binary and every step decision repeats.
    const c = 2 ** -20;
    const base = integrateAsymmetricFlow(Y, U0, V0, { times: [8] });
    const scaled = integrateAsymmetricFlow(Y.clone().mul(c), U0.clone().mul(Math.sqrt(c)), V0.clone().mul(Math.sqrt(c)), { times: [8 / c] });
    // Both runs are within rtol = 1e-10 of the same flow; a non-invariant atol would change the steps taken.
    expect(maxDifference(scaled.X[0].clone().div(c), base.X[0])).toBeLessThanOrEqual(1e-10);
    // The step heuristics are equivariant only up to rounding: a few steps of ~300 differ.
    expect(Math.abs(scaled.steps - base.steps)).toBeLessThanOrEqual(0.05 * base.steps);
  });
});

describe('asymmetricGradientDescent', () => {
  const seed = PROPERTY_SEED + 3;
  const Y = rectangularTarget(3, 5, [2, 1, 0.5], seed);
  const start = balancedInit(3, 5, 4, 1e-4, seed);

  it('approaches the flow at rate O(eta): halving eta halves the gap to the closed form at t = 6', () => {
    const t = 6;
    const exact = balancedTrajectory(Y, start, [t]).X[0];
    const gap = (eta: number): number => maxDifference(asymmetricGradientDescent(Y, start.U0, start.V0, { eta, steps: Math.round(t / eta) }).X, exact);
    const coarse = gap(0.02);
    const fine = gap(0.01);
    expect(coarse, `seed ${seed}`).toBeGreaterThan(1e-6);
    expect(fine / coarse, `seed ${seed}`).toBeGreaterThan(0.4);
    expect(fine / coarse, `seed ${seed}`).toBeLessThan(0.6);
  });

  it('records the loss and the singular values of X at step 0, every record steps and the last step', () => {
    const { history } = asymmetricGradientDescent(Y, start.U0, start.V0, { eta: 0.01, steps: 25, record: 10 });
    expect(history.map(({ step }) => step)).toEqual([0, 10, 20, 25]);
    const X0 = start.U0.mmul(start.V0.transpose());
    expect(history[0].loss).toBeCloseTo(0.5 * Y.clone().sub(X0).norm() ** 2, 14);
    history.forEach(({ singularValuesX }) => expect(singularValuesX).toHaveLength(3));
  });

  it('throws diverged with the stable step size in the message when eta is far too large', () => {
    let error: unknown;
    try {
      asymmetricGradientDescent(Y, start.U0.clone().mul(100), start.V0.clone().mul(100), { eta: 10, steps: 1000 });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(FactorflowNumericalError);
    expect(error).toMatchObject({ code: 'diverged', argument: 'eta' });
    expect((error as Error).message).toContain('1 / sigma_1(Y) = 0.500');
  });
});
