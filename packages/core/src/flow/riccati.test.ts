import fc from 'fast-check';
import { Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';

import type { FactorflowErrorCode } from '../errors.js';
import { closedFormTrajectory, eigenbasisFactorEvaluator, riccatiClosedForm } from './riccati.js';
import { riccatiModel } from './riccatiModel.js';
import { scalarTrajectory } from './scalar.js';
import { symmetricEigen } from '../linalg/spectral.js';
import { PROPERTY_SEED, factor, maxAbsDifference, symmetricMatrix } from '../testing/arbitraries.js';
import { expectInputErrors } from '../testing/errors.js';

const kinds = ['psd', 'psd-with-zeros', 'indefinite'] as const;

/** A target Y of any kind, n x n with n in [minN, maxN], and a factor U0 of 1 to n + extraColumns columns. */
function problem(minN: number, maxN: number, extraColumns: number) {
  return fc
    .integer({ min: minN, max: maxN })
    .chain((n) =>
      fc.tuple(
        fc.constantFrom(...kinds).chain((kind) => symmetricMatrix(n, kind)),
        fc.integer({ min: 1, max: n + extraColumns }).chain((r) => factor(n, r)),
      ),
    );
}

/** Riccati right-hand side W Y + Y W - 2 W^2 (eq. (4)). */
function riccatiField(W: Matrix, Y: Matrix): Matrix {
  return W.mmul(Y).add(Y.mmul(W)).sub(W.mmul(W).mul(2));
}

/** Largest |eigenvalue| of Y, or 1 for Y = 0: the time and size scale of a test case. */
function scaleOf(Y: number[][]): number {
  return Math.max(...symmetricEigen(Y).values.map(Math.abs)) || 1;
}

/** U(t) = Phi F(t): a factor of W(t), read from the public evaluator (one zero column when W(t) = 0). */
function factorAt(Y: number[][], U0: number[][], t: number): Matrix {
  const model = riccatiModel(Y, { U0 });
  if (model.rank === 0) return Matrix.zeros(model.n, 1);
  const F = eigenbasisFactorEvaluator(model)(t);
  const phi = new Matrix(Array.from({ length: model.n }, (_, i) => Array.from(model.phi.slice(i * model.n, (i + 1) * model.n))));
  const eigenFactor = new Matrix(Array.from({ length: model.n }, (_, i) => Array.from(F.slice(i * model.rank, (i + 1) * model.rank))));
  return phi.mmul(eigenFactor);
}

describe('riccatiClosedForm (Proposition 1)', () => {
  it('starts at W0 = U0 U0^T, for every kind of Y and every r', () => {
    fc.assert(
      fc.property(problem(1, 5, 1), ([{ Y }, U0]) => {
        const W0 = new Matrix(U0).mmul(new Matrix(U0).transpose());
        const size = new Matrix(U0).norm() ** 2;
        // Rotating into Y's eigenbasis and back costs a few n eps ||U0||_F^2.
        expect(maxAbsDifference(riccatiClosedForm(Y, { U0 }, 0), W0)).toBeLessThanOrEqual(1e-14 * size);
      }),
      { seed: PROPERTY_SEED, numRuns: 200 },
    );
  });

  it('solves W\' = WY + YW - 2W^2: central differences match the field to second order', () => {
    fc.assert(
      fc.property(problem(2, 4, 0), fc.double({ min: 0.05, max: 3, noNaN: true }), ([{ Y }, U0], sigmaT) => {
        // The fastest rate is set by Y and by W itself (W' = -2 W^2 on Y's kernel).
        const scale = Math.max(scaleOf(Y), new Matrix(U0).norm() ** 2);
        const t = sigmaT / scale;
        const h = 1e-4 / scale;
        const Ymatrix = new Matrix(Y);
        const [before, at, after] = closedFormTrajectory(Y, { U0 }, [t - h, t, t + h]).W;
        const derivative = after.clone().sub(before).div(2 * h);
        const field = riccatiField(at, Ymatrix);
        const size = Math.max(scale, at.abs().max()) ** 2;
        // Truncation O(h^2 W''') ~ 1e-8 size, rounding O(eps size / (h scale)) ~ 1e-12 size.
        expect(maxAbsDifference(derivative, field)).toBeLessThan(1e-6 * size);
      }),
      { seed: PROPERTY_SEED, numRuns: 150 },
    );
  });

  it('is a flow: W(t + s; U0) = W(s; U(t)) for t, s up to sigma_1 (t + s) = 1e4', () => {
    fc.assert(
      fc.property(
        problem(2, 5, 1),
        fc.constantFrom(1, 1e-3, 1e-6, 1e-12),
        fc.double({ min: 0, max: 5e3, noNaN: true }),
        fc.double({ min: 0, max: 5e3, noNaN: true }),
        ([{ Y }, shape], alpha, sigmaT, sigmaS) => {
          const scale = scaleOf(Y);
          const U0 = shape.map((row) => row.map((x) => Math.sqrt(alpha) * x));
          const [t, s] = [sigmaT / scale, sigmaS / scale];
          const direct = riccatiClosedForm(Y, { U0 }, t + s);
          const restarted = riccatiClosedForm(Y, { U0: factorAt(Y, U0, t).to2DArray() }, s);
          expect(maxAbsDifference(direct, restarted)).toBeLessThan(1e-10 * scale);
        },
      ),
      { seed: PROPERTY_SEED, numRuns: 200 },
    );
  });

  it('keeps spectral initializations diagonal and follows Corollary 2 mode by mode, exact zeros included', () => {
    const sigmaY = [7, 3, 1, 0];
    const sigma0 = [1, 0, 2, 0.5];
    const alpha = 1e-6;
    const Y = Matrix.diag(sigmaY).to2DArray();
    const U0 = Matrix.diag(sigma0.map((s) => Math.sqrt(alpha * s))).to2DArray();
    const times = [0, 0.1, 1, 2, 5, 10, 1e2, 1e4, 1e8];
    const { W, eigenvaluesW, rank } = closedFormTrajectory(Y, { U0 }, times);
    expect(rank).toBe(3);
    times.forEach((t, index) => {
      const expected = sigmaY.map((s, i) => scalarTrajectory({ sigmaY: s, sigma0: sigma0[i], alpha }, t));
      expect(maxAbsDifference(W[index], Matrix.diag(expected))).toBeLessThan(1e-13 * 7);
      expect(W[index].get(1, 1)).toBe(0);
      const sorted = [...expected].sort((a, b) => b - a);
      sorted.forEach((value, i) => expect(Math.abs(eigenvaluesW[index][i] - value)).toBeLessThan(1e-13 * 7));
    });
  });

  it('accepts W0 (singular allowed) and agrees with the U0 route', () => {
    fc.assert(
      fc.property(problem(2, 5, 0), fc.double({ min: 0, max: 50, noNaN: true }), ([{ Y }, U0], sigmaT) => {
        const scale = scaleOf(Y);
        const W0 = new Matrix(U0).mmul(new Matrix(U0).transpose());
        const fromU = riccatiClosedForm(Y, { U0 }, sigmaT / scale);
        const fromW = riccatiClosedForm(Y, { W0 }, sigmaT / scale);
        expect(maxAbsDifference(fromU, fromW)).toBeLessThan(1e-9 * Math.max(scale, W0.max()));
      }),
      { seed: PROPERTY_SEED, numRuns: 150 },
    );
  });

  it('returns finite PSD matrices at extreme but finite inputs', () => {
    const Y = [
      [1e150, 0, 0],
      [0, -1e150, 0],
      [0, 0, 0],
    ];
    const U0 = [[1e-150], [1e-150], [1e-150]];
    // Up to the time limit, 1e300 time scales 1 / ||Y||_2 = 1e-150.
    for (const t of [0, 1e-300, 1, 1e150]) {
      const W = riccatiClosedForm(Y, { U0 }, t);
      expect(W.to1DArray().every(Number.isFinite)).toBe(true);
      expect(symmetricEigen(W).values[2]).toBeGreaterThanOrEqual(-1e-12 * Math.max(1, W.abs().max()));
    }
    // The top mode saturates at its eigenvalue.
    expect(riccatiClosedForm(Y, { U0 }, 1).get(0, 0)).toBeCloseTo(1e150 / 1e150 * 1e150, -140);
  });

  it('keeps the rank of W0, and the spectrum matches an eigendecomposition of W', () => {
    const { Y } = fc.sample(symmetricMatrix(6, 'psd'), { seed: PROPERTY_SEED, numRuns: 1 })[0];
    const U0 = fc.sample(factor(6, 2, 1e-3), { seed: PROPERTY_SEED, numRuns: 1 })[0];
    const { W, eigenvaluesW, rank } = closedFormTrajectory(Y, { U0 }, [0.5, 2, 20, 2000]);
    expect(rank).toBe(2);
    W.forEach((matrix, index) => {
      const values = symmetricEigen(matrix).values;
      values.forEach((value, i) => expect(Math.abs(value - eigenvaluesW[index][i])).toBeLessThan(1e-12 * 10));
      expect(eigenvaluesW[index][2]).toBe(0);
    });
  });

  it('returns each W with storage of its own: mutating one changes no other W, nor a later call', () => {
    const { Y } = fc.sample(symmetricMatrix(9, 'indefinite'), { seed: PROPERTY_SEED, numRuns: 1 })[0];
    const U0 = fc.sample(factor(9, 2), { seed: PROPERTY_SEED, numRuns: 1 })[0];
    const times = [0.25, 0.5, 1];
    const first = closedFormTrajectory(Y, { U0 }, times).W;
    const untouched = first.map((matrix) => matrix.to2DArray());
    first[0].set(0, 0, 1e6);
    first[0].setRow(8, new Array<number>(9).fill(-1));
    expect(first[0].get(0, 0)).toBe(1e6);
    expect(first.slice(1).map((matrix) => matrix.to2DArray())).toEqual(untouched.slice(1));
    expect(closedFormTrajectory(Y, { U0 }, times).W.map((matrix) => matrix.to2DArray())).toEqual(untouched);
  });

  it('keeps a component of 1e-17 along the top mode under a diagonal Y, where it is exact', () => {
    const Y = [
      [2, 0],
      [0, 1],
    ];
    // A rank-1 W turns from e_2 to e_1 at rate lambda_1 - lambda_2: by t = 200 the component 1e-17
    // along e_1 has taken over. By hand, W_11 = e^{4t} a^2 / (1 + a^2 g_1 + b^2 g_2) with
    // g_i = (e^{2 lambda_i t} - 1) / lambda_i, a = 1e-17, b = 1: 2 / (1 + 2 e^{400 - 721.7...}) = 2.
    const model = riccatiModel(Y, { U0: [[1e-17], [1]] });
    expect(model.rank).toBe(1);
    expect(model.pivots[0]).toBe(0);
    expect(model.conditioning.warning).toBeNull();
    expect(riccatiClosedForm(Y, { U0: [[1e-17], [1]] }, 200).get(0, 0)).toBeCloseTo(2, 12);
  });

  it('makes the proof route (8)-(9) consistent only with R = 2 I_n, not the R = I_n printed (numeric check)', () => {
    // X2 = S W0~ and X1 = S^{-1} (I + G W0~) of eq. (9) must solve X1' = -A X1 + R X2 with A = Sigma_Y.
    const lambda = [3, 1, 0.5];
    const W0tilde = new Matrix([[0.4, 0.1, 0], [0.1, 0.3, 0.05], [0, 0.05, 0.2]]);
    const X1 = (t: number) =>
      Matrix.diag(lambda.map((l) => Math.exp(-l * t))).mmul(
        Matrix.eye(3).add(Matrix.diag(lambda.map((l) => (Math.exp(2 * l * t) - 1) / l)).mmul(W0tilde)),
      );
    const X2 = (t: number) => Matrix.diag(lambda.map((l) => Math.exp(l * t))).mmul(W0tilde);
    const t = 0.7;
    const h = 1e-5;
    const derivative = X1(t + h).sub(X1(t - h)).div(2 * h);
    const drift = Matrix.diag(lambda).mmul(X1(t)).mul(-1);
    const residual = (R: number) => maxAbsDifference(derivative, drift.clone().add(X2(t).mul(R)));
    expect(residual(2)).toBeLessThan(1e-8);
    expect(residual(1)).toBeGreaterThan(0.1);
  });

  it('rejects malformed input with a typed error', () => {
    const Y = [
      [2, 0],
      [0, 1],
    ];
    const cases: [() => unknown, FactorflowErrorCode][] = [
      [() => riccatiClosedForm([[1, 2], [0, 1]], { U0: [[1], [1]] }, 1), 'not-symmetric'],
      [() => riccatiClosedForm([[1, 2, 3]], { U0: [[1]] }, 1), 'shape'],
      [() => riccatiClosedForm(Y, { U0: [[1], [1], [1]] }, 1), 'shape'],
      [() => riccatiClosedForm(Y, { U0: [[Number.NaN], [1]] }, 1), 'not-finite'],
      [() => riccatiClosedForm(Y, { W0: [[1, 0], [0, -1]] }, 1), 'not-psd'],
      [() => riccatiClosedForm(Y, { U0: [[1], [1]] }, -1), 'out-of-range'],
      [() => riccatiClosedForm(Y, { U0: [[1], [1]] }, Number.POSITIVE_INFINITY), 'not-finite'],
      [() => riccatiClosedForm(Y, { U0: [[1e200], [1]] }, 1), 'out-of-range'],
      [() => riccatiClosedForm(Y, {} as never, 1), 'not-a-matrix'],
      [() => closedFormTrajectory(Y, { U0: [[1], [1]] }, []), 'shape'],
    ];
    expectInputErrors(cases);
  });
});
