import { Matrix } from 'ml-matrix';

import { FactorflowInputError } from '../errors.js';
import { type MatrixInput, requirePositive } from '../validate.js';
import { type PreparedTarget, targetOf } from '../linalg/spectral.js';

/**
 * A spectral initialization U(0) = alpha^{1/2} Phi Sigma_{U0} (Min & Vidal 2025, Section III-A,
 * with V_{U0} = I), where Y = Phi diag(sigma_Y) Phi^T with eigenvalues in decreasing order and
 * Sigma_{U0}^2 = diag(sigma0). Under it W(t) stays diagonal in Phi and each mode follows
 * Corollary 2 (eqs. (12)-(13)).
 *
 * @param Y - symmetric n x n target, or its {@link PreparedTarget}.
 * @param sigma0 - sigma_{i,0} >= 0 for i = 1..n, paired with the eigenvalues of Y in decreasing order.
 * @param alpha - initialization scale > 0.
 * @returns U0, n x n, finite for every valid input (alpha sigma_{i,0} up to MAX^2 or down to 1e-600).
 * @throws FactorflowInputError on a malformed Y, sigma0 of the wrong length or negative, alpha <= 0.
 * @example
 * ```ts
 * const U0 = spectralInit([[2, 1], [1, 2]], [1, 1], 1e-6); // W(0) = 1e-6 I
 * ```
 */
export function spectralInit(Y: MatrixInput | PreparedTarget, sigma0: ArrayLike<number>, alpha: number): Matrix {
  const { n, phi } = targetOf(Y);
  requirePositive(alpha, 'alpha', 'alpha is the initialization scale, U(0) = alpha^{1/2} U0bar.');
  if (sigma0 === null || typeof sigma0 !== 'object' || sigma0.length !== n) {
    throw new FactorflowInputError('shape', 'sigma0', `expected ${n} values sigma_{i,0}, one per eigenvalue of Y.`);
  }
  const U0 = new Matrix(n, n);
  for (let j = 0; j < n; j++) {
    const shape = sigma0[j];
    if (typeof shape !== 'number' || !Number.isFinite(shape) || shape < 0) {
      throw new FactorflowInputError('out-of-range', `sigma0[${j}]`, `is ${String(shape)}; sigma_{i,0} = [Sigma_U0^2]_ii must be >= 0.`);
    }
    // sqrt(alpha) sqrt(sigma0) <= sqrt(MAX)^2: the entry of U0 is representable even where the
    // product alpha sigma0 (the entry of W0) over- or underflows.
    const scale = Math.sqrt(alpha) * Math.sqrt(shape);
    for (let i = 0; i < n; i++) U0.set(i, j, scale * phi[i * n + j]);
  }
  return U0;
}
