/**
 * Dense helpers shared by the layers: the row-major Float64Array layout of every hot loop, its
 * conversions to and from ml-matrix, the rank tolerance, and W = U U^T.
 */
import { Matrix } from 'ml-matrix';

/**
 * Relative tolerance for rank decisions (a direction of W0 below it counts as absent): 16 n eps.
 * Rotating an exactly rank-deficient factor into Y's eigenbasis leaves noise of a few n eps
 * relative to each column; a smaller genuine component cannot be told apart from it.
 */
export function rankTolerance(n: number): number {
  return 16 * Math.max(n, 1) * Number.EPSILON;
}

/** Row-major Float64Array copy of a matrix, the layout of every hot loop in this package. */
export function toRowMajor(matrix: Matrix): Float64Array {
  const { rows, columns } = matrix;
  const data = new Float64Array(rows * columns);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < columns; j++) data[i * columns + j] = matrix.get(i, j);
  }
  return data;
}

/** A `Matrix` holding a row-major Float64Array. */
export function fromRowMajor(data: Float64Array, rows: number, columns: number): Matrix {
  const matrix = new Matrix(rows, columns);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < columns; j++) matrix.set(i, j, data[i * columns + j]);
  }
  return matrix;
}

/**
 * W = U U^T (Min & Vidal 2025, eq. (3)) as an exactly symmetric `Matrix`: only the upper triangle
 * is computed and mirrored, so W is symmetric bit for bit. Internal helper, no validation.
 *
 * @param factor - U, row-major n x r.
 * @param n - rows of U.
 * @param r - columns of U.
 * @throws nothing.
 * @example
 * ```ts
 * outerProduct(Float64Array.of(1, 2), 2, 1); // [[1, 2], [2, 4]]
 * ```
 */
export function outerProduct(factor: Float64Array, n: number, r: number): Matrix {
  const W = new Matrix(n, n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      let sum = 0;
      for (let l = 0; l < r; l++) sum += factor[i * r + l] * factor[j * r + l];
      W.set(i, j, sum);
      W.set(j, i, sum);
    }
  }
  return W;
}
