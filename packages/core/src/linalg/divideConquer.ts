/**
 * Eigenvalues and eigenvectors of a symmetric tridiagonal matrix by divide and conquer (Cuppen 1981;
 * Gu & Eisenstat 1995; Golub & Van Loan, Matrix Computations, 4th ed., Section 8.4.4; LAPACK dstedc,
 * dlaed0-dlaed4). T is torn at its middle coupling e into diag(T1, T2) + |e| u u^T, the halves are
 * solved recursively (implicit QL below LEAF rows), and each merge solves the rank-one update
 * D + rho z z^T of the halves' eigenvalues: deflation, the secular equation (secular.ts), and the
 * eigenvectors of Gu & Eisenstat, which are numerically orthogonal however close the roots are.
 *
 * Why: QL with vectors applies about 0.8 n^2 rotations to n rows, 5 n^3 flops of dependent scalar
 * updates (tridiagonal.ts); here nearly all the work of a merge is one matrix product of the halves' eigenvectors
 * with the update's (productInto), at most 4/3 n^3 flops in all and far fewer when much deflates,
 * as it does for the numerically low-rank matrices of the closed form (Min & Vidal 2025,
 * Proposition 1, with Y of rank r << n).
 */

import { productInto } from './product.js';
import { secularRoot } from './secular.js';
import { implicitQl, negligibleCoupling } from './tridiagonal.js';

const MACHINE_EPSILON = 2 ** -52;
/** Blocks of at most this many rows are solved by QL (LAPACK's SMLSIZ): below it a merge's bookkeeping costs more than QL. */
export const LEAF = 25;

/**
 * The eigendecomposition T = Z diag(lambda) Z^T of the symmetric tridiagonal (diagonal,
 * offDiagonal), offDiagonal[i] coupling i and i + 1 (the layout of `implicitQl`), finite and scaled
 * to about 1. Overwrites diagonal with the eigenvalues (unordered) and offDiagonal with scratch, and
 * returns Z row-major, column j for diagonal[j]. Backward stable: Z is orthonormal to O(n eps) and T Z - Z diag(lambda) is
 * O(n eps ||T||), the guarantee the eigendecomposition of Proposition 1 (Min & Vidal 2025) relies on.
 *
 * T is first split where a coupling is negligible relative to its neighbours (the test of QL), so
 * that blocks of different scales are solved apart, each to its own accuracy, as QL alone would.
 * Blocks of at most `leaf` rows, and graded blocks (see `graded`), go to QL. Each other block is
 * scaled by a power of two to norm about 1 (exact), which keeps the secular equation's differences
 * of poles far from underflow, and deflates against 8 eps ||block|| (see `merge`).
 *
 * @param leaf - largest block solved by QL (tests lower it to exercise the merges on small inputs).
 */
export function tridiagonalEigenvectors(diagonal: Float64Array, offDiagonal: Float64Array, leaf = LEAF): Float64Array {
  const n = diagonal.length;
  const vectors = new Float64Array(n * n);
  for (let lo = 0; lo < n; ) {
    let hi = lo + 1;
    while (hi < n && !negligibleCoupling(offDiagonal[hi - 1], diagonal[hi - 1], diagonal[hi], 0)) hi++;
    if (hi - lo <= leaf || graded(diagonal, offDiagonal, lo, hi)) {
      qlBlock(diagonal, offDiagonal, vectors, n, lo, hi);
    } else {
      const exponent = Math.ceil(Math.log2(blockNorm(diagonal, offDiagonal, lo, hi)));
      const scale = 2 ** -exponent;
      for (let i = lo; i < hi; i++) diagonal[i] *= scale;
      for (let i = lo; i < hi - 1; i++) offDiagonal[i] *= scale;
      const tolerance = 8 * MACHINE_EPSILON * blockNorm(diagonal, offDiagonal, lo, hi);
      divide(diagonal, offDiagonal, vectors, n, lo, hi, leaf, tolerance);
      for (let i = lo; i < hi; i++) diagonal[i] /= scale;
    }
    lo = hi;
  }
  return vectors;
}

