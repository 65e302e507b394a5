/**
 * Householder reduction of a symmetric matrix to tridiagonal form, A = Q T Q^T, and the product Q of
 * its reflectors (Golub & Van Loan, Matrix Computations, 4th ed., Algorithm 8.3.1 and Section 5.1.6).
 * Shared by the eigenvalues-only path (tridiagonal.ts) and the decomposition with vectors
 * (symmetric-eigen.ts).
 *
 * Only the lower triangle is read and updated: the symmetric product A v and the rank-2 update
 * B - v w^T - w v^T each touch half the block, and both walk rows of the row-major array, so every
 * inner loop is contiguous.
 */

import { productInto } from './product.js';

/** Column tails below this (on a matrix scaled to max |entry| = 1) are dropped rather than reflected: see `reflect`. */
const DROPPED_TAIL = 1e-150;

/** T = Q^T A Q: the diagonal, the couplings and, when kept, the reflectors whose product is Q. */
export interface Tridiagonal {
  readonly diagonal: Float64Array;
  /** offDiagonal[i] couples i and i + 1; the last entry is 0 (the layout `implicitQl` takes). */
  readonly offDiagonal: Float64Array;
  /** Row k holds reflector k's vector v in columns k + 1 .. n - 1 (H_k = I - tau_k v v^T); null when not kept. */
  readonly reflectors: Float64Array | null;
  /** tau_k = 2 / v^T v, or 0 where column k needed no reflection (H_k = I). */
  readonly taus: Float64Array;
}

/**
 * Reduces the symmetric n x n matrix in `work` (row-major, lower triangle read, scaled so that
 * max |entry| is about 1, overwritten) to tridiagonal form. Backward stable: T is the exact
 * reduction of a matrix within a small multiple of n eps ||A|| of A.
 *
 * @param work - row-major n x n entries; its lower triangle is destroyed.
 * @param n - the order.
 * @param keepReflectors - whether to keep the reflectors for {@link reflectorProduct}.
 */
export function tridiagonalize(work: Float64Array, n: number, keepReflectors: boolean): Tridiagonal {
  const diagonal = new Float64Array(n);
  const offDiagonal = new Float64Array(n);
  const reflectors = keepReflectors ? new Float64Array(n * n) : null;
  const taus = new Float64Array(n);
  const v = new Float64Array(n);
  const w = new Float64Array(n);
  for (let k = 0; k < n - 2; k++) {
    const tau = reflect(work, n, k, offDiagonal, v, w);
    taus[k] = tau;
    if (tau !== 0 && reflectors !== null) reflectors.set(v.subarray(0, n - k - 1), k * n + k + 1);
  }
  for (let k = 0; k < n; k++) diagonal[k] = work[k * n + k];
  if (n >= 2) offDiagonal[n - 2] = work[(n - 1) * n + n - 2];
  return { diagonal, offDiagonal, reflectors, taus };
}

/**
 * Annihilates column k below the subdiagonal with H = I - tau v v^T, updating the trailing block
 * B <- H B H = B - v w^T - w v^T with w = tau B v - (tau^2 v^T B v / 2) v, stores the coupling in
 * offDiagonal[k], and returns tau (0 when the column is left as it is). `v` and `w` are scratch
 * buffers of length >= n - k - 1; v holds the reflector on return.
 */
function reflect(work: Float64Array, n: number, k: number, offDiagonal: Float64Array, v: Float64Array, w: Float64Array): number {
  const size = n - k - 1;
  const start = (k + 1) * n + k;
  const head = work[start];
  let tailRest = 0;
  for (let i = 1; i < size; i++) tailRest = Math.max(tailRest, Math.abs(work[start + i * n]));
  // Already tridiagonal in this column, or a tail so small (< 1e-150 ||A||) that dropping it moves
  // the spectrum and the eigenvectors' residual far less than rounding does, while reflecting it
  // would divide by its square.
  if (tailRest <= DROPPED_TAIL) {
    offDiagonal[k] = head;
    return 0;
  }
  const tailMax = Math.max(tailRest, Math.abs(head));
  // Scaled by the largest entry, so that squares neither overflow nor underflow (as LAPACK's dnrm2).
  let squaredNorm = 0;
  for (let i = 0; i < size; i++) {
    const x = work[start + i * n] / tailMax;
    v[i] = x;
    squaredNorm += x * x;
  }
  // alpha = -sign(x_0) ||x||: adding, never subtracting, |x_0| avoids cancellation in v_0.
  const norm = Math.sqrt(squaredNorm);
  const alpha = head >= 0 ? -norm : norm;
  v[0] -= alpha;
  // v^T v = 2 ||x|| (||x|| + |x_0|) >= 2, as x is scaled to max |x_i| = 1.
  const tau = 1 / (norm * (norm + Math.abs(head / tailMax)));
  symmetricProduct(work, n, k + 1, size, v, w);
  let vw = 0;
  for (let i = 0; i < size; i++) {
    w[i] *= tau;
    vw += v[i] * w[i];
  }
  const half = (vw * tau) / 2;
  for (let i = 0; i < size; i++) w[i] -= half * v[i];
  for (let i = 0; i < size; i++) {
    const row = (k + 1 + i) * n + k + 1;
    const vi = v[i];
    const wi = w[i];
    for (let j = 0; j <= i; j++) work[row + j] -= vi * w[j] + wi * v[j];
  }
  offDiagonal[k] = alpha * tailMax;
  return tau;
}

