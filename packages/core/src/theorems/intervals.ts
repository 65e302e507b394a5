import { FactorflowInputError } from '../errors.js';
import { nullable, optional, requireBoolean, requireExtendedReal, requireFields, requireFloat64Array, requireInteger, requireString } from '../validate.js';

/** A hypothesis of Theorem 3 or 4, named, with whether it holds for the instance at hand. */
export interface Hypothesis {
  /** Stable identifier, e.g. `distinct-singular-values`. */
  readonly name: string;
  /** The hypothesis as the paper states it. */
  readonly statement: string;
  readonly holds: boolean;
  /** Why it holds or fails, with the numbers. */
  readonly detail: string;
}

/** I_k of Min & Vidal (2025), eq. (16): the times where ||W(t) - Y_hat_k|| <= epsilon is guaranteed. */
export interface LearningInterval {
  /** Rank k, 1-based as in the paper. */
  readonly k: number;
  /**
   * (1 / (2 sigma_k)) log(C_eps / alpha); +-Number.MAX_VALUE where that exceeds the doubles (a
   * subnormal sigma_k). Past +MAX_VALUE the interval holds no representable time: `nonEmpty` is false.
   */
  readonly start: number;
  /** (1 / (2 sigma_{k+1})) log(c_eps / alpha); `Infinity` for k = K (the paper's 1/0 := infinity). */
  readonly end: number;
  readonly nonEmpty: boolean;
}

/**
 * log of a constant computed as `value`, or from its logarithm `logValue` when `value` has left
 * the normal doubles (overflow to Infinity, underflow to a subnormal or 0): the logarithm of the
 * rounded constant would then be wrong, while in the normal range it is the same number bit for bit.
 */
export function logOfConstant(value: number, logValue: () => number): number {
  return Number.isFinite(value) && value >= 2.2250738585072014e-308 ? Math.log(value) : logValue();
}

/**
 * Checks an input of the exported formulas: a number, not NaN, >= 0. +Infinity is allowed: the
 * formulas are also evaluated, in the extended reals, on instances that violate a hypothesis (a
 * singular W0 has M = Infinity), which is how the necessity searches use them.
 */
function requireExtendedNonNegative(value: number, argument: string): number {
  if (typeof value !== 'number' || Number.isNaN(value) || value < 0) {
    throw new FactorflowInputError('out-of-range', argument, `must be a number >= 0 (Infinity allowed), got ${String(value)}.`);
  }
  return value;
}

/** {@link requireExtendedNonNegative} for several named arguments. */
export function requireNonNegativeNumbers(values: readonly (readonly [number, string])[]): void {
  for (const [value, argument] of values) requireExtendedNonNegative(value, argument);
}

/** A formula's value, refused when it is undefined (0/0, Infinity - Infinity) instead of returned as NaN. */
function definedValue(value: number, argument: string, formula: string): number {
  if (Number.isNaN(value)) {
    throw new FactorflowInputError('out-of-range', argument, `${formula} is undefined for these values (0/0 or Infinity - Infinity); check them.`);
  }
  return value;
}

/**
 * The separation ratio max_{1 <= k <= K-1} sigma_{k+1} / sigma_k of Theorems 3 and 4 (Min & Vidal
 * 2025; 0 when K = 1, where the condition is vacuous).
 *
 * @param sigma - the K non-zero singular values of Y, decreasing.
 * @returns the ratio, in [0, 1] for distinct decreasing values (1 for a repeated one).
 * @throws FactorflowInputError `out-of-range` on a negative or NaN entry, or a zero followed by a
 *   non-zero value (the ratio is then undefined).
 * @example
 * ```ts
 * separationRatio(Float64Array.of(10, 8, 2)); // 0.8
 * ```
 */
export function separationRatio(sigma: Float64Array): number {
  requireFloat64Array(sigma, 'sigma', 'the K non-zero singular values of Y, decreasing');
  let ratio = 0;
  sigma.forEach((value, k) => requireExtendedNonNegative(value, `sigma[${k}]`));
  for (let k = 0; k + 1 < sigma.length; k++) {
    ratio = Math.max(ratio, definedValue(sigma[k + 1] / sigma[k], 'sigma', `sigma_${k + 2} / sigma_${k + 1}`));
  }
  return ratio;
}