/** max_i |d_i| + |e_{i-1}| + |e_i| over the block lo..hi-1 (its own couplings only): a Gershgorin bound of its norm. */
function blockNorm(diagonal: Float64Array, offDiagonal: Float64Array, lo: number, hi: number): number {
  let norm = 0;
  for (let i = lo; i < hi; i++) {
    const left = i > lo ? Math.abs(offDiagonal[i - 1]) : 0;
    const right = i < hi - 1 ? Math.abs(offDiagonal[i]) : 0;
    norm = Math.max(norm, Math.abs(diagonal[i]) + left + right);
  }
  return norm;
}

/**
 * Whether the unreduced block lo..hi-1 has a coupling below eps^2 ||block||: structure far beneath
 * the absolute accuracy eps ||block|| of divide and conquer, which drops or deflates it. QL resolves
 * such a graded block (entries falling over 140-190 decades in the regression tests) to a relative
 * accuracy near eps in its small eigenvalues, where divide and conquer keeps only the absolute
 * one (measured on the graded case of tridiagonal-reference.json: relative errors of order 1 below
 * 1e-98). The rounding noise a numerically low-rank matrix leaves in T sits far above eps^2: its
 * couplings measured >= 1e-23 ||T|| for n <= 500, so such blocks keep the fast path, where it
 * deflates almost completely.
 */
function graded(diagonal: Float64Array, offDiagonal: Float64Array, lo: number, hi: number): boolean {
  const floor = MACHINE_EPSILON * MACHINE_EPSILON * blockNorm(diagonal, offDiagonal, lo, hi);
  for (let i = lo; i < hi - 1; i++) if (Math.abs(offDiagonal[i]) < floor) return true;
  return false;
}

/** QL with vectors on the block lo..hi-1 alone, its eigenvectors written into the diagonal block of `vectors`. */
function qlBlock(diagonal: Float64Array, offDiagonal: Float64Array, vectors: Float64Array, n: number, lo: number, hi: number): void {
  const size = hi - lo;
  const values = diagonal.slice(lo, hi);
  const couplings = new Float64Array(size);
  couplings.set(offDiagonal.subarray(lo, hi - 1));
  const block = new Float64Array(size * size);
  for (let i = 0; i < size; i++) block[i * size + i] = 1;
  implicitQl(values, couplings, 0, block);
  diagonal.set(values, lo);
  for (let i = 0; i < size; i++) vectors.set(block.subarray(i * size, (i + 1) * size), (lo + i) * n + lo);
}

/**
 * Cuppen's tearing: T[lo..hi) = diag(T1 - |e| e_last e_last^T, T2 - |e| e_1 e_1^T) + |e| u u^T with
 * u = e_last + sign(e) e_1 and e the coupling between the halves (LAPACK dlaed0).
 *
 * A coupling |e| <= tol is dropped instead: that moves T by at most tol, the perturbation each
 * deflation of a merge is allowed, and the halves need no merge (tearing would change two diagonal
 * entries by |e| for a merge that deflates nearly everything).
 */
function divide(diagonal: Float64Array, offDiagonal: Float64Array, vectors: Float64Array, n: number, lo: number, hi: number, leaf: number, tolerance: number): void {
  if (hi - lo <= leaf) {
    qlBlock(diagonal, offDiagonal, vectors, n, lo, hi);
    return;
  }
  const mid = (lo + hi) >> 1;
  const coupling = offDiagonal[mid - 1];
  if (Math.abs(coupling) <= tolerance) {
    divide(diagonal, offDiagonal, vectors, n, lo, mid, leaf, tolerance);
    divide(diagonal, offDiagonal, vectors, n, mid, hi, leaf, tolerance);
    return;
  }
  diagonal[mid - 1] -= Math.abs(coupling);
  diagonal[mid] -= Math.abs(coupling);
  divide(diagonal, offDiagonal, vectors, n, lo, mid, leaf, tolerance);
  divide(diagonal, offDiagonal, vectors, n, mid, hi, leaf, tolerance);
  merge(diagonal, vectors, n, lo, mid, hi, coupling, tolerance);
}

