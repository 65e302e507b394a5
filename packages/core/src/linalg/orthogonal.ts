/**
 * Seeded test targets with a prescribed spectrum: Y = Q diag(lambda) Q^T in a generic eigenbasis,
 * the setting of Min & Vidal (2025), Proposition 1 (Y = Phi Sigma_Y Phi^T) without the
 * axis-aligned special case. Used by the verification suites, the tests and the live examples.
 */
import { Matrix, QrDecomposition } from 'ml-matrix';

import { FactorflowInputError } from '../errors.js';
import { gaussianInit } from '../random.js';
import { type MatrixInput, requireEntries, requireFinite, requireInteger, requireNonNegative, requireNumbers, toMatrix } from '../validate.js';

/**
 * A seeded random orthogonal n x n matrix: Q of the QR factorization of a matrix with iid N(0, 1)
 * entries (`gaussianInit(n, n, 1, seed)`), the same on every platform for the same seed.
 *
 * @param n - size, an integer >= 1.
 * @param seed - an integer in [0, 2^32).
 * @returns Q with Q^T Q = I up to rounding.
 * @throws FactorflowInputError `out-of-range` on a bad n or seed, or n^2 beyond 2^27 entries.
 * @example
 * ```ts
 * const Q = randomOrthogonal(3, 7);
 * Q.transpose().mmul(Q); // ~ I
 * ```
 */
export function randomOrthogonal(n: number, seed: number): Matrix {
  requireInteger(n, 'n', 1, Number.MAX_SAFE_INTEGER);
  requireEntries(n * n, 'n', `a ${n} x ${n} matrix`);
  return new QrDecomposition(gaussianInit(n, n, 1, seed)).orthogonalMatrix;
}

/**
 * Y = Q diag(lambda) Q^T, symmetrized exactly, (Y + Y^T) / 2, so that the symmetric fast paths
 * apply and the eigenvalues of Y are lambda up to rounding.
 *
 * @param Q - an orthogonal n x n matrix (e.g. {@link randomOrthogonal}).
 * @param lambda - the n eigenvalues, finite, any order and sign.
 * @returns Y, n x n, exactly symmetric.
 * @throws FactorflowInputError on a malformed or non-square Q, lambda not n finite numbers, or a
 *   product beyond the largest double.
 * @example
 * ```ts
 * const Y = symmetricWithSpectrum(randomOrthogonal(3, 7), [10, 8, 0]);
 * ```
 */
export function symmetricWithSpectrum(Q: MatrixInput, lambda: readonly number[]): Matrix {
  const basis = toMatrix(Q, 'Q');
  if (basis.rows !== basis.columns) throw new FactorflowInputError('shape', 'Q', `must be square, got ${basis.rows} x ${basis.columns}.`);
  const values = requireNumbers(lambda, 'lambda', 'eigenvalues', (value, argument) => requireFinite(value, argument, 'an eigenvalue'));
  if (values.length !== basis.rows) {
    throw new FactorflowInputError('out-of-range', 'lambda', `has ${values.length} eigenvalues but Q is ${basis.rows} x ${basis.rows}; give one per column of Q.`);
  }
  const Y = product(basis, values);
  if (Y !== null) return Y.add(Y.transpose()).div(2);
  // Near the largest double: the same product with the eigenvalues divided by the largest, scaled
  // back at the end, and halves summed so that (Y + Y^T) / 2 cannot overflow either.
  const scale = values.reduce((largest, value) => Math.max(largest, Math.abs(value)), 0);
  const unit = product(basis, values.map((value) => value / scale));
  const scaled = unit === null ? null : unit.add(unit.transpose()).mul(0.5 * scale);
  if (scaled === null || !isFinite(scaled)) {
    const orthogonal = Math.max(basis.max(), -basis.min()) <= 1 + 1e-8;
    throw new FactorflowInputError(
      'out-of-range',
      orthogonal ? 'lambda' : 'Q',
      orthogonal
        ? `Q diag(lambda) Q^T has entries beyond the largest double (eigenvalues up to ${scale.toExponential(3)}); rescale lambda.`
        : 'Q diag(lambda) Q^T has entries beyond the largest double; Q must be orthogonal (entries at most 1 in magnitude).',
    );
  }
  return scaled;
}

