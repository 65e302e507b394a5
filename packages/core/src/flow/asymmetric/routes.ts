/**
 * The two numerical routes of the asymmetric flow, for any start (balanced or not): the gradient
 * flow of L(U, V) = 1/2 ||Y - U V^T||_F^2 integrated by Dormand-Prince, and gradient descent. They
 * check the balanced closed form and measure what imbalance does (our extension of Min & Vidal
 * 2025, Section IV).
 */
import { Matrix } from 'ml-matrix';

import { type AsymmetricProblem, asymmetricProblem, symmetricLift } from './start.js';
import { FactorflowInputError, FactorflowNumericalError } from '../../errors.js';
import { DEFAULT_FLOW_RTOL, defaultAtol, integrate, problemExponent, resolvedScale, timesInProblemUnits } from '../gradientFlow.js';
import { type MatrixInput, given, requireInteger, requireOptions, requirePositive } from '../../validate.js';
import { fromRowMajor, timesPowerOfTwo, toRowMajor } from '../../linalg/dense.js';
import { singularValuesOf } from '../../linalg/bidiagonal.js';
import { targetOf } from '../../linalg/spectral.js';
import { dormandPrince, requireOutputTimes } from '../../ode/dormandPrince.js';

/** Options of {@link integrateAsymmetricFlow}. */
export interface AsymmetricFlowOptions {
  /** Output times, non-decreasing, each in [0, LARGEST_TIME]. */
  readonly times: ArrayLike<number>;
  /** Relative tolerance per step (RMS over the entries of U and V); default 1e-10 (`DEFAULT_FLOW_RTOL`). */
  readonly rtol?: number;
  /**
   * Absolute tolerance on the entries of U and V; default 0.01 rtol s with
   * s = max(max|U0_ij|, max|V0_ij|, sqrt(max|Y_ij|)) (1 when all vanish), invariant under
   * Y -> c Y, (U0, V0) -> c^{1/2} (U0, V0), as integrateGradientFlow's; and, as there, a graded
   * start, with a component of Z0 = [U0; V0] along an eigenvector of Ysym = [[0, Y], [Y^T, 0]]
   * below 1e-6 s, gets that component in place of s, so that its mode is followed too.
   */
  readonly atol?: number;
  /** Most step attempts; default 1e6. */
  readonly maxSteps?: number;
}

/** What {@link integrateAsymmetricFlow} returns, one entry per requested time. */
export interface AsymmetricFlowTrajectory {
  readonly times: Float64Array;
  /** U(t), m x r. */
  readonly U: Matrix[];
  /** V(t), n x r. */
  readonly V: Matrix[];
  /** X(t) = U(t) V(t)^T, m x n. */
  readonly X: Matrix[];
  /** Singular values of X(t), decreasing, length min(m, n). */
  readonly singularValuesX: Float64Array[];
  /** Accepted, rejected integrator steps and right-hand-side evaluations. */
  readonly steps: number;
  readonly rejected: number;
  readonly evaluations: number;
}

/**
 * The negative gradient of L(U, V) = 1/2 ||Y - U V^T||_F^2 on the stacked state Z = [U; V]
 * (row-major (m + n) x r): U' = Y V - U (V^T V), V' = Y^T U - V (U^T U), the two r x r Gram
 * matrices instead of the m x n residual.
 */
function asymmetricField(Y: Float64Array, m: number, n: number, r: number): (state: Float64Array, out: Float64Array) => void {
  const gramU = new Float64Array(r * r);
  const gramV = new Float64Array(r * r);
  return (state, out) => {
    const V = m * r;
    for (let a = 0; a < r; a++) {
      for (let b = 0; b < r; b++) {
        let u = 0;
        let v = 0;
        for (let i = 0; i < m; i++) u += state[i * r + a] * state[i * r + b];
        for (let j = 0; j < n; j++) v += state[V + j * r + a] * state[V + j * r + b];
        gramU[a * r + b] = u;
        gramV[a * r + b] = v;
      }
    }
    for (let i = 0; i < m; i++) {
      for (let a = 0; a < r; a++) {
        let sum = 0;
        for (let j = 0; j < n; j++) sum += Y[i * n + j] * state[V + j * r + a];
        for (let b = 0; b < r; b++) sum -= state[i * r + b] * gramV[b * r + a];
        out[i * r + a] = sum;
      }
    }
    for (let j = 0; j < n; j++) {
      for (let a = 0; a < r; a++) {
        let sum = 0;
        for (let i = 0; i < m; i++) sum += Y[i * n + j] * state[i * r + a];
        for (let b = 0; b < r; b++) sum -= state[V + j * r + b] * gramU[b * r + a];
        out[V + j * r + a] = sum;
      }
    }
  };
}

