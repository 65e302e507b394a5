/**
 * Singular values of an upper bidiagonal matrix by the dqds algorithm (differential quotient-
 * difference with shifts: Fernando & Parlett, "Accurate singular values and differential qd
 * algorithms", Numer. Math. 67, 1994; Parlett & Marques, "An implementation of the dqds algorithm
 * (positive case)", Linear Algebra Appl. 309, 2000), LAPACK dlasq1's method for singular values
 * without vectors.
 *
 * B (diagonal d, superdiagonal b) is held as q_i = d_i^2, e_i = b_i^2, the qd array of B^T B = L U.
 * A dqds transform with shift tau gives the qd array of B'^T B' = B^T B - tau I when every new q is
 * positive (tau below the smallest eigenvalue), and the shifts are summed: each eigenvalue of the
 * original is the accumulated shift plus the q it deflates at. Every step is a product, a quotient
 * or an addition of positive numbers, apart from the one subtraction of tau, so each singular value
 * is found to high relative accuracy (Fernando & Parlett, Theorem 4), not only to eps sigma_1.
 *
 * Why here: the closed form's spectrum is the squared singular values of F at every time (Min &
 * Vidal 2025, eq. (5); riccati.ts), and the implicit QL on the 2c x 2c Golub-Kahan tridiagonal that
 * bidiagonal.ts used before cost 20-50% of them (bench/kernels.ts, phases).
 */

/** Relative size of a coupling below which the bottom of the array deflates (dlasq2's tolerance 100 eps, squared). */
const TOLERANCE_SQUARED = (100 * Number.EPSILON) ** 2;
/**
 * dqds transforms allowed per singular value before giving up (dlasq2's limit). dlasq4's full case
 * analysis of shifts needs about 2-3 per value; the simpler strategy here took 7-13 on Gaussian
 * bidiagonals of order 50 to 500, still 5x less time than QL on the Golub-Kahan form at order 200.
 */
const TRANSFORMS_PER_VALUE = 30;
/** Reverse the array when its top q is below its bottom q by this factor (dlasq2's CBIAS): dqds deflates at the bottom. */
const FLIP_BIAS = 1.5;
/** dlasq4's constants: the residual bound is used while below RESIDUAL_LIMIT, inflated by RESIDUAL_INFLATION. */
const RESIDUAL_LIMIT = 0.563;
const RESIDUAL_INFLATION = 1.05;
/**
 * The shift as a fraction of the smallest d when there is no better estimate, and the factor by which
 * a failed shift shrinks (dlasq4 uses 1/4 with more cases; 1/2 took 8-17% fewer transforms here, on
 * Gaussian bidiagonals of order 50 to 500, with about 1 failed transform in 100).
 */
const FALLBACK_FRACTION = 0.5;

/**
 * The singular values of the unreduced upper bidiagonal block diagonal[start..start + size),
 * superDiagonal[start..start + size - 1), squared, written unordered to out[offset..offset + size):
 * the eigenvalues of W(t) = F F^T in the closed form of Min & Vidal (2025), eq. (5), once F is
 * bidiagonalized (bidiagonal.ts). Internal kernel: entries are finite and scaled to about 1 (their
 * squares may underflow: a zero q or coupling splits the array, see `solveQd`).
 *
 * @returns false when it did not converge within its budget of transforms (then `out` is
 *   unspecified and the caller must use another method); true otherwise.
 */
export function dqdsSquaredSingularValues(diagonal: Float64Array, superDiagonal: Float64Array, start: number, size: number, out: Float64Array, offset: number): boolean {
  const q = new Float64Array(size);
  const e = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    q[i] = diagonal[start + i] * diagonal[start + i];
    if (i < size - 1) e[i] = superDiagonal[start + i] * superDiagonal[start + i];
  }
  return solveQd(q, e, size, 0, 0, out, offset, { left: TRANSFORMS_PER_VALUE * size });
}

/**
 * The eigenvalues of the qd array (q, e) of order `size` plus the shift sigma + sigmaLow already
 * taken from it, written to out[offset..offset + size); false when `budget` runs out. A coupling
 * that becomes exactly 0 inside the array (a transform writes one wherever a q is 0: a zero
 * singular value, or squares that underflowed) splits B^T B into two blocks. dqds deflates only at
 * the bottom, so the block below is solved on its own, from the same shift, as dlasq2 splits.
 */
