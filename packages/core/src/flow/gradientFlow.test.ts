import fc from 'fast-check';
import { Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';

import { factorizationField, factorizationLoss, integrateGradientFlow } from './gradientFlow.js';
import { toRowMajor } from '../linalg/dense.js';
import { symmetricEigen } from '../linalg/spectral.js';
import { FactorflowNumericalError } from '../errors.js';
import { thrown } from '../testing/errors.js';

const PROPERTY_SEED = 0x6f10;

/**
 * Exact scalar flow. For n = r = 1, eq. (2) is u' = (y - u^2) u, so w = u^2 obeys
 * w' = 2 u u' = 2 (y - w) w, a logistic equation. With v = 1/w: v' = -w'/w^2 = 2 - 2 y v, a
 * linear equation with solution v(t) = 1/y + (1/a - 1/y) e^{-2yt} for w(0) = a, hence
 *
 *   w(t) = a y / (a + (y - a) e^{-2yt}) = a y e^{2yt} / (y + a (e^{2yt} - 1)),
 *
 * and for y = 0, v(t) = 1/a + 2t: w(t) = a / (1 + 2 a t). The sign of u never changes (u = 0 is
 * an equilibrium), so u(t) = sign(u0) sqrt(w(t)).
 */
function scalarW(y: number, a: number, t: number): number {
  if (y === 0) return a / (1 + 2 * a * t);
  // expm1 keeps e^{2yt} - 1 accurate when y t is small.
  return (a * y * Math.exp(2 * y * t)) / (y + a * Math.expm1(2 * y * t));
}

function loss(Y: Matrix, U: Matrix): number {
  return 0.25 * Y.clone().sub(U.mmul(U.transpose())).norm('frobenius') ** 2;
}

/** A random symmetric n x n matrix with entries in [-2, 2] (indefinite in general). */
const symmetric = (n: number) =>
  fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: n * n, maxLength: n * n }).map((entries) => {
    const A = new Matrix(n, n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j <= i; j++) {
        A.set(i, j, entries[i * n + j]);
        A.set(j, i, entries[i * n + j]);
      }
    }
    return A;
  });

const factor = (n: number, r: number) =>
  fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: n * r, maxLength: n * r }).map(
    (entries) => new Matrix(Array.from({ length: n }, (_, i) => entries.slice(i * r, (i + 1) * r))),
  );

/** Y from {@link symmetric}, n in [1, maxN], and a factor U of 1 to n + extraColumns columns. */
const problem = (maxN: number, extraColumns: number) =>
  fc
    .integer({ min: 1, max: maxN })
    .chain((n) => fc.tuple(symmetric(n), fc.integer({ min: 1, max: n + extraColumns }).chain((r) => factor(n, r))));

