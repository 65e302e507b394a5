import fc from 'fast-check';
import { Matrix, SingularValueDecomposition } from 'ml-matrix';
import { describe, expect, it } from 'vitest';

import { singularValuesOf } from './bidiagonal.js';
import { createRandom } from '../random.js';
import { PROPERTY_SEED, orthogonal } from '../testing/arbitraries.js';

const EPS = Number.EPSILON;

/** A = Q1[:, :c] diag(sigma) Q2^T with orthonormal columns: its singular values are exactly sigma. */
function withSingularValues(Q1: Matrix, Q2: Matrix, sigma: readonly number[], rows: number, columns: number): Float64Array {
  const c = sigma.length;
  const left = Q1.subMatrix(0, rows - 1, 0, c - 1);
  const right = Q2.subMatrix(0, columns - 1, 0, c - 1);
  return Float64Array.from(left.mulRowVector(sigma).mmul(right.transpose()).to1DArray());
}

function gaussian(rows: number, columns: number, seed: number): Float64Array {
  const random = createRandom(seed);
  return Float64Array.from({ length: rows * columns }, () => random.normal());
}

function frobeniusSquared(entries: Float64Array): number {
  return entries.reduce((sum, value) => sum + value * value, 0);
}

describe('singularValuesOf', () => {
  it('returns sigma of Q1 diag(sigma) Q2^T, decreasing, within 8 c eps sigma_1, for tall and wide shapes and sigma over 16 decades', () => {
    const shapes = fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 }));
    const cases = shapes.chain(([rows, columns]) => {
      const c = Math.min(rows, columns);
      const sigma = fc.array(fc.oneof(fc.double({ min: -16, max: 1, noNaN: true }).map((power) => 10 ** power), fc.constant(0)), {
        minLength: c,
        maxLength: c,
      });
      return fc.tuple(fc.constant(rows), fc.constant(columns), orthogonal(rows), orthogonal(columns), sigma);
    });
    fc.assert(
      fc.property(cases, ([rows, columns, Q1, Q2, sigma]) => {
        const values = singularValuesOf(withSingularValues(Q1, Q2, sigma, rows, columns), rows, columns);
        const expected = [...sigma].sort((a, b) => b - a);
        expect(values.length).toBe(expected.length);
        const bound = 8 * expected.length * EPS * Math.max(expected[0], 1e-300);
        expected.forEach((value, i) => expect(Math.abs(values[i] - value)).toBeLessThanOrEqual(bound));
        for (let i = 1; i < values.length; i++) expect(values[i]).toBeLessThanOrEqual(values[i - 1]);
      }),
      { seed: PROPERTY_SEED, numRuns: 300 },
    );
  });

  it('agrees with ml-matrix SVD and keeps ||A||_F^2 = sum sigma_i^2 on Gaussian matrices up to 80 x 60', () => {
    for (const [rows, columns] of [[2, 2], [7, 3], [3, 7], [20, 20], [50, 50], [80, 60], [60, 80]]) {
      const seed = 100 * rows + columns;
      const entries = gaussian(rows, columns, seed);
      const values = singularValuesOf(entries, rows, columns);
      const reference = new SingularValueDecomposition(new Matrix([...Array(rows).keys()].map((i) => Array.from(entries.subarray(i * columns, (i + 1) * columns)))), {
        computeLeftSingularVectors: false,
        computeRightSingularVectors: false,
        autoTranspose: true,
      }).diagonal.sort((a, b) => b - a);
      const c = Math.min(rows, columns);
      reference.forEach((value, i) => expect(Math.abs(values[i] - value), `${rows} x ${columns}, seed ${seed}`).toBeLessThan(16 * c * EPS * reference[0]));
      const total = frobeniusSquared(entries);
      expect(Math.abs(frobeniusSquared(values) - total), `${rows} x ${columns}, seed ${seed}`).toBeLessThan(16 * c * EPS * total);
    }
  });

  it('keeps the small singular values of a graded factor to absolute accuracy c eps sigma_1 (what the squared spectrum of W needs)', () => {
    // A 30 x 30 factor with sigma from 1 down to 1e-15: the accuracy the explorer's log-scale plot relies on.
    const c = 30;
    const sigma = Array.from({ length: c }, (_, i) => 10 ** (-i / 2));
    const random = createRandom(5);
    const randomOrthogonal = (): Matrix => {
      const A = new Matrix(c, c);
      for (let i = 0; i < c; i++) for (let j = 0; j < c; j++) A.set(i, j, random.normal());
      return new SingularValueDecomposition(A).leftSingularVectors;
    };
    const values = singularValuesOf(withSingularValues(randomOrthogonal(), randomOrthogonal(), sigma, c, c), c, c);
    sigma.forEach((value, i) => expect(Math.abs(values[i] - value), `sigma_${i + 1} = ${value}`).toBeLessThan(4 * c * EPS));
  });

  it('handles the zero matrix, vectors, 1 x 1, rank one, diagonal (exactly) and already bidiagonal matrices', () => {
    expect([...singularValuesOf(new Float64Array(6), 2, 3)]).toEqual([0, 0]);
    expect([...singularValuesOf(Float64Array.of(-3), 1, 1)]).toEqual([3]);
    expect(singularValuesOf(Float64Array.of(3, 4), 1, 2)[0]).toBeCloseTo(5, 14);
    expect(singularValuesOf(Float64Array.of(3, 4), 2, 1)[0]).toBeCloseTo(5, 14);
    // x y^T with ||x|| = 3, ||y|| = 5: sigma = (15, 0, 0).
    const x = [1, 2, 2];
    const y = [3, 0, 4];
    const rankOne = singularValuesOf(Float64Array.from(x.flatMap((xi) => y.map((yj) => xi * yj))), 3, 3);
    expect(rankOne[0]).toBeCloseTo(15, 13);
    expect(rankOne[1]).toBeLessThan(1e-14 * 15);
    expect(rankOne[2]).toBeGreaterThanOrEqual(0);
    // A permuted diagonal goes through reflectors: to rounding. A diagonal one does not: exactly.
    singularValuesOf(Float64Array.of(0, 0, -2, 0, 5, 0, 1, 0, 0), 3, 3).forEach((value, i) => expect(value).toBeCloseTo([5, 2, 1][i], 14));
    expect([...singularValuesOf(Float64Array.of(-2, 0, 0, 0, 5, 0, 0, 0, 1e-300), 3, 3)]).toEqual([5, 2, 1e-300]);
    expect([...singularValuesOf(Float64Array.of(0.1, 0, 0, 0, -1 / 3, 0), 2, 3)]).toEqual([1 / 3, 0.1]);
    // The upper bidiagonal with d = 1, e = 1 (n = 4): sigma_j = 2 cos(j pi / 9), j = 1, 2, 3, 4.
    const bidiagonal = Float64Array.of(1, 1, 0, 0, 0, 1, 1, 0, 0, 0, 1, 1, 0, 0, 0, 1);
    const values = singularValuesOf(bidiagonal, 4, 4);
    [1, 2, 3, 4].forEach((j, i) => expect(values[i]).toBeCloseTo(2 * Math.cos((j * Math.PI) / 9), 14));
  });

  it('splits a Golub-Kahan block whose couplings are 1e-234 (QL stalled there before its absolute floor)', () => {
    // x y^T with ||y|| = 1 and a second row 2e-234 times the first: sigma = (||x||, 0).
    const x = [-1, -2e-234];
    const y = [-0.8, 0, 0.6, 0];
    const values = singularValuesOf(Float64Array.from(x.flatMap((xi) => y.map((yj) => xi * yj))), 2, 4);
    expect(values[0]).toBeCloseTo(1, 15);
    expect(values[1]).toBeLessThan(1e-15);
  });

  it('works at every scale from 1e-300 to 1e300, subnormal entries included', () => {
    const base = gaussian(6, 4, 9);
    // Entry 3 becomes the smallest subnormal below: 0 here, which is the same matrix to 1e-23 relative.
    base[3] = 0;
    const reference = singularValuesOf(base, 6, 4);
    for (const scale of [1e-300, 1e-160, 1e-10, 1e150, 1e300]) {
      const scaled = Float64Array.from(base, (value) => value * scale);
      scaled[3] = 5e-324;
      const values = singularValuesOf(scaled, 6, 4);
      expect(values.every(Number.isFinite), `scale ${scale}`).toBe(true);
      reference.forEach((value, i) => expect(Math.abs(values[i] / scale - value), `scale ${scale}`).toBeLessThan(1e-13 * reference[0]));
    }
  });

  it('throws an internal error on non-finite input instead of returning NaN', () => {
    expect(() => singularValuesOf(Float64Array.of(1, Number.NaN), 1, 2)).toThrow(/non-finite/);
    expect(() => singularValuesOf(Float64Array.of(Number.NEGATIVE_INFINITY, 0, 0, 1), 2, 2)).toThrow(/non-finite/);
  });
});
