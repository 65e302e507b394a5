import { FactorflowInputError } from '../errors.js';
import { type EpsilonConstants, type Hypothesis, type TheoremPlan, alphaBounds, alphaHypotheses, emptyPlan, doubleOrNull, learningIntervals, logOfConstant, requireNonNegativeNumbers, optionalAlpha, planAlpha, representableLogAlpha, requireEpsilon, separationRatio } from './intervals.js';
import { requireNonNegative, requireNumbers, requireOptions, roundingTolerance } from '../validate.js';

/** Input of {@link theorem3Plan}: the spectrum of Y and a spectral initialization shape. */
export interface Theorem3Input {
  /** Eigenvalues sigma_{i,Y} >= 0 of Y (any order; zeros allowed), n entries. */
  readonly sigmaY: ArrayLike<number>;
  /** sigma_{i,0} = [Sigma_{U0}^2]_ii >= 0, paired index by index with `sigmaY`. */
  readonly sigma0: ArrayLike<number>;
  /** Error tolerance, 0 < epsilon <= sigma_{K,Y}. */
  readonly epsilon: number;
  /** Initialization scale; when omitted the plan is made at alpha_max. */
  readonly alpha?: number;
}

/**
 * The quantities of Theorem 3 (Min & Vidal 2025, incremental learning under small spectral
 * initialization): c_eps = eps / max_i sigma_{i,0}, C_eps = sigma_1^2 / (eps min_{i<=K} sigma_{i,0}),
 * the largest alpha for which both hypotheses alpha <= c_eps and
 * (-log alpha + log c_eps) / (-log alpha + log C_eps) > max_k sigma_{k+1}/sigma_k hold, solved in
 * closed form (alpha_max = min(c_eps, c_eps (c_eps / C_eps)^{rho/(1-rho)})), the intervals I_k of
 * eq. (16), and each hypothesis by name.
 *
 * @param input - spectrum `sigmaY` (>= 0), shape `sigma0` (>= 0), `epsilon` in (0, sigma_K], optional `alpha`.
 * @throws FactorflowInputError when a spectrum entry is negative or not finite, the lengths differ,
 *   Y has no non-zero eigenvalue, epsilon is outside (0, sigma_K], or alpha <= 0.
 * @example
 * ```ts
 * const plan = theorem3Plan({ sigmaY: [10, 8, 6, 4, 2], sigma0: [1, 1, 1, 1, 1], epsilon: 0.5 });
 * plan.alphaMax; // the largest admissible initialization scale
 * plan.intervals[0]; // I_1 = [start, end]: W(t) is within 0.5 of Y_hat_1 there
 * ```
 */
export function theorem3Plan(input: Theorem3Input): TheoremPlan {
  requireOptions(input, 'input', '{ sigmaY, sigma0, epsilon, alpha? }');
  const { sigmaY, sigma0 } = spectralPairs(input.sigmaY, input.sigma0);
  const n = sigmaY.length;
  const zero = roundingTolerance(n) * sigmaY[0];
  const K = sigmaY.filter((value) => value > zero).length;
  if (K === 0) {
    throw new FactorflowInputError('out-of-range', 'sigmaY', 'Y has no non-zero eigenvalue: there is nothing to learn.');
  }
  const sigma = sigmaY.slice(0, K);
  const epsilon = requireEpsilon(input.epsilon, sigma[K - 1], 'sigma_{K,Y}');
  const alpha = optionalAlpha(input.alpha);
  const rho = separationRatio(sigma);
  const distinct = rho < 1;
  const maxSigma0 = Math.max(...sigma0);
  const minSigma0 = Math.min(...sigma0.slice(0, K));
  const supportPositive = minSigma0 > 0;

  const hypotheses: Hypothesis[] = [
    {
      name: 'distinct-singular-values',
      statement: 'sigma_{1,Y} > sigma_{2,Y} > ... > sigma_{K,Y} > 0',
      holds: distinct,
      detail: distinct ? `max sigma_{k+1}/sigma_k = ${rho.toPrecision(6)} < 1` : 'two non-zero singular values coincide',
    },
    {
      name: 'init-positive-on-support',
      statement: 'sigma_{i,0} > 0 for 1 <= i <= K',
      holds: supportPositive,
      detail: `min_{i <= K} sigma_{i,0} = ${minSigma0.toPrecision(6)}`,
    },
  ];
  if (!supportPositive) {
    return emptyPlan(epsilon, sigma, rho, alpha, hypotheses);
  }
  const constants = theorem3Constants(sigma[0], maxSigma0, minSigma0, epsilon);
  const { cEpsilon, CEpsilon } = constants;
  const { logc, logC, logSeparation, logAlphaMax } = alphaBounds(constants, rho);
  const representable = representableLogAlpha(logAlphaMax);
  // A supremum beyond the doubles is reported as the largest double alpha, which itself is admissible.
  const alphaMaxAttained = K === 1 || logc < logSeparation || (representable !== null && representable < logAlphaMax);
  const logAlpha = planAlpha(alpha, representable);
  hypotheses.push(
    ...alphaHypotheses({ logAlpha, logBound: logc, boundName: 'c_eps', logc, logC, rho, K, atSupremum: alpha === undefined }),
  );
  return {
    theorem: 3,
    epsilon,
    sigmaY: sigma,
    cEpsilon: doubleOrNull(cEpsilon),
    CEpsilon: doubleOrNull(CEpsilon),
    logcEpsilon: logc,
    logCEpsilon: logC,
    separationRatio: rho,
    alphaMax: representable === null ? null : doubleOrNull(Math.exp(representable)),
    logAlphaMax: Number.isFinite(logAlphaMax) ? logAlphaMax : null,
    alphaMaxAttained: representable !== null && alphaMaxAttained,
    alpha: alpha === undefined ? (logAlpha === null ? null : doubleOrNull(Math.exp(logAlpha))) : alpha,
    logAlpha,
    intervals: logAlpha === null ? [] : learningIntervals(sigma, logC, logc, logAlpha),
    hypotheses,
    hypothesesHold: hypotheses.every((hypothesis) => hypothesis.holds),
  };
}