/**
 * Y = P S Q^T with S the m x n matrix holding `sigma` on its diagonal (zeros after it): an m x n
 * target whose singular values are sigma padded with zeros, in the singular vectors P and Q. The
 * rectangular counterpart of {@link symmetricWithSpectrum}, for the asymmetric factorization U V^T
 * that Min & Vidal (2025) leave to Section IV (Y = P diag(sigma) Q^T, their eq. (1) with U V^T).
 *
 * @param P - an orthogonal m x m matrix (left singular vectors, e.g. {@link randomOrthogonal}).
 * @param Q - an orthogonal n x n matrix (right singular vectors).
 * @param sigma - at most min(m, n) finite values >= 0, any order (fewer give a rank-deficient Y).
 * @returns Y, m x n.
 * @throws FactorflowInputError on a malformed, non-square or non-orthogonal (beyond 1e-8) P or Q, a
 *   bad sigma, or entries beyond the largest double.
 * @example
 * ```ts
 * const Y = rectangularWithSpectrum(randomOrthogonal(3, 7), randomOrthogonal(5, 8), [3, 2, 1]);
 * ```
 */
export function rectangularWithSpectrum(P: MatrixInput, Q: MatrixInput, sigma: readonly number[]): Matrix {
  const left = toMatrix(P, 'P');
  const right = toMatrix(Q, 'Q');
  for (const [matrix, argument] of [[left, 'P'], [right, 'Q']] as const) {
    if (matrix.rows !== matrix.columns) throw new FactorflowInputError('shape', argument, `must be square (orthogonal), got ${matrix.rows} x ${matrix.columns}.`);
    // The singular values are sigma only if P and Q are orthogonal; a matrix that is not would
    // silently give a target with other singular values.
    const departure = orthogonalityDefect(matrix);
    if (!(departure <= ORTHOGONALITY_TOLERANCE)) {
      throw new FactorflowInputError('out-of-range', argument, `must be orthogonal: max |${argument}^T ${argument} - I| is ${departure.toExponential(2)} (> ${ORTHOGONALITY_TOLERANCE}); pass e.g. randomOrthogonal(${matrix.rows}, seed).`);
    }
  }
  const values = requireNumbers(sigma, 'sigma', 'singular values', (value, argument) => requireNonNegative(value, argument, 'a singular value'));
  const limit = Math.min(left.rows, right.rows);
  if (values.length > limit) {
    throw new FactorflowInputError('out-of-range', 'sigma', `has ${values.length} singular values but a ${left.rows} x ${right.rows} matrix has at most ${limit}; remove ${values.length - limit}.`);
  }
  // Only the first K columns of P and Q meet a non-zero of S: Y = P_K diag(sigma) Q_K^T.
  const count = values.length;
  const scaled = new Matrix(left.rows, count);
  for (let i = 0; i < left.rows; i++) for (let k = 0; k < count; k++) scaled.set(i, k, left.get(i, k) * values[k]);
  const Y = count === 0 ? new Matrix(left.rows, right.rows) : scaled.mmul(right.subMatrix(0, right.rows - 1, 0, count - 1).transpose());
  if (!isFinite(Y)) throw new FactorflowInputError('out-of-range', 'sigma', 'P diag(sigma) Q^T has entries beyond the largest double; rescale sigma.');
  return Y;
}

/** Loose enough for any orthogonal matrix computed in double precision, tight enough to catch one that is not. */
const ORTHOGONALITY_TOLERANCE = 1e-8;

/** max |A^T A - I|, NaN when a product is not finite (which the caller's `<=` test rejects). */
function orthogonalityDefect(matrix: Matrix): number {
  const gram = matrix.transpose().mmul(matrix).sub(Matrix.eye(matrix.rows));
  return gram.to1DArray().reduce((largest, value) => (Number.isFinite(value) ? Math.max(largest, Math.abs(value)) : Number.NaN), 0);
}

/** Q diag(lambda) Q^T, or null when an entry is not finite. */
function product(Q: Matrix, lambda: Float64Array): Matrix | null {
  const Y = Q.mmul(Matrix.diag(Array.from(lambda))).mmul(Q.transpose());
  return isFinite(Y) ? Y : null;
}

function isFinite(matrix: Matrix): boolean {
  // Not max() and min(): ml-matrix compares with >, which a NaN fails silently.
  return matrix.to1DArray().every(Number.isFinite);
}