/** [U0; V0] row-major. */
function stacked(problem: AsymmetricProblem): Float64Array {
  const state = new Float64Array((problem.m + problem.n) * problem.r);
  state.set(toRowMajor(problem.U0));
  state.set(toRowMajor(problem.V0), problem.m * problem.r);
  return state;
}

/** X = U V^T (row-major m x n) of a stacked state. */
function productOf(state: Float64Array, m: number, n: number, r: number): Float64Array {
  const X = new Float64Array(m * n);
  const V = m * r;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let a = 0; a < r; a++) sum += state[i * r + a] * state[V + j * r + a];
      X[i * n + j] = sum;
    }
  }
  return X;
}

/**
 * Integrates the gradient flow of L(U, V) = 1/2 ||Y - U V^T||_F^2,
 *
 *   U' = (Y - U V^T) V,   V' = (Y - U V^T)^T U,   U(0) = U0, V(0) = V0,
 *
 * for any start (balanced or not) with the Dormand-Prince 5(4) integrator of core's ode layer: the
 * independent route for the balanced closed form (our extension of Min & Vidal 2025, Section IV;
 * for a symmetric Y and U = V it is eq. (2) up to the factor 2 of the loss).
 *
 * @param Y - target, m x n.
 * @param U0 - m x r.
 * @param V0 - n x r, the same r.
 * @param options - `times` (required), `rtol` (default 1e-10), `atol` (default 0.01 rtol times the
 *   scale of the factors, see {@link AsymmetricFlowOptions.atol}), `maxSteps` (default 1e6).
 * @returns U, V, X = U V^T and the singular values of X at each time, and integrator statistics.
 * @throws FactorflowInputError on malformed Y, U0 or V0 (`shape`, `not-finite`, `not-a-matrix`) or bad options;
 *   `out-of-range` on `times[i]` beyond the rescaled problem's range, and on Y when X = U V^T leaves the doubles.
 * @throws FactorflowNumericalError `not-converged` (maxSteps exceeded), `diverged` (the gradient left double precision).
 * @example
 * ```ts
 * const { singularValuesX } = integrateAsymmetricFlow([[2, 0, 0], [0, 1, 0]], [[1e-3], [1e-3]], [[1e-3], [0], [2e-3]], { times: [0, 20] });
 * singularValuesX[1]; // ~[2, 0]
 * ```
 */
export function integrateAsymmetricFlow(Y: MatrixInput, U0: MatrixInput, V0: MatrixInput, options: AsymmetricFlowOptions): AsymmetricFlowTrajectory {
  const problem = asymmetricProblem(Y, U0, V0, { U0: 'U0', V0: 'V0' });
  requireOptions(options, 'options', '{ times, rtol?, atol?, maxSteps? }');
  const { m, n, r } = problem;
  const times = requireOutputTimes(options.times);
  const rtol = options.rtol === undefined ? DEFAULT_FLOW_RTOL : requirePositive(options.rtol, 'rtol');
  const givenAtol = options.atol === undefined ? undefined : requirePositive(options.atol, 'atol');
  const { exponent, target, initial } = inProblemUnits(problem);
  const scaledTimes = timesInProblemUnits(times, exponent);
  // The modes of the flow are Z's components along Ysym's eigenvectors (start.ts, step 2); Y's
  // entries stand for Ysym's in the scale.
  const atol = defaultAtol(givenAtol, rtol, exponent, () => {
    const lift = targetOf(symmetricLift(problem));
    return resolvedScale(lift.phi, m + n, target, initial, r, lift.exactVectors);
  });
  const field = asymmetricField(target, m, n, r);
  const result = integrate(
    () => dormandPrince((_t, state, out) => field(state, out), initial, scaledTimes, { rtol, atol, maxSteps: options.maxSteps }),
    '(Y - U V^T) V, (Y - U V^T)^T U',
    'U0, V0',
  );
  const U: Matrix[] = [];
  const V: Matrix[] = [];
  const X: Matrix[] = [];
  const singularValuesX: Float64Array[] = [];
  for (const scaled of result.states) {
    const state = scaled.map((value) => timesPowerOfTwo(value, exponent));
    U.push(fromRowMajor(state.subarray(0, m * r), m, r));
    V.push(fromRowMajor(state.subarray(m * r), n, r));
    const product = productOf(scaled, m, n, r).map((value) => timesPowerOfTwo(value, 2 * exponent));
    requireRepresentableProduct(product, exponent);
    X.push(fromRowMajor(product, m, n));
    singularValuesX.push(singularValuesOf(product, m, n));
  }
  return { times, U, V, X, singularValuesX, steps: result.steps, rejected: result.rejected, evaluations: result.evaluations };
}

