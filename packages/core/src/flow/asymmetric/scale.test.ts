import { describe, expect, it } from 'vitest';

import { balancedClosedForm, balancedTrajectory } from './closedForm.js';
import { spectralBalancedInit } from './initialization.js';
import { asymmetricGradientDescent, integrateAsymmetricFlow } from './routes.js';
import { FactorflowInputError } from '../../errors.js';
import { gradientDescent } from '../gradientDescent.js';
import { integrateGradientFlow } from '../gradientFlow.js';

/**
 * Issue 16's scale and grading fixes, ported to the asymmetric routes. For a diagonal Y and a start
 * along its singular vectors, each mode is Corollary 2's scalar problem (Min & Vidal 2025) for
 * x = u v with u = v: x' = 2 x (sigma - x), x(t) = sigma / (1 + (sigma / x0 - 1) e^{-2 sigma t}),
 * written in logarithms so that x0 = 1e-300 does not overflow 1 / x0 e^{-2 sigma t}.
 */
const logistic = (sigma: number, x0: number, t: number): number =>
  sigma / (1 + Math.exp(Math.log(sigma) - Math.log(x0) - 2 * sigma * t) - Math.exp(-2 * sigma * t));

/** Y = diag(2, 1) padded to 2 x 3, and a start along its singular vectors of size 1e-3, 2e-3: its X0 is diag(1e-6, 4e-6). */
const scaledProblem = (s: number) => {
  const k = 2 ** (s / 2);
  return {
    Y: [[2 * 2 ** s, 0, 0], [0, 2 ** s, 0]],
    U0: [[1e-3 * k, 0], [0, 2e-3 * k]],
    V0: [[1e-3 * k, 0], [0, 2e-3 * k], [0, 0]],
    times: [0, 3, 8, 30].map((t) => t * 2 ** -s),
  };
};

const thrown = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
};

describe('integrateAsymmetricFlow and asymmetricGradientDescent far from scale 1', () => {
  it('follow the exact flow of Y scaled by 2^-1000 and 2^1000 at the problem\'s own times', () => {
    for (const s of [-1000, 1000]) {
      const { Y, U0, V0, times } = scaledProblem(s);
      const { X } = integrateAsymmetricFlow(Y, U0, V0, { times });
      times.forEach((t, i) => {
        const own = t * 2 ** s;
        expect(Math.abs(X[i].get(0, 0) * 2 ** -s - logistic(2, 1e-6, own)), `s = ${s}, t = ${own}`).toBeLessThanOrEqual(1e-8);
        expect(Math.abs(X[i].get(1, 1) * 2 ** -s - logistic(1, 4e-6, own)), `s = ${s}, t = ${own}`).toBeLessThanOrEqual(1e-8);
        expect(X[i].get(0, 1)).toBe(0);
      });
      // Before the port the gradient at 2^-1000 underflowed: X stayed X0.
      expect(X[3].get(0, 0) * 2 ** -s).toBeGreaterThan(1.9);
    }
  });

  it('run the same integration and the same descent at every scale, bit for bit once scaled back', () => {
    const [small, large] = [-1000, 1000].map((s) => {
      const { Y, U0, V0, times } = scaledProblem(s);
      return integrateAsymmetricFlow(Y, U0, V0, { times }).X.map((X) => X.to1DArray().map((x) => x * 2 ** -s));
    });
    expect(large).toEqual(small);
    const [base, tiny] = [0, -1000].map((s) => {
      const { Y, U0, V0 } = scaledProblem(s);
      return asymmetricGradientDescent(Y, U0, V0, { eta: 0.01 * 2 ** -s, steps: 2000 });
    });
    expect(tiny.X.to1DArray().map((x) => x * 2 ** 1000)).toEqual(base.X.to1DArray());
    expect(tiny.U.to1DArray().map((x) => x * 2 ** 500)).toEqual(base.U.to1DArray());
    expect(tiny.history.map((h) => Array.from(h.singularValuesX, (x) => x * 2 ** 1000))).toEqual(base.history.map((h) => Array.from(h.singularValuesX)));
    expect(base.X.get(0, 0)).toBeGreaterThan(1.9);
  });

  it('refuse a problem whose loss or time leaves the doubles, naming Y or the time', () => {
    const { Y, U0, V0 } = scaledProblem(1000);
    // The loss 1/2 ||Y - X0||_F^2 ~ 2^2001 is no double, though descent itself could run.
    expect(thrown(() => asymmetricGradientDescent(Y, U0, V0, { eta: 0.01 * 2 ** -1000, steps: 10 }))).toMatchObject({ code: 'out-of-range', argument: 'Y' });
    const error = thrown(() => integrateAsymmetricFlow([[1e300]], [[1e-3]], [[1e-3]], { times: [0, 1e10] }));
    expect(error).toBeInstanceOf(FactorflowInputError);
    expect(error).toMatchObject({ code: 'out-of-range', argument: 'times[1]' });
  });
});

