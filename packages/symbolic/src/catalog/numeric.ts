/**
 * Random matrices for the numeric searches: statements about norms and the Loewner order that
 * the rational engine cannot decide. Their verdict is never better than `unproved`.
 */
import { EigenvalueDecomposition, Matrix, QrDecomposition, inverse } from 'ml-matrix';

import type { NumericCheck } from '../check.js';

/**
 * A numeric search of `trials` random trials, each `trial` returning a violation or undefined:
 * what a numeric entry states beyond its kind, so the entries carry only their mathematics.
 */
export function numericSearch(trials: number, trial: NumericCheck['trial']): NumericCheck {
  return { kind: 'numeric', trials, trial };
}

export function gaussian(uniform: () => number): number {
  // Box-Muller; 1 - u keeps the logarithm finite.
  return Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}

/** A uniformly random integer in [min, max]. */
export function randomInteger(uniform: () => number, min: number, max: number): number {
  return min + Math.floor(uniform() * (max - min + 1));
}

/**
 * A size n in [2, 7] and a split 1 <= k < n: the block shapes the Theorem 4 and Remark III-C2
 * searches range over (sizes past 7 find nothing new and cost the catalog's time budget).
 */
export function randomSplit(uniform: () => number): { n: number; k: number } {
  const n = randomInteger(uniform, 2, 7);
  return { n, k: randomInteger(uniform, 1, n - 1) };
}

/** A random V > 0 of size 2 to 7 and a split 1 <= k < n: an instance of Theorem 4's block arguments. */
export function randomSplitPositiveDefinite(uniform: () => number): { n: number; k: number; V: Matrix } {
  const { n, k } = randomSplit(uniform);
  return { n, k, V: randomPositiveDefinite(n, uniform) };
}

/** A rows x columns matrix of independent standard normal entries, drawn row by row. */
export function gaussianMatrix(rows: number, columns: number, uniform: () => number): Matrix {
  const G = new Matrix(rows, columns);
  for (let i = 0; i < rows; i++) for (let j = 0; j < columns; j++) G.set(i, j, gaussian(uniform));
  return G;
}

/** A random symmetric n x n matrix G + G^T, G Gaussian. */
export function randomSymmetric(n: number, uniform: () => number): Matrix {
  const G = gaussianMatrix(n, n, uniform);
  return G.add(G.transpose());
}

/** A random diagonal matrix with entries |N(0, 1)|: a G >= 0 of the closed form. */
export function randomNonnegativeDiagonal(size: number, uniform: () => number): Matrix {
  return Matrix.diag(Array.from({ length: size }, () => Math.abs(gaussian(uniform))));
}

/** A random symmetric positive definite matrix with condition number up to about 1e3. */
export function randomPositiveDefinite(n: number, uniform: () => number): Matrix {
  const B = gaussianMatrix(n, n, uniform);
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

/** The blocks A11 (k x k), A12 (k x (n - k)) and A22 of a square A split after row and column k, as copies. */
export function splitBlocks(A: Matrix, k: number): [Matrix, Matrix, Matrix] {
  const last = A.rows - 1;
  return [A.subMatrix(0, k - 1, 0, k - 1), A.subMatrix(0, k - 1, k, last), A.subMatrix(k, last, k, last)];
}

/** Theorem 4's M = max(||V||, ||V^{-1}||). */
export function theorem4M(V: Matrix): number {
  return Math.max(spectralNorm(V), spectralNorm(inverse(V)));
}

/** Smallest eigenvalue of the symmetric part: >= 0 up to rounding means A is PSD. */
export function minEigenvalue(A: Matrix): number {
  return Math.min(...symmetricEigenvalues(A));
}

export { Matrix, QrDecomposition, inverse };