/**
 * Y and Z0 = [U0; V0] (row-major) in the units of the exactly rescaled problem U = 2^e U',
 * V = 2^e V', Y = 4^e Y', t = 4^-e t', eta = 4^-e eta', the same flow and the same descent
 * (`problemExponent`, whose argument holds for U' = (Y' - U' V'^T) V' term by term): a problem
 * scaled by 2^-1000 would otherwise have a gradient that underflows to 0, one scaled by 2^1000 overflow.
 */
function inProblemUnits(problem: AsymmetricProblem): { exponent: number; target: Float64Array; initial: Float64Array } {
  const target = toRowMajor(problem.Y);
  const initial = stacked(problem);
  const exponent = problemExponent(target, initial);
  if (exponent === 0) return { exponent, target, initial };
  return { exponent, target: target.map((value) => timesPowerOfTwo(value, -2 * exponent)), initial: initial.map((value) => timesPowerOfTwo(value, -exponent)) };
}

/** X = U V^T must be a matrix of doubles; past 1.8e308 it is not, whatever the route computed in its own units. */
function requireRepresentableProduct(product: Float64Array, exponent: number): void {
  if (exponent === 0 || product.every(Number.isFinite)) return;
  throw new FactorflowInputError(
    'out-of-range',
    'Y',
    'X = U V^T along this flow has entries beyond the largest double (the problem\'s scale is ' +
      `2^${exponent} for U and V); rescale Y by s and U0, V0 by s^(1/2), which runs the same flow with time divided by s.`,
  );
}

/** Options of {@link asymmetricGradientDescent}. */
export interface AsymmetricDescentOptions {
  /** Step size eta > 0; k steps approximate the flow at t = k eta. */
  readonly eta: number;
  /** Number of steps, an integer >= 0. */
  readonly steps: number;
  /** Record every `record` steps (integer >= 1); default ceil(steps / 100). */
  readonly record?: number;
}

/** What {@link asymmetricGradientDescent} returns. */
export interface AsymmetricDescentResult {
  /** The last iterates U (m x r), V (n x r) and X = U V^T (m x n). */
  readonly U: Matrix;
  readonly V: Matrix;
  readonly X: Matrix;
  /** Snapshots at step 0, every `record` steps and the last step: the loss and the singular values of X. */
  readonly history: readonly { readonly step: number; readonly loss: number; readonly singularValuesX: Float64Array }[];
}

/**
 * Gradient descent on L(U, V) = 1/2 ||Y - U V^T||_F^2, the forward-Euler discretization of the
 * asymmetric flow (our extension of Min & Vidal 2025, Section IV; eq. (1) for the symmetric loss):
 *
 *   U_{k+1} = U_k + eta (Y - U_k V_k^T) V_k,   V_{k+1} = V_k + eta (Y - U_k V_k^T)^T U_k.
 *
 * Unlike the flow, descent does not conserve U^T U - V^T V exactly (it changes by O(eta^2) per step).
 *
 * @param Y - target, m x n.
 * @param U0 - m x r.
 * @param V0 - n x r.
 * @param options - `eta` > 0, `steps` (integer >= 0), `record` (integer >= 1, default ceil(steps / 100)).
 * @returns the last U, V, X and the history of the loss and of the singular values of X.
 * @throws FactorflowInputError on malformed Y, U0, V0 or options; `out-of-range` on Y when the loss or X
 *   leaves the doubles (a problem of scale beyond 1e154; descent itself runs at any scale, rescaled exactly).
 * @throws FactorflowNumericalError `diverged` (argument `eta`) when an iterate or its loss leaves
 *   the finite numbers; near a minimizer descent converges only for eta < 1 / sigma_1(Y) (the Hessian
 *   there has the eigenvalue 2 sigma_1), which the message quotes.
 * @example
 * ```ts
 * const { X } = asymmetricGradientDescent([[2, 0, 0], [0, 1, 0]], [[1e-3, 0], [0, 1e-3]], [[1e-3, 0], [0, 1e-3], [0, 0]], { eta: 0.01, steps: 3000 });
 * // X ~ [[2, 0, 0], [0, 1, 0]]
 * ```
 */