describe('integrateGradientFlow: exact solutions', () => {
  it('n = r = 1 follows w(t) = a y e^{2yt} / (y + a (e^{2yt} - 1))', () => {
    fc.assert(
      fc.property(
        // |y| >= 1e-3 keeps the reference formula away from subnormal y (where a y underflows).
        fc.oneof(fc.double({ min: -2, max: -1e-3, noNaN: true }), fc.double({ min: 1e-3, max: 3, noNaN: true }), fc.constant(0)),
        fc.double({ min: 1e-3, max: 2, noNaN: true }),
        fc.boolean(),
        (y, magnitude, negative) => {
          const u0 = negative ? -magnitude : magnitude;
          const times = [0, 0.25, 0.5, 1, 2, 4];
          // Default tolerances: rtol 1e-10, atol 1e-12 max(|u0|, sqrt|y|). The global error stays
          // within a small multiple (100x allowed) of the per-step bound rtol |u| + atol; w = u^2
          // then errs by at most 2 |u| times that.
          const atol = 1e-12 * Math.max(Math.abs(u0), Math.sqrt(Math.abs(y)));
          for (const dense of [true, false]) {
            const result = integrateGradientFlow([[y]], [[u0]], { times, dense });
            times.forEach((t, k) => {
              const w = scalarW(y, u0 * u0, t);
              const u = Math.sign(u0) * Math.sqrt(w);
              const uError = 100 * (1e-10 * Math.abs(u) + atol);
              expect(Math.abs(result.U[k].get(0, 0) - u)).toBeLessThanOrEqual(uError);
              expect(Math.abs(result.W[k].get(0, 0) - w)).toBeLessThanOrEqual(2 * Math.abs(u) * uError + 1e-300);
              expect(Math.abs(result.eigenvaluesW[k][0] - w)).toBeLessThanOrEqual(2 * Math.abs(u) * uError + 1e-300);
            });
          }
        },
      ),
      { seed: PROPERTY_SEED, numRuns: 40 },
    );
  });

  it('diagonal Y and diagonal U0: every diagonal entry of W follows the scalar formula', () => {
    // (Y - U U^T) U stays diagonal when Y and U are, so the modes decouple exactly
    // (Min & Vidal 2025, Corollary 2 with Phi = I).
    const y = [3, 1.5, 0, -1];
    const u0 = [1e-3, 0.2, 0.7, 1.1];
    const n = y.length;
    const r = 3; // U0 keeps the first three diagonal entries: W_44 starts (and stays) at 0.
    const Y = Matrix.diag(y);
    const U0 = new Matrix(n, r);
    for (let j = 0; j < r; j++) U0.set(j, j, u0[j]);
    const times = [0, 0.5, 1, 2, 3, 5];
    const result = integrateGradientFlow(Y, U0, { times });
    times.forEach((t, k) => {
      const expected = y.map((value, i) => (i < r ? scalarW(value, u0[i] * u0[i], t) : 0));
      for (let i = 0; i < n; i++) {
        expect(Math.abs(result.W[k].get(i, i) - expected[i])).toBeLessThanOrEqual(1e-8 * expected[i] + 1e-15);
        for (let j = 0; j < n; j++) if (j !== i) expect(result.W[k].get(i, j)).toBe(0);
      }
      const sorted = [...expected].sort((a, b) => b - a);
      result.eigenvaluesW[k].forEach((value, i) => {
        expect(Math.abs(value - sorted[i])).toBeLessThanOrEqual(1e-8 * sorted[i] + 1e-15);
      });
    });
    expect(Array.from(result.times)).toEqual(times);
    expect(result.U[0].to2DArray()).toEqual(U0.to2DArray());
  });
});

describe('factorizationField and factorizationLoss', () => {
  it('equal (Y - U U^T) U and 1/4 ||Y - U U^T||_F^2 formed with ml-matrix', () => {
    fc.assert(
      fc.property(problem(5, 2), ([Y, U]) => {
        const n = Y.rows;
        const r = U.columns;
        const expected = Y.clone().sub(U.mmul(U.transpose())).mmul(U);
        const out = new Float64Array(n * r);
        factorizationField(toRowMajor(Y), n, r)(toRowMajor(U), out);
        // Both are sums of O(n + r) products of entries <= 2 in size: rounding ~1e-14.
        out.forEach((value, index) => {
          expect(Math.abs(value - expected.get(Math.floor(index / r), index % r))).toBeLessThanOrEqual(1e-13);
        });
        expect(Math.abs(factorizationLoss(toRowMajor(Y), toRowMajor(U), n, r) - loss(Y, U))).toBeLessThanOrEqual(1e-12);
      }),
      { seed: PROPERTY_SEED, numRuns: 100 },
    );
  });
});