/**
 * Theorem 3's c_eps = eps / max_i sigma_{i,0} and C_eps = sigma_1^2 / (eps min_{i <= K} sigma_{i,0})
 * (Min & Vidal 2025, Theorem 3).
 *
 * @param sigma1 - the largest singular value of Y.
 * @param sigma0Max - max_i sigma_{i,0}.
 * @param sigma0Min - min_{i <= K} sigma_{i,0} (Theorem 3 needs it > 0).
 * @param epsilon - the error tolerance.
 * @returns c_eps, C_eps and their logarithms (exact even when C_eps overflows double precision).
 * @throws FactorflowInputError `out-of-range` on a negative or NaN argument.
 * @example
 * ```ts
 * theorem3Constants(10, 2, 1, 0.5); // { cEpsilon: 0.25, CEpsilon: 200, logc: log 0.25, logC: log 200 }
 * ```
 */
export function theorem3Constants(sigma1: number, sigma0Max: number, sigma0Min: number, epsilon: number): EpsilonConstants {
  requireNonNegativeNumbers([[sigma1, 'sigma1'], [sigma0Max, 'sigma0Max'], [sigma0Min, 'sigma0Min'], [epsilon, 'epsilon']]);
  const cEpsilon = epsilon / sigma0Max;
  const CEpsilon = (sigma1 * sigma1) / (epsilon * sigma0Min);
  return {
    cEpsilon,
    CEpsilon,
    logc: logOfConstant(cEpsilon, () => Math.log(epsilon) - Math.log(sigma0Max)),
    logC: logOfConstant(CEpsilon, () => 2 * Math.log(sigma1) - Math.log(epsilon) - Math.log(sigma0Min)),
  };
}

/** Sorts (sigma_Y, sigma_0) pairs by decreasing sigma_Y after validating them. */
function spectralPairs(
  sigmaYInput: ArrayLike<number>,
  sigma0Input: ArrayLike<number>,
): { sigmaY: Float64Array; sigma0: Float64Array } {
  const sigmaY = nonNegativeArray(sigmaYInput, 'sigmaY', 'the eigenvalues of Y >= 0 (Theorem 3 assumes Y PSD)');
  const sigma0 = nonNegativeArray(sigma0Input, 'sigma0', 'sigma_{i,0} = [Sigma_U0^2]_ii >= 0');
  if (sigma0.length !== sigmaY.length) {
    throw new FactorflowInputError(
      'shape',
      'sigma0',
      `has ${sigma0.length} entries but sigmaY has ${sigmaY.length}; give one sigma_{i,0} per eigenvalue of Y.`,
    );
  }
  const order = Array.from(sigmaY.keys()).sort((a, b) => sigmaY[b] - sigmaY[a]);
  return { sigmaY: Float64Array.from(order, (i) => sigmaY[i]), sigma0: Float64Array.from(order, (i) => sigma0[i]) };
}

function nonNegativeArray(values: ArrayLike<number>, argument: string, meaning: string): Float64Array {
  return requireNumbers(values, argument, meaning, (value, at) => requireNonNegative(value, at, meaning));
}