/**
 * The separation condition (-log alpha + log c) / (-log alpha + log C) > rho solved for alpha
 * (Theorems 3 and 4). For alpha <= c <= C both logarithms are >= 0 and the condition is
 * equivalent to -log alpha > (rho log C - log c) / (1 - rho), i.e.
 *
 *   alpha < alpha_sep = c (c / C)^{rho / (1 - rho)},   returned as log(alpha_sep).
 *
 * `-Infinity` when rho >= 1 (repeated singular values: no alpha separates them).
 */
function logSeparationBound(rho: number, logC: number, logc: number): number {
  if (rho >= 1) return Number.NEGATIVE_INFINITY;
  // rho = 0 (K = 1): the condition is alpha < c_eps, also when log C_eps is infinite (0 * Infinity is NaN).
  if (rho === 0) return logc;
  return logc + (rho / (1 - rho)) * (logc - logC);
}

/**
 * c_eps and C_eps of Theorem 3 or 4, and for Theorem 4 the M in its bound alpha <= c_eps / M. On an
 * instance that violates a hypothesis they are the theorem's formulas evaluated anyway.
 */
export interface EpsilonConstants {
  readonly cEpsilon: number;
  readonly CEpsilon: number;
  /**
   * log c_eps and log C_eps when the constants came from {@link theorem3Constants} or
   * `theorem4Constants`: exact even where c_eps underflows or C_eps overflows double precision
   * (a tiny sigma_{i,0}), which the logarithm of the rounded constant is not.
   */
  readonly logc?: number;
  readonly logC?: number;
  /** Theorem 4's M; absent for Theorem 3, whose bound is alpha <= c_eps. */
  readonly M?: number;
  /** log M, exact where M overflows double precision (then M is Infinity). */
  readonly logM?: number;
}

/** The alpha conditions of Theorems 3 and 4 in natural logarithms (so that an underflowing alpha still works). */
export interface AlphaBounds {
  readonly logc: number;
  readonly logC: number;
  /** log of the bound in `alpha <= bound`: c_eps (Theorem 3) or c_eps / M (Theorem 4). */
  readonly logBound: number;
  /** log alpha_sep = log(c_eps (c_eps / C_eps)^{rho / (1 - rho)}), the separation condition solved for alpha; -Infinity when rho >= 1. */
  readonly logSeparation: number;
  /** log alpha_max = min(logBound, logSeparation). */
  readonly logAlphaMax: number;
}

/**
 * The alpha conditions of Theorems 3 and 4 (Min & Vidal 2025) in logarithms: alpha <= c_eps
 * (Theorem 3) or alpha <= c_eps / M (Theorem 4), and the separation condition
 * (-log alpha + log c_eps) / (-log alpha + log C_eps) > rho solved for alpha.
 *
 * @param constants - c_eps, C_eps (and M for Theorem 4), each >= 0 (Infinity allowed).
 * @param rho - the separation ratio max_k sigma_{k+1} / sigma_k, >= 0.
 * @returns log c_eps, log C_eps, the log bounds and log alpha_max = their minimum.
 * @throws FactorflowInputError `out-of-range` on a negative or NaN input, or when a bound is undefined.
 * @example
 * ```ts
 * alphaBounds({ cEpsilon: 0.25, CEpsilon: 200 }, 0.8).logAlphaMax; // log(0.25 (0.25 / 200)^4)
 * ```
 */
export function alphaBounds(constants: EpsilonConstants, rho: number): AlphaBounds {
  requireFields(constants, 'constants', '{ cEpsilon, CEpsilon, logc?, logC?, M? }', { logc: optional(requireExtendedReal), logC: optional(requireExtendedReal) });
  requireExtendedNonNegative(constants.cEpsilon, 'cEpsilon');
  requireExtendedNonNegative(constants.CEpsilon, 'CEpsilon');
  if (constants.M !== undefined) requireExtendedNonNegative(constants.M, 'M');
  requireExtendedNonNegative(rho, 'rho');
  const logc = constants.logc ?? Math.log(constants.cEpsilon);
  const logC = constants.logC ?? Math.log(constants.CEpsilon);
  const logBound = constants.M === undefined ? logc : logc - (constants.logM ?? Math.log(constants.M));
  const logSeparation = logSeparationBound(rho, logC, logc);
  definedValue(logBound, 'constants', 'log c_eps - log M');
  definedValue(logSeparation, 'constants', 'log alpha_sep');
  return { logc, logC, logBound, logSeparation, logAlphaMax: Math.min(logBound, logSeparation) };
}