describe('integrateGradientFlow: structure along the trajectory', () => {
  it('the loss 1/4 ||Y - U U^T||_F^2 never increases (dL/dt = -||grad L||^2)', () => {
    fc.assert(
      fc.property(problem(4, 1), ([Y, U0]) => {
        const times = Array.from({ length: 41 }, (_, k) => k * 0.1);
        const { U } = integrateGradientFlow(Y, U0, { times });
        const losses = U.map((Uk) => loss(Y, Uk));
        // Integration error at rtol 1e-10 moves L by ~1e-10 (||Y|| + ||U||^2)^2; allow 100x that.
        const scale = (Y.norm('frobenius') + U0.norm('frobenius') ** 2 + 1) ** 2;
        for (let k = 1; k < losses.length; k++) {
          expect(losses[k]).toBeLessThanOrEqual(losses[k - 1] + 1e-8 * scale);
        }
      }),
      { seed: PROPERTY_SEED, numRuns: 60 },
    );
  });

  it('W = U U^T stays symmetric PSD, and eigenvaluesW are its eigenvalues in decreasing order', () => {
    fc.assert(
      fc.property(problem(4, 1), ([Y, U0]) => {
        const n = Y.rows;
        const result = integrateGradientFlow(Y, U0, { times: [0, 0.3, 1, 3] });
        result.W.forEach((W, k) => {
          expect(W.rows).toBe(n);
          expect(W.isSymmetric()).toBe(true);
          const reference = symmetricEigen(W).values;
          const values = result.eigenvaluesW[k];
          expect(values).toHaveLength(n);
          const size = Math.max(1e-300, reference[0]);
          for (let i = 0; i < n; i++) {
            expect(values[i]).toBeGreaterThanOrEqual(0);
            if (i > 0) expect(values[i]).toBeLessThanOrEqual(values[i - 1]);
            expect(Math.abs(values[i] - reference[i])).toBeLessThanOrEqual(1e-12 * size);
            expect(reference[i]).toBeGreaterThanOrEqual(-1e-12 * size);
          }
          // W = U U^T at the same time.
          const product = result.U[k].mmul(result.U[k].transpose());
          expect(Math.max(...product.sub(W).abs().to1DArray())).toBeLessThanOrEqual(1e-14 * size);
        });
      }),
      { seed: PROPERTY_SEED, numRuns: 60 },
    );
  });

  it('converges to the best rank-r approximation of a PSD Y from a small initialization', () => {
    const Y = Matrix.diag([4, 2, 1]);
    const rotationAngle = 0.3;
    const c = Math.cos(rotationAngle);
    const s = Math.sin(rotationAngle);
    const Q = new Matrix([
      [c, -s, 0],
      [s, c, 0],
      [0, 0, 1],
    ]);
    const rotated = Q.mmul(Y).mmul(Q.transpose());
    const U0 = new Matrix([
      [1e-3, 2e-3],
      [-1e-3, 1e-3],
      [2e-3, -1e-3],
    ]);
    const { eigenvaluesW, steps } = integrateGradientFlow(rotated, U0, { times: [40] });
    expect(eigenvaluesW[0][0]).toBeCloseTo(4, 9);
    expect(eigenvaluesW[0][1]).toBeCloseTo(2, 9);
    expect(eigenvaluesW[0][2]).toBe(0);
    expect(steps).toBeGreaterThan(0);
  });
});

describe('integrateGradientFlow: errors', () => {
  const options = { times: [0, 1] };

  it('rejects a non-symmetric Y', () => {
    expect(thrown(() => integrateGradientFlow([[1, 2], [0, 1]], [[1], [1]], options))).toMatchObject({
      code: 'not-symmetric',
      argument: 'Y',
    });
  });

  it('rejects mismatched shapes and non-square Y', () => {
    expect(thrown(() => integrateGradientFlow([[1, 0], [0, 1]], [[1], [1], [1]], options))).toMatchObject({
      code: 'shape',
      argument: 'U0',
    });
    expect(thrown(() => integrateGradientFlow([[1, 0]], [[1]], options))).toMatchObject({ code: 'shape', argument: 'Y' });
    expect(thrown(() => integrateGradientFlow([[1]], [], options))).toMatchObject({ code: 'shape', argument: 'U0' });
  });

  it('rejects NaN in Y or U0', () => {
    expect(thrown(() => integrateGradientFlow([[Number.NaN]], [[1]], options))).toMatchObject({
      code: 'not-finite',
      argument: 'Y',
    });
    expect(thrown(() => integrateGradientFlow([[1]], [[Number.NaN]], options))).toMatchObject({
      code: 'not-finite',
      argument: 'U0',
    });
  });

  it('rejects negative, NaN or decreasing times', () => {
    expect(thrown(() => integrateGradientFlow([[1]], [[1]], { times: [-1] }))).toMatchObject({
      code: 'out-of-range',
      argument: 'times[0]',
    });
    expect(thrown(() => integrateGradientFlow([[1]], [[1]], { times: [0, Number.NaN] }))).toMatchObject({
      code: 'not-finite',
    });
    expect(thrown(() => integrateGradientFlow([[1]], [[1]], { times: [2, 1] }))).toMatchObject({
      code: 'out-of-range',
      argument: 'times',
    });
  });

  it('rejects bad tolerances and reports an exhausted step budget as a numerical error', () => {
    expect(thrown(() => integrateGradientFlow([[1]], [[1]], { times: [1], rtol: -1 }))).toMatchObject({
      code: 'out-of-range',
      argument: 'rtol',
    });
    expect(thrown(() => integrateGradientFlow([[1]], [[1]], { times: [1], atol: 0 }))).toMatchObject({
      code: 'out-of-range',
      argument: 'atol',
    });
    expect(thrown(() => integrateGradientFlow([[1]], [[1e-3]], { times: [50], maxSteps: 5 }), FactorflowNumericalError)).toMatchObject({
      code: 'not-converged',
      argument: 'maxSteps',
    });
  });
});