/**
 * Eigenvectors of the merged block from those of its halves: with Q = diag(Q1, Q2), T = Q (D + rho z z^T) Q^T
 * where z = Q^T u stacks the last row of Q1 and sign(e) times the first row of Q2.
 *
 * Deflation (LAPACK dlaed2) removes from the rank-one problem every j with rho |z_j| <= tol, and one of
 * every two poles d_j, d_p whose rotation zeroing z_p leaves an off-diagonal |(d_j - d_p) c s| <= tol;
 * each perturbs T by at most tol in norm, so with tol = 8 eps ||T_block|| the result stays within the
 * backward error of the whole computation. (dlaed2's tol, 8 eps max(|d|, |z|) with ||z|| = 1 after
 * dstedc has scaled the block to max entry 1, is of the same size; measured against the block rather
 * than the merged halves alone, it lets the rounding-level entries a numerically low-rank matrix
 * leaves in T deflate almost completely.) The k poles left are strictly increasing and every z_j is
 * non-zero, so the k roots of the secular equation interlace strictly with them. The update's
 * eigenvectors then use z recomputed from the computed roots (Gu & Eisenstat, the Lowner formula
 * z_j^2 = prod_i (lambda_i - d_j) / prod_{i != j} (d_i - d_j) / rho), for which they are exact, so they
 * are orthogonal to working accuracy even for clustered roots.
 */
function merge(diagonal: Float64Array, vectors: Float64Array, n: number, lo: number, mid: number, hi: number, coupling: number, tolerance: number): void {
  const size = hi - lo;
  const z = new Float64Array(size);
  const sign = coupling < 0 ? -1 : 1;
  for (let j = 0; j < size; j++) z[j] = lo + j < mid ? vectors[(mid - 1) * n + lo + j] : sign * vectors[mid * n + lo + j];
  // Each half of z is a row of an orthogonal matrix, so ||z||^2 = 2 up to rounding: normalize by the computed norm.
  let squaredNorm = 0;
  for (let j = 0; j < size; j++) squaredNorm += z[j] * z[j];
  const norm = Math.sqrt(squaredNorm);
  for (let j = 0; j < size; j++) z[j] /= norm;
  const rho = Math.abs(coupling) * squaredNorm;
  // Row support of each column: bit 1 the top half, bit 2 the bottom half (rotations merge them).
  const support = new Uint8Array(size);
  for (let j = 0; j < size; j++) support[j] = lo + j < mid ? 1 : 2;
  const order = Array.from({ length: size }, (_, j) => j).sort((a, b) => diagonal[lo + a] - diagonal[lo + b]);
  const kept: number[] = [];
  const deflated: number[] = [];
  let previous = -1;
  for (const j of order) {
    if (rho * Math.abs(z[j]) <= tolerance) {
      deflated.push(j);
      continue;
    }
    if (previous >= 0 && rotateIfClose(diagonal, vectors, n, lo, z, support, previous, j, tolerance)) {
      deflated.push(previous);
      kept.pop();
    }
    kept.push(j);
    previous = j;
  }
  if (kept.length === 0) return;
  const k = kept.length;
  const poles = Float64Array.from(kept, (j) => diagonal[lo + j]);
  const weights = Float64Array.from(kept, (j) => z[j]);
  let weightNorm = 0;
  for (let p = 0; p < k; p++) weightNorm += weights[p] * weights[p];
  for (let p = 0; p < k; p++) weights[p] /= Math.sqrt(weightNorm);
  const scaledRho = rho * weightNorm;
  // deltas[q * k + p] = d_p - lambda_q, from the secular solver.
  const deltas = new Float64Array(k * k);
  const roots = new Float64Array(k);
  for (let q = 0; q < k; q++) roots[q] = secularRoot(poles, weights, k, scaledRho, q, deltas.subarray(q * k, (q + 1) * k));
  const update = updateEigenvectors(poles, weights, deltas, k);
  const block = new Float64Array(size * size);
  multiplyHalves(vectors, n, lo, mid, hi, kept, support, update, block);
  // The merged block: the k new columns first, then the deflated ones as they are.
  deflated.forEach((j, c) => {
    for (let i = 0; i < size; i++) block[i * size + k + c] = vectors[(lo + i) * n + lo + j];
  });
  const values = new Float64Array(size);
  values.set(roots);
  deflated.forEach((j, c) => (values[k + c] = diagonal[lo + j]));
  diagonal.set(values, lo);
  for (let i = 0; i < size; i++) vectors.set(block.subarray(i * size, (i + 1) * size), (lo + i) * n + lo);
}

