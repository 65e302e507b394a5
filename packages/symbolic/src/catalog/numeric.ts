/**
 * Random matrices for the numeric searches: statements about norms and the Loewner order that
 * the rational engine cannot decide. Their verdict is never better than `unproved`.
 */
import { EigenvalueDecomposition, Matrix, QrDecomposition, inverse } from 'ml-matrix';

export function gaussian(uniform: () => number): number {
  // Box-Muller; 1 - u keeps the logarithm finite.
  return Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}

/** A random symmetric positive definite matrix with condition number up to about 1e3. */
export function randomPositiveDefinite(n: number, uniform: () => number): Matrix {
  const B = new Matrix(n, n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) B.set(i, j, gaussian(uniform));
  const shift = 10 ** (-3 * uniform());
  return B.mmul(B.transpose()).div(n).add(Matrix.eye(n).mul(shift));
}

function symmetricEigenvalues(A: Matrix): number[] {
  const symmetric = A.add(A.transpose()).div(2);
  return new EigenvalueDecomposition(symmetric, { assumeSymmetric: true }).realEigenvalues;
}

export function spectralNorm(A: Matrix): number {
  return Math.sqrt(Math.max(0, ...symmetricEigenvalues(A.transpose().mmul(A))));
}

/** Smallest eigenvalue of the symmetric part: >= 0 up to rounding means A is PSD. */
export function minEigenvalue(A: Matrix): number {
  return Math.min(...symmetricEigenvalues(A));
}

export { Matrix, QrDecomposition, inverse };
