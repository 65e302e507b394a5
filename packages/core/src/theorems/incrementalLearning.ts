/**
 * What Theorems 3 and 4 of Min & Vidal (2025) guarantee for a target and an initialization shape,
 * next to the windows the gradient flow actually has: one report, as plain JSON.
 */
import { type MatrixInput, renamingArgument, requireOptions, toMatrix } from '../validate.js';
import { type PreparedTarget, asPrepared } from '../linalg/spectral.js';
import { type TimeWindow, measuredWindows } from '../flow/windows.js';
import type { InitialConditioning } from '../flow/riccatiModel.js';
import { type LearningIntervalJson, type Theorem4PlanJson, type TheoremPlanJson, planToJson } from './planJson.js';
import { spectralShape } from './spectralShape.js';
import { theorem4Plan } from './theorem4.js';

/** Options of {@link incrementalLearningReport}. */
export interface IncrementalLearningOptions {
  /** Symmetric PSD n x n target, or its {@link PreparedTarget}. */
  readonly Y: MatrixInput | PreparedTarget;
  /** The initialization shape U0bar, n x r (U(0) = alpha^{1/2} U0bar). */
  readonly U0bar: MatrixInput;
  /** Tolerance of Theorem 4: 0 < epsilon <= min(sigma_{K,Y}, 1). */
  readonly epsilon: number;
  /** The scale alpha > 0; default: Theorem 4's alpha_max (else Theorem 3's). */
  readonly alpha?: number;
}

/** The {@link SpectralShape} verdict as JSON. */
export interface SpectralShapeJson {
  /** ||Y W0 - W0 Y||_2 / (||Y||_2 ||W0||_2), W0 = U0bar U0bar^T (0 when W0 = 0). */
  readonly commutator: number;
  /** Largest off-diagonal |(Phi^T W0 Phi)_ij| / ||W0||_2 (0 when W0 = 0). */
  readonly offDiagonal: number;
  /** sigma_{i,0} = (Phi^T W0 Phi)_ii, paired with the eigenvalues of Y in decreasing order (all n). */
  readonly sigma0: number[];
  /** U0bar is a spectral initialization and Theorem 3 could be planned. */
  readonly applicable: boolean;
  /** Why Theorem 3 applies or not, with the numbers. */
  readonly reason: string;
  /** The Theorem 3 plan at the measurement alpha (or at its own alpha_max); `null` when not applicable. */
  readonly plan: TheoremPlanJson | null;
}

/** A measured window [start, end] as JSON: `end` is `null` when the window never closes (+infinity). */
export interface TimeWindowJson {
  readonly start: number;
  /** `null` = +infinity: ||W(t) - Y_hat_k|| <= epsilon for every later t. */
  readonly end: number | null;
}

/** The windows the flow actually has ({@link measuredWindows}), as JSON. */
export interface MeasuredWindowsJson {
  /** The scale alpha of U(0) = alpha^{1/2} U0bar at which the flow was measured. */
  readonly alpha: number;
  /** Where `alpha` came from: the caller, Theorem 4's alpha_max, or Theorem 3's alpha_max (when Theorem 4 gives none). */
  readonly alphaSource: 'given' | 'theorem-4-alpha-max' | 'theorem-3-alpha-max';
  /** End of the dense search grid (every growing mode has saturated). */
  readonly horizon: number;
  /** Grid spacing of the search: windows narrower than this may be missed. */
  readonly resolution: number;
  readonly perRank: { readonly k: number; readonly windows: TimeWindowJson[]; readonly closestApproach: number }[];
  /** Whether the windows depend on components of U(0) that rounding hid, and from when (its `warning`, else null). */
  readonly conditioning: InitialConditioning;
}

/** One theorem's I_k checked against the measured windows. */
export interface GuaranteeCheck {
  readonly interval: LearningIntervalJson;
  /** I_k is non-empty and lies inside one measured window (ends compared to 1e-8 relative, the windows being bisected to 1e-9). */
  readonly contained: boolean;
  /** |I_k| = end - start (0 for an empty I_k); `null` when I_k is unbounded (k = K). */
  readonly length: number | null;
  /**
   * measuredLength / |I_k|: how much longer the true windows are than the guarantee. `null` when
   * undefined: I_k or the measured window is unbounded (k = K), or |I_k| = 0 (the single-point
   * I_k at an unattained alpha_max).
   */
  readonly lengthRatio: number | null;
}