export function asymmetricGradientDescent(Y: MatrixInput, U0: MatrixInput, V0: MatrixInput, options: AsymmetricDescentOptions): AsymmetricDescentResult {
  const problem = asymmetricProblem(Y, U0, V0, { U0: 'U0', V0: 'V0' });
  requireOptions(options, 'options', '{ eta, steps, record? }');
  const eta = requirePositive(options.eta, 'eta', 'eta is the gradient-descent step size.');
  const steps = requireInteger(options.steps, 'steps', 0, Number.MAX_SAFE_INTEGER);
  const record = given(options.record, Math.max(1, Math.ceil(steps / 100)));
  requireInteger(record, 'record', 1, Number.MAX_SAFE_INTEGER);
  const { m, n, r } = problem;
  // Descent runs on the rescaled problem (inProblemUnits); X and the loss are reported in the caller's units.
  const { exponent, target, initial: state } = inProblemUnits(problem);
  const scaledEta = timesPowerOfTwo(eta, 2 * exponent);
  const direction = new Float64Array(state.length);
  const field = asymmetricField(target, m, n, r);
  const history: { step: number; loss: number; singularValuesX: Float64Array }[] = [];
  const productNow = (): Float64Array => {
    const product = productOf(state, m, n, r).map((value) => timesPowerOfTwo(value, 2 * exponent));
    requireRepresentableProduct(product, exponent);
    return product;
  };
  const snapshot = (step: number): void => {
    const scaledX = productOf(state, m, n, r);
    let loss = 0;
    for (let i = 0; i < scaledX.length; i++) loss += (target[i] - scaledX[i]) ** 2;
    if (!Number.isFinite(loss)) throw divergence(problem, eta, step);
    loss = timesPowerOfTwo(0.5 * loss, 4 * exponent);
    if (!Number.isFinite(loss)) {
      throw new FactorflowInputError(
        'out-of-range',
        'Y',
        `the loss 1/2 ||Y - U V^T||_F^2 at step ${step} exceeds the largest double; rescale Y by s and U0, V0 by s^(1/2) ` +
          '(the same flow, with time divided by s) so that ||Y||_F and ||U V^T||_F stay below about 1e154.',
      );
    }
    history.push({ step, loss, singularValuesX: singularValuesOf(productNow(), m, n) });
  };
  snapshot(0);
  for (let k = 1; k <= steps; k++) {
    field(state, direction);
    let finite = true;
    for (let i = 0; i < state.length; i++) {
      state[i] += scaledEta * direction[i];
      finite &&= Number.isFinite(state[i]);
    }
    if (!finite) throw divergence(problem, eta, k);
    if (k % record === 0 || k === steps) snapshot(k);
  }
  const original = state.map((value) => timesPowerOfTwo(value, exponent));
  return { U: fromRowMajor(original.subarray(0, m * r), m, r), V: fromRowMajor(original.subarray(m * r), n, r), X: fromRowMajor(productNow(), m, n), history };
}

/**
 * The `diverged` error. Descent can converge only for eta < 1 / sigma_1(Y): at a balanced minimizer
 * the Hessian of L has the eigenvalue 2 sigma_1 (scalar case: the Hessian of 1/2 (y - u v)^2 at
 * u = v = sqrt(y) is [[y, y], [y, y]]), so the iteration map has the eigenvalue 1 - 2 eta sigma_1 there.
 */
function divergence(problem: AsymmetricProblem, eta: number, step: number): FactorflowNumericalError {
  const sigma1 = singularValuesOf(toRowMajor(problem.Y), problem.m, problem.n)[0];
  const bound = sigma1 > 0 ? ` Near a minimizer descent converges only for eta < 1 / sigma_1(Y) = ${(1 / sigma1).toPrecision(3)}.` : '';
  return new FactorflowNumericalError(
    'diverged',
    'eta',
    `gradient descent diverges with eta = ${eta}: at step ${step} (t = ${step * eta}) the iterate or its loss left the finite numbers.${bound} Reduce eta.`,
  );
}