/**
 * The intervals I_k = [(1 / (2 sigma_k)) log(C_eps / alpha), (1 / (2 sigma_{k+1})) log(c_eps / alpha)]
 * of eq. (16) (Min & Vidal 2025, Theorems 3 and 4) for k = 1..K, from log alpha so that an
 * underflowing alpha still works; I_K is unbounded above (the paper's 1/0 := infinity).
 *
 * @param sigma - the K non-zero singular values of Y, decreasing, each > 0.
 * @param logC - log C_eps; @param logc - log c_eps; @param logAlpha - log alpha (all finite).
 * @returns I_1..I_K with whether each is non-empty. A start beyond the doubles (a subnormal sigma_k)
 *   is no time at all: that interval is reported empty, with start = end = Number.MAX_VALUE.
 * @throws FactorflowInputError `out-of-range` on a NaN or infinite logarithm, or sigma_k <= 0.
 * @example
 * ```ts
 * learningIntervals(Float64Array.of(2, 1), Math.log(100), Math.log(0.1), Math.log(1e-6))[0]; // [3.45, 6.91]
 * ```
 */
export function learningIntervals(sigma: Float64Array, logC: number, logc: number, logAlpha: number): LearningInterval[] {
  requireFloat64Array(sigma, 'sigma', 'the K non-zero singular values of Y, decreasing');
  for (const [value, argument] of [[logC, 'logC'], [logc, 'logc'], [logAlpha, 'logAlpha']] as const) {
    if (!Number.isFinite(value)) throw new FactorflowInputError('out-of-range', argument, `must be a finite logarithm, got ${String(value)}.`);
  }
  sigma.forEach((value, k) => {
    if (!(value > 0) || !Number.isFinite(value)) throw new FactorflowInputError('out-of-range', `sigma[${k}]`, `must be a finite singular value > 0, got ${value}.`);
  });
  return Array.from(sigma, (sigmaK, index) => {
    const exact = (logC - logAlpha) / (2 * sigmaK);
    if (exact === Number.POSITIVE_INFINITY) return { k: index + 1, start: Number.MAX_VALUE, end: Number.MAX_VALUE, nonEmpty: false };
    const start = Math.max(exact, -Number.MAX_VALUE);
    const end = index + 1 < sigma.length ? (logc - logAlpha) / (2 * sigma[index + 1]) : Number.POSITIVE_INFINITY;
    // At alpha_max the binding I_k is a single point; rounding may put start an ulp past end.
    const point = start > end && start - end <= 1e-12 * Math.abs(start);
    return { k: index + 1, start, end: point ? start : end, nonEmpty: start <= end || point };
  });
}

/**
 * Checks the error tolerance lies in the theorem's range (0, upper]. `slack` absorbs rounding in a
 * computed upper bound (an eigenvalue of Y), so that epsilon = sigma_K is accepted.
 */
export function requireEpsilon(epsilon: number, upper: number, range: string, slack = 0): number {
  if (typeof epsilon !== 'number' || !Number.isFinite(epsilon) || epsilon <= 0 || epsilon > upper + slack) {
    throw new FactorflowInputError(
      'out-of-range',
      'epsilon',
      `the theorem needs 0 < epsilon <= ${range} = ${upper.toPrecision(6)}, got ${String(epsilon)}; ` +
        'choose a tolerance in that range (measuredWindows accepts any epsilon > 0).',
    );
  }
  return epsilon;
}

