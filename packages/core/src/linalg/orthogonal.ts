/**
 * Seeded test targets with a prescribed spectrum: Y = Q diag(lambda) Q^T in a generic eigenbasis,
 * the setting of Min & Vidal (2025), Proposition 1 (Y = Phi Sigma_Y Phi^T) without the
 * axis-aligned special case. Used by the verification suites, the tests and the live examples.
 */
import { Matrix, QrDecomposition } from 'ml-matrix';

import { FactorflowInputError } from '../errors.js';
import { gaussianInit } from '../random.js';
import { type MatrixInput, requireInteger, toMatrix } from '../validate.js';

/**
 * A seeded random orthogonal n x n matrix: Q of the QR factorization of a matrix with iid N(0, 1)
 * entries (`gaussianInit(n, n, 1, seed)`), the same on every platform for the same seed.
 *
 * @param n - size, an integer >= 1.
 * @param seed - an integer in [0, 2^32).
 * @returns Q with Q^T Q = I up to rounding.
 * @throws FactorflowInputError `out-of-range` on a bad n or seed.
 * @example
 * ```ts
 * const Q = randomOrthogonal(3, 7);
 * Q.transpose().mmul(Q); // ~ I
 * ```
 */
export function randomOrthogonal(n: number, seed: number): Matrix {
  requireInteger(n, 'n', 1, Number.MAX_SAFE_INTEGER);
  return new QrDecomposition(gaussianInit(n, n, 1, seed)).orthogonalMatrix;
}

/**
 * Y = Q diag(lambda) Q^T, symmetrized exactly, (Y + Y^T) / 2, so that the symmetric fast paths
 * apply and the eigenvalues of Y are lambda up to rounding.
 *
 * @param Q - an orthogonal n x n matrix (e.g. {@link randomOrthogonal}).
 * @param lambda - the n eigenvalues, finite, any order and sign.
 * @returns Y, n x n, exactly symmetric.
 * @throws FactorflowInputError on a malformed or non-square Q, or lambda not n finite numbers.
 * @example
 * ```ts
 * const Y = symmetricWithSpectrum(randomOrthogonal(3, 7), [10, 8, 0]);
 * ```
 */
export function symmetricWithSpectrum(Q: MatrixInput, lambda: readonly number[]): Matrix {
  const basis = toMatrix(Q, 'Q');
  if (basis.rows !== basis.columns) throw new FactorflowInputError('shape', 'Q', `must be square, got ${basis.rows} x ${basis.columns}.`);
  if (!Array.isArray(lambda) || lambda.length !== basis.rows || !lambda.every((value) => typeof value === 'number' && Number.isFinite(value))) {
    throw new FactorflowInputError('out-of-range', 'lambda', `expected ${basis.rows} finite eigenvalues, one per column of Q.`);
  }
  const Y = basis.mmul(Matrix.diag([...lambda])).mmul(basis.transpose());
  return Y.add(Y.transpose()).div(2);
}
