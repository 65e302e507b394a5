/**
 * Random matrices for the numeric searches of the justification, reading and prose entries: claims
 * about norms that the rational engine cannot decide, sampled rather than optimized (the adversarial
 * parametrizations are in numeric.ts). Their verdict is never better than `unproved`.
 */
import { Matrix } from 'ml-matrix';

import type { NumericCheck } from '../check.js';

/**
 * A numeric search of `trials` random trials, each `trial` returning a violation or undefined:
 * what a numeric entry states beyond its kind, so the entries carry only their mathematics.
 */
export function numericSearch(trials: number, trial: NumericCheck['trial']): NumericCheck {
  return { kind: 'numeric', trials, trial };
}

function gaussian(uniform: () => number): number {
  // Box-Muller; 1 - u keeps the logarithm finite.
  return Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}

/** A uniformly random integer in [min, max]. */
export function randomInteger(uniform: () => number, min: number, max: number): number {
  return min + Math.floor(uniform() * (max - min + 1));
}

/** A size n in [2, 7] and a split 1 <= k < n: the block shapes of Theorem 4's arguments. */
export function randomSplit(uniform: () => number): { n: number; k: number } {
  const n = randomInteger(uniform, 2, 7);
  return { n, k: randomInteger(uniform, 1, n - 1) };
}

/** A rows x columns matrix of independent standard normal entries, drawn row by row. */
export function gaussianMatrix(rows: number, columns: number, uniform: () => number): Matrix {
  const G = new Matrix(rows, columns);
  for (let i = 0; i < rows; i++) for (let j = 0; j < columns; j++) G.set(i, j, gaussian(uniform));
  return G;
}

/** A random symmetric positive definite matrix with condition number up to about 1e3. */
export function randomPositiveDefinite(n: number, uniform: () => number): Matrix {
  const B = gaussianMatrix(n, n, uniform);
  const shift = 10 ** (-3 * uniform());
  return B.mmul(B.transpose()).div(n).add(Matrix.eye(n).mul(shift));
}
