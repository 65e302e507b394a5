/**
 * Eigenvalues and eigenvectors of a dense symmetric matrix on Float64Array, as LAPACK dsyevd:
 * Householder tridiagonalization A = Q T Q^T, T = Z Lambda Z^T by divide and conquer (implicit QL on
 * small blocks), and the eigenvectors Q Z with the reflectors applied as matrix products (Golub &
 * Van Loan, Matrix Computations, 4th ed., Algorithm 8.3.1 and Section 8.4.4).
 */
import { tridiagonalEigenvectors } from './divideConquer.js';
import { applyReflectors, tridiagonalize } from './householder.js';

/** A = Phi diag(values) Phi^T, values decreasing, phi[i * n + j] = component i of eigenvector j. */
export interface EigenpairsData {
  readonly values: Float64Array;
  readonly phi: Float64Array;
}

/**
 * The eigendecomposition of the symmetric n x n matrix stored row-major in `matrix` (its lower
 * triangle is read; the caller guarantees symmetry and finiteness; not modified). Backward stable:
 * Phi is orthonormal to a small multiple of n eps and Phi diag(values) Phi^T is within a small
 * multiple of n eps ||A||_2 of A. The eigendecomposition of Min & Vidal (2025), Proposition 1.
 *
 * The matrix is first scaled to max |entry| = 1, so that squares and products of entries stay in
 * the normal range; the eigenvalues are scaled back, and may overflow to +-Infinity when the
 * entries are near the largest double (the caller reports that). No entry is cut: every reflector
 * is scaled by its column's largest entry and every rotation is formed without overflow or
 * underflow, so entries down to the subnormals beside 1 are harmless (see symmetricEigen.test.ts).
 * T is split where a coupling is negligible beside its diagonal entries, and blocks of different
 * scales are solved apart (see `tridiagonalEigenvectors`), so graded matrices keep the accuracy QL gave.
 *
 * @param matrix - row-major n x n entries of a symmetric matrix.
 * @param n - the order, a positive integer.
 * @returns the eigenvalues, decreasing (ties in the order the solver leaves them), and Phi row-major.
 * @throws Error on a non-finite entry or if QL fails to converge (internal errors: callers validate).
 */
export function symmetricEigenpairs(matrix: Float64Array, n: number): EigenpairsData {
  let scale = 0;
  for (let i = 0; i < n * n; i++) scale = Math.max(scale, Math.abs(matrix[i]));
  if (!Number.isFinite(scale)) throw new Error(`symmetricEigenpairs: a ${n} x ${n} matrix with a non-finite entry (an internal error; please report it)`);
  if (scale === 0) {
    const phi = new Float64Array(n * n);
    for (let i = 0; i < n; i++) phi[i * n + i] = 1;
    return { values: new Float64Array(n), phi };
  }
  const work = new Float64Array(n * n);
  for (let i = 0; i < n * n; i++) work[i] = matrix[i] / scale;
  const tridiagonal = tridiagonalize(work, n, true);
  const { diagonal, offDiagonal } = tridiagonal;
  const vectors = tridiagonalEigenvectors(diagonal, offDiagonal);
  applyReflectors(tridiagonal, n, vectors);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => diagonal[b] - diagonal[a]);
  const values = new Float64Array(n);
  for (let j = 0; j < n; j++) values[j] = diagonal[order[j]] * scale;
  const phi = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const row = i * n;
    for (let j = 0; j < n; j++) phi[row + j] = vectors[row + order[j]];
  }
  return { values, phi };
}
