/**
 * The gradient flow U' = (Y - U U^T) U (Min & Vidal 2025, eq. (2)) integrated numerically, the
 * independent route against which the closed-form Riccati solution of eq. (3) is checked.
 */
import { Matrix } from 'ml-matrix';

import { FactorflowError, FactorflowInputError, FactorflowNumericalError } from '../errors.js';
import { LARGEST_TIME, type MatrixInput, requireOptions, requirePositive, requireRepresentableSquare, toMatrix } from '../validate.js';
import { fromRowMajor, outerProduct, scaledNorm, timesPowerOfTwo, toRowMajor } from '../linalg/dense.js';
import { gramInto, productInto } from '../linalg/product.js';
import { dormandPrince, requireOutputTimes } from '../ode/dormandPrince.js';
import { type PreparedTarget, factorSpectrum, symmetricMatrixOf, targetOf } from '../linalg/spectral.js';
import { basisChange } from './factorization.js';

/** The integrator's default relative tolerance: the reference route checks the closed form to about 1e-8 ||Y||. */
export const DEFAULT_FLOW_RTOL = 1e-10;

/** Options of {@link integrateGradientFlow}. */
export interface GradientFlowOptions {
  /** Output times, non-decreasing, each in [0, LARGEST_TIME] (about 4.5e307, where 2t is still finite); the flow starts at t = 0. */
  readonly times: ArrayLike<number>;
  /** Relative tolerance of the integrator (per step, RMS over the entries of U); default 1e-10. */
  readonly rtol?: number;
  /**
   * Absolute tolerance on the entries of U; default 0.01 rtol s (= 1e-12 s at the default rtol) with
   * s = max(max|U0_ij|, sqrt(max|Y_ij|)) (or 1 when both are 0), the size U has at the start and
   * near convergence (U U^T -> Y), so the default is invariant under rescaling Y -> c Y, U0 -> c^{1/2} U0.
   * Entries below atol / rtol = 0.01 s are controlled in absolute terms only: with a tiny
   * initialization scale alpha (U0 ~ alpha^{1/2}) pass atol ~ rtol alpha^{1/2} to keep full
   * relative accuracy on the not-yet-learned modes (in practice the default already gives
   * ~1e-8 relative accuracy on them for alpha down to 1e-12, because their growth is nearly linear).
   * A graded U0, with a component along an eigenvector of Y below 1e-6 s, gets that component in
   * place of s in the default, so that its mode is followed too.
   */
  readonly atol?: number;
  /** true (default): interpolate the output times (cheap); false: land a step on each. */
  readonly dense?: boolean;
  /** Most integrator step attempts; default 1e6. */
  readonly maxSteps?: number;
}

/** The trajectory returned by {@link integrateGradientFlow}, one entry per requested time. */
export interface GradientFlowTrajectory {
  /** The requested times. */
  readonly times: Float64Array;
  /** U(t), n x r. */
  readonly U: Matrix[];
  /** W(t) = U(t) U(t)^T (eq. (3)), n x n, exactly symmetric. */
  readonly W: Matrix[];
  /** Eigenvalues of W(t) in decreasing order, length n: squared singular values of U(t), zero-padded. */
  readonly eigenvaluesW: Float64Array[];
  /** Accepted integrator steps. */
  readonly steps: number;
  /** Rejected integrator steps. */
  readonly rejected: number;
  /** Evaluations of the right-hand side. */
  readonly evaluations: number;
}

/**
 * Integrates the gradient flow of L(U) = 1/4 ||Y - U U^T||_F^2 (Min & Vidal 2025, eqs. (1)-(2)),
 *
 *   U' = -grad L(U) = (Y - U U^T) U,  U(0) = U0,
 *
 * with the Dormand-Prince 5(4) integrator, and reports W = U U^T (eq. (3)) and its spectrum. A
 * problem far from scale 1 (Y scaled by 2^-1000 or 2^1000) is integrated in its own units, exactly
 * rescaled by a power of two (`problemExponent`), where the gradient neither underflows nor overflows.
 *
 * @param Y - symmetric n x n target (PSD in the paper; any symmetric Y works), or its
 *   {@link PreparedTarget}. Symmetric up to rounding is accepted and symmetrized.
 * @param U0 - n x r initial factor U(0), e.g. alpha^{1/2} Ubar0 from `gaussianInit`.
 * @param options - `times` (required), `rtol` (default 1e-10), `atol` (default 0.01 rtol times the
 *   scale of U, max(max|U0_ij|, sqrt(max|Y_ij|)); see {@link GradientFlowOptions.atol}), `dense`, `maxSteps`.
 * @returns U(t), W(t), eigenvalues of W(t) at every requested time, and integrator statistics.
 * @throws FactorflowInputError `not-symmetric`, `shape` (U0 not n x r), `not-finite`, `not-a-matrix`,
 *   `out-of-range` (bad time, tolerance or maxSteps; U0 whose W0 = U0 U0^T overflows).
 * @throws FactorflowNumericalError `not-converged` (maxSteps exceeded), `diverged` (see `dormandPrince`).
 * @example
 * ```ts
 * const { eigenvaluesW } = integrateGradientFlow([[2, 0], [0, 1]], [[1e-3], [1e-3]], { times: [0, 10] });
 * eigenvaluesW[1]; // ~[2, 0]: the rank-1 factor has learned the top eigenvalue
 * ```
 */