describe('integrateGradientFlow: problems far from scale 1 (issue 16 re-audit)', () => {
  // Y = diag(2, 1) 2^s and U0 = diag(1e-3, 2e-3) 2^{s/2}: each diagonal entry of W(t) is 2^s times
  // the scalar flow of the unscaled problem at time 2^s t. Before rescaling, the gradient of order
  // 2^{3s/2} underflowed to 0 at s = -1000 (W stayed W0 at every time) and overflowed at s = 1000.
  const scaledProblem = (s: number) => ({
    Y: [[2 * 2 ** s, 0], [0, 2 ** s]],
    U0: [[1e-3 * 2 ** (s / 2), 0], [0, 2e-3 * 2 ** (s / 2)]],
    times: [0, 3, 8, 30].map((t) => t * 2 ** -s),
  });

  it('follows the exact flow of Y scaled by 2^-1000 and by 2^1000 at the problem\'s own times', () => {
    for (const s of [-1000, 1000]) {
      const { Y, U0, times } = scaledProblem(s);
      const { W } = integrateGradientFlow(Y, U0, { times });
      times.forEach((t, i) => {
        const unscaledTime = t * 2 ** s;
        expect(Math.abs(W[i].get(0, 0) * 2 ** -s - scalarW(2, 1e-6, unscaledTime)), `s = ${s}, t = ${t}`).toBeLessThanOrEqual(1e-8);
        expect(Math.abs(W[i].get(1, 1) * 2 ** -s - scalarW(1, 4e-6, unscaledTime)), `s = ${s}, t = ${t}`).toBeLessThanOrEqual(1e-8);
        expect(W[i].get(0, 1)).toBe(0);
      });
    }
  });

  it('runs the same integration at every scale: 2^-1000 and 2^1000 agree bit for bit once scaled back', () => {
    const [small, large] = [-1000, 1000].map((s) => {
      const { Y, U0, times } = scaledProblem(s);
      return integrateGradientFlow(Y, U0, { times }).W.map((W) => W.to1DArray().map((x) => x * 2 ** -s));
    });
    expect(large).toEqual(small);
  });

  it('refuses a U0 whose W0 = U0 U0^T overflows, and a time beyond the rescaled problem\'s range, naming them', () => {
    expect(thrown(() => integrateGradientFlow([[1]], [[1e200]], { times: [0, 1] }))).toMatchObject({ code: 'out-of-range', argument: 'U0' });
    const error = thrown(() => integrateGradientFlow([[1e300]], [[1e-3]], { times: [0, 1e10] }));
    expect(error).toMatchObject({ code: 'out-of-range', argument: 'times[1]' });
    expect(error.message).toMatch(/beyond 6\.711e\+7, the longest this problem's flow can be integrated/);
  });
});

describe('integrateGradientFlow: graded initializations with the default atol (issue 16 re-audit)', () => {
  it('learns a mode whose component is 1e-50 or 1e-300 of U0, mid-transition included', () => {
    // Y = diag(1, 2), U0 = diag(1, g): w22(t) = 1 / (e^{-4t - 2 ln g} + (1 - e^{-4t}) / 2) (the logistic
    // solution, in logarithms since g^2 underflows), which is 1 at t = (ln 2 - 2 ln g) / 4. With the
    // former default atol the integrator took 10 steps to t = 1000 and returned w22 = 1e-35 at g = 1e-50.
    for (const g of [1e-50, 1e-300]) {
      const middle = (Math.log(2) - 2 * Math.log(g)) / 4;
      const times = [middle, middle + 5, 1000];
      const { W } = integrateGradientFlow([[1, 0], [0, 2]], [[1, 0], [0, g]], { times });
      times.forEach((t, i) => {
        const exact = 1 / (Math.exp(-4 * t - 2 * Math.log(g)) - Math.expm1(-4 * t) / 2);
        expect(Math.abs(W[i].get(1, 1) - exact) / exact, `g = ${g}, t = ${t}`).toBeLessThanOrEqual(1e-7);
        expect(W[i].get(0, 0)).toBeCloseTo(1, 9);
      });
    }
  });
});
