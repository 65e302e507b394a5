import fc from 'fast-check';
import { Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';

import { FactorflowInputError } from '../errors.js';
import { bestRankK, eigenOfSymmetric, spectralNorm, symmetricEigen } from './spectral.js';
import { ENTRIES_SPANNING_140_DECADES } from '../testing/fixtures.js';
import { PROPERTY_SEED, factor, maxAbsDifference, symmetricMatrix } from '../testing/arbitraries.js';

const anySymmetric = fc
  .integer({ min: 1, max: 6 })
  .chain((n) => fc.constantFrom('psd', 'psd-with-zeros', 'indefinite' as const).chain((kind) => symmetricMatrix(n, kind)));

describe('symmetricEigen', () => {
  it('reconstructs Y with orthonormal eigenvectors and decreasing eigenvalues', () => {
    fc.assert(
      fc.property(anySymmetric, ({ Y, lambda }) => {
        const { values, vectors } = symmetricEigen(Y);
        const n = Y.length;
        const scale = Math.max(...lambda.map(Math.abs), 1e-300);
        expect(maxAbsDifference(vectors.mmul(Matrix.diag(Array.from(values))).mmul(vectors.transpose()), Y)).toBeLessThan(1e-13 * scale);
        expect(maxAbsDifference(vectors.transpose().mmul(vectors), Matrix.eye(n))).toBeLessThan(1e-13);
        values.forEach((value, i) => i > 0 && expect(value).toBeLessThanOrEqual(values[i - 1]));
        const expected = [...lambda].sort((a, b) => b - a);
        expected.forEach((value, i) => expect(Math.abs(values[i] - value)).toBeLessThan(1e-13 * scale));
      }),
      { seed: PROPERTY_SEED, numRuns: 300 },
    );
  });

  it('works at every scale, subnormal entries included', () => {
    for (const scale of [1e-300, 1e-160, 1e-10, 1, 1e150, 1e300]) {
      const Y = [
        [2 * scale, scale, 5e-324],
        [scale, 3 * scale, 0],
        [5e-324, 0, -scale],
      ];
      const { values } = symmetricEigen(Y);
      expect(values.every(Number.isFinite)).toBe(true);
      expect(values[2] / scale).toBeCloseTo(-1, 12);
      expect((values[0] + values[1]) / scale).toBeCloseTo(5, 12);
    }
  });

  it('decomposes entries spanning 140 decades, which crashed ml-matrix tql2', () => {
    const Y = ENTRIES_SPANNING_140_DECADES.map((row) => [...row]);
    const { values, vectors } = symmetricEigen(Y);
    const reconstructed = vectors.mmul(Matrix.diag([...values])).mmul(vectors.transpose());
    expect(maxAbsDifference(reconstructed, new Matrix(Y))).toBeLessThan(1e-15);
    expect(maxAbsDifference(vectors.transpose().mmul(vectors), Matrix.eye(6))).toBeLessThan(1e-14);
    expect(values[5]).toBeCloseTo(-1, 15);
  });

  it('decomposes a diagonal Y exactly: values sorted decreasing, Phi a permutation, ties and signs kept', () => {
    const diagonal = [2, -1, 0, 5, 2, 1e-300, -7];
    const { values, vectors } = symmetricEigen(Matrix.diag(diagonal).to2DArray());
    expect([...values]).toEqual([...diagonal].sort((a, b) => b - a));
    // Exactly Y = Phi diag(values) Phi^T, not to rounding.
    expect(vectors.mmul(Matrix.diag([...values])).mmul(vectors.transpose()).to2DArray()).toEqual(Matrix.diag(diagonal).to2DArray());
    expect(vectors.transpose().mmul(vectors).to2DArray()).toEqual(Matrix.eye(7).to2DArray());
    // One off-diagonal entry couples the tied 2s into 3 and 1, along (e_1 +- e_5) / sqrt(2).
    const coupled = Matrix.diag(diagonal);
    coupled.set(0, 4, 1).set(4, 0, 1);
    const general = symmetricEigen(coupled);
    expect(general.values[1]).toBeCloseTo(3, 14);
    expect(Math.abs(general.vectors.get(0, 1))).toBeCloseTo(Math.SQRT1_2, 14);
  });

  it('symmetrizes rounding-level asymmetry and rejects more', () => {
    expect(symmetricEigen([[1, 2 + 1e-15], [2, 1]]).values[0]).toBeCloseTo(3, 14);
    expect(() => symmetricEigen([[1, 2.001], [2, 1]])).toThrow(FactorflowInputError);
    expect(() => symmetricEigen([[1, 2, 3], [4, 5, 6]])).toThrow(/square/);
  });
});

describe('eigenOfSymmetric on one entry per row (the lift of a diagonal rectangular Y)', () => {
  it('decomposes [[0, Y], [Y^T, 0]] by its structure: +-sigma with (e_i +- e_j) / sqrt 2, and the zero rows as unit vectors', () => {
    // Y = [[3, 0, 0], [0, -1e-300, 0]] lifted: rows 0-1 are Y's, rows 2-4 its columns.
    const lifted = new Matrix(5, 5);
    lifted.set(0, 2, 3).set(2, 0, 3).set(1, 3, -1e-300).set(3, 1, -1e-300);
    const { values, phi, exactVectors } = eigenOfSymmetric(lifted);
    expect(Array.from(values)).toEqual([3, 1e-300, 0, -1e-300, -3]);
    expect(exactVectors).toBe(true);
    const s = Math.SQRT1_2;
    const column = (j: number): number[] => [0, 1, 2, 3, 4].map((i) => phi[i * 5 + j]);
    expect(column(0)).toEqual([s, 0, s, 0, 0]);
    expect(column(1)).toEqual([0, s, 0, -s, 0]);
    expect(column(2)).toEqual([0, 0, 0, 0, 1]);
    expect(column(4)).toEqual([s, 0, -s, 0, 0]);
    // Each column is an eigenvector to the rounding of 1/sqrt 2 (relative eps), the bound basisChange uses.
    const vectors = Matrix.from1DArray(5, 5, phi);
    const residual = lifted.mmul(vectors).sub(vectors.mmul(Matrix.diag(Array.from(values))));
    expect(residual.abs().max()).toBeLessThanOrEqual(3 * Number.EPSILON);
  });

  it('leaves a matrix with two entries in a row to the eigensolver', () => {
    expect(eigenOfSymmetric(new Matrix([[1, 2], [2, 0]])).exactVectors).toBeUndefined();
  });
});

describe('bestRankK (eq. (17))', () => {
  it('keeps the k largest |eigenvalues| and beats any other rank-k matrix in Frobenius norm', () => {
    fc.assert(
      fc.property(
        anySymmetric.chain((instance) =>
          fc.tuple(
            fc.constant(instance),
            fc.integer({ min: 0, max: instance.Y.length }),
            factor(instance.Y.length, instance.Y.length, 3),
          ),
        ),
        ([{ Y, lambda }, k, other]) => {
          const approximation = bestRankK(Y, k);
          const residual = new Matrix(Y).sub(approximation).norm() ** 2;
          const discarded = [...lambda].sort((a, b) => Math.abs(b) - Math.abs(a)).slice(k);
          const scale = Math.max(...lambda.map(Math.abs), 1e-300) ** 2;
          expect(Math.abs(residual - discarded.reduce((sum, x) => sum + x * x, 0))).toBeLessThanOrEqual(1e-12 * scale);
          // A competitor of rank <= k: the first k columns of `other` times their transpose, signed.
          const B = new Matrix(other).subMatrix(0, Y.length - 1, 0, Math.max(k, 1) - 1);
          const competitor = k === 0 ? Matrix.zeros(Y.length, Y.length) : B.mmul(B.transpose());
          expect(residual).toBeLessThanOrEqual(new Matrix(Y).sub(competitor).norm() ** 2 + 1e-12 * scale);
        },
      ),
      { seed: PROPERTY_SEED, numRuns: 300 },
    );
  });

  it('rejects k outside [0, n]', () => {
    expect(() => bestRankK([[1, 0], [0, 2]], 3)).toThrow(FactorflowInputError);
    expect(() => bestRankK([[1, 0], [0, 2]], 1.5)).toThrow(FactorflowInputError);
  });
});

describe('spectralNorm', () => {
  it('throws out-of-range instead of returning Infinity when ||A||_2 overflows, and is exact just below', () => {
    const big = 1.5e308;
    expect(() => spectralNorm([[big, big], [big, big]])).toThrow(/exceeds double precision/);
    expect(() => spectralNorm([[big, big], [-big, big]])).toThrow(/exceeds double precision/);
    expect(spectralNorm([[big, 0], [0, -big]])).toBe(big);
  });

  it('is max |lambda| for symmetric matrices and bounds ||A x|| / ||x|| for any matrix', () => {
    fc.assert(
      fc.property(anySymmetric, ({ Y, lambda }) => {
        expect(spectralNorm(Y)).toBeCloseTo(Math.max(...lambda.map(Math.abs)), 12);
      }),
      { seed: PROPERTY_SEED, numRuns: 200 },
    );
    fc.assert(
      fc.property(
        fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 })).chain(([m, n]) => fc.tuple(factor(m, n), factor(n, 1))),
        ([A, x]) => {
          const norm = spectralNorm(A);
          const image = new Matrix(A).mmul(new Matrix(x)).norm();
          expect(image).toBeLessThanOrEqual(norm * new Matrix(x).norm() * (1 + 1e-12) + 1e-300);
          // Attained: ||A||^2 is the largest eigenvalue of A^T A.
          const gram = new Matrix(A).transpose().mmul(new Matrix(A));
          expect(norm ** 2).toBeCloseTo(symmetricEigen(gram.to2DArray()).values[0], 10);
        },
      ),
      { seed: PROPERTY_SEED, numRuns: 200 },
    );
  });
});