/** out = B v for the symmetric size x size block B at (offset, offset), from its lower triangle. */
function symmetricProduct(work: Float64Array, n: number, offset: number, size: number, v: Float64Array, out: Float64Array): void {
  out.fill(0, 0, size);
  for (let i = 0; i < size; i++) {
    const row = (offset + i) * n + offset;
    const vi = v[i];
    let sum = 0;
    for (let j = 0; j < i; j++) {
      const entry = work[row + j];
      sum += entry * v[j];
      out[j] += entry * vi;
    }
    out[i] += sum + work[row + i] * vi;
  }
}

/** Reflectors per block of {@link reflectorProduct}: enough depth for the product's register tiles, little extra work in T. */
const BLOCK = 32;
/** Orders below which {@link reflectorProduct} applies the reflectors one at a time. */
const SMALL = 48;

/**
 * Q = H_0 H_1 ... H_{n-3}, row-major, from the reflectors of {@link tridiagonalize}, by backward
 * accumulation in blocks: H_k0 ... H_k1 = I - V T V^T (the compact WY form, Schreiber & Van Loan
 * 1989; Golub & Van Loan Section 5.1.7) is applied to the block of Q that is still the identity
 * outside rows and columns k0 + 1 .. n - 1, as three matrix products (productInto), so nearly all
 * of the 4/3 n^3 flops run in the register-tiled kernel rather than as rank-1 updates.
 */
export function reflectorProduct(tridiagonal: Tridiagonal, n: number): Float64Array {
  const { reflectors, taus } = tridiagonal;
  if (reflectors === null) throw new Error('reflectorProduct: the reflectors were not kept (an internal error; please report it)');
  const q = new Float64Array(n * n);
  for (let i = 0; i < n; i++) q[i * n + i] = 1;
  const count = Math.max(0, n - 2);
  // Below this order the products' packing costs more than it saves (measured: 10 us at n = 5).
  if (n < SMALL) {
    for (let k = count - 1; k >= 0; k--) applyReflector(q, n, reflectors, taus[k], k);
    return q;
  }
  const block = new Float64Array(n * n);
  const basis = new Float64Array(BLOCK * n);
  const triangle = new Float64Array(BLOCK * BLOCK);
  const projected = new Float64Array(BLOCK * n);
  const scaled = new Float64Array(BLOCK * n);
  for (let end = count; end > 0; end -= BLOCK) {
    const first = Math.max(0, end - BLOCK);
    const width = end - first;
    const from = first + 1;
    const size = n - from;
    // V^T (width x size): reflector first + b in row b, zero left of its own start.
    for (let b = 0; b < width; b++) basis.set(reflectors.subarray((first + b) * n + from, (first + b + 1) * n), b * size);
    blockTriangle(basis, taus, first, width, size, triangle);
    for (let i = 0; i < size; i++) block.set(q.subarray((from + i) * n + from, (from + i + 1) * n), i * size);
    // Q_sub -= V (T (V^T Q_sub)).
    productInto(basis, block, projected, width, size, size);
    productInto(triangle, projected, scaled, width, size, width);
    productInto(basis, scaled, block, size, size, width, { transposeA: true, alpha: -1, beta: 1 });
    for (let i = 0; i < size; i++) q.set(block.subarray(i * size, (i + 1) * size), (from + i) * n + from);
  }
  return q;
}

/** Q_sub <- H_k Q_sub over rows and columns k + 1 .. n - 1: w^T = v^T Q_sub, then Q_sub -= tau v w^T, along rows. */
function applyReflector(q: Float64Array, n: number, reflectors: Float64Array, tau: number, k: number): void {
  if (tau === 0) return;
  const from = k + 1;
  const base = k * n;
  const w = new Float64Array(n);
  for (let i = from; i < n; i++) {
    const vi = reflectors[base + i];
    const row = i * n;
    for (let j = from; j < n; j++) w[j] += vi * q[row + j];
  }
  for (let i = from; i < n; i++) {
    const scaled = tau * reflectors[base + i];
    const row = i * n;
    for (let j = from; j < n; j++) q[row + j] -= scaled * w[j];
  }
}

/**
 * The upper triangular T (width x width, row-major) with H_1 ... H_width = I - V T V^T for the
 * reflectors in the rows of `basis` (LAPACK dlarft, forward and columnwise): T_jj = tau_j and
 * T[0:j, j] = -tau_j T[0:j, 0:j] V[:, 0:j]^T v_j.
 */
function blockTriangle(basis: Float64Array, taus: Float64Array, first: number, width: number, size: number, triangle: Float64Array): void {
  triangle.fill(0);
  const column = new Float64Array(width);
  for (let j = 0; j < width; j++) {
    const tau = taus[first + j];
    triangle[j * width + j] = tau;
    if (tau === 0) continue;
    for (let i = 0; i < j; i++) {
      let dot = 0;
      for (let l = 0; l < size; l++) dot += basis[i * size + l] * basis[j * size + l];
      column[i] = -tau * dot;
    }
    for (let i = 0; i < j; i++) {
      let sum = 0;
      for (let l = i; l < j; l++) sum += triangle[i * width + l] * column[l];
      triangle[i * width + j] = sum;
    }
  }
}
