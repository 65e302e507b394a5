/**
 * Robustness of the linalg layer: every export driven with malformed and extreme arguments
 * (testing/robustness.ts), with the invariants that are cheap to check on what it returns.
 */
import fc from 'fast-check';
import { Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';

import { singularValues } from '../linalg/spectral.js';
import * as linalg from '../linalg/index.js';
import { type RobustnessSpec, checkRobustness, orthogonal, robustnessCoverage } from '../testing/index.js';

const Y3 = () => [
  [4, 1, 0.5],
  [1, 3, 0.25],
  [0.5, 0.25, -2],
];

/** The matrix a MatrixInput or prepared target stands for, divided by its largest |entry| (so checks cannot overflow). */
function unitMatrix(value: unknown): { matrix: Matrix; scale: number } {
  const prepared = (value as { matrix?: Matrix }).matrix;
  const matrix = Matrix.isMatrix(value) ? (value as Matrix) : prepared !== undefined ? prepared : new Matrix(value as number[][]);
  const scale = Math.max(matrix.max(), -matrix.min());
  return { matrix: scale > 0 ? matrix.clone().div(scale) : matrix.clone(), scale: scale > 0 ? scale : 1 };
}

/** Y = V diag(values) V^T and V^T V = I, to rounding relative to ||Y||. */
function expectEigenDecomposition(input: unknown, values: Float64Array, vectors: Matrix): void {
  const { matrix, scale } = unitMatrix(input);
  const n = matrix.rows;
  const tolerance = 1e3 * n * Number.EPSILON;
  const scaled = Matrix.diag(Array.from(values, (value) => value / scale));
  const residual = matrix.clone().sub(vectors.mmul(scaled).mmul(vectors.transpose()));
  expect(Math.max(residual.max(), -residual.min())).toBeLessThanOrEqual(tolerance);
  const gram = vectors.transpose().mmul(vectors).sub(Matrix.eye(n));
  expect(Math.max(gram.max(), -gram.min())).toBeLessThanOrEqual(tolerance);
  for (let i = 1; i < n; i++) expect(values[i]).toBeLessThanOrEqual(values[i - 1]);
}

/** Symmetric matrices Q diag(lambda) Q^T with eigenvalues from 1e-300 to 1e300 in magnitude, and graded diagonal ones. */
const extremeSymmetric = fc.oneof(
  fc
    .tuple(orthogonal(3), fc.array(fc.tuple(fc.integer({ min: -300, max: 300 }), fc.boolean()), { minLength: 3, maxLength: 3 }))
    .map(([Q, exponents]) => {
      // Spread by at most 1e200 around a common scale, so that Q diag Q^T does not overflow.
      const top = Math.max(...exponents.map(([e]) => e));
      const lambda = exponents.map(([e, negative]) => (negative ? -1 : 1) * 10 ** Math.max(e, top - 200));
      return linalg.symmetricWithSpectrum(Q, lambda).to2DArray();
    }),
  fc.array(fc.integer({ min: -300, max: 300 }), { minLength: 2, maxLength: 4 }).map((exponents) => Matrix.diag(exponents.map((e) => 10 ** e)).to2DArray()),
);

const specs: Record<string, RobustnessSpec> = {
  prepareTarget: {
    parameters: ['Y'],
    valid: () => [Y3()],
    check: (result, [Y]) => {
      const target = result as linalg.PreparedTarget;
      const vectors = new Matrix(target.n, target.n);
      for (let i = 0; i < target.n; i++) for (let j = 0; j < target.n; j++) vectors.set(i, j, target.phi[i * target.n + j]);
      expectEigenDecomposition(Y, target.values, vectors);
    },
    cases: extremeSymmetric.map((Y) => [Y]),
  },
  symmetricEigen: {
    parameters: ['Y'],
    valid: () => [Y3()],
    check: (result, [Y]) => {
      const { values, vectors } = result as linalg.SymmetricEigen;
      expectEigenDecomposition(Y, values, vectors);
    },
    cases: fc.oneof(extremeSymmetric.map((Y) => [Y]), extremeSymmetric.map((Y) => [linalg.prepareTarget(Y)])),
  },
  spectralNorm: {
    parameters: ['A'],
    valid: () => [[[1, 2, 3], [4, 5, 6]]],
    check: (result, [A]) => {
      // max |a_ij| <= ||A||_2 <= ||A||_F, compared after dividing by the largest entry.
      const { matrix, scale } = unitMatrix(A);
      const norm = (result as number) / scale;
      expect(norm).toBeGreaterThanOrEqual(1 - 1e-12);
      expect(norm).toBeLessThanOrEqual(matrix.norm('frobenius') * (1 + 1e-12));
    },
    cases: extremeSymmetric.map((Y) => [Y]),
  },
  bestRankK: {
    parameters: ['Y', 'k'],
    valid: () => [Y3(), 2],
    check: (result) => {
      const Z = result as Matrix;
      expect(Z.isSymmetric()).toBe(true);
    },
    cases: fc.tuple(extremeSymmetric, fc.nat(2)).map(([Y, k]) => [Y, k]),
  },
  goldenSectionMinimum: {
    parameters: ['f', 'a', 'b', 'options'],
    valid: () => [(x: number) => (x - 1) ** 2, 0, 3, { iterations: 60, relativeTolerance: 1e-12, stopAtOrBelow: -1 }],
    paths: { 'options.iterations': { maxWork: 1e4 }, 'options.stopAtOrBelow': {} },
    check: (result, [, a, b]) => {
      const { x } = result as { x: number };
      expect(x).toBeGreaterThanOrEqual(a as number);
      expect(x).toBeLessThanOrEqual(b as number);
    },
  },
  randomOrthogonal: {
    parameters: ['n', 'seed'],
    valid: () => [3, 7],
    check: (result) => {
      const Q = result as Matrix;
      const gram = Q.transpose().mmul(Q).sub(Matrix.eye(Q.rows));
      expect(Math.max(gram.max(), -gram.min())).toBeLessThan(1e-13);
    },
  },
  rectangularWithSpectrum: {
    parameters: ['P', 'Q', 'sigma'],
    valid: () => [linalg.randomOrthogonal(2, 7), linalg.randomOrthogonal(3, 8), [2, 1]],
    check: (result, [, , sigma]) => {
      const values = Array.from(sigma as ArrayLike<number>);
      const largest = Math.max(...values);
      const expected = [...values, ...new Array<number>(2 - values.length).fill(0)].sort((a, b) => b - a);
      singularValues(result as Matrix).forEach((value, i) => expect(Math.abs(value - expected[i])).toBeLessThanOrEqual(1e-13 * largest));
    },
  },
  symmetricWithSpectrum: {
    parameters: ['Q', 'lambda'],
    valid: () => [linalg.randomOrthogonal(3, 7), [10, 8, 0]],
    check: (result) => expect((result as Matrix).isSymmetric()).toBe(true),
  },
};

describe('robustness of linalg', () => {
  it('has a spec for every export', () => {
    expect(robustnessCoverage(linalg, specs)).toEqual({ missing: [], stale: [], unexplained: [] });
  });

  for (const [name, spec] of Object.entries(specs)) {
    it(name, () => checkRobustness(name, linalg[name as keyof typeof linalg] as (...args: never[]) => unknown, spec));
  }
});
