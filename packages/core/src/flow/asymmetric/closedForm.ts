/**
 * The closed form of the asymmetric flow from a balanced start: X(t) = U(t) V(t)^T = 2 W(t)_12,
 * W the stable closed form of Proposition 1 (Min & Vidal 2025, eq. (5)) for the indefinite target
 * Ysym = [[0, Y], [Y^T, 0]] and W0 = Z0 Z0^T / 2 (our derivation of the Section IV sketch; see
 * start.ts).
 *
 * Ysym is decomposed as an (m + n) x (m + n) symmetric matrix (prepareTarget) rather than built from
 * an SVD of Y, so the closed form, its rank decisions and its conditioning record are those of the
 * symmetric layer, unchanged. The price is that the pairing +-sigma_i and the m + n - 2 rank(Y) zero
 * eigenvalues hold only to rounding: a zero computed as delta ~ eps ||Y|| acts as a rate delta, which
 * moves W by at most about delta (a decaying or saturating mode of size |delta|) at any t, below
 * the eps ||Y|| the closed form already carries. The reference test checks 1e-10 ||Y|| up to
 * sigma_1 t = 1e4.
 */
import { Matrix } from 'ml-matrix';

import { type AsymmetricProblem, type AsymmetricStart, liftedStart, problemOfStart, requireBalanced, symmetricLift } from './start.js';
import { eigenbasisFactorEvaluator } from '../riccati.js';
import { type InitialConditioning, type RiccatiModel, riccatiModel, timeScaleOf } from '../riccatiModel.js';
import { type MatrixInput, renamingArgument, requireFlag, requireOptions, requireTime, requireTimes } from '../../validate.js';
import { basisProduct } from '../../linalg/dense.js';
import { productInto } from '../../linalg/product.js';
import { singularValuesOf } from '../../linalg/bidiagonal.js';
import { type PreparedTarget } from '../../linalg/spectral.js';

/** A balanced problem with its symmetric model: what every evaluation of X(t) reuses. */
export interface BalancedModel {
  readonly problem: AsymmetricProblem;
  readonly lift: PreparedTarget;
  readonly model: RiccatiModel;
  /** sigma_1(Y) = ||Ysym||_2, the time scale of the flow. */
  readonly scale: number;
}

/** Validates Y and a start, requires balance (or not, for the nominal of an imbalanced start), and builds the symmetric model. */
export function balancedModel(Y: MatrixInput, start: AsymmetricStart, requireBalance = true): BalancedModel {
  const problem = problemOfStart(Y, start);
  if (requireBalance) requireBalanced(problem);
  const lift = symmetricLift(problem);
  const model = renamingArgument(() => riccatiModel(lift, { U0: liftedStart(problem) }), 'init.U0', 'start');
  return { problem, lift, model, scale: timeScaleOf(model.lambda) };
}

/**
 * t -> X(t) (m x n, row-major) for one model: X = 2 (Phi F)_top (Phi F)_bottom^T with
 * Phi^T W Phi = F F^T (riccati.ts). The returned array is fresh for each call.
 */
export function offDiagonalEvaluator(balanced: BalancedModel): (t: number) => Float64Array {
  const { problem, model } = balanced;
  const { m, n } = problem;
  const size = m + n;
  const factorAt = eigenbasisFactorEvaluator(model);
  return (t) => {
    const rank = model.rank;
    const G = basisProduct(model.phi, size, factorAt(t), rank, false);
    return productInto(G, G.subarray(m * rank), new Float64Array(m * n), m, n, rank, { transposeB: true, alpha: 2 });
  };
}

