/**
 * The measured windows of incremental learning for the asymmetric flow from a balanced start: where
 * X(t) = U(t) V(t)^T is within epsilon of Y's best rank-k approximation, ||X(t) - Y_hat_k||_2 <= eps
 * (the conclusion (17)/(23) of Theorems 3 and 4 of Min & Vidal 2025, measured for the extension of
 * Section IV; our derivation, not the paper's claim).
 */
import { type AsymmetricStart } from './start.js';
import { balancedModel, offDiagonalEvaluator } from './closedForm.js';
import { FactorflowInputError } from '../../errors.js';
import { type MeasuredWindows, type MeasuredWindowsOptions, saturationTimes, searchWindows } from '../windows.js';
import { type MatrixInput, given, requireInteger, requireOptions, requirePositive, roundingTolerance, timeLimit } from '../../validate.js';
import { singularValuesOf } from '../../linalg/bidiagonal.js';

/**
 * Measured windows where ||X(t) - Y_hat_k||_2 <= epsilon, k = 1..K (K = rank of Y), for the
 * asymmetric flow from a balanced start, X(t) from {@link balancedClosedForm}; the same grid, dip
 * and bisection search as measuredWindows (Min & Vidal 2025, Theorems 3 and 4, eqs. (17)/(23), whose
 * conclusion it measures; the asymmetric setting is our extension of Section IV).
 *
 * Y_hat_k = sum_{i <= k} sigma_i u_i v_i^T is read off Ysym's eigenvectors: the eigenvector of
 * +sigma_i is [u_i; v_i] / sqrt(2), so Y_hat_k = 2 (sum_{i <= k} sigma_i phi_i phi_i^T)_12, the same
 * basis the closed form uses. With repeated singular values Y_hat_k is not unique; this is the
 * one spanned by the eigenvectors ordered first (as bestRankK). The grid runs to the time by which
 * every mode +sigma_i has saturated (the negative modes -sigma_i only decay).
 *
 * @param Y - target, m x n, with at least one non-zero singular value.
 * @param start - balanced `{ U0, V0 }` as in {@link balancedClosedForm}.
 * @param epsilon - tolerance > 0.
 * @param options - `gridSize` (default 512), `relativeTolerance` of each window end (default 1e-9).
 * @returns epsilon, K, the grid's horizon and resolution, the windows and closest approach per rank,
 *   and the conditioning record of the symmetric model.
 * @throws FactorflowInputError as balancedClosedForm, on a bad epsilon or options, and
 *   `out-of-range` (argument `Y`) when Y has no non-zero singular value.
 * @example
 * ```ts
 * const Y = [[3, 0, 0], [0, 1, 0]];
 * const windows = asymmetricWindows(Y, balancedInit(2, 3, 2, 1e-8, 1), 0.1);
 * windows.perRank[0].windows; // one window: X(t) close to 3 e1 e1^T before the second value is learned
 * ```
 */
export function asymmetricWindows(Y: MatrixInput, start: AsymmetricStart, epsilon: number, options: MeasuredWindowsOptions = {}): MeasuredWindows {
  requirePositive(epsilon, 'epsilon');
  requireOptions(options, 'options', '{ gridSize?, relativeTolerance? }');
  const gridSize = requireInteger(given(options.gridSize, 512), 'options.gridSize', 8, 1e6);
  const relativeTolerance = requirePositive(given(options.relativeTolerance, 1e-9), 'options.relativeTolerance');
  const balanced = balancedModel(Y, start);
  const { problem, model, scale } = balanced;
  const { m, n } = problem;
  const size = m + n;
  const zero = roundingTolerance(size) * scale;
  const K = model.lambda.filter((value) => value > zero).length;
  if (K === 0) throw new FactorflowInputError('out-of-range', 'Y', 'Y has no non-zero singular value: there is nothing to learn.');

  // bestApproximations[k] = Y_hat_k / sigma_1, row-major m x n, built up one rank-one term at a time.
  // In units of sigma_1: X - Y_hat_k can reach 2 sigma_1, beyond the doubles for Y near the largest one.
  const bestApproximations = [new Float64Array(m * n)];
  for (let k = 1; k <= K; k++) {
    const next = bestApproximations[k - 1].slice();
    const weight = 2 * (model.lambda[k - 1] / scale);
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) next[i * n + j] += weight * model.phi[i * size + k - 1] * model.phi[(m + j) * size + k - 1];
    }
    bestApproximations.push(next);
  }
  const evaluate = offDiagonalEvaluator(balanced);
  const difference = new Float64Array(m * n);
  let X: Float64Array = new Float64Array(0);
  let evaluatedAt = Number.NaN;
  const distance = (t: number, k: number): number => {
    if (t !== evaluatedAt) {
      X = evaluate(t);
      evaluatedAt = t;
    }
    const target = bestApproximations[k];
    for (let i = 0; i < difference.length; i++) difference[i] = X[i] / scale - target[i];
    // A distance beyond the largest double is beyond every epsilon too: reported as the largest double.
    return Math.min(scale * singularValuesOf(difference, m, n)[0], Number.MAX_VALUE);
  };
  const saturation = saturationTimes(model, zero);
  const noise = 1e-10 * Math.max(scale, epsilon);
  const { perRank, resolution } = searchWindows(distance, { K, epsilon, saturation, gridSize, relativeTolerance, noise, limit: timeLimit(scale) });
  return { epsilon, K, horizon: saturation[saturation.length - 1], resolution, perRank, conditioning: model.conditioning };
}
