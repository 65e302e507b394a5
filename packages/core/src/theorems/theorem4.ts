import { FactorflowInputError } from '../errors.js';
import { type EpsilonConstants, type Hypothesis, type TheoremPlan, alphaBounds, alphaHypotheses, emptyPlan, doubleOrNull, learningIntervals, logOfConstant, optionalAlpha, planAlpha, representableLogAlpha, requireEpsilon, requireNonNegativeNumbers, separationRatio } from './intervals.js';
import { type MatrixInput, roundingTolerance, toMatrix, requireOptions } from '../validate.js';
import { type PreparedTarget, requirePsdSpectrum, singularValues, targetOf } from '../linalg/spectral.js';

/** Input of {@link theorem4Plan}: the target and a general initialization shape. */
export interface Theorem4Input {
  /** Symmetric PSD n x n target, or its {@link PreparedTarget}. */
  readonly Y: MatrixInput | PreparedTarget;
  /** n x r initialization shape, U(0) = alpha^{1/2} U0bar (Theorem 4 needs r >= n and full row rank). */
  readonly U0bar: MatrixInput;
  /** Error tolerance, 0 < epsilon <= min(sigma_{K,Y}, 1). */
  readonly epsilon: number;
  /** Initialization scale; when omitted the plan is made at alpha_max. */
  readonly alpha?: number;
}

/** A Theorem 4 plan: the Theorem 3 fields plus M. */
export interface Theorem4Plan extends TheoremPlan {
  readonly theorem: 4;
  /**
   * M = max(||V||, ||V^{-1}||), V = (Phi^T U0bar U0bar^T Phi)^{-1}; null when W0bar is singular, or
   * when M exceeds double precision (then `logM` holds it).
   */
  readonly M: number | null;
  /** ln M from the singular values of U0bar, exact where M overflows; null when W0bar is singular. */
  readonly logM: number | null;
}

/**
 * The quantities of Theorem 4 (Min & Vidal 2025, incremental learning under general small
 * initialization U(0) = alpha^{1/2} U0bar): M = max(||V||, ||V^{-1}||) with
 * V = (Phi^T U0bar U0bar^T Phi)^{-1}, c_eps = eps / (16 M^2), C_eps = 16 sigma_1^2 M^2 / eps,
 * the supremum of the alpha satisfying alpha <= c_eps / M and the separation condition
 * (alpha_max = min(c_eps / M, c_eps (c_eps / C_eps)^{rho/(1-rho)}), in closed form), the
 * intervals I_k of eq. (16), and each hypothesis by name.
 *
 * Because Phi is orthogonal, ||V|| = 1 / sigma_min(U0bar)^2 and ||V^{-1}|| = sigma_max(U0bar)^2:
 * M comes from one SVD of U0bar, without inverting anything, and ln M = max(2 ln sigma_max,
 * -2 ln sigma_min) stays exact where M itself overflows (the plan then has M = null, `logM`, and
 * c_eps, C_eps, alpha_max from their logarithms).
 *
 * @param input - `Y` (symmetric PSD, or prepared), `U0bar` (n x r), `epsilon` in (0, min(sigma_K, 1)],
 *   optional `alpha`; the same options-object convention as {@link theorem3Plan}.
 * @throws FactorflowInputError on malformed input, Y not PSD, Y = 0, epsilon out of range, alpha <= 0.
 * @example
 * ```ts
 * const plan = theorem4Plan({ Y, U0bar: gaussianInit(5, 5, 1, 7), epsilon: 0.1 });
 * plan.M; plan.alphaMax; plan.intervals;
 * ```
 */