export function integrateGradientFlow(
  Y: MatrixInput | PreparedTarget,
  U0: MatrixInput,
  options: GradientFlowOptions,
): GradientFlowTrajectory {
  const { n, r, target, initial } = validateFactorization(Y, U0, options, '{ times, rtol?, atol?, ... }');
  const times = requireOutputTimes(options.times);
  const rtol = options.rtol === undefined ? DEFAULT_FLOW_RTOL : requirePositive(options.rtol, 'rtol');
  const givenAtol = options.atol === undefined ? undefined : requirePositive(options.atol, 'atol');

  // The flow in the problem's own units (see problemExponent): U = 2^e U', Y = 4^e Y', t = 4^-e t'.
  const exponent = problemExponent(target, initial);
  const scaledTarget = target.map((value) => timesPowerOfTwo(value, -2 * exponent));
  const scaledInitial = initial.map((value) => timesPowerOfTwo(value, -exponent));
  const scaledTimes = timesInProblemUnits(times, exponent);
  const prepared = targetOf(Y);
  const atol = defaultAtol(givenAtol, rtol, exponent, () => resolvedScale(prepared.phi, n, scaledTarget, scaledInitial, r, prepared.exactVectors));

  const field = factorizationField(scaledTarget, n, r);
  const result = integrate(() =>
    dormandPrince((_t, u, du) => field(u, du), scaledInitial, scaledTimes, { rtol, atol, dense: options.dense, maxSteps: options.maxSteps }),
  );

  const count = result.states.length;
  const U: Matrix[] = [];
  const W: Matrix[] = [];
  const eigenvaluesW: Float64Array[] = [];
  for (let k = 0; k < count; k++) {
    const state = result.states[k].map((value) => timesPowerOfTwo(value, exponent));
    U.push(fromRowMajor(state, n, r));
    W.push(outerProduct(state, n, r));
    eigenvaluesW.push(factorSpectrum(state, n, r));
  }
  return { times, U, W, eigenvaluesW, steps: result.steps, rejected: result.rejected, evaluations: result.evaluations };
}

/**
 * Output times in the units of the exactly rescaled problem (t' = 4^e t, see `problemExponent`),
 * refusing one beyond LARGEST_TIME there. Shared by the symmetric and the asymmetric flow.
 */
export function timesInProblemUnits(times: Float64Array, exponent: number): Float64Array {
  const scaledTimes = times.map((t) => timesPowerOfTwo(t, 2 * exponent));
  const limitAt = scaledTimes.findIndex((t) => !(t <= LARGEST_TIME));
  if (limitAt >= 0) {
    throw new FactorflowInputError(
      'out-of-range',
      `times[${limitAt}]`,
      `t = ${times[limitAt]} is beyond ${timesPowerOfTwo(LARGEST_TIME, -2 * exponent).toPrecision(4)}, the longest this problem's flow can be integrated ` +
        `(${LARGEST_TIME.toPrecision(3)} in units of its time scale); every mode has converged long before, so give an earlier time.`,
    );
  }
  return scaledTimes;
}

/**
 * The integrator's atol in the rescaled problem's units: the caller's, rescaled by 2^-e and kept
 * within the positive doubles, or 0.01 rtol times the size below which U must stay resolved
 * (`resolvedScale`, computed only when needed). Shared by the symmetric and the asymmetric flow.
 */
export function defaultAtol(givenAtol: number | undefined, rtol: number, exponent: number, resolved: () => number): number {
  return givenAtol === undefined
    ? Math.max(0.01 * rtol * resolved(), Number.MIN_VALUE)
    : Math.min(Math.max(timesPowerOfTwo(givenAtol, -exponent), Number.MIN_VALUE), Number.MAX_VALUE);
}