/**
 * Deflation by a rotation (dlaed2): the rotation of columns p, j with c = z_j / t, s = -z_p / t
 * (t = |(z_p, z_j)|) moves all of (z_p, z_j) onto j and leaves the off-diagonal (d_j - d_p) c s;
 * when that is at most tol it is dropped, p deflates with d_p c^2 + d_j s^2, and j goes on with
 * d_p s^2 + d_j c^2. Returns whether p was deflated.
 */
function rotateIfClose(diagonal: Float64Array, vectors: Float64Array, n: number, lo: number, z: Float64Array, support: Uint8Array, p: number, j: number, tolerance: number): boolean {
  const length = Math.hypot(z[p], z[j]);
  const c = z[j] / length;
  const s = -z[p] / length;
  const dp = diagonal[lo + p];
  const dj = diagonal[lo + j];
  if (Math.abs((dj - dp) * c * s) > tolerance) return false;
  z[j] = length;
  z[p] = 0;
  diagonal[lo + p] = dp * c * c + dj * s * s;
  diagonal[lo + j] = dp * s * s + dj * c * c;
  // Only the block's own rows can be non-zero in its columns.
  for (let row = lo; row < lo + z.length; row++) {
    const o = row * n + lo;
    const x = vectors[o + p];
    const y = vectors[o + j];
    vectors[o + p] = c * x + s * y;
    vectors[o + j] = c * y - s * x;
  }
  support[p] |= support[j];
  support[j] = support[p];
  return true;
}

/**
 * The eigenvectors of D + rho z z^T for its k roots (row-major k x k, column q for root q):
 * column q is (z_p / (d_p - lambda_q))_p normalized, with z from the Lowner formula (LAPACK dlaed3),
 * evaluated as a product of ratios (d_p - lambda_q) / (d_p - d_q) that stays in range.
 */
function updateEigenvectors(poles: Float64Array, weights: Float64Array, deltas: Float64Array, k: number): Float64Array {
  const lowner = new Float64Array(k);
  for (let p = 0; p < k; p++) {
    let product = deltas[p * k + p];
    for (let q = 0; q < k; q++) if (q !== p) product *= deltas[q * k + p] / (poles[p] - poles[q]);
    lowner[p] = Math.sign(weights[p]) * Math.sqrt(Math.abs(product));
  }
  const update = new Float64Array(k * k);
  for (let q = 0; q < k; q++) {
    let squaredNorm = 0;
    for (let p = 0; p < k; p++) {
      const entry = lowner[p] / deltas[q * k + p];
      update[p * k + q] = entry;
      squaredNorm += entry * entry;
    }
    const norm = Math.sqrt(squaredNorm);
    for (let p = 0; p < k; p++) update[p * k + q] /= norm;
  }
  return update;
}

/**
 * The k new eigenvectors, Q[:, kept] times the update, into the first k columns of `block` (size x size):
 * the top rows from the kept columns with support in the top half, the bottom rows likewise, each one
 * packed product, so the zero quarters of diag(Q1, Q2) cost nothing (LAPACK dlaed3's column types).
 */
function multiplyHalves(vectors: Float64Array, n: number, lo: number, mid: number, hi: number, kept: readonly number[], support: Uint8Array, update: Float64Array, block: Float64Array): void {
  const k = kept.length;
  const size = hi - lo;
  for (const [half, from, to] of [[1, lo, mid], [2, mid, hi]] as const) {
    const rows = to - from;
    const used: number[] = [];
    kept.forEach((j, p) => (support[j] & half) !== 0 && used.push(p));
    const width = used.length;
    if (width === 0) continue;
    const left = new Float64Array(rows * width);
    const right = new Float64Array(width * k);
    for (let i = 0; i < rows; i++) {
      const row = (from + i) * n + lo;
      for (let c = 0; c < width; c++) left[i * width + c] = vectors[row + kept[used[c]]];
    }
    used.forEach((p, c) => right.set(update.subarray(p * k, (p + 1) * k), c * k));
    const product = productInto(left, right, new Float64Array(rows * k), rows, k, width);
    const offset = from - lo;
    for (let i = 0; i < rows; i++) block.set(product.subarray(i * k, (i + 1) * k), (offset + i) * size);
  }
}