/** Optional alpha: undefined, or finite and > 0. */
export function optionalAlpha(alpha: number | undefined): number | undefined {
  if (alpha === undefined) return undefined;
  if (typeof alpha !== 'number' || !Number.isFinite(alpha) || alpha <= 0) {
    throw new FactorflowInputError(
      'out-of-range',
      'alpha',
      `the initialization scale must be a finite number > 0, got ${String(alpha)}; omit it to use alpha_max.`,
    );
  }
  return alpha;
}

const LOG_LARGEST_DOUBLE = Math.log(Number.MAX_VALUE);

/**
 * log alpha_max as the double the plan reports: e^{logAlphaMax}, except that a supremum beyond the
 * doubles (c_eps overflows, e.g. for a subnormal sigma_{i,0} with K = 1) is reported as the largest
 * double alpha, Number.MAX_VALUE, which then satisfies every alpha condition; logAlphaMax keeps
 * the supremum itself. `null` when no alpha is admissible.
 */
export function representableLogAlpha(logAlphaMax: number): number | null {
  return Number.isFinite(logAlphaMax) ? Math.min(logAlphaMax, LOG_LARGEST_DOUBLE) : null;
}

/** Which alpha the plan reports intervals for, as its log: the given one, or alpha_max when it exists. */
export function planAlpha(alpha: number | undefined, logAlphaMax: number | null): number | null {
  if (alpha !== undefined) return Math.log(alpha);
  return logAlphaMax === null ? null : representableLogAlpha(logAlphaMax);
}

/** The smallest normal double, 2^-1022: below it a value has lost digits (a subnormal) or all of them (0). */
const SMALLEST_NORMAL = 2 ** -1022;

/**
 * A positive constant of the plan (c_eps, C_eps, M, alpha_max, alpha) as a double, or null when it
 * leaves the normal doubles: overflow to Infinity, or underflow to a subnormal or 0, which would read
 * as a value the constant does not have (its logarithm, exact, is in the plan).
 */
export function doubleOrNull(value: number): number | null {
  return Number.isFinite(value) && Math.abs(value) >= SMALLEST_NORMAL ? value : null;
}

/** What Theorem 3 or 4 guarantees for one instance. */
export interface TheoremPlan {
  readonly theorem: 3 | 4;
  readonly epsilon: number;
  /** The K non-zero singular values of Y, decreasing. */
  readonly sigmaY: Float64Array;
  /** c_eps (null when the hypotheses that define it fail, or when it leaves the normal doubles: see `logcEpsilon`). */
  readonly cEpsilon: number | null;
  /** C_eps (null when the hypotheses that define it fail, or when it leaves the normal doubles: see `logCEpsilon`). */
  readonly CEpsilon: number | null;
  /** ln c_eps, exact where c_eps leaves the doubles (null when the hypotheses that define it fail). */
  readonly logcEpsilon: number | null;
  /** ln C_eps, exact where C_eps leaves the doubles (null when the hypotheses that define it fail). */
  readonly logCEpsilon: number | null;
  /** max_{k < K} sigma_{k+1} / sigma_k (0 when K = 1). */
  readonly separationRatio: number;
  /**
   * Supremum of the alpha for which the hypotheses hold, in closed form; null when none does (then
   * `logAlphaMax` is null too) or when it is below the normal doubles (nearly repeated singular
   * values, a huge U0bar: then `logAlphaMax` is finite and exact). A supremum beyond the doubles
   * is reported as Number.MAX_VALUE (every double alpha is then admissible).
   */
  readonly alphaMax: number | null;
  /** Natural logarithm of the supremum (not of the capped alphaMax); null when no alpha is admissible. */
  readonly logAlphaMax: number | null;
  /**
   * Whether alphaMax itself satisfies the hypotheses: false when the strict separation
   * inequality is the binding one (every smaller alpha satisfies it).
   */
  readonly alphaMaxAttained: boolean;
  /**
   * The alpha the intervals are given for: the caller's, else alphaMax; null when neither exists,
   * or when alphaMax is below the normal doubles (see `logAlpha`).
   */
  readonly alpha: number | null;
  /** ln alpha, exact also where alpha is null by underflow; null when there is no alpha. */
  readonly logAlpha: number | null;
  /** I_k of eq. (16) at `logAlpha`, k = 1..K (empty when logAlpha is null). */
  readonly intervals: LearningInterval[];
  readonly hypotheses: Hypothesis[];
  /** Every hypothesis holds at `alpha`, so the theorem's conclusion is guaranteed. */
  readonly hypothesesHold: boolean;
}