/** Guaranteed against measured, for one rank k. */
export interface RankComparison {
  readonly k: number;
  /** Maximal intervals where ||W(t) - Y_hat_k||_2 <= epsilon. */
  readonly measured: TimeWindowJson[];
  /** Total length of the measured windows; `null` when one is unbounded (k = K). */
  readonly measuredLength: number | null;
  /** Theorem 4's I_k at the measured alpha; `null` when Theorem 4 has no intervals (no alpha). */
  readonly theorem4: GuaranteeCheck | null;
  /** Theorem 3's I_k at the measured alpha; `null` when Theorem 3 does not apply. */
  readonly theorem3: GuaranteeCheck | null;
}

/**
 * Result of {@link incrementalLearningReport}; plain JSON (`JSON.stringify` loses nothing). `null`
 * appears only where documented: unbounded ends (+infinity), quantities undefined because a
 * hypothesis fails, and the length ratios documented on {@link GuaranteeCheck}.
 */
export interface IncrementalLearningReport {
  /** Y is n x n. */
  readonly n: number;
  /** U0bar is n x r. */
  readonly r: number;
  readonly epsilon: number;
  readonly theorem4: Theorem4PlanJson;
  readonly theorem3: SpectralShapeJson;
  /** The measured windows; `null` when no alpha is available (see `notMeasured`). */
  readonly measured: MeasuredWindowsJson | null;
  /** Why nothing was measured; `null` when `measured` is present. */
  readonly notMeasured: string | null;
  /** Per rank k = 1..K: I_k against the measured windows (empty when nothing was measured). */
  readonly ranks: RankComparison[];
}

/** Relative slack when checking that I_k lies inside a measured window, whose ends are bisected to 1e-9. */
const CONTAINMENT_TOLERANCE = 1e-8;

/**
 * Plans and checks incremental learning for a target Y and an initialization shape U0bar
 * (Min & Vidal 2025), decomposing Y once:
 *
 * 1. Theorem 4 (general initialization), {@link theorem4Plan}: M, c_eps, C_eps, alpha_max (with
 *    ln alpha_max and whether it is attained), each named hypothesis, and the I_k of eq. (16).
 * 2. Theorem 3 (spectral initialization) when U0bar is one ({@link spectralShape}), planned at the
 *    alpha of the measurement so that both theorems' I_k refer to the same trajectory.
 * 3. The windows the flow actually has at that alpha (the given one, else Theorem 4's alpha_max,
 *    else Theorem 3's): {@link measuredWindows} with U(0) = alpha^{1/2} U0bar, the maximal intervals
 *    where ||W(t) - Y_hat_k||_2 <= epsilon (the conclusion (17)/(23)), compared per k with each
 *    theorem's I_k: containment (to 1e-8 relative) and the ratio of lengths.
 *
 * When the hypotheses fail for every alpha and no alpha is given, or alpha_max is below the normal doubles,
 * the report still has both plans, and `notMeasured` says why no window was measured.
 *
 * @param options - `Y` (symmetric PSD n x n, or prepared), `U0bar` (n x r), `epsilon`
 *   (0 < epsilon <= min(sigma_{K,Y}, 1), the range of Theorem 4), optional `alpha` > 0.
 * @returns a JSON-safe {@link IncrementalLearningReport}.
 * @throws FactorflowInputError when Y is not symmetric PSD or is 0, U0bar has the wrong number of
 *   rows or non-finite entries, epsilon is out of range, or alpha <= 0.
 * @example
 * ```ts
 * const report = incrementalLearningReport({ Y, U0bar, epsilon: 0.5 });
 * report.theorem4.alphaMax;             // the largest admissible scale
 * report.ranks[1].theorem4?.contained;  // true: a measured window for k = 2 contains I_2
 * ```
 */