function solveQd(q: Float64Array, e: Float64Array, size: number, sigma: number, sigmaLow: number, out: Float64Array, offset: number, budget: { left: number }): boolean {
  let nextQ: Float64Array = new Float64Array(size);
  let nextE: Float64Array = new Float64Array(size);
  let n = size;
  let found = 0;
  let smallest = 0;
  const aboveBottom = new Float64Array(1);
  flipIfBottomHeavy(q, e, n);
  while (n > 0) {
    if (n === 1) {
      out[offset + found++] = q[0] + sigmaLow + sigma;
      break;
    }
    if (n === 2) {
      // The whole remaining array: the eigenvalues of [[q1, sqrt(q1 e1)], [sqrt(q1 e1), q2 + e1]].
      const [q1, e1, q2] = [q[0], e[0], q[1]];
      const larger = 0.5 * (q1 + q2 + e1 + Math.sqrt((q2 + e1 - q1) ** 2 + 4 * q1 * e1));
      const smaller = larger === 0 ? 0 : (q1 / larger) * q2;
      out[offset + found++] = larger + sigmaLow + sigma;
      out[offset + found++] = smaller + sigmaLow + sigma;
      break;
    }
    // The coupling to the bottom row perturbs its eigenvalue by about e_{n-1}: deflate when that is
    // below a relative tol^2 of the eigenvalue itself.
    if (e[n - 2] <= TOLERANCE_SQUARED * (sigma + q[n - 1])) {
      out[offset + found++] = q[n - 1] + sigmaLow + sigma;
      n--;
      // The last transform's smallest d above the deflated row bounds the rest's smallest eigenvalue in the same way.
      smallest = aboveBottom[0];
      flipIfBottomHeavy(q, e, n);
      continue;
    }
    const split = e.subarray(0, n - 2).lastIndexOf(0);
    if (split >= 0) {
      const below = n - split - 1;
      if (!solveQd(q.slice(split + 1, n), e.slice(split + 1, n), below, sigma, sigmaLow, out, offset + found, budget)) return false;
      found += below;
      n = split + 1;
      smallest = 0;
      flipIfBottomHeavy(q, e, n);
      continue;
    }
    if (budget.left-- <= 0) return false;
    let shift = nextShift(q, e, n, smallest);
    let transformed = -1;
    for (let attempt = 0; ; attempt++) {
      transformed = dqdsTransform(q, e, nextQ, nextE, n, shift, aboveBottom);
      if (transformed >= 0 || shift === 0) break;
      shift = attempt === 0 ? FALLBACK_FRACTION * shift : 0;
    }
    // The zero shift always goes through (d + e_i = 0 needs a zero coupling, split or deflated above);
    // should an internal error break that, the caller falls back rather than read an unwritten array.
    if (transformed < 0) return false;
    [q, nextQ] = [nextQ, q];
    [e, nextE] = [nextE, e];
    // Two-sum: sigma + sigmaLow is the exact sum of the shifts so far, to the last rounding of sigmaLow.
    const total = sigma + shift;
    const carried = total - sigma;
    sigmaLow += sigma - (total - carried) + (shift - carried);
    sigma = total;
    smallest = transformed;
  }
  return true;
}

/**
 * The next shift, below the smallest eigenvalue of the array's B^T B when the estimate holds
 * (dlasq4's case of a minimum d at the bottom): with the last transform's smallest d equal to q_n,
 * the Rayleigh-quotient residual bound gives q_n (1 - sqrt(a)) / (1 + a), where a sums the products
 * e_{n-1}/q_{n-1}, e_{n-1} e_{n-2} / (q_{n-1} q_{n-2}), ... while they matter. Otherwise
 * FALLBACK_FRACTION of the smallest d. A shift that is too large only makes the transform fail and be retried smaller.
 */
function nextShift(q: Float64Array, e: Float64Array, n: number, smallest: number): number {
  const fallback = FALLBACK_FRACTION * smallest;
  if (smallest === 0 || smallest !== q[n - 1] || e[n - 2] > q[n - 2]) return fallback;
  let term = e[n - 2] / q[n - 2];
  let sum = term;
  for (let i = n - 3; i >= 0 && term !== 0; i--) {
    const previous = term;
    if (e[i] > q[i]) return fallback;
    term *= e[i] / q[i];
    sum += term;
    if (100 * Math.max(term, previous) < sum || sum > RESIDUAL_LIMIT) break;
  }
  sum *= RESIDUAL_INFLATION;
  return sum < RESIDUAL_LIMIT ? (smallest * (1 - Math.sqrt(sum))) / (1 + sum) : fallback;
}

/**
 * One dqds transform of the first n entries of (q, e) with shift tau into (nextQ, nextE). Returns
 * the smallest d of the transform (an upper bound on the new smallest eigenvalue and the next
 * shift's basis; `aboveBottom[0]` receives the smallest d but the last, which bounds the rest once the
 * bottom row deflates), or -1 when some d went negative (tau was not below the smallest eigenvalue) or a
 * new q is zero: nothing usable was written.
 */
function dqdsTransform(q: Float64Array, e: Float64Array, nextQ: Float64Array, nextE: Float64Array, n: number, tau: number, aboveBottom: Float64Array): number {
  let d = q[0] - tau;
  if (d < 0) return -1;
  let smallest = d;
  for (let i = 0; i < n - 1; i++) {
    if (i === n - 2) aboveBottom[0] = smallest;
    const sum = d + e[i];
    if (sum === 0) return -1;
    nextQ[i] = sum;
    const ratio = q[i + 1] / sum;
    nextE[i] = e[i] * ratio;
    d = d * ratio - tau;
    if (d < 0) return -1;
    if (d < smallest) smallest = d;
  }
  nextQ[n - 1] = d;
  return smallest;
}

/** Reverses the qd array of the first n entries when its top is the smaller end (see FLIP_BIAS). */
function flipIfBottomHeavy(q: Float64Array, e: Float64Array, n: number): void {
  if (n < 2 || !(FLIP_BIAS * q[0] < q[n - 1])) return;
  q.subarray(0, n).reverse();
  e.subarray(0, n - 1).reverse();
}
