/**
 * Eigenvalues of a real symmetric matrix without its eigenvectors: Householder reduction to
 * tridiagonal form, then the implicit QL iteration with Wilkinson shifts (Golub & Van Loan,
 * Matrix Computations, 4th ed., Algorithms 8.3.1 and 8.3.3 in their QL orientation).
 *
 * The checks of Theorems 3 and 4 and the measured windows need ||W(t) - Y_hat_k||_2 at many times,
 * which for a symmetric matrix is max |lambda_i|: no eigenvectors, and no SVD. Skipping the
 * vector accumulation and working on one Float64Array makes this several times cheaper than
 * ml-matrix's EigenvalueDecomposition (tred2/tql2) and SingularValueDecomposition.
 */

const MACHINE_EPSILON = 2 ** -52;
/** Off-diagonal entries below this, on a matrix scaled to max |entry| = 1, are zero to every digit. */
const NEGLIGIBLE = 1e-250;
/** Column tails below this (scaled) are dropped rather than reflected: see `householderStep`. */
const DROPPED_TAIL = 1e-150;
const MAX_QL_SWEEPS_PER_EIGENVALUE = 60;

/**
 * Eigenvalues, in decreasing order, of the symmetric n x n matrix stored row-major in `matrix`
 * (both triangles are read; the caller guarantees symmetry and finiteness).
 *
 * Backward stable: the result is the exact spectrum of a matrix within a small multiple of
 * n eps ||A||_2 of A, so each eigenvalue is within that of the true one (Weyl).
 *
 * @param matrix - row-major n x n entries of a symmetric matrix, not modified.
 * @param n - the order, a positive integer.
 * @returns the n eigenvalues, decreasing.
 * @throws Error on a non-finite entry or if QL fails to converge (internal errors: callers validate).
 */
export function symmetricEigenvalues(matrix: Float64Array, n: number): Float64Array {
  let scale = 0;
  for (let i = 0; i < n * n; i++) scale = Math.max(scale, Math.abs(matrix[i]));
  if (!Number.isFinite(scale)) throw new Error(`symmetricEigenvalues: a ${n} x ${n} matrix with a non-finite entry (an internal error; please report it)`);
  const diagonal = new Float64Array(n);
  if (scale === 0) return diagonal;
  // Scaling to max |entry| = 1 keeps every square and product below in the normal range.
  const work = new Float64Array(n * n);
  for (let i = 0; i < n * n; i++) work[i] = matrix[i] / scale;
  const offDiagonal = new Float64Array(n);
  const reflector = new Float64Array(n);
  const update = new Float64Array(n);
  for (let k = 0; k < n - 2; k++) householderStep(work, n, k, offDiagonal, reflector, update);
  for (let k = 0; k < n; k++) diagonal[k] = work[k * n + k];
  if (n >= 2) offDiagonal[n - 2] = work[(n - 1) * n + n - 2];
  implicitQl(diagonal, offDiagonal);
  diagonal.sort().reverse();
  for (let i = 0; i < n; i++) diagonal[i] *= scale;
  return diagonal;
}

/**
 * Annihilates column k below the subdiagonal with the reflector H = I - 2 v v^T / v^T v, updating
 * the trailing block B <- H B H as B - v q^T - q v^T, and stores the new subdiagonal in offDiagonal[k].
 * `v` and `p` are scratch buffers of length >= n - k - 1.
 */
function householderStep(
  work: Float64Array,
  n: number,
  k: number,
  offDiagonal: Float64Array,
  v: Float64Array,
  p: Float64Array,
): void {
  let tailMax = 0;
  for (let i = k + 1; i < n; i++) tailMax = Math.max(tailMax, Math.abs(work[i * n + k]));
  const head = work[(k + 1) * n + k];
  let tailRest = 0;
  for (let i = k + 2; i < n; i++) tailRest = Math.max(tailRest, Math.abs(work[i * n + k]));
  // Already tridiagonal in this column, or a tail so small (< 1e-150 ||A||) that dropping it moves
  // the eigenvalues far less than rounding does, while reflecting it would divide by its square.
  if (tailRest <= DROPPED_TAIL) {
    offDiagonal[k] = head;
    return;
  }
  const size = n - k - 1;
  let squaredNorm = 0;
  for (let i = 0; i < size; i++) {
    v[i] = work[(k + 1 + i) * n + k] / tailMax;
    squaredNorm += v[i] * v[i];
  }
  // alpha = -sign(x_0) ||x||: adding, never subtracting, |x_0| avoids cancellation in v_0.
  const norm = Math.sqrt(squaredNorm);
  const alpha = head >= 0 ? -norm : norm;
  v[0] -= alpha;
  // v^T v = 2 ||x|| (||x|| + |x_0|) >= 2, as x is scaled to max |x_i| = 1.
  const twoOverVtv = 1 / (norm * (norm + Math.abs(head / tailMax)));
  for (let i = 0; i < size; i++) {
    let sum = 0;
    const row = (k + 1 + i) * n + k + 1;
    for (let j = 0; j < size; j++) sum += work[row + j] * v[j];
    p[i] = sum * twoOverVtv;
  }
  let vp = 0;
  for (let i = 0; i < size; i++) vp += v[i] * p[i];
  const half = (vp * twoOverVtv) / 2;
  for (let i = 0; i < size; i++) p[i] -= half * v[i];
  for (let i = 0; i < size; i++) {
    const row = (k + 1 + i) * n + k + 1;
    for (let j = 0; j < size; j++) work[row + j] -= v[i] * p[j] + p[i] * v[j];
  }
  offDiagonal[k] = alpha * tailMax;
}