export function incrementalLearningReport(options: IncrementalLearningOptions): IncrementalLearningReport {
  requireOptions(options, 'options', '{ Y, U0bar, epsilon, alpha? }');
  const { U0bar, epsilon, alpha } = options;
  const Y = asPrepared(options.Y);
  const plan4 = theorem4Plan({ Y, U0bar, epsilon, alpha });
  const theorem4 = planToJson(plan4);
  const shape = toMatrix(U0bar, 'U0bar');

  const sharedAlpha = alpha ?? (plan4.alpha !== null && plan4.alpha > 0 ? plan4.alpha : undefined);
  const spectral = spectralShape({ Y, U0bar: shape, epsilon, alpha: sharedAlpha });
  const theorem3: SpectralShapeJson = {
    commutator: spectral.commutator,
    offDiagonal: spectral.offDiagonal,
    sigma0: Array.from(spectral.sigma0),
    applicable: spectral.applicable,
    reason: spectral.reason,
    plan: spectral.plan === null ? null : planToJson(spectral.plan),
  };

  let measureAlpha: number | null = null;
  let alphaSource: MeasuredWindowsJson['alphaSource'] = 'given';
  // A plan's logAlpha without alpha is an alpha_max below the normal doubles: no U(0) can be built from it.
  let underflows = false;
  if (alpha !== undefined) measureAlpha = alpha;
  else if (plan4.logAlpha !== null) [measureAlpha, alphaSource, underflows] = [plan4.alpha, 'theorem-4-alpha-max', plan4.alpha === null];
  else if (theorem3.plan !== null && theorem3.plan.logAlpha !== null) {
    [measureAlpha, alphaSource, underflows] = [theorem3.plan.alpha, 'theorem-3-alpha-max', theorem3.plan.alpha === null];
  }

  const base = { n: Y.n, r: shape.columns, epsilon, theorem4, theorem3 };
  if (measureAlpha === null && !underflows) {
    return { ...base, measured: null, notMeasured: whyNoAlpha(theorem4, theorem3), ranks: [] };
  }
  if (measureAlpha === null || !(measureAlpha > 0)) {
    const source = alphaSource === 'theorem-3-alpha-max' ? theorem3.plan : theorem4;
    return {
      ...base,
      measured: null,
      notMeasured:
        `alpha_max = exp(${source?.logAlphaMax?.toPrecision(6) ?? '?'}) is below the normal doubles ` +
        '(nearly repeated singular values, or an extreme U0bar, need an astronomically small scale); pass --alpha to measure at a representable scale.',
      ranks: [],
    };
  }

  // U0 = alpha^{1/2} U0bar: a U0 too large for the closed form is a matter of alpha (or of U0bar's scale).
  const scaled = shape.clone().mul(Math.sqrt(measureAlpha));
  const windows = renamingArgument(() => measuredWindows(Y, { U0: scaled }, epsilon), 'init.U0', 'alpha');
  const measured: MeasuredWindowsJson = {
    alpha: measureAlpha,
    alphaSource,
    horizon: windows.horizon,
    resolution: windows.resolution,
    perRank: windows.perRank.map(({ k, windows: list, closestApproach }) => ({ k, windows: list.map(windowToJson), closestApproach })),
    conditioning: windows.conditioning,
  };
  const ranks = windows.perRank.map(({ k, windows: list }): RankComparison => {
    const total = list.reduce((sum, w) => sum + (w.end - w.start), 0);
    const measuredLength = Number.isFinite(total) ? total : null;
    const check = (intervals: LearningIntervalJson[] | undefined): GuaranteeCheck | null => {
      const interval = intervals?.find((candidate) => candidate.k === k);
      return interval === undefined ? null : guaranteeCheck(interval, list, measuredLength);
    };
    return {
      k,
      measured: list.map(windowToJson),
      measuredLength,
      theorem4: check(theorem4.intervals.length > 0 ? theorem4.intervals : undefined),
      theorem3: check(theorem3.plan?.intervals),
    };
  });
  return { ...base, measured, notMeasured: null, ranks };
}

function windowToJson({ start, end }: TimeWindow): TimeWindowJson {
  return { start, end: Number.isFinite(end) ? end : null };
}

function guaranteeCheck(interval: LearningIntervalJson, windows: readonly TimeWindow[], measuredLength: number | null): GuaranteeCheck {
  const slack = (t: number): number => CONTAINMENT_TOLERANCE * Math.max(Math.abs(t), 1e-300);
  const end = interval.end ?? Number.POSITIVE_INFINITY;
  const contained =
    interval.nonEmpty &&
    windows.some((w) => w.start <= interval.start + slack(interval.start) && (w.end === Number.POSITIVE_INFINITY || end <= w.end + slack(w.end)));
  const length = interval.end === null ? null : Math.max(0, interval.end - interval.start);
  const lengthRatio = length === null || length === 0 || measuredLength === null ? null : measuredLength / length;
  return { interval, contained, length, lengthRatio };
}

function whyNoAlpha(theorem4: TheoremPlanJson, theorem3: SpectralShapeJson): string {
  const failing = (plan: TheoremPlanJson): string =>
    plan.hypotheses
      .filter((hypothesis) => !hypothesis.holds)
      .map((hypothesis) => `${hypothesis.name} (${hypothesis.detail})`)
      .join('; ');
  const three = theorem3.plan === null ? 'Theorem 3 does not apply' : `Theorem 3 has no admissible alpha either: ${failing(theorem3.plan)}`;
  return (
    `no alpha to measure at: Theorem 4's hypotheses fail for every alpha (${failing(theorem4)}), and ${three}. ` +
    'Pass --alpha to measure the windows of the flow at a scale of your choice.'
  );
}
