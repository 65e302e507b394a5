/**
 * Seeded rectangular targets for the asymmetric flow (balancedClosedForm and its routes): a
 * prescribed spectrum in generic singular vectors, the rectangular counterpart of
 * symmetricWithSpectrum.
 */
import type { Matrix } from 'ml-matrix';

import { randomOrthogonal, rectangularWithSpectrum } from '../linalg/orthogonal.js';

/**
 * rectangularWithSpectrum with P (m x m) and Q (n x n) seeded random orthogonal matrices: singular
 * values sigma (padded with zeros) in generic singular vectors.
 *
 * @param m - rows. @param n - columns.
 * @param sigma - at most min(m, n) values >= 0 (fewer give a rank-deficient Y).
 * @param seed - P uses `seed`, Q `seed + 1`.
 * @returns Y, m x n.
 * @example
 * ```ts
 * const Y = rectangularTarget(3, 5, [3, 2, 1], 7); // singular values 3, 2, 1
 * ```
 */
export function rectangularTarget(m: number, n: number, sigma: readonly number[], seed: number): Matrix {
  return rectangularWithSpectrum(randomOrthogonal(m, seed), randomOrthogonal(n, seed + 1), sigma);
}
