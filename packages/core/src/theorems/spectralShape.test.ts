import { Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';

import { spectralInit } from '../flow/initialization.js';
import { prepareTarget, symmetricEigen } from '../linalg/spectral.js';
import { expectInputErrors } from '../testing/errors.js';
import { spectralShape } from './spectralShape.js';
import { theorem3Plan } from './theorem3.js';

/** Y = Q diag(10, 8, 6, 4) Q^T with Q a Householder reflection: distinct eigenvalues in a non-trivial basis. */
const Q = (() => {
  const v = [1, -2, 2, 4].map((x) => x / 5);
  return new Matrix(v.map((vi, i) => v.map((vj, j) => (i === j ? 1 : 0) - 2 * vi * vj)));
})();
const Y = prepareTarget(Q.mmul(Matrix.diag([10, 8, 6, 4])).mmul(Q.transpose()));
const sigma0 = [1, 0.5, 2, 1.5];
const epsilon = 0.5;

/** The Givens rotation by `angle` in the plane of Y's eigenvectors i and j, as an n x n matrix. */
function rotationInEigenbasis(i: number, j: number, angle: number): Matrix {
  const { vectors } = symmetricEigen(Y);
  const givens = Matrix.eye(4);
  givens.set(i, i, Math.cos(angle));
  givens.set(j, j, Math.cos(angle));
  givens.set(i, j, -Math.sin(angle));
  givens.set(j, i, Math.sin(angle));
  return vectors.mmul(givens).mmul(vectors.transpose());
}

describe('spectralShape', () => {
  const spectral = spectralInit(Y, sigma0, 1);

  it('detects a spectral initialization, recovers sigma_{i,0} and plans Theorem 3 with them', () => {
    const shape = spectralShape({ Y, U0bar: spectral, epsilon });
    expect(shape.applicable).toBe(true);
    expect(shape.commutator).toBeLessThan(1e-14);
    expect(shape.offDiagonal).toBeLessThan(1e-14);
    shape.sigma0.forEach((value, i) => expect(value).toBeCloseTo(sigma0[i], 13));
    expect(shape.reason).toMatch(/^U0 is a spectral initialization: /);
    const direct = theorem3Plan({ sigmaY: [10, 8, 6, 4], sigma0, epsilon });
    expect(shape.plan?.alphaMax).toBeCloseTo(direct.alphaMax ?? 0, 20);
    expect(shape.plan?.alphaMax ?? 0).toBeGreaterThan(0);
    shape.plan?.intervals.forEach((interval, i) => expect(interval.start).toBeCloseTo(direct.intervals[i].start, 9));
  });

  it('decides on W0 = U0bar U0bar^T: a right factor V^T changes nothing, and the plan is made at a given alpha', () => {
    const V = rotationInEigenbasis(0, 3, 0.7);
    const shape = spectralShape({ Y, U0bar: spectral.mmul(V), epsilon, alpha: 1e-12 });
    expect(shape.applicable).toBe(true);
    expect(shape.plan?.alpha).toBeCloseTo(1e-12, 24);
  });

  it('rejects a spectral shape rotated by 1e-6 rad in the eigenbasis, naming the commutator', () => {
    const rotated = rotationInEigenbasis(0, 1, 1e-6).mmul(spectral);
    const shape = spectralShape({ Y, U0bar: rotated, epsilon });
    expect(shape.commutator).toBeGreaterThan(1e-8);
    expect(shape.applicable).toBe(false);
    expect(shape.plan).toBeNull();
    expect(shape.reason).toMatch(/^U0 is not a spectral initialization: \|\|Y W0 - W0 Y\|\| = \d\.\d{3}e-\d+ \|\|Y\|\| \|\|W0\|\| > 1e-10/);
  });

  it('refuses a commuting W0 that is not diagonal in the eigenbasis of a Y with a repeated eigenvalue', () => {
    const repeated = [
      [2, 0, 0],
      [0, 2, 0],
      [0, 0, 1],
    ];
    const U0bar = [
      [1, 0, 0],
      [0.5, Math.sqrt(0.75), 0],
      [0, 0, 1],
    ];
    const shape = spectralShape({ Y: repeated, U0bar, epsilon: 0.5 });
    expect(shape.commutator).toBeLessThan(1e-15);
    expect(shape.offDiagonal).toBeCloseTo(0.5 / 1.5, 12);
    expect(shape.applicable).toBe(false);
    expect(shape.reason).toContain('(nearly) repeated eigenvalues');
  });

  it('classifies but does not plan when epsilon is beyond Theorem 3 (epsilon > sigma_K)', () => {
    const shape = spectralShape({ Y, U0bar: spectral, epsilon: 5 });
    expect(shape.applicable).toBe(false);
    expect(shape.plan).toBeNull();
    expect(shape.reason).toMatch(/^U0 is a spectral initialization but Theorem 3 cannot be planned: epsilon: /);
  });

  it('throws FactorflowInputError on bad input', () => {
    expectInputErrors([
      [() => spectralShape({ Y, U0bar: spectral.to2DArray().slice(1), epsilon }), 'shape'],
      [() => spectralShape({ Y: [[1, 0], [0, -1]], U0bar: [[1], [0]], epsilon }), 'not-psd'],
      [() => spectralShape({ Y: [[1, 2], [0, 1]], U0bar: [[1], [0]], epsilon }), 'not-symmetric'],
      [() => spectralShape({ Y, U0bar: spectral, epsilon: 0 }), 'out-of-range'],
      [() => spectralShape({ Y, U0bar: spectral, epsilon, alpha: -1 }), 'out-of-range'],
      [() => spectralShape({ Y, U0bar: [[Number.NaN, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]], epsilon }), 'not-finite'],
      // sigma_{1,0} = 1e320 is not a double: the error names U0bar and says that alpha absorbs its scale.
      [() => spectralShape({ Y, U0bar: spectral.clone().mul(1e160), epsilon }), 'out-of-range'],
    ]);
  });

  it('gives the same verdict at every scale of U0bar: W0 is formed from U0bar scaled by a power of two', () => {
    const reference = spectralShape({ Y, U0bar: spectral, epsilon });
    // 2^-1060 sigma_{i,0} is subnormal (about 14 bits left); 2^1000 sigma_{i,0} is exact.
    for (const [power, digits] of [[-530, 1e-4], [500, 1e-15]]) {
      const shape = spectralShape({ Y, U0bar: spectral.clone().mul(2 ** power), epsilon });
      expect(shape.applicable).toBe(true);
      expect(shape.commutator).toBe(reference.commutator);
      expect(shape.offDiagonal).toBe(reference.offDiagonal);
      shape.sigma0.forEach((value, i) => expect(Math.abs(value * 2 ** -power * 2 ** -power - reference.sigma0[i])).toBeLessThanOrEqual(digits * reference.sigma0[i]));
    }
  });
});
