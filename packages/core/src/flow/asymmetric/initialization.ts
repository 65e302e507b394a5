/**
 * Balanced starts of the asymmetric flow (U0^T U0 = V0^T V0), the starts for which the closed form
 * of balancedClosedForm holds (our derivation beyond Min & Vidal 2025, Section IV): a seeded random
 * one, and one aligned with Y's singular vectors (the asymmetric analogue of the spectral
 * initialization of Section III-A).
 */
import { Matrix, QrDecomposition, SingularValueDecomposition } from 'ml-matrix';

import { FactorflowInputError } from '../../errors.js';
import { createRandom } from '../../random.js';
import { type MatrixInput, requireEntries, requireInteger, requirePositive, toMatrix } from '../../validate.js';

/** A p x q matrix of iid N(0, 1) entries from `random`. */
function gaussian(random: ReturnType<typeof createRandom>, p: number, q: number): Matrix {
  const out = new Matrix(p, q);
  for (let i = 0; i < p; i++) for (let j = 0; j < q; j++) out.set(i, j, random.normal());
  return out;
}

/**
 * A seeded balanced random start of scale alpha: U0 = alpha^{1/2} P A, V0 = alpha^{1/2} Q A, with
 * P (m x k) and Q (n x k) orthonormal columns (Q factors of Gaussian matrices), A (k x r) with iid
 * N(0, 1) entries and k = min(m, n, r). Then U0^T U0 = alpha A^T A = V0^T V0: balanced (our
 * construction for Min & Vidal 2025, Section IV). Every balanced pair has this form (U0 and V0 share
 * their singular values and right singular vectors), which is why k cannot exceed min(m, n): for
 * r > min(m, n) the start has rank min(m, n), like X = U V^T.
 *
 * @param m - rows of Y (and of U0), an integer >= 1.
 * @param n - columns of Y (rows of V0), an integer >= 1.
 * @param r - width of the factors, an integer >= 1 (any, below, between or above m and n).
 * @param alpha - scale > 0: ||U0||_F^2 = ||V0||_F^2 ~ alpha k r.
 * @param seed - an integer in [0, 2^32); the same seed gives the same start on every platform.
 * @returns `{ U0, V0 }`, m x r and n x r, balanced to rounding (far below `BALANCE_TOLERANCE`).
 * @throws FactorflowInputError `out-of-range` on bad sizes, alpha or seed, or sizes beyond 2^27 entries.
 * @example
 * ```ts
 * const { U0, V0 } = balancedInit(3, 5, 2, 1e-6, 42);
 * imbalance(U0, V0); // ~ 0 (r x r)
 * ```
 */
export function balancedInit(m: number, n: number, r: number, alpha: number, seed: number): { U0: Matrix; V0: Matrix } {
  requireInteger(m, 'm', 1, Number.MAX_SAFE_INTEGER);
  requireInteger(n, 'n', 1, Number.MAX_SAFE_INTEGER);
  requireInteger(r, 'r', 1, Number.MAX_SAFE_INTEGER);
  requireEntries(m * r, m >= r ? 'm' : 'r', `U0, an m x r = ${m} x ${r} matrix`);
  requireEntries(n * r, n >= r ? 'n' : 'r', `V0, an n x r = ${n} x ${r} matrix`);
  requirePositive(alpha, 'alpha', 'alpha is the initialization scale, U0 = alpha^{1/2} P A.');
  const random = createRandom(requireInteger(seed, 'seed', 0, 0xffffffff));
  const k = Math.min(m, n, r);
  const P = new QrDecomposition(gaussian(random, m, k)).orthogonalMatrix;
  const Q = new QrDecomposition(gaussian(random, n, k)).orthogonalMatrix;
  const A = gaussian(random, k, r).mul(Math.sqrt(alpha));
  return { U0: P.mmul(A), V0: Q.mmul(A) };
}

