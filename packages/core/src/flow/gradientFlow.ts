/**
 * The gradient flow U' = (Y - U U^T) U (Min & Vidal 2025, eq. (2)) integrated numerically, the
 * independent route against which the closed-form Riccati solution of eq. (3) is checked.
 */
import { Matrix } from 'ml-matrix';

import { FactorflowError, FactorflowInputError, FactorflowNumericalError } from '../errors.js';
import { type MatrixInput, requireOptions, requirePositive, toMatrix } from '../validate.js';
import { gramInto, fromRowMajor, outerProduct, toRowMajor } from '../linalg/dense.js';
import { dormandPrince } from '../ode/dormandPrince.js';
import { type PreparedTarget, factorSpectrum, symmetricMatrixOf } from '../linalg/spectral.js';

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
 * with the Dormand-Prince 5(4) integrator, and reports W = U U^T (eq. (3)) and its spectrum.
 *
 * @param Y - symmetric n x n target (PSD in the paper; any symmetric Y works), or its
 *   {@link PreparedTarget}. Symmetric up to rounding is accepted and symmetrized.
 * @param U0 - n x r initial factor U(0), e.g. alpha^{1/2} Ubar0 from `gaussianInit`.
 * @param options - `times` (required), `rtol` (default 1e-10), `atol` (default 0.01 rtol times the
 *   scale of U, max(max|U0_ij|, sqrt(max|Y_ij|)); see {@link GradientFlowOptions.atol}), `dense`, `maxSteps`.
 * @returns U(t), W(t), eigenvalues of W(t) at every requested time, and integrator statistics.
 * @throws FactorflowInputError `not-symmetric`, `shape` (U0 not n x r), `not-finite`, `not-a-matrix`,
 *   `out-of-range` (bad time, tolerance or maxSteps).
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
  const rtol = options.rtol === undefined ? DEFAULT_FLOW_RTOL : requirePositive(options.rtol, 'rtol');
  const atol = options.atol === undefined ? 0.01 * rtol * dataScale(target, initial) : requirePositive(options.atol, 'atol');

  const field = factorizationField(target, n, r);
  const result = integrate(() =>
    dormandPrince((_t, u, du) => field(u, du), initial, options.times, { rtol, atol, dense: options.dense, maxSteps: options.maxSteps }),
  );

  const count = result.states.length;
  const times = Float64Array.from(options.times);
  const U: Matrix[] = [];
  const W: Matrix[] = [];
  const eigenvaluesW: Float64Array[] = [];
  for (let k = 0; k < count; k++) {
    const state = result.states[k];
    U.push(fromRowMajor(state, n, r));
    W.push(outerProduct(state, n, r));
    eigenvaluesW.push(factorSpectrum(state, n, r));
  }
  return { times, U, W, eigenvaluesW, steps: result.steps, rejected: result.rejected, evaluations: result.evaluations };
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
  return { n: symmetric.rows, r: factor.columns, target: toRowMajor(symmetric), initial: toRowMajor(factor) };
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
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < r; j++) {
        let sum = 0;
        for (let k = 0; k < n; k++) sum += target[i * n + k] * factor[k * r + j];
        for (let l = 0; l < r; l++) sum -= factor[i * r + l] * gram[l * r + j];
        out[i * r + j] = sum;
      }
    }
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
