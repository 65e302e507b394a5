/**
 * The secular equation of a symmetric rank-one update, f(lambda) = 1 + rho sum_j z_j^2 / (d_j - lambda)
 * = 0, whose roots are the eigenvalues of diag(d) + rho z z^T (Golub & Van Loan, Matrix
 * Computations, 4th ed., Section 8.4.3; LAPACK dlaed4). The divide-and-conquer eigensolver
 * (divideConquer.ts) needs each root together with its distances d_j - lambda to every pole,
 * accurate relative to the nearer pole: the eigenvector formula of Gu & Eisenstat divides by them.
 */

const MACHINE_EPSILON = 2 ** -52;
/** Rational steps before bisection is interleaved, which bounds the iteration count whatever happens. */
const RATIONAL_ONLY = 20;
/** Enough for the interleaved bisection to shrink any bracket of doubles to adjacent doubles. */
const MAX_ITERATIONS = 4400;

/**
 * Root i (0-based, increasing) of the secular equation for increasing poles d[0 .. k-1], weights z
 * with sum z_j^2 = 1 (every z_j non-zero) and rho > 0: the root lies in (d_i, d_{i+1}), or in
 * (d_{k-1}, d_{k-1} + rho] for the last. Writes delta[j] = d_j - lambda_i and returns lambda_i.
 * A step of the eigendecomposition of Y in Min & Vidal (2025), Proposition 1 (divideConquer.ts).
 *
 * The root is found as lambda = d_o + tau from the pole o nearer to it (decided by the sign of f at
 * the midpoint), so that delta[o] = -tau is exact and every delta[j] = (d_j - d_o) - tau has a small
 * relative error (LAPACK dlaed4's origin shift). Each step fits f by two poles at d_i and d_{i+1},
 * matching the value and slope of the sums left and right of the root (Bunch, Nielsen & Sorensen
 * 1978), and solves that model exactly; a step that leaves the bracket kept from the signs of f is
 * replaced by bisection, and after RATIONAL_ONLY steps every other step bisects, so the iteration
 * ends even on inputs where the model converges slowly. It stops when |f| is within its rounding
 * error, or when the bracket holds no double between its ends.
 */
export function secularRoot(d: Float64Array, z: Float64Array, k: number, rho: number, i: number, delta: Float64Array): number {
  if (k === 1) {
    // The root d_0 + rho z_0^2 is the end of the bracket (d_0, d_0 + rho], where every model step lands
    // and is rejected: bisection then stopped up to 16 eps rho short of it (LAPACK dlaed4's N = 1 case).
    delta[0] = -rho * z[0] * z[0];
    return d[0] - delta[0];
  }
  const last = i === k - 1;
  let origin = i;
  let lo: number;
  let hi: number;
  if (last) {
    // f(d_{k-1} + rho) >= 0 because every |d_j - lambda| >= rho there and sum z_j^2 = 1.
    lo = 0;
    hi = rho;
  } else {
    const half = (d[i + 1] - d[i]) / 2;
    let sum = 0;
    for (let j = 0; j < k; j++) sum += (z[j] * z[j]) / (d[j] - d[i] - half);
    if (1 + rho * sum >= 0) {
      lo = 0;
      hi = half;
    } else {
      // -half, not d_i + half - d_{i+1}: rounding that sum can move the end past the root when the
      // poles are 1e-12 apart, and the bracket must be the interval the sign of f was taken on.
      origin = i + 1;
      lo = -half;
      hi = 0;
    }
  }
  const base = d[origin];
  for (let j = 0; j < k; j++) delta[j] = d[j] - base;
  let tau = last ? rho / 2 : (lo + hi) / 2;
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    let psi = 0;
    let psiSlope = 0;
    let phi = 0;
    let phiSlope = 0;
    for (let j = 0; j <= i; j++) {
      const ratio = z[j] / (delta[j] - tau);
      psi += z[j] * ratio;
      psiSlope += ratio * ratio;
    }
    for (let j = i + 1; j < k; j++) {
      const ratio = z[j] / (delta[j] - tau);
      phi += z[j] * ratio;
      phiSlope += ratio * ratio;
    }
    const f = 1 + rho * (psi + phi);
    // Rounding error of f: a few eps per term (psi <= 0 <= phi). Each d_j - lambda = delta_j - tau is
    // accurate relative to itself (delta_origin = 0 is exact, and every other pole is at least as far
    // from the root as the origin), so no term for tau's own rounding: with two poles 1e-12 apart that
    // term (|tau| f' eps) is of order 1, and would stop the iteration at once, far from the root.
    if (Math.abs(f) <= 8 * MACHINE_EPSILON * (1 + rho * (phi - psi))) break;
    if (f < 0) lo = tau;
    else hi = tau;
    let next = Number.NaN;
    if (iteration < RATIONAL_ONLY || iteration % 2 === 0) next = tau + rationalStep(f, psiSlope, phiSlope, rho, delta[i] - tau, last ? Number.POSITIVE_INFINITY : delta[i + 1] - tau, lo - tau, hi - tau);
    if (!(next > lo && next < hi)) next = lo + (hi - lo) / 2;
    if (next === tau || next <= lo || next >= hi) break;
    tau = next;
  }
  for (let j = 0; j < k; j++) delta[j] -= tau;
  return base + tau;
}

/**
 * The step eta that zeroes the model g(eta) = c + A / (left - eta) + B / (right - eta), fitted so that
 * g(0) = f with slopes A / left^2 = rho psi' and B / right^2 = rho phi' (left < 0 < right are the
 * adjacent poles relative to tau; right = Infinity for the last root, B = 0). Multiplied out,
 * c eta^2 - a eta + b = 0 with a = c (left + right) + A + B and b = left right f; both roots are
 * formed without cancellation and the one inside (low, high) is returned, NaN if none is.
 */
function rationalStep(f: number, psiSlope: number, phiSlope: number, rho: number, left: number, right: number, low: number, high: number): number {
  const a1 = rho * psiSlope * left * left;
  if (right === Number.POSITIVE_INFINITY) {
    // One pole: c + A / (left - eta) = 0 with c = f - A / left.
    const c = f - a1 / left;
    return left + a1 / c;
  }
  const b1 = rho * phiSlope * right * right;
  const c = f - a1 / left - b1 / right;
  const a = c * (left + right) + a1 + b1;
  const b = left * right * f;
  const root = Math.sqrt(Math.abs(a * a - 4 * b * c));
  const q = (a + (a >= 0 ? root : -root)) / 2;
  const first = q / c;
  const second = b / q;
  if (second > low && second < high) return second;
  if (first > low && first < high) return first;
  return Number.NaN;
}
