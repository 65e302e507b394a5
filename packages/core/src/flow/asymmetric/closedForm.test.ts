import { Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';

import { balancedClosedForm, balancedTrajectory } from './closedForm.js';
import { balancedInit, spectralBalancedInit } from './initialization.js';
import { integrateAsymmetricFlow } from './routes.js';
import { BALANCE_TOLERANCE, imbalance } from './start.js';
import { riccatiClosedForm } from '../riccati.js';
import { scalarTrajectory } from '../scalar.js';
import { PROPERTY_SEED, rectangularTarget, thrown } from '../../testing/index.js';
import { singularValues } from '../../linalg/spectral.js';

const maxDifference = (a: Matrix, b: Matrix): number => a.clone().sub(b).abs().max();

/** m != n, r below min(m, n), between, above max(m, n); full-rank and rank-deficient Y. */
const SHAPES = [
  { m: 3, n: 5, r: 2, sigma: [3, 2, 1] },
  { m: 5, n: 3, r: 7, sigma: [4, 2] },
  { m: 4, n: 6, r: 5, sigma: [5, 3, 2, 1] },
  { m: 6, n: 2, r: 1, sigma: [2, 0.5] },
];

describe('balancedClosedForm', () => {
  for (const [index, { m, n, r, sigma }] of SHAPES.entries()) {
    const seed = PROPERTY_SEED + index;
    it(`agrees with the Dormand-Prince route to 1e-9 ||Y|| (m = ${m}, n = ${n}, r = ${r}, rank ${sigma.length}, seed ${seed})`, () => {
      const Y = rectangularTarget(m, n, sigma, seed);
      const start = balancedInit(m, n, r, 1e-6, seed);
      const times = [0, 0.5, 2, 5, 10, 40];
      const closed = balancedTrajectory(Y, start, times);
      const ode = integrateAsymmetricFlow(Y, start.U0, start.V0, { times, rtol: 1e-12 });
      times.forEach((t, i) => {
        expect(maxDifference(closed.X[i], ode.X[i]) / sigma[0], `seed ${seed}, t = ${t}`).toBeLessThanOrEqual(1e-9);
        expect(closed.singularValuesX[i]).toHaveLength(Math.min(m, n));
      });
      // By t = 40 the top min(r, rank) singular values are learned: X is Y's best rank-r approximation.
      const learned = closed.singularValuesX[times.length - 1];
      sigma.slice(0, r).forEach((value, i) => expect(learned[i], `seed ${seed}`).toBeCloseTo(value, 8));
    });
  }

  it('for a symmetric Y and U0 = V0 is the symmetric closed form of Proposition 1 (U = V stays, X = W)', () => {
    const Y = [
      [3, 1, 0],
      [1, 2, 0.5],
      [0, 0.5, 1],
    ];
    const U0 = [
      [1e-3, 2e-4],
      [-5e-4, 1e-3],
      [3e-4, -2e-4],
    ];
    for (const t of [0, 1, 4, 20]) {
      expect(maxDifference(balancedClosedForm(Y, { U0, V0: U0 }, t), riccatiClosedForm(Y, { U0 }, t))).toBeLessThanOrEqual(1e-13);
    }
  });

  it('from a spectral start each singular value follows Corollary 2 for (sigma_i, alpha sigma0_i)', () => {
    const sigma = [4, 2.5, 1];
    const Y = rectangularTarget(3, 4, sigma, 17);
    const sigma0 = [1, 3, 0.5];
    const alpha = 1e-8;
    const times = [0, 1, 3, 6, 12];
    const { singularValuesX } = balancedTrajectory(Y, spectralBalancedInit(Y, sigma0, alpha), times);
    times.forEach((t, i) => {
      const expected = sigma.map((sigmaY, j) => scalarTrajectory({ sigmaY, sigma0: sigma0[j], alpha }, t)).sort((a, b) => b - a);
      expected.forEach((value, j) => expect(Math.abs(singularValuesX[i][j] - value) / sigma[0], `t = ${t}, i = ${j}`).toBeLessThanOrEqual(1e-12));
    });
  });

  it('X(0) = U0 V0^T, and a zero start stays at zero', () => {
    const Y = rectangularTarget(2, 3, [2, 1], 3);
    const { U0, V0 } = balancedInit(2, 3, 2, 0.1, 3);
    // Through the change of basis to Ysym's eigenvectors and back: a few ulps of ||Z0||^2.
    const size = U0.norm() ** 2 + V0.norm() ** 2;
    expect(maxDifference(balancedClosedForm(Y, { U0, V0 }, 0), U0.mmul(V0.transpose()))).toBeLessThanOrEqual(1e-14 * size);
    expect(balancedClosedForm(Y, { U0: [[0], [0]], V0: [[0], [0], [0]] }, 5).abs().max()).toBe(0);
  });

  it('refuses an imbalanced start, naming the imbalance, the tolerance and integrateAsymmetricFlow', () => {
    const Y = [[1, 0, 0], [0, 1, 0]];
    const { U0, V0 } = balancedInit(2, 3, 2, 1e-4, 9);
    // An imbalance of 1e-9 relative to ||U0||^2 + ||V0||^2: far above rounding, far below anything visible at a glance.
    const tilted = U0.clone().mul(1 + 1e-9);
    const error = thrown(() => balancedClosedForm(Y, { U0: tilted, V0 }, 1));
    expect(error).toMatchObject({ code: 'out-of-range', argument: 'start' });
    // ||D||_F = 2e-9 ||U0^T U0||_F, between 2e-9 / r and 2e-9 of ||U0||_F^2 and half of the denominator.
    const reported = Number(/= (\S+) \(\|\|U0\|\|_F\^2 \+ \|\|V0\|\|_F\^2\)/.exec(error.message)?.[1]);
    expect(reported).toBeGreaterThanOrEqual(0.99e-9 / 2);
    expect(reported).toBeLessThanOrEqual(1.01e-9);
    expect(error.message).toContain(`BALANCE_TOLERANCE = ${BALANCE_TOLERANCE}`);
    expect(error.message).toContain('integrateAsymmetricFlow');
    expect(() => balancedClosedForm(Y, { U0: U0.clone().mul(1 + 1e-14), V0 }, 1)).not.toThrow();
  });

  it('names the argument at fault for shapes and times', () => {
    const Y = [[1, 0, 0], [0, 1, 0]];
    expect(thrown(() => balancedClosedForm(Y, { U0: [[1], [0], [0]], V0: [[1], [0], [0]] }, 1))).toMatchObject({ code: 'shape', argument: 'start.U0' });
    expect(thrown(() => balancedClosedForm(Y, { U0: [[1], [0]], V0: [[1], [0]] }, 1))).toMatchObject({ code: 'shape', argument: 'start.V0' });
    expect(thrown(() => balancedClosedForm(Y, { U0: [[1], [0]], V0: [[1, 0], [0, 0], [0, 0]] }, 1))).toMatchObject({ code: 'shape', argument: 'start.V0' });
    expect(thrown(() => balancedClosedForm(Y, { U0: [[1], [0]], V0: [[1], [0], [0]] }, -1))).toMatchObject({ argument: 't' });
    expect(thrown(() => balancedTrajectory(Y, { U0: [[1], [0]], V0: [[1], [0], [0]] }, [1, Number.NaN]))).toMatchObject({ code: 'not-finite', argument: 'times[1]' });
  });
});

describe('balanced starts', () => {
  it('imbalance is U0^T U0 - V0^T V0', () => {
    const D = imbalance([[1, 2], [3, 4]], [[1, 0], [0, 1], [1, 1]]);
    expect(D.to2DArray()).toEqual([[8, 13], [13, 18]]);
  });

  for (const [m, n, r] of [[3, 5, 2], [5, 3, 7], [4, 4, 4], [1, 6, 3]]) {
    it(`balancedInit(${m}, ${n}, ${r}) is balanced to rounding and has rank min(m, n, r)`, () => {
      const alpha = 1e-6;
      const { U0, V0 } = balancedInit(m, n, r, alpha, 123);
      expect([U0.rows, U0.columns, V0.rows, V0.columns]).toEqual([m, r, n, r]);
      const size = U0.norm() ** 2 + V0.norm() ** 2;
      expect(imbalance(U0, V0).norm() / size).toBeLessThanOrEqual(1e-14);
      const values = singularValues(U0);
      const k = Math.min(m, n, r);
      expect(values[k - 1]).toBeGreaterThan(1e-6 * values[0]);
      if (values.length > k) expect(values[k] / values[0]).toBeLessThanOrEqual(1e-14);
      expect(balancedInit(m, n, r, alpha, 123).U0.to2DArray()).toEqual(U0.to2DArray());
    });
  }

  it('spectralBalancedInit pairs Y v_i = sigma_i u_i and is balanced, rank-deficient Y included', () => {
    const Y = rectangularTarget(5, 3, [3, 1], 5);
    const sigma0 = [1, 2, 4];
    const alpha = 1e-4;
    const { U0, V0 } = spectralBalancedInit(Y, sigma0, alpha);
    const gram = U0.transpose().mmul(U0);
    sigma0.forEach((value, j) => expect(gram.get(j, j)).toBeCloseTo(alpha * value, 18));
    expect(imbalance(U0, V0).abs().max()).toBeLessThanOrEqual(1e-18);
    // Y V0 = U0 diag(sigma): column j of U0 and V0 carry the same weight sqrt(alpha sigma0_j).
    const product = Y.mmul(V0);
    [3, 1, 0].forEach((value, j) => {
      for (let i = 0; i < 5; i++) expect(Math.abs(product.get(i, j) - value * U0.get(i, j))).toBeLessThanOrEqual(1e-14);
    });
    expect(thrown(() => spectralBalancedInit(Y, [1, 1], alpha))).toMatchObject({ code: 'shape', argument: 'sigma0' });
    expect(thrown(() => spectralBalancedInit(Y, [1, -1, 1], alpha))).toMatchObject({ argument: 'sigma0[1]' });
  });
});
