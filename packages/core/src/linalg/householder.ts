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

/**
 * Q = H_0 H_1 ... H_{n-3}, row-major, from the reflectors of {@link tridiagonalize} (backward
 * accumulation: each H_k is applied to a block that is still the identity outside rows and columns
 * k + 1 .. n - 1, Golub & Van Loan Section 5.1.6). Rows of Q are walked contiguously.
 */
export function reflectorProduct(tridiagonal: Tridiagonal, n: number): Float64Array {
  const { reflectors, taus } = tridiagonal;
  if (reflectors === null) throw new Error('reflectorProduct: the reflectors were not kept (an internal error; please report it)');
  const q = new Float64Array(n * n);
  for (let i = 0; i < n; i++) q[i * n + i] = 1;
  const w = new Float64Array(n);
  for (let k = n - 3; k >= 0; k--) {
    const tau = taus[k];
    if (tau === 0) continue;
    const from = k + 1;
    const base = k * n;
    // w^T = v^T Q_sub, then Q_sub -= tau v w^T, over rows and columns from..n-1.
    w.fill(0, from, n);
    for (let i = from; i < n; i++) {
      const vi = reflectors[base + i];
      if (vi === 0) continue;
      const row = i * n;
      for (let j = from; j < n; j++) w[j] += vi * q[row + j];
    }
    for (let i = from; i < n; i++) {
      const scaled = tau * reflectors[base + i];
      if (scaled === 0) continue;
      const row = i * n;
      for (let j = from; j < n; j++) q[row + j] -= scaled * w[j];
    }
  }
  return q;
}