describe('graded balanced starts along the singular vectors of a diagonal rectangular Y', () => {
  const Y = [[2, 0, 0], [0, 1, 0]];
  for (const g of [1e-50, 1e-300]) {
    // Mode 2 starts at x0 = g and is half learned at t = ln(1 / g) / 2 (logistic in x, sigma = 1).
    const middle = -Math.log(g) / 2;
    const times = [1, middle, middle + 3, 2 * middle + 50];
    const start = spectralBalancedInit(Y, [1, g], 1);

    it(`the closed form keeps the ${g} mode exactly (the lift of a diagonal Y has an exact eigenbasis)`, () => {
      const { singularValuesX, conditioning } = balancedTrajectory(Y, start, times);
      expect(conditioning.warning).toBeNull();
      times.forEach((t, i) => {
        const exact = logistic(1, g, t);
        expect(Math.abs(singularValuesX[i][1] - exact) / exact, `g = ${g}, t = ${t}`).toBeLessThanOrEqual(1e-13);
        expect(Math.abs(singularValuesX[i][0] - logistic(2, 1, t))).toBeLessThanOrEqual(1e-14);
      });
      // Before, the 1e-50 component was below 16 (m + n) eps ||Z0|| and dropped: X(t)_22 stayed 0.
      expect(balancedClosedForm(Y, start, middle).get(1, 1)).toBeCloseTo(0.5, 12);
    });

    it(`the ODE's default atol follows the ${g} mode, mid-transition included`, () => {
      const { X } = integrateAsymmetricFlow(Y, start.U0, start.V0, { times });
      times.forEach((t, i) => {
        const exact = logistic(1, g, t);
        expect(Math.abs(X[i].get(1, 1) - exact) / exact, `g = ${g}, t = ${t}`).toBeLessThanOrEqual(1e-7);
        expect(X[i].get(0, 0)).toBeCloseTo(logistic(2, 1, t), 9);
      });
    });

    it(`gradient descent from the ${g} start is the scalar iteration u <- u + eta (sigma u - u u^2) of each mode`, () => {
      const eta = 0.01;
      const steps = Math.ceil((middle + 3) / eta);
      const { X } = asymmetricGradientDescent(Y, start.U0, start.V0, { eta, steps });
      const u = [start.U0.get(0, 0), start.U0.get(1, 1)];
      const sigma = [2, 1];
      for (let k = 0; k < steps; k++) for (const i of [0, 1]) u[i] += eta * (sigma[i] * u[i] - u[i] * (u[i] * u[i]));
      expect(X.get(0, 0)).toBe(u[0] * u[0]);
      expect(X.get(1, 1)).toBe(u[1] * u[1]);
      // ... which has learned the graded mode by about the flow's time (it lags by O(eta t): its linear
      // phase grows by 1 + eta per step, e^{eta (1 - eta / 2)}, not e^eta).
      expect(X.get(1, 1)).toBeGreaterThan(0.9);
      expect(X.get(1, 1)).toBeLessThanOrEqual(1);
    });
  }
});

describe('subnormal start entries (problemExponent scales them up to normal; shared with the symmetric routes)', () => {
  // u0 = 2^-1074 (the smallest double) and 1e-315: x0 = u0^2 is far below the doubles, so the exact value
  // is the logistic in logarithms. Before, the ODE returned 8e-4 and descent 0 (u (1 + eta) rounded back to u).
  for (const u0 of [2 ** -1074, 1e-315]) {
    const logX0 = 2 * Math.log(u0);
    const t = -logX0 / 2 + 2;
    const exact = 1 / (1 + Math.exp(-logX0 - 2 * t) - Math.exp(-2 * t));

    it(`the ODEs learn the mode of u0 = ${u0} on time`, () => {
      const asymmetric = integrateAsymmetricFlow([[2, 0, 0], [0, 1, 0]], [[1, 0], [0, u0]], [[1, 0], [0, u0], [0, 0]], { times: [t] });
      expect(Math.abs(asymmetric.X[0].get(1, 1) - exact) / exact).toBeLessThanOrEqual(1e-7);
      const symmetric = integrateGradientFlow([[2, 0], [0, 1]], [[1, 0], [0, u0]], { times: [t] });
      expect(Math.abs(symmetric.W[0].get(1, 1) - exact) / exact).toBeLessThanOrEqual(1e-7);
    });

    it(`gradient descent grows the mode of u0 = ${u0} (it stalled at u0 before)`, () => {
      // Descent lags the flow by O(eta t) (growth 1 + eta per step in the linear phase): 60 time units more suffice.
      const steps = Math.round((t + 60) / 0.01);
      const asymmetric = asymmetricGradientDescent([[2, 0, 0], [0, 1, 0]], [[1, 0], [0, u0]], [[1, 0], [0, u0], [0, 0]], { eta: 0.01, steps });
      expect(asymmetric.X.get(1, 1)).toBeGreaterThan(0.99);
      const symmetric = gradientDescent([[2, 0], [0, 1]], [[1, 0], [0, u0]], { eta: 0.01, steps });
      expect(symmetric.W.get(1, 1)).toBe(asymmetric.X.get(1, 1));
    });
  }
});