export function theorem4Plan(input: Theorem4Input): Theorem4Plan {
  requireOptions(input, 'input', '{ Y, U0bar, epsilon, alpha? }');
  const { U0bar, epsilon, alpha } = input;
  const { n, values } = targetOf(input.Y);
  const zero = requirePsdSpectrum(values, 'Y', 'Theorem 4 assumes Y PSD');
  const K = values.filter((value) => value > zero).length;
  if (K === 0) {
    throw new FactorflowInputError('out-of-range', 'Y', 'Y has no non-zero eigenvalue: there is nothing to learn.');
  }
  const shape = toMatrix(U0bar, 'U0bar');
  if (shape.rows !== n) {
    throw new FactorflowInputError('shape', 'U0bar', `has ${shape.rows} rows but Y is ${n} x ${n}; U0bar must be n x r.`);
  }
  const sigma = values.slice(0, K);
  requireEpsilon(epsilon, Math.min(sigma[K - 1], 1), 'min(sigma_{K,Y}, 1)', zero);
  const givenAlpha = optionalAlpha(alpha);
  const rho = separationRatio(sigma);
  const singular = singularValues(shape);
  const largest = singular[0];
  const smallest = shape.columns >= n ? singular[n - 1] : 0;
  const invertible = smallest > roundingTolerance(n) * largest;
  const hypotheses: Hypothesis[] = [
    {
      name: 'distinct-singular-values',
      statement: 'sigma_{1,Y} > sigma_{2,Y} > ... > sigma_{K,Y} > 0',
      holds: rho < 1,
      detail: rho < 1 ? `max sigma_{k+1}/sigma_k = ${rho.toPrecision(6)} < 1` : 'two non-zero singular values coincide',
    },
    {
      name: 'init-invertible',
      statement: 'W0~ = Phi^T U0bar U0bar^T Phi is invertible (needs r >= n)',
      holds: invertible,
      detail:
        shape.columns < n
          ? `r = ${shape.columns} < n = ${n}: W0~ has rank <= r (Remark III-C2: not covered by Theorem 4)`
          : `sigma_min(U0bar)^2 = ${squared(smallest)}, sigma_max(U0bar)^2 = ${squared(largest)}`,
    },
  ];
  if (!invertible) return { ...emptyPlan(epsilon, sigma, rho, givenAlpha, hypotheses, 4), theorem: 4, M: null, logM: null };

  // In logarithms: for U0bar = diag(1e160, 1e155), M = 1e320 is not a double while ln M = 736.8 is.
  const logM = Math.max(2 * Math.log(largest), -2 * Math.log(smallest));
  const M = initializationM(largest, smallest);
  const constants = theorem4Constants(sigma[0], M, epsilon, logM);
  const { cEpsilon, CEpsilon } = constants;
  const { logc, logC, logBound, logSeparation, logAlphaMax } = alphaBounds(constants, rho);
  const representable = representableLogAlpha(logAlphaMax);
  const finite = representable !== null;
  const logAlpha = planAlpha(givenAlpha, representable);
  hypotheses.push(
    ...alphaHypotheses({
      logAlpha,
      logBound,
      boundName: 'c_eps / M',
      logc,
      logC,
      rho,
      K,
      atSupremum: givenAlpha === undefined,
    }),
  );
  return {
    theorem: 4,
    epsilon,
    sigmaY: sigma,
    M: doubleOrNull(M),
    logM,
    cEpsilon: doubleOrNull(cEpsilon),
    CEpsilon: doubleOrNull(CEpsilon),
    logcEpsilon: logc,
    logCEpsilon: logC,
    separationRatio: rho,
    alphaMax: finite ? doubleOrNull(Math.exp(representable)) : null,
    logAlphaMax: finite ? logAlphaMax : null,
    alphaMaxAttained: finite && (K === 1 || logBound < logSeparation || representable < logAlphaMax),
    alpha: givenAlpha === undefined ? (logAlpha === null ? null : doubleOrNull(Math.exp(logAlpha))) : givenAlpha,
    logAlpha,
    intervals: logAlpha === null ? [] : learningIntervals(sigma, logC, logc, logAlpha),
    hypotheses,
    hypothesesHold: hypotheses.every((hypothesis) => hypothesis.holds),
  };
}

