/**
 * X = B R^{-1} for an upper triangular R on row-major Float64Array: the solve F = B R^{-1} of the
 * stable closed form of Proposition 1 (Min & Vidal 2025, eq. (5); flow/riccati.ts, step 3), run at
 * every time.
 *
 * Why blocked: by substitution alone each column of R is read once per four rows of B, so the
 * solve runs at the speed of memory. Left-looking by blocks of columns (LAPACK dtrsm's order), the
 * block X_J = (B_J - X_{:, 0:j0} R_{0:j0, J}) R_JJ^{-1} takes its update from one matrix product
 * (linalg/product.ts) and leaves only the small diagonal block to substitution. The columns already
 * solved are kept transposed (X^T, rows contiguous), so that the product reads them in place.
 */
import { productInto } from './product.js';

/**
 * Columns per block, and the order of R from which blocking runs, measured on Gaussian B (n x r)
 * and a well-conditioned R: blocks of 16 columns ran fastest or within 10% of it from r = 32 to
 * 500 (8 wins below 100, 24 to 32 tie at 500); blocking gained nothing at r = 16, 1.1x at 24 and
 * 32 (n = 50 and 200), 3.5x at n = r = 200 and 4.8x at 500.
 */
const BLOCK_COLUMNS = 16;
const BLOCKED_MIN_RANK = 32;

/** Scratch: the solved columns transposed, a block of R, and the block's update; grown on demand and reused. */
let solvedTransposed = new Float64Array(0);
let triangleBlock = new Float64Array(0);
let update = new Float64Array(0);

/**
 * X = B R^{-1}, in place, for B row-major n x r and R row-major r x r upper triangular with a
 * nonzero diagonal (the solve F = B R^{-1} of Min & Vidal 2025, eq. (5), step 3 of riccati.ts).
 * From BLOCKED_MIN_RANK columns on it runs blocked ({@link blockedSolveInto}), which agrees with
 * substitution up to rounding. Internal helper, no validation.
 *
 * @param x - B on entry, X on return (row-major n x r).
 * @param triangle - R, row-major r x r; only the upper triangle is read.
 * @param n - rows of B.
 * @param r - order of R.
 * @returns x.
 * @throws nothing.
 * @example
 * ```ts
 * solveUpperRightInto(Float64Array.of(2, 7), Float64Array.of(2, 1, 0, 3), 1, 2); // [1, 2]: [1, 2] R = [2, 7]
 * ```
 */
export function solveUpperRightInto(x: Float64Array, triangle: Float64Array, n: number, r: number): Float64Array {
  return blockedSolveInto(x, triangle, n, r, r >= BLOCKED_MIN_RANK ? BLOCK_COLUMNS : r);
}

/**
 * {@link solveUpperRightInto} by blocks of `block` columns (one block, block >= r, is substitution
 * alone): the same solve X = B R^{-1} of Min & Vidal (2025), eq. (5). Internal helper, no validation.
 *
 * @param x - B on entry, X on return (row-major n x r).
 * @param triangle - R, row-major r x r upper triangular.
 * @param n - rows of B.
 * @param r - order of R.
 * @param block - columns per block, at least 1.
 * @returns x.
 * @throws nothing.
 * @example
 * ```ts
 * blockedSolveInto(Float64Array.of(2, 7), Float64Array.of(2, 1, 0, 3), 1, 2, 1); // [1, 2]
 * ```
 */
export function blockedSolveInto(x: Float64Array, triangle: Float64Array, n: number, r: number, block: number): Float64Array {
  if (block < r) {
    if (solvedTransposed.length < n * r) solvedTransposed = new Float64Array(n * r);
    if (triangleBlock.length < r * block) triangleBlock = new Float64Array(r * block);
    if (update.length < n * block) update = new Float64Array(n * block);
  }
  for (let j0 = 0; j0 < r; j0 += block) {
    const j1 = Math.min(j0 + block, r);
    const width = j1 - j0;
    if (j0 > 0) {
      // B_J -= X_{:, 0:j0} R_{0:j0, J}, with X_{:, 0:j0} read as the transpose of the solved rows of X^T.
      for (let p = 0; p < j0; p++) triangleBlock.set(triangle.subarray(p * r + j0, p * r + j1), p * width);
      productInto(solvedTransposed.subarray(0, j0 * n), triangleBlock, update, n, width, j0, { transposeA: true });
      for (let i = 0; i < n; i++) {
        const row = i * r + j0;
        const from = i * width;
        for (let jj = 0; jj < width; jj++) x[row + jj] -= update[from + jj];
      }
    }
    substituteColumns(x, triangle, n, r, j0, j1);
    if (j1 < r) {
      for (let jj = 0; jj < width; jj++) {
        const to = (j0 + jj) * n;
        for (let i = 0; i < n; i++) solvedTransposed[to + i] = x[i * r + j0 + jj];
      }
    }
  }
  return x;
}

/**
 * Solves columns [first, last) of X R = B by substitution, the earlier columns' contributions having
 * been subtracted already. Entry j is b_j - x_first R_first,j - ... in that order, then divided by
 * R_jj; subtracting row k of R from all later entries at once keeps the updates independent of
 * each other instead of one chain of dependent subtractions, and four rows share each load of R.
 */
function substituteColumns(x: Float64Array, triangle: Float64Array, n: number, r: number, first: number, last: number): void {
  let i = 0;
  for (; i + 3 < n; i += 4) {
    const [row0, row1, row2, row3] = [i * r, (i + 1) * r, (i + 2) * r, (i + 3) * r];
    for (let k = first; k < last; k++) {
      const pivot = triangle[k * r + k];
      const x0 = (x[row0 + k] /= pivot);
      const x1 = (x[row1 + k] /= pivot);
      const x2 = (x[row2 + k] /= pivot);
      const x3 = (x[row3 + k] /= pivot);
      const rRow = k * r;
      for (let j = k + 1; j < last; j++) {
        const entry = triangle[rRow + j];
        x[row0 + j] -= x0 * entry;
        x[row1 + j] -= x1 * entry;
        x[row2 + j] -= x2 * entry;
        x[row3 + j] -= x3 * entry;
      }
    }
  }
  for (; i < n; i++) {
    const row = i * r;
    for (let k = first; k < last; k++) {
      const value = (x[row + k] /= triangle[k * r + k]);
      const rRow = k * r;
      for (let j = k + 1; j < last; j++) x[row + j] -= value * triangle[rRow + j];
    }
  }
}