/**
 * X(t) = U(t) V(t)^T for the gradient flow U' = (Y - U V^T) V, V' = (Y - U V^T)^T U of
 * L(U, V) = 1/2 ||Y - U V^T||_F^2 from a balanced start (U0^T U0 = V0^T V0), in closed form.
 *
 * Our derivation, extending the sketch of Min & Vidal 2025, Section IV (start.ts has the steps):
 * with Z = [U; V] and balance, W = Z Z^T / 2 solves W' = W Ysym + Ysym W - 2 W^2 (eq. (4) with
 * the indefinite target Ysym = [[0, Y], [Y^T, 0]]), whose solution is Proposition 1's eq. (5) in
 * the stable form of riccatiClosedForm; X = 2 W_12.
 *
 * @param Y - target, m x n, any m, n and rank.
 * @param start - `{ U0, V0 }`, U0 m x r and V0 n x r with the same r, balanced to {@link BALANCE_TOLERANCE}.
 * @param t - time, finite, in [0, 1e300 / sigma_1(Y)].
 * @returns X(t), m x n.
 * @throws FactorflowInputError on malformed Y or factors (`shape`, `not-finite`, `not-a-matrix`), a bad
 *   t, and `out-of-range` with argument `start` when the start is not balanced (the message names the
 *   imbalance, the tolerance and integrateAsymmetricFlow, the route for imbalanced starts).
 * @example
 * ```ts
 * const { U0, V0 } = balancedInit(2, 3, 2, 1e-6, 7);
 * const X = balancedClosedForm([[3, 0, 0], [0, 1, 0]], { U0, V0 }, 20); // ~ [[3, 0, 0], [0, 1, 0]]
 * ```
 */
export function balancedClosedForm(Y: MatrixInput, start: AsymmetricStart, t: number): Matrix {
  requireTime(t, 't');
  const balanced = balancedModel(Y, start);
  requireTime(t, 't', balanced.scale);
  const { m, n } = balanced.problem;
  return Matrix.from1DArray(m, n, offDiagonalEvaluator(balanced)(t));
}

/** X(t) and its singular values along a list of times, from one model of Ysym. */
export interface BalancedTrajectory {
  readonly times: Float64Array;
  /** X(t) = U(t) V(t)^T, m x n, per time (empty when `matrices: false`). */
  readonly X: Matrix[];
  /** Singular values of X(t), decreasing, length min(m, n), per time. */
  readonly singularValuesX: Float64Array[];
  /** Whether X(t) depends on components of the start that rounding hid, and from when (see `riccatiModel`). */
  readonly conditioning: InitialConditioning;
}

/**
 * X(t) of {@link balancedClosedForm} at many times, from one eigendecomposition of Ysym and one
 * factor of the start (the t-independent part of Proposition 1, Min & Vidal 2025, eq. (5)), with the
 * singular values of X(t): under a small balanced start they are learned one at a time, largest
 * first (our extension of Section IV).
 *
 * @param Y - target, m x n.
 * @param start - balanced `{ U0, V0 }` as in {@link balancedClosedForm}.
 * @param times - finite times in [0, 1e300 / sigma_1(Y)], any order.
 * @param options - `matrices: false` skips returning X(t) (the singular values are still computed).
 * @returns times, X(t), singular values of X(t) and the conditioning record of the symmetric model.
 * @throws FactorflowInputError as {@link balancedClosedForm}, and on bad times or options.
 * @example
 * ```ts
 * const start = balancedInit(3, 2, 2, 1e-8, 1);
 * const { singularValuesX } = balancedTrajectory([[4, 0], [0, 1], [0, 0]], start, [0, 5, 40], { matrices: false });
 * ```
 */
export function balancedTrajectory(
  Y: MatrixInput,
  start: AsymmetricStart,
  times: ArrayLike<number>,
  options: { readonly matrices?: boolean } = {},
): BalancedTrajectory {
  requireOptions(options, 'options', '{ matrices? }');
  const matrices = requireFlag(options.matrices, true, 'options.matrices');
  requireTimes(times, 'times');
  const balanced = balancedModel(Y, start);
  const checked = requireTimes(times, 'times', balanced.scale);
  const { m, n } = balanced.problem;
  const evaluate = offDiagonalEvaluator(balanced);
  const X: Matrix[] = [];
  const singularValuesX: Float64Array[] = [];
  for (const t of checked) {
    const entries = evaluate(t);
    singularValuesX.push(singularValuesOf(entries, m, n));
    if (matrices) X.push(Matrix.from1DArray(m, n, entries));
  }
  return { times: checked, X, singularValuesX, conditioning: balanced.model.conditioning };
}
