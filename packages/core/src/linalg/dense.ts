/**
 * Dense helpers shared by the layers: the row-major Float64Array layout of every hot loop, its
 * conversions to and from ml-matrix, an overflow-free vector norm, products with Y's eigenbasis, and
 * W = U U^T (the kernels themselves are in product.ts).
 */
import { Matrix } from 'ml-matrix';

import { gramInto, productInto } from './product.js';

/** Row-major Float64Array copy of a matrix, the layout of every hot loop in this package. */
export function toRowMajor(matrix: Matrix): Float64Array {
  const { rows, columns } = matrix;
  const data = new Float64Array(rows * columns);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < columns; j++) data[i * columns + j] = matrix.get(i, j);
  }
  return data;
}

/** A `Matrix` holding a copy of a row-major Float64Array. */
export function fromRowMajor(data: Float64Array, rows: number, columns: number): Matrix {
  return matrixOver(data.slice(0, rows * columns), rows, columns);
}

/**
 * A `Matrix` whose rows are views of `data` (row-major; the matrix owns it from then on). ml-matrix
 * (6.x) keeps a matrix as one Float64Array per row in its `data` field, with plain `rows` and
 * `columns` fields (none of them in its type declarations); its constructor gives each row its own
 * buffer, which at n = 200 cost twice the whole rank-5 product W = U U^T with its garbage
 * collection, and the closed form builds one such matrix per time. dense.test.ts checks the result
 * through ml-matrix's own methods.
 */
function matrixOver(data: Float64Array, rows: number, columns: number): Matrix {
  const matrix = new Matrix(0, 0);
  const fields = matrix as unknown as { data: Float64Array[]; rows: number; columns: number };
  const views: Float64Array[] = new Array<Float64Array>(rows);
  for (let i = 0; i < rows; i++) views[i] = data.subarray(i * columns, (i + 1) * columns);
  fields.data = views;
  fields.rows = rows;
  fields.columns = columns;
  return matrix;
}

/**
 * x 2^exponent, exact unless the result leaves the normal doubles. Applied in factors of at most
 * 2^1000, because 2^exponent itself need not be a double (a problem of scale 2^1000 is rescaled by
 * 2^-2000).
 */
export function timesPowerOfTwo(x: number, exponent: number): number {
  let result = x;
  for (let left = exponent; left !== 0; ) {
    const step = Math.max(-1000, Math.min(1000, left));
    result *= 2 ** step;
    left -= step;
  }
  return result;
}

/**
 * Euclidean norm of values[from..to) without overflow or underflow: scaled by the largest
 * magnitude first (as LAPACK's dnrm2), about 4x faster than a running Math.hypot.
 */
export function scaledNorm(values: Float64Array, from: number, to: number): number {
  let largest = 0;
  for (let i = from; i < to; i++) largest = Math.max(largest, Math.abs(values[i]));
  if (largest === 0 || !Number.isFinite(largest)) return largest;
  let sum = 0;
  for (let i = from; i < to; i++) {
    const scaled = values[i] / largest;
    sum += scaled * scaled;
  }
  return largest * Math.sqrt(sum);
}

/** Whether the n x n basis Q has at most 2n non-zero entries, so that {@link basisProduct} skips its zeros. */
export function isSparseBasis(q: Float64Array, n: number): boolean {
  let nonZero = 0;
  for (let i = 0; i < n * n; i++) if (q[i] !== 0) nonZero++;
  return nonZero <= 2 * n;
}

/**
 * op(Q) B for a square n x n basis Q (op = transpose when `transpose`) and a row-major n x columns
 * B. A basis with at most two non-zero entries per column on average (Y's eigenbasis is a
 * permutation for a diagonal Y, the paper's own setting, and pairs (e_i +- e_j) / sqrt 2 for the
 * lift of a diagonal rectangular Y) skips its zeros, at O(n columns) instead of the
 * O(n^2 columns) of the blocked product used for a dense basis. Either way entry (i, j) is a sum of
 * the products with the non-zero weights of column i of op(Q)^T (a zero product adds nothing).
 * `out` (n x columns) lets a caller evaluating many times reuse one buffer, and `sparse` (from
 * {@link isSparseBasis}) lets it classify Q once: at rank 5 the scan cost half the product.
 */
export function basisProduct(
  q: Float64Array,
  n: number,
  b: Float64Array,
  columns: number,
  transpose: boolean,
  out: Float64Array = new Float64Array(n * columns),
  sparse: boolean = isSparseBasis(q, n),
): Float64Array {
  out.fill(0, 0, n * columns);
  if (!sparse) return productInto(q, b, out, n, columns, n, { transposeA: transpose });
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < n; k++) {
      const weight = transpose ? q[k * n + i] : q[i * n + k];
      if (weight === 0) continue;
      for (let j = 0; j < columns; j++) out[i * columns + j] += weight * b[k * columns + j];
    }
  }
  return out;
}

/**
 * Largest r for which {@link outerProduct} forms all of U U^T rather than its upper triangle and
 * a mirror: the strided mirror pass costs about n^2, the lower triangle n^2 r / 2 more flops, and
 * the full product measured faster up to r = 8 at n = 50..500 (0.64x at r = 5, n = 500), slower
 * from r = 16 (issue 21).
 */
const FULL_PRODUCT_MAX_RANK = 8;

/**
 * W = U U^T (Min & Vidal 2025, eq. (3)) as an exactly symmetric `Matrix` with storage of its own.
 * Internal helper, no validation.
 *
 * For r <= {@link FULL_PRODUCT_MAX_RANK} every entry is computed (productInto with op(B) = U^T),
 * each exactly once into the new array: W_ij and W_ji are then the same products summed in the
 * same order (the product kernel's order depends on the depth only), hence equal bit for bit and
 * equal to what `gramInto` gives, which computes the upper triangle and mirrors it, as it does
 * here for larger r.
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
  const out = new Float64Array(n * n);
  if (r <= FULL_PRODUCT_MAX_RANK) productInto(factor, factor, out, n, n, r, { transposeB: true });
  else gramInto(factor, n, r, 'rows', out);
  return matrixOver(out, n, n);
}
