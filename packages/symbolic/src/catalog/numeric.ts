/**
 * Matrices for the adversarial searches: statements about norms and the Loewner order that the
 * rational engine cannot decide, with every parameter vector mapped into the claim's domain.
 * Their verdict is never better than `unproved`.
 */
import { EigenvalueDecomposition, Matrix, QrDecomposition, inverse } from 'ml-matrix';

import type { AdversarialCheck } from '../adversarial.js';

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

/**
 * An adversarial search (see `AdversarialCheck`) over the given cases: 3 random starts per case,
 * 150 Nelder-Mead evaluations per start, violations beyond a relative 1e-9 (rounding).
 */
export function adversarialSearch(cases: AdversarialCheck['cases'], restarts = 3, evaluations = 150): AdversarialCheck {
  return { kind: 'adversarial', cases, restarts, evaluations, tolerance: 1e-9 };
}

/** Every split of sizes 2 to `largest`: `n = 2, k = 1` up to `n = largest, k = largest - 1`. */
export function splits(largest: number): { n: number; k: number; label: string }[] {
  return Array.from({ length: largest - 1 }, (_, index) => index + 2).flatMap((n) => Array.from({ length: n - 1 }, (_, index) => ({ n, k: index + 1, label: `n = ${n}, k = ${index + 1}` })));
}

/** A rows x columns matrix read from parameters[offset ...], row by row. */
export function matrixFrom(parameters: readonly number[], offset: number, rows: number, columns: number): Matrix {
  return new Matrix(Array.from({ length: rows }, (_, i) => parameters.slice(offset + i * columns, offset + (i + 1) * columns)));
}

/**
 * A positive definite n x n matrix B B^T + delta I from n^2 parameters, delta = 1e-3 tr(B B^T)/n
 * (plus a floor), so every parameter vector is a valid V > 0 with condition number below ~1e3 n.
 */
export function positiveDefiniteFrom(parameters: readonly number[], offset: number, n: number): Matrix {
  const B = matrixFrom(parameters, offset, n, n);
  const gram = B.mmul(B.transpose());
  return gram.add(Matrix.eye(n).mul(1e-3 * (gram.trace() / n) + 1e-12));
}

/** A symmetric n x n matrix (P + P^T)/2 from n^2 parameters. */
export function symmetricFrom(parameters: readonly number[], offset: number, n: number): Matrix {
  const P = matrixFrom(parameters, offset, n, n);
  return P.add(P.transpose()).div(2);
}