/**
 * Implicit QL with Wilkinson shifts on the symmetric tridiagonal (diagonal, offDiagonal), where
 * offDiagonal[i] couples i and i + 1 and offDiagonal has the length of diagonal (its last entry 0).
 * Overwrites diagonal with the eigenvalues (unordered) and offDiagonal with rounding-level values.
 * Internal kernel shared with bidiagonal.ts: entries are finite and scaled to about 1.
 *
 * A coupling is dropped when it is below eps (|left| + |right|) or below `absoluteFloor`. The
 * relative test alone keeps small eigenvalues of graded matrices accurate, but cannot split a block
 * whose diagonal is zero: the Golub-Kahan matrix of bidiagonal.ts with couplings of 1e-234 never
 * converges, because the shift's rotations underflow before they reach the top. That caller passes
 * eps ||T||, the size of error its backward-stability bound allows anyway.
 */
export function implicitQl(diagonal: Float64Array, offDiagonal: Float64Array, absoluteFloor = 0): void {
  const n = diagonal.length;
  for (let l = 0; l < n; l++) {
    let sweeps = 0;
    for (;;) {
      let m = l;
      while (m < n - 1 && !negligible(offDiagonal[m], diagonal[m], diagonal[m + 1], absoluteFloor)) m++;
      if (m === l) break;
      if (++sweeps > MAX_QL_SWEEPS_PER_EIGENVALUE) {
        // Not a FactorflowNumericalError: no setting of the caller's would change the outcome. A finite
        // symmetric matrix always converges, so this is a bug, and its stack belongs in the report.
        throw new Error(`symmetricEigenvalues: QL did not converge for eigenvalue ${l} of ${n} (an internal error; please report it)`);
      }
      qlSweep(diagonal, offDiagonal, l, m);
    }
  }
}

function negligible(coupling: number, left: number, right: number, absoluteFloor: number): boolean {
  const size = Math.abs(coupling);
  return size <= MACHINE_EPSILON * (Math.abs(left) + Math.abs(right)) || size <= NEGLIGIBLE || size <= absoluteFloor;
}

/** One shifted QL sweep on the unreduced block l..m, chasing the bulge with Givens rotations. */
function qlSweep(diagonal: Float64Array, offDiagonal: Float64Array, l: number, m: number): void {
  const ratio = (diagonal[l + 1] - diagonal[l]) / (2 * offDiagonal[l]);
  const radius = hypotenuse(ratio, 1);
  // The Wilkinson shift: the eigenvalue of the leading 2 x 2 block closer to diagonal[l].
  let g = diagonal[m] - diagonal[l] + offDiagonal[l] / (ratio + (ratio >= 0 ? radius : -radius));
  let sine = 1;
  let cosine = 1;
  let shiftAccumulated = 0;
  for (let i = m - 1; i >= l; i--) {
    const f = sine * offDiagonal[i];
    const b = cosine * offDiagonal[i];
    const r = hypotenuse(f, g);
    offDiagonal[i + 1] = r;
    if (r === 0) {
      // The rotation is the identity: the block splits here; recover and let the caller re-scan.
      diagonal[i + 1] -= shiftAccumulated;
      offDiagonal[m] = 0;
      return;
    }
    sine = f / r;
    cosine = g / r;
    const shifted = diagonal[i + 1] - shiftAccumulated;
    const t = (diagonal[i] - shifted) * sine + 2 * cosine * b;
    shiftAccumulated = sine * t;
    diagonal[i + 1] = shifted + shiftAccumulated;
    g = cosine * t - b;
  }
  diagonal[l] -= shiftAccumulated;
  offDiagonal[l] = g;
  offDiagonal[m] = 0;
}

/** sqrt(x^2 + y^2) without overflow or underflow; Math.hypot is several times slower in V8. */
function hypotenuse(x: number, y: number): number {
  const larger = Math.max(Math.abs(x), Math.abs(y));
  if (larger === 0 || larger === Number.POSITIVE_INFINITY) return larger;
  const a = x / larger;
  const b = y / larger;
  return larger * Math.sqrt(a * a + b * b);
}