/**
 * A balanced start aligned with Y's singular vectors, Y = P diag(sigma) Q^T (thin SVD, sigma
 * decreasing): U0 = alpha^{1/2} P diag(sigma0)^{1/2}, V0 = alpha^{1/2} Q diag(sigma0)^{1/2}, the
 * asymmetric analogue of the spectral initialization of Min & Vidal 2025, Section III-A. Then
 * U0^T U0 = V0^T V0 = alpha diag(sigma0), and X(t) keeps Y's singular vectors, each singular value
 * following Corollary 2's scalar flow for the pair (sigma_i, alpha sigma0_i) (our derivation: in the
 * eigenbasis of Ysym the start excites only the +sigma_i and -sigma_i modes, with equal weight).
 * Since ||X(t) - Y_hat_k||_2 = max_i |x_i(t) - [i <= k] sigma_i|, the flow is then Theorem 3's
 * symmetric flow on diag(sigma) from W0 = alpha diag(sigma0), so theorem3Plan({ sigmaY: sigma, sigma0,
 * epsilon, alpha }) gives guaranteed windows for X (checked against asymmetricWindows in the tests).
 * Singular vectors of zero singular values are paired in the order the SVD returns them (any pairing
 * is a valid SVD there).
 *
 * @param Y - target, m x n.
 * @param sigma0 - min(m, n) values >= 0, paired with the singular values of Y in decreasing order.
 * @param alpha - scale > 0.
 * @returns `{ U0, V0 }`, m x min(m, n) and n x min(m, n).
 * @throws FactorflowInputError on a malformed Y, sigma0 of the wrong length or with a negative or
 *   non-finite entry, alpha <= 0.
 * @example
 * ```ts
 * const { U0, V0 } = spectralBalancedInit([[3, 0, 0], [0, 1, 0]], [1, 1], 1e-6); // U0 U0^T = 1e-6 I
 * ```
 */
export function spectralBalancedInit(Y: MatrixInput, sigma0: ArrayLike<number>, alpha: number): { U0: Matrix; V0: Matrix } {
  const target = toMatrix(Y, 'Y');
  const { rows: m, columns: n } = target;
  const p = Math.min(m, n);
  requirePositive(alpha, 'alpha', 'alpha is the initialization scale, U0 = alpha^{1/2} P diag(sigma0)^{1/2}.');
  if (sigma0 === null || typeof sigma0 !== 'object' || sigma0.length !== p) {
    throw new FactorflowInputError('shape', 'sigma0', `expected min(m, n) = ${p} values sigma0_i, one per singular value of Y.`);
  }
  const weights = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    const value = sigma0[j];
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new FactorflowInputError('out-of-range', `sigma0[${j}]`, `is ${String(value)}; each sigma0_i must be a finite number >= 0.`);
    }
    // sqrt(alpha) sqrt(sigma0) stays representable where the product alpha sigma0 would not.
    weights[j] = Math.sqrt(alpha) * Math.sqrt(value);
  }
  const { P, Q } = singularVectors(target);
  const U0 = new Matrix(m, p);
  const V0 = new Matrix(n, p);
  for (let j = 0; j < p; j++) {
    for (let i = 0; i < m; i++) U0.set(i, j, weights[j] * P.get(i, j));
    for (let i = 0; i < n; i++) V0.set(i, j, weights[j] * Q.get(i, j));
  }
  return { U0, V0 };
}

/**
 * The thin singular vectors P (m x p) and Q (n x p), p = min(m, n), of Y scaled to max |entry| = 1
 * with entries below 1e-60 of it set to 0: ml-matrix's SVD goes wrong when products of entries
 * underflow (see `normalized` in linalg/spectral.ts), and neither step changes the singular vectors
 * beyond rounding.
 */
function singularVectors(Y: Matrix): { P: Matrix; Q: Matrix } {
  const scale = Math.max(Y.max(), -Y.min());
  const unit = scale > 0 ? Y.clone().div(scale) : Y.clone();
  for (let i = 0; i < unit.rows; i++) for (let j = 0; j < unit.columns; j++) if (Math.abs(unit.get(i, j)) < 1e-60) unit.set(i, j, 0);
  const svd = new SingularValueDecomposition(unit, { autoTranspose: true });
  return { P: svd.leftSingularVectors, Q: svd.rightSingularVectors };
}