/** s^2 for a message, as e^x where it leaves the doubles. */
function squared(s: number): string {
  const value = s * s;
  return Number.isFinite(value) && (value > 0 || s === 0) ? value.toPrecision(6) : `e^${(2 * Math.log(s)).toPrecision(6)}`;
}

/**
 * Theorem 4's M = max(||V||, ||V^{-1}||), V = (Phi^T U0bar U0bar^T Phi)^{-1} (Min & Vidal 2025,
 * Theorem 4), from the extreme singular values of U0bar: max(s_max^2, 1 / s_min^2), since Phi is
 * orthogonal. Infinity when s_min = 0 (W0~ singular).
 *
 * @param largest - s_max(U0bar) >= 0.
 * @param smallest - s_min(U0bar) >= 0 (the n-th singular value; 0 when r < n).
 * @returns M, in [1, Infinity]: Infinity when s_min = 0, and where M overflows (ln M =
 *   max(2 ln s_max, -2 ln s_min) is then exact, as {@link theorem4Plan} uses it).
 * @throws FactorflowInputError `out-of-range` on a negative or NaN argument.
 * @example
 * ```ts
 * initializationM(2, 0.5); // 4
 * ```
 */
export function initializationM(largest: number, smallest: number): number {
  requireNonNegativeNumbers([[largest, 'largest'], [smallest, 'smallest']]);
  return Math.max(largest * largest, 1 / (smallest * smallest));
}

/**
 * Theorem 4's c_eps = eps / (16 M^2) and C_eps = 16 sigma_1^2 M^2 / eps (Min & Vidal 2025,
 * Theorem 4), with M for the bound alpha <= c_eps / M.
 *
 * @param sigma1 - the largest singular value of Y.
 * @param M - from {@link initializationM}, >= 1 (Infinity allowed: then c_eps = 0).
 * @param epsilon - the error tolerance.
 * @param logM - ln M when M overflowed double precision (default ln M): the logarithms stay exact.
 * @returns c_eps, C_eps, M, ln M and the logarithms of the constants (exact when they leave the doubles).
 * @throws FactorflowInputError `out-of-range` on a negative or NaN argument, or M < 1.
 * @example
 * ```ts
 * theorem4Constants(2, 1, 0.5); // { cEpsilon: 1 / 32, CEpsilon: 128, M: 1, logc: log(1 / 32), logC: log 128 }
 * ```
 */
export function theorem4Constants(sigma1: number, M: number, epsilon: number, logM?: number): EpsilonConstants {
  requireNonNegativeNumbers([[sigma1, 'sigma1'], [M, 'M'], [epsilon, 'epsilon']]);
  // An M below 1 is no max(||V||, ||V^{-1}||): it would make c_eps exceed eps / 16 (up to Infinity) silently.
  if (M < 1) {
    throw new FactorflowInputError('out-of-range', 'M', `must be >= 1 (M = max(||V||, ||V^{-1}||) >= 1), got ${M}; compute it with initializationM(s_max, s_min).`);
  }
  // Checked before the logarithm is taken: a default parameter would run Math.log on any value.
  const lnM = logM ?? Math.log(M);
  if (typeof lnM !== 'number' || !Number.isFinite(lnM)) {
    throw new FactorflowInputError(
      'out-of-range',
      logM === undefined ? 'M' : 'logM',
      `ln M must be finite (M = max(||V||, ||V^{-1}||) >= 1 is positive), got ${String(lnM)}; for an M beyond the doubles pass its logarithm as logM.`,
    );
  }
  const cEpsilon = epsilon / (16 * M * M);
  const CEpsilon = (16 * sigma1 * sigma1 * M * M) / epsilon;
  return {
    cEpsilon,
    CEpsilon,
    M,
    logM: lnM,
    logc: logOfConstant(cEpsilon, () => Math.log(epsilon) - Math.log(16) - 2 * lnM),
    logC: logOfConstant(CEpsilon, () => Math.log(16) + 2 * Math.log(sigma1) + 2 * lnM - Math.log(epsilon)),
  };
}