/**
 * Checks the data of the factorization problem (Min & Vidal 2025, eq. (1)): Y symmetric n x n and
 * U0 an n x r factor, returned as row-major arrays for the hot loops. Internal helper shared by
 * the flow and gradient descent; not part of the public API.
 *
 * @param Y - symmetric n x n target (symmetric up to rounding is symmetrized).
 * @param U0 - n x r initial factor.
 * @param options - the route's options, which must be an object.
 * @param fields - the options' fields, for the error message, e.g. `{ eta, steps, record? }`.
 * @throws FactorflowInputError `not-symmetric`, `shape`, `not-finite`, `not-a-matrix`; `out-of-range`
 *   when `options` is not an object.
 * @example
 * ```ts
 * validateFactorization([[1, 0], [0, 2]], [[1], [0]], { times: [1] }, '{ times }'); // { n: 2, r: 1, target, initial }
 * ```
 */
export function validateFactorization(
  Y: MatrixInput | PreparedTarget,
  U0: MatrixInput,
  options: unknown,
  fields: string,
): { n: number; r: number; target: Float64Array; initial: Float64Array } {
  const symmetric = symmetricMatrixOf(Y);
  const factor = toMatrix(U0, 'U0');
  if (factor.rows !== symmetric.rows) {
    throw new FactorflowInputError(
      'shape',
      'U0',
      `has ${factor.rows} rows but Y is ${symmetric.rows} x ${symmetric.rows}; U0 must be n x r with n = ${symmetric.rows}.`,
    );
  }
  requireOptions(options, 'options', fields);
  const initial = toRowMajor(factor);
  requireRepresentableSquare(initial, 'U0');
  return { n: symmetric.rows, r: factor.columns, target: toRowMajor(symmetric), initial };
}

/**
 * Scales within 2^{+-128} of 1 are computed as given: the cubic terms of (Y - U U^T) U stay within
 * about 2^{+-384}, far inside the doubles, and results stay bit for bit what they were.
 */
const NATIVE_EXPONENTS = 128;

/**
 * The exponent e of the exact rescaling U = 2^e U', Y = 4^e Y', t = 4^-e t' under which the
 * gradient flow U' = (Y - U U^T) U (Min & Vidal 2025, eq. (2)) is the same flow, and gradient
 * descent with eta = 4^-e eta' the same iteration: 2^e is the power of two nearest the problem's
 * scale max(max|U0_ij|, sqrt(max|Y_ij|)), so that U' and Y' are of order 1. Without it a problem
 * scaled by 2^-1000 has a gradient of order 2^-1500, which underflows to 0, and the routes would
 * return W0 at every time; one scaled by 2^1000 overflows at the first step. Multiplying by a power
 * of two is exact while the result stays a normal double, so the rescaled run is the run on the
 * given data. 0 (no rescaling) within 2^{+-128} of scale 1, and never so small that an entry of U0
 * would leave the normal doubles. Conversely a U0 with subnormal entries is scaled up until they are
 * normal (as far as 2^128 above the problem's scale allows): a subnormal u has lost digits, and
 * descent cannot even grow it (u (1 + eta) rounds back to u), so its mode would never be learned.
 *
 * @param target - Y, row-major. @param initial - U0, row-major.
 * @returns e, an integer.
 * @throws nothing (internal).
 * @example
 * ```ts
 * problemExponent(Float64Array.of(2 ** -1000), Float64Array.of(2 ** -501)); // -500
 * problemExponent(Float64Array.of(1), Float64Array.of(1, 2 ** -1074)); // -52: the subnormal entry becomes 2^-1022
 * ```
 */
export function problemExponent(target: Float64Array, initial: Float64Array): number {
  const natural = Math.round(Math.log2(dataScale(target, initial)));
  let smallest = Infinity;
  for (const value of initial) if (value !== 0) smallest = Math.min(smallest, Math.abs(value));
  // The largest e that keeps U0's smallest non-zero entry a normal double (Infinity for U0 = 0).
  const keepsNormal = Math.floor(Math.log2(smallest)) + 1022;
  if (keepsNormal < 0) {
    // Subnormal entries: scale them up to normal where the rescaled problem stays within 2^NATIVE_EXPONENTS of scale 1.
    const raised = Math.min(natural, keepsNormal);
    if (raised >= natural - NATIVE_EXPONENTS) return raised;
  }
  // Shrinking must keep U0's smallest non-zero entry a normal double, or its mode would be lost;
  // a problem whose U0 spans more than that range keeps its scale (and overflow is reported).
  const exponent = natural > 0 ? Math.min(natural, keepsNormal) : natural;
  return Math.abs(exponent) <= NATIVE_EXPONENTS ? 0 : exponent;
}

/**
 * Runs the integrator on a flow's own right-hand side. The integrator names its `rhs` when the
 * field leaves the doubles, which the flow's caller never passed: for a gradient flow that means the
 * gradient (`gradient`, as the message shows it) overflowed, a matter of the scale of Y and the
 * start, so the error is re-addressed to Y. Shared by the symmetric and the asymmetric flow.
 */