const HYPOTHESIS_CONDITION = {
  logAlpha: nullable(requireExtendedReal),
  logBound: requireExtendedReal,
  boundName: requireString,
  logc: requireExtendedReal,
  logC: requireExtendedReal,
  // rho = max sigma_{k+1} / sigma_k is a ratio of singular values: >= 0, as in alphaBounds.
  rho: (value: unknown, argument: string) => requireExtendedNonNegative(value as number, argument),
  K: (value: unknown, argument: string) => requireInteger(value as number, argument, 1, Number.MAX_SAFE_INTEGER),
  atSupremum: requireBoolean,
};

/** The two conditions on alpha shared by Theorems 3 and 4, evaluated at log alpha. */
export function alphaHypotheses(condition: {
  readonly logAlpha: number | null;
  /** log of the bound in `alpha <= bound` (c_eps for Theorem 3, c_eps / M for Theorem 4). */
  readonly logBound: number;
  readonly boundName: string;
  readonly logc: number;
  readonly logC: number;
  readonly rho: number;
  readonly K: number;
  /** alpha was not given, so it is the supremum alpha_max. */
  readonly atSupremum: boolean;
}): Hypothesis[] {
  requireFields(condition, 'condition', '{ logAlpha, logBound, boundName, logc, logC, rho, K, atSupremum }', HYPOTHESIS_CONDITION);
  const { logAlpha, logBound, boundName, logc, logC, rho, K, atSupremum } = condition;
  if (logAlpha === null) {
    return [
      {
        name: 'alpha-small',
        statement: `alpha <= ${boundName}`,
        holds: false,
        detail: 'no alpha satisfies the separation condition',
      },
      {
        name: 'alpha-separation',
        statement: '(-log alpha + log c_eps) / (-log alpha + log C_eps) > max_k sigma_{k+1} / sigma_k',
        holds: false,
        detail: 'repeated singular values: no alpha separates them',
      },
    ];
  }
  const below = logAlpha <= logBound;
  const ratio = (logc - logAlpha) / (logC - logAlpha);
  const separated = K === 1 || ratio > rho;
  const onBoundary = atSupremum && K > 1 && !separated && Math.abs(ratio - rho) <= 1e-12 * Math.max(1, rho);
  return [
    {
      name: 'alpha-small',
      statement: `alpha <= ${boundName}`,
      holds: below,
      detail: `log alpha = ${logAlpha.toPrecision(8)}, log ${boundName} = ${logBound.toPrecision(8)}`,
    },
    {
      name: 'alpha-separation',
      statement: '(-log alpha + log c_eps) / (-log alpha + log C_eps) > max_k sigma_{k+1} / sigma_k',
      holds: separated,
      detail:
        K === 1
          ? 'vacuous for K = 1'
          : onBoundary
            ? `equality at the supremum alpha_max (ratio ${ratio.toPrecision(8)} = ${rho.toPrecision(8)}); every smaller alpha satisfies it, and the I_k at alpha_max are still non-empty`
            : `ratio ${ratio.toPrecision(8)} vs max sigma_{k+1}/sigma_k = ${rho.toPrecision(8)}`,
    },
  ];
}

/** A plan for an instance whose hypotheses leave c_eps, C_eps undefined. */
export function emptyPlan(
  epsilon: number,
  sigma: Float64Array,
  rho: number,
  alpha: number | undefined,
  hypotheses: Hypothesis[],
  theorem: 3 | 4 = 3,
): TheoremPlan {
  return {
    theorem,
    epsilon,
    sigmaY: sigma,
    cEpsilon: null,
    CEpsilon: null,
    logcEpsilon: null,
    logCEpsilon: null,
    separationRatio: rho,
    alphaMax: null,
    logAlphaMax: null,
    alphaMaxAttained: false,
    alpha: alpha ?? null,
    logAlpha: alpha === undefined ? null : Math.log(alpha),
    intervals: [],
    hypotheses,
    hypothesesHold: false,
  };
}