export function integrate<Result>(run: () => Result, gradient = '(Y - U U^T) U', start = 'U0'): Result {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof FactorflowError) || error.argument !== 'rhs') throw error;
    throw new FactorflowNumericalError(
      'diverged',
      'Y',
      `the gradient ${gradient} left double precision (${error.message}); rescale Y by s and ${start} by s^(1/2), ` +
        'which runs the same flow with time divided by s.',
    );
  }
}

/**
 * Components of U0 along Y's eigenvectors below this fraction of the scale of U are graded: the
 * default atol would leave them to absolute control only, and steps sized for the large modes
 * multiply them by the integrator's polynomial instead of e^{lambda h} (a component of 1e-50 was
 * never learned). Above it the default resolves them to about 1e-8 relative.
 */
const GRADED = 1e-6;

/**
 * The size below which the default atol stops resolving U: the scale of U (see `dataScale`), or
 * the smallest component of U0 along an eigenvector of Y (the norm of a row of Phi^T U0) when that
 * is graded below GRADED of it, so that the integrator follows every mode of a graded initialization
 * relatively. A row within the rounding error of the change of basis (`basisChange`) is noise, not a mode.
 * The asymmetric flow passes the lift Ysym = [[0, Y], [Y^T, 0]] and Z0 = [U0; V0], whose modes
 * these are (start.ts, step 2); `target` only sets the scale, so Y itself may stand for Ysym.
 */
export function resolvedScale(phi: Float64Array, n: number, target: Float64Array, initial: Float64Array, r: number, exactVectors?: boolean): number {
  const scale = dataScale(target, initial);
  const { projected, noise } = basisChange(phi, n, initial, r, exactVectors);
  let smallest = scale;
  for (let i = 0; i < n; i++) {
    const size = scaledNorm(projected, i * r, (i + 1) * r);
    if (size > noise[i] && size < GRADED * scale) smallest = Math.min(smallest, size);
  }
  return smallest;
}

/** max(max|U0_ij|, sqrt(max|Y_ij|)), or 1 if both vanish: the size of the factors along a flow (symmetric or asymmetric). */
export function dataScale(target: Float64Array, initial: Float64Array): number {
  let largestY = 0;
  for (let i = 0; i < target.length; i++) largestY = Math.max(largestY, Math.abs(target[i]));
  let largestU = 0;
  for (let i = 0; i < initial.length; i++) largestU = Math.max(largestU, Math.abs(initial[i]));
  const scale = Math.max(largestU, Math.sqrt(largestY));
  return scale > 0 ? scale : 1;
}

/**
 * The negative gradient (Y - U U^T) U of L(U) = 1/4 ||Y - U U^T||_F^2 (Min & Vidal 2025, eq. (2)),
 * as a function on row-major n x r arrays. Evaluated as Y U - U (U^T U), O(n^2 r + n r^2) with one
 * preallocated r x r buffer, never forming the n x n matrix U U^T. Internal helper, no validation.
 *
 * @param target - Y, row-major n x n, symmetric.
 * @param n - rows of Y and U.
 * @param r - columns of U.
 * @returns field(U, out) writing (Y - U U^T) U into `out` (which must not alias U).
 * @throws nothing; the caller has validated the shapes.
 * @example
 * ```ts
 * const field = factorizationField(Float64Array.of(2), 1, 1);
 * const out = new Float64Array(1);
 * field(Float64Array.of(1), out); // out[0] = (2 - 1) * 1 = 1
 * ```
 */
export function factorizationField(
  target: Float64Array,
  n: number,
  r: number,
): (factor: Float64Array, out: Float64Array) => void {
  const gram = new Float64Array(r * r);
  return (factor, out) => {
    gramInto(factor, n, r, 'columns', gram);
    productInto(target, factor, out, n, r, n);
    productInto(factor, gram, out, n, r, r, { alpha: -1, beta: 1 });
  };
}

/**
 * L(U) = 1/4 ||Y - U U^T||_F^2 (Min & Vidal 2025, eq. (1)) on row-major arrays, summed entrywise
 * so that no n x n matrix is allocated. Internal helper, no validation.
 *
 * @param target - Y, row-major n x n.
 * @param factor - U, row-major n x r.
 * @param n - rows of Y and U.
 * @param r - columns of U.
 * @throws nothing.
 * @example
 * ```ts
 * factorizationLoss(Float64Array.of(2), Float64Array.of(1), 1, 1); // (2 - 1)^2 / 4 = 0.25
 * ```
 */
export function factorizationLoss(target: Float64Array, factor: Float64Array, n: number, r: number): number {
  let sum = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let product = 0;
      for (let l = 0; l < r; l++) product += factor[i * r + l] * factor[j * r + l];
      const residual = target[i * n + j] - product;
      sum += residual * residual;
    }
  }
  return 0.25 * sum;
}
