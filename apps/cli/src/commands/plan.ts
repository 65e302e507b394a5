/**
 * `factorflow plan`: what Theorems 3 and 4 of Min & Vidal (2025) guarantee for a target Y and an
 * initialization shape U0bar (the largest admissible scale alpha, the windows I_k of eq. (16)),
 * next to the windows the gradient flow actually has at that scale.
 */
import { Matrix } from 'ml-matrix';

import {
  FactorflowInputError,
  type Hypothesis,
  type LearningInterval,
  type TheoremPlan,
  measuredWindows,
  spectralNorm,
  symmetricEigen,
  theorem3Plan,
  theorem4Plan,
} from '@factorflow/core';

/**
 * I_k of eq. (16), JSON-safe. `end` is `null` when the interval is unbounded above (k = K, the
 * paper's 1/0 := infinity): I_K = [start, +infinity).
 */
export interface IntervalReport {
  /** Rank k, 1-based. */
  readonly k: number;
  /** (1 / (2 sigma_k)) log(C_eps / alpha). */
  readonly start: number;
  /** (1 / (2 sigma_{k+1})) log(c_eps / alpha); `null` = +infinity (k = K). */
  readonly end: number | null;
  /** start <= end: the theorem's interval exists at this alpha. */
  readonly nonEmpty: boolean;
}

/** A measured window [start, end], JSON-safe: `end` is `null` when the window never closes (+infinity). */
export interface WindowReport {
  readonly start: number;
  /** `null` = +infinity: ||W(t) - Y_hat_k|| <= epsilon for every later t. */
  readonly end: number | null;
}

/**
 * A Theorem 3 or 4 plan (core's `TheoremPlan`) as plain JSON: Float64Array as arrays,
 * infinite interval ends as `null`.
 */
export interface TheoremPlanReport {
  readonly theorem: 3 | 4;
  readonly epsilon: number;
  /** The K non-zero eigenvalues (= singular values) of Y, decreasing. */
  readonly sigmaY: number[];
  /** c_eps; `null` only when a hypothesis that defines it fails (W0~ singular, or sigma_{i,0} = 0 for some i <= K). */
  readonly cEpsilon: number | null;
  /** C_eps; `null` exactly when `cEpsilon` is. */
  readonly CEpsilon: number | null;
  /** max_{k < K} sigma_{k+1} / sigma_k (0 when K = 1). */
  readonly separationRatio: number;
  /** Supremum of the admissible alpha; `null` when no alpha satisfies the hypotheses. May underflow to 0: see `logAlphaMax`. */
  readonly alphaMax: number | null;
  /** ln(alphaMax), exact even when alphaMax underflows; `null` exactly when `alphaMax` is. */
  readonly logAlphaMax: number | null;
  /** Whether alphaMax itself satisfies the hypotheses (false when the strict separation inequality binds). */
  readonly alphaMaxAttained: boolean;
  /** The alpha the intervals are given for (the caller's, else alphaMax); `null` when neither exists. */
  readonly alpha: number | null;
  /** Each named hypothesis, with whether it holds at `alpha` and why. */
  readonly hypotheses: Hypothesis[];
  /** Every hypothesis holds at `alpha`: the conclusion ||W(t) - Y_hat_k|| <= epsilon on I_k is guaranteed. */
  readonly hypothesesHold: boolean;
  /** I_k of eq. (16) at `alpha`, k = 1..K (empty when `alpha` is null). */
  readonly intervals: IntervalReport[];
}

/** The Theorem 4 plan: the common fields plus M. */
export interface Theorem4PlanReport extends TheoremPlanReport {
  readonly theorem: 4;
  /** M = max(||V||, ||V^{-1}||), V = (Phi^T U0bar U0bar^T Phi)^{-1}; `null` when W0~ is singular. */
  readonly M: number | null;
}

/** Whether U0 is a spectral initialization, and if so the Theorem 3 plan. */
export interface Theorem3Report {
  /**
   * U0 U0^T commutes with Y up to rounding (`commutator` <= 1e-10) and is diagonal in Y's
   * eigenbasis (off-diagonal <= 1e-8 ||W0||), so U0 is a spectral initialization of Theorem 3.
   */
  readonly applicable: boolean;
  /** Why Theorem 3 applies or not, with the numbers. */
  readonly reason: string;
  /** ||Y W0 - W0 Y||_2 / (||Y||_2 ||W0||_2), W0 = U0 U0^T (0 when W0 = 0). */
  readonly commutator: number;
  /** Largest off-diagonal |(Phi^T W0 Phi)_ij| / ||W0||_2 (0 when W0 = 0). */
  readonly offDiagonal: number;
  /** sigma_{i,0} = (Phi^T W0 Phi)_ii, paired with the eigenvalues of Y in decreasing order (all n). */
  readonly sigma0: number[];
  /** The Theorem 3 plan at the measurement alpha (or at its own alpha_max); `null` when not applicable. */
  readonly plan: TheoremPlanReport | null;
}

/** The windows the flow actually has (core's `measuredWindows`), JSON-safe. */
export interface MeasuredReport {
  /** The scale alpha of U(0) = alpha^{1/2} U0bar at which the flow was measured. */
  readonly alpha: number;
  /** Where `alpha` came from: `--alpha`, Theorem 4's alpha_max, or Theorem 3's alpha_max (when Theorem 4 gives none). */
  readonly alphaSource: 'given' | 'theorem-4-alpha-max' | 'theorem-3-alpha-max';
  /** End of the dense search grid (every growing mode has saturated). */
  readonly horizon: number;
  /** Grid spacing of the search: windows narrower than this may be missed. */
  readonly resolution: number;
  readonly perRank: { readonly k: number; readonly windows: WindowReport[]; readonly closestApproach: number }[];
}

/** One theorem's I_k checked against the measured windows. */
export interface GuaranteeCheck {
  readonly interval: IntervalReport;
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
  readonly measured: WindowReport[];
  /** Total length of the measured windows; `null` when one is unbounded (k = K). */
  readonly measuredLength: number | null;
  /** Theorem 4's I_k at the measured alpha; `null` when Theorem 4 has no intervals (no alpha). */
  readonly theorem4: GuaranteeCheck | null;
  /** Theorem 3's I_k at the measured alpha; `null` when Theorem 3 does not apply. */
  readonly theorem3: GuaranteeCheck | null;
}

/**
 * Result of {@link planCommand}; plain JSON (`JSON.stringify` loses nothing). `null` appears only
 * where documented: unbounded ends (+infinity), quantities undefined because a hypothesis fails,
 * and the length ratios documented on {@link GuaranteeCheck}.
 */
export interface PlanReport {
  /** Y is n x n. */
  readonly n: number;
  /** U0bar is n x r. */
  readonly r: number;
  readonly epsilon: number;
  readonly theorem4: Theorem4PlanReport;
  readonly theorem3: Theorem3Report;
  /** The measured windows; `null` when no alpha is available (see `notMeasured`). */
  readonly measured: MeasuredReport | null;
  /** Why nothing was measured; `null` when `measured` is present. */
  readonly notMeasured: string | null;
  /** Per rank k = 1..K: I_k against the measured windows (empty when nothing was measured). */
  readonly ranks: RankComparison[];
}

/** Options of {@link planCommand}. */
export interface PlanOptions {
  /** Symmetric PSD n x n target. */
  readonly Y: number[][];
  /** The initialization shape U0bar, n x r (U(0) = alpha^{1/2} U0bar). */
  readonly U0: number[][];
  /** Tolerance of Theorem 4: 0 < epsilon <= min(sigma_{K,Y}, 1). */
  readonly epsilon: number;
  /** The scale alpha > 0; default: Theorem 4's alpha_max. */
  readonly alpha?: number;
}

/** Relative commutator below which U0 U0^T counts as commuting with Y (a spectral initialization). */
const COMMUTATOR_TOLERANCE = 1e-10;
/** Relative off-diagonal size of Phi^T W0 Phi below which it counts as diagonal. */
const DIAGONAL_TOLERANCE = 1e-8;
/** Relative slack when checking that I_k lies inside a measured window. */
const CONTAINMENT_TOLERANCE = 1e-8;

/**
 * Plans and checks incremental learning for Y and an initialization shape U0bar (Min & Vidal 2025):
 *
 * 1. Theorem 4 (general initialization): `theorem4Plan({ Y, U0bar, epsilon, alpha })`: M, c_eps,
 *    C_eps, alpha_max (and ln alpha_max, and whether it is attained), each named hypothesis, and
 *    the intervals I_k of eq. (16).
 * 2. Theorem 3 (spectral initialization), when U0 is one: W0 = U0 U0^T commutes with Y up to
 *    rounding, ||Y W0 - W0 Y|| <= 1e-10 ||Y|| ||W0||, and Phi^T W0 Phi is diagonal; then
 *    sigma_{i,0} = (Phi^T W0 Phi)_ii and `theorem3Plan` gives c_eps, C_eps, alpha_max, I_k.
 * 3. The windows the flow actually has at the scale alpha (the given one, else Theorem 4's
 *    alpha_max, else Theorem 3's): `measuredWindows(Y, { U0: alpha^{1/2} U0bar }, epsilon)`, i.e.
 *    the maximal intervals where ||W(t) - Y_hat_k||_2 <= epsilon (the conclusion (17)/(23)),
 *    compared per k with each theorem's I_k: containment and the ratio of lengths.
 *
 * When the hypotheses fail for every alpha and no alpha is given, the report still has the
 * hypotheses, and `notMeasured` says why no window was measured.
 *
 * @param options - `Y` (symmetric PSD n x n), `U0` (the shape U0bar, n x r), `epsilon`
 *   (0 < epsilon <= min(sigma_{K,Y}, 1), the range of Theorem 4), optional `alpha` > 0.
 * @returns a JSON-safe {@link PlanReport}.
 * @throws FactorflowInputError (from `@factorflow/core`) when Y is not symmetric PSD or is 0, U0
 *   has the wrong number of rows or non-finite entries, epsilon is out of range, or alpha <= 0.
 * @example
 * ```ts
 * const report = planCommand({ Y: readMatrixFile('Y.json', '--Y'), U0: readMatrixFile('U0.json', '--U0'), epsilon: 0.5 });
 * report.theorem4.alphaMax;        // the largest admissible scale
 * report.ranks[1].theorem4?.contained; // true: the measured window for k = 2 contains I_2
 * console.log(formatPlan(report));
 * ```
 */
export function planCommand(options: PlanOptions): PlanReport {
  const { Y, U0, epsilon, alpha } = options;
  const plan4 = theorem4Plan({ Y, U0bar: U0, epsilon, alpha });
  const theorem4 = { ...planReport(plan4), theorem: 4 as const, M: plan4.M };
  const n = Y.length;
  const r = U0[0].length;

  // Theorem 3 is planned at the alpha of the measurement when there is one, so that its I_k and
  // Theorem 4's refer to the same trajectory.
  const sharedAlpha = alpha ?? (plan4.alpha !== null && plan4.alpha > 0 ? plan4.alpha : undefined);
  const theorem3 = theorem3Report(Y, U0, epsilon, sharedAlpha);

  let measureAlpha: number | null = null;
  let alphaSource: MeasuredReport['alphaSource'] = 'given';
  if (alpha !== undefined) measureAlpha = alpha;
  else if (plan4.alpha !== null) [measureAlpha, alphaSource] = [plan4.alpha, 'theorem-4-alpha-max'];
  else if (theorem3.plan !== null && theorem3.plan.alpha !== null) [measureAlpha, alphaSource] = [theorem3.plan.alpha, 'theorem-3-alpha-max'];

  const base = { n, r, epsilon, theorem4, theorem3 };
  if (measureAlpha === null) {
    return { ...base, measured: null, notMeasured: whyNoAlpha(theorem4, theorem3), ranks: [] };
  }
  if (!(measureAlpha > 0)) {
    const source = alphaSource === 'theorem-3-alpha-max' ? theorem3.plan : theorem4;
    return {
      ...base,
      measured: null,
      notMeasured:
        `alpha_max = exp(${source?.logAlphaMax?.toPrecision(6) ?? '?'}) underflows to 0 in double precision ` +
        '(nearly repeated singular values need an astronomically small scale); pass --alpha to measure at a representable scale.',
      ranks: [],
    };
  }

  const scale = Math.sqrt(measureAlpha);
  const windows = measuredWindows(Y, { U0: U0.map((row) => row.map((entry) => entry * scale)) }, epsilon);
  const measured: MeasuredReport = {
    alpha: measureAlpha,
    alphaSource,
    horizon: windows.horizon,
    resolution: windows.resolution,
    perRank: windows.perRank.map(({ k, windows: list, closestApproach }) => ({
      k,
      windows: list.map(windowReport),
      closestApproach,
    })),
  };
  const ranks = windows.perRank.map(({ k, windows: list }): RankComparison => {
    const lengths = list.map((w) => w.end - w.start);
    const total = lengths.reduce((sum, value) => sum + value, 0);
    const measuredLength = Number.isFinite(total) ? total : null;
    const check = (intervals: IntervalReport[] | undefined): GuaranteeCheck | null => {
      const interval = intervals?.find((candidate) => candidate.k === k);
      return interval === undefined ? null : guaranteeCheck(interval, list, measuredLength);
    };
    return {
      k,
      measured: list.map(windowReport),
      measuredLength,
      theorem4: check(theorem4.intervals.length > 0 ? theorem4.intervals : undefined),
      theorem3: check(theorem3.plan?.intervals),
    };
  });
  return { ...base, measured, notMeasured: null, ranks };
}

/** Core's plan with Float64Array and Infinity replaced by JSON values. */
function planReport(plan: TheoremPlan): TheoremPlanReport {
  return {
    theorem: plan.theorem,
    epsilon: plan.epsilon,
    sigmaY: Array.from(plan.sigmaY),
    cEpsilon: plan.cEpsilon,
    CEpsilon: plan.CEpsilon,
    separationRatio: plan.separationRatio,
    alphaMax: plan.alphaMax,
    logAlphaMax: plan.logAlphaMax,
    alphaMaxAttained: plan.alphaMaxAttained,
    alpha: plan.alpha,
    hypotheses: plan.hypotheses.map(({ name, statement, holds, detail }) => ({ name, statement, holds, detail })),
    hypothesesHold: plan.hypothesesHold,
    intervals: plan.intervals.map(intervalReport),
  };
}

function intervalReport({ k, start, end, nonEmpty }: LearningInterval): IntervalReport {
  return { k, start, end: Number.isFinite(end) ? end : null, nonEmpty };
}

function windowReport({ start, end }: { start: number; end: number }): WindowReport {
  return { start, end: Number.isFinite(end) ? end : null };
}

function guaranteeCheck(
  interval: IntervalReport,
  windows: readonly { start: number; end: number }[],
  measuredLength: number | null,
): GuaranteeCheck {
  const slack = (t: number): number => CONTAINMENT_TOLERANCE * Math.max(Math.abs(t), 1e-300);
  const end = interval.end ?? Number.POSITIVE_INFINITY;
  const contained =
    interval.nonEmpty &&
    windows.some((w) => w.start <= interval.start + slack(interval.start) && (w.end === Number.POSITIVE_INFINITY || end <= w.end + slack(w.end)));
  const length = interval.end === null ? null : Math.max(0, interval.end - interval.start);
  const lengthRatio = length === null || length === 0 || measuredLength === null ? null : measuredLength / length;
  return { interval, contained, length, lengthRatio };
}

/** Decides whether U0 is a spectral initialization and, if so, plans Theorem 3. */
function theorem3Report(Y: number[][], U0: number[][], epsilon: number, alpha: number | undefined): Theorem3Report {
  const target = new Matrix(Y);
  const factor = new Matrix(U0);
  const W0 = factor.mmul(factor.transpose());
  const normY = spectralNorm(target);
  const normW0 = spectralNorm(W0);
  const { values, vectors } = symmetricEigen(Y);
  const rotated = vectors.transpose().mmul(W0).mmul(vectors);
  const n = values.length;
  const sigma0 = Array.from({ length: n }, (_, i) => rotated.get(i, i));
  let offDiagonal = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) offDiagonal = Math.max(offDiagonal, Math.abs(rotated.get(i, j)));
  const commutator = normW0 === 0 ? 0 : spectralNorm(target.mmul(W0).sub(W0.mmul(target))) / (normY * normW0);
  offDiagonal = normW0 === 0 ? 0 : offDiagonal / normW0;
  const numbers = { commutator, offDiagonal, sigma0 };
  if (commutator > COMMUTATOR_TOLERANCE) {
    return {
      ...numbers,
      applicable: false,
      reason:
        `U0 is not a spectral initialization: ||Y W0 - W0 Y|| = ${commutator.toExponential(3)} ||Y|| ||W0|| > ${COMMUTATOR_TOLERANCE} ` +
        '(W0 = U0 U0^T does not commute with Y); Theorem 3 does not apply, Theorem 4 does.',
      plan: null,
    };
  }
  if (offDiagonal > DIAGONAL_TOLERANCE) {
    return {
      ...numbers,
      applicable: false,
      reason:
        `W0 = U0 U0^T commutes with Y but Phi^T W0 Phi is not diagonal (off-diagonal ${offDiagonal.toExponential(3)} ||W0||): ` +
        'Y has (nearly) repeated eigenvalues, so its eigenbasis is not determined and Theorem 3 (distinct values) does not apply.',
      plan: null,
    };
  }
  // theorem4Plan has already checked Y is PSD: negative eigenvalues here are rounding.
  const sigmaY = Array.from(values, (value) => Math.max(value, 0));
  try {
    const plan = theorem3Plan({ sigmaY, sigma0: sigma0.map((value) => Math.max(value, 0)), epsilon, alpha });
    return {
      ...numbers,
      applicable: true,
      reason:
        `U0 is a spectral initialization: ||Y W0 - W0 Y|| = ${commutator.toExponential(3)} ||Y|| ||W0|| <= ${COMMUTATOR_TOLERANCE}, ` +
        'sigma_{i,0} = (Phi^T W0 Phi)_ii.',
      plan: planReport(plan),
    };
  } catch (error) {
    if (!(error instanceof FactorflowInputError)) throw error;
    return { ...numbers, applicable: false, reason: `U0 is a spectral initialization but Theorem 3 cannot be planned: ${error.message}`, plan: null };
  }
}

function whyNoAlpha(theorem4: Theorem4PlanReport, theorem3: Theorem3Report): string {
  const failing = (plan: TheoremPlanReport): string =>
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

/** A number for the table: 4 significant digits, exponent notation outside [1e-3, 1e5). */
function num(value: number | null, digits = 4): string {
  if (value === null) return 'inf';
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  return magnitude >= 1e-3 && magnitude < 1e5 ? value.toPrecision(digits) : value.toExponential(digits - 1);
}

function interval(start: number, end: number | null): string {
  return end === null ? `[${num(start)}, inf)` : `[${num(start)}, ${num(end)}]`;
}

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((cell, j) => Math.max(cell.length, ...rows.map((row) => row[j].length)));
  const line = (cells: string[]): string => `  ${cells.map((cell, j) => cell.padEnd(widths[j])).join('  ')}`.trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)];
}

function planLines(plan: TheoremPlanReport): string[] {
  const lines: string[] = [];
  lines.push(`  sigma_Y (non-zero, decreasing) = ${plan.sigmaY.map((value) => num(value)).join(', ')}`);
  lines.push(`  max sigma_{k+1}/sigma_k = ${num(plan.separationRatio)}`);
  if (plan.cEpsilon !== null && plan.CEpsilon !== null) lines.push(`  c_eps = ${num(plan.cEpsilon)}   C_eps = ${num(plan.CEpsilon)}`);
  if (plan.alphaMax !== null && plan.logAlphaMax !== null) {
    lines.push(
      `  alpha_max = ${num(plan.alphaMax)} (ln = ${num(plan.logAlphaMax, 6)}), ` +
        (plan.alphaMaxAttained ? 'attained' : 'not attained: every smaller alpha satisfies the hypotheses (strict separation binds)'),
    );
  } else {
    lines.push('  alpha_max: none (no alpha satisfies the hypotheses)');
  }
  const failing = plan.hypotheses.filter((hypothesis) => !hypothesis.holds).map((hypothesis) => hypothesis.name);
  const atSupremum = plan.alpha !== null && plan.alpha === plan.alphaMax && !plan.alphaMaxAttained;
  const verdict = plan.hypothesesHold
    ? 'all hold'
    : atSupremum && failing.length === 1 && failing[0] === 'alpha-separation'
      ? 'all hold except the strict separation, an equality at the supremum alpha_max itself ' +
        '(every smaller alpha satisfies them all; the I_k below are the limit)'
      : `NOT all hold (failing: ${failing.join(', ')})`;
  lines.push(`  hypotheses at alpha = ${plan.alpha === null ? 'none' : num(plan.alpha)}: ${verdict}`);
  for (const hypothesis of plan.hypotheses) {
    lines.push(`    [${hypothesis.holds ? 'holds' : 'FAILS'}] ${hypothesis.name}: ${hypothesis.statement}`);
    lines.push(`            ${hypothesis.detail}`);
  }
  return lines;
}

/**
 * Renders a {@link PlanReport} as plain text: the Theorem 4 plan (M, c_eps, C_eps, alpha_max,
 * hypotheses), the Theorem 3 verdict (and plan), and a table per k of the guaranteed I_k of
 * eq. (16) against the measured windows where ||W(t) - Y_hat_k|| <= epsilon, with the ratio of
 * lengths (measured / guaranteed) and whether I_k lies inside. `inf` marks an unbounded end.
 *
 * @param report - the result of {@link planCommand}.
 * @returns the text, lines separated by `\n`, no trailing newline.
 * @throws nothing.
 * @example
 * ```ts
 * console.log(formatPlan(planCommand({ Y, U0, epsilon: 0.5 })));
 * ```
 */
export function formatPlan(report: PlanReport): string {
  const { theorem4, theorem3 } = report;
  const lines: string[] = [];
  lines.push(`Y: ${report.n} x ${report.n}   U0bar: ${report.n} x ${report.r}   epsilon = ${report.epsilon}`);
  lines.push('');
  lines.push('Theorem 4 (general initialization U(0) = alpha^{1/2} U0bar)');
  lines.push(`  M = max(||V||, ||V^{-1}||), V = (Phi^T U0bar U0bar^T Phi)^{-1}: ${theorem4.M === null ? 'undefined (W0~ singular)' : num(theorem4.M)}`);
  lines.push(...planLines(theorem4));
  lines.push('');
  lines.push('Theorem 3 (spectral initialization)');
  lines.push(`  ${theorem3.reason}`);
  if (theorem3.plan !== null) {
    lines.push(`  sigma_{i,0} = ${theorem3.sigma0.map((value) => num(value)).join(', ')}`);
    lines.push(...planLines(theorem3.plan));
  }
  lines.push('');
  if (report.measured === null) {
    lines.push(`Measured windows: none. ${report.notMeasured ?? ''}`);
    return lines.join('\n');
  }
  const source = {
    given: 'given by --alpha',
    'theorem-4-alpha-max': "Theorem 4's alpha_max",
    'theorem-3-alpha-max': "Theorem 3's alpha_max",
  }[report.measured.alphaSource];
  lines.push(`Windows where ||W(t) - Y_hat_k|| <= ${report.epsilon}, at alpha = ${num(report.measured.alpha)} (${source})`);
  const withTheorem3 = report.ranks.some((rank) => rank.theorem3 !== null);
  const header = ['k', 'guaranteed I_k (Thm 4)', ...(withTheorem3 ? ['I_k (Thm 3)'] : []), 'measured', 'measured/|I_k|', 'I_k inside'];
  const cell = (check: GuaranteeCheck | null): string =>
    check === null ? '-' : check.interval.nonEmpty ? interval(check.interval.start, check.interval.end) : `empty ${interval(check.interval.start, check.interval.end)}`;
  const ratio = (check: GuaranteeCheck | null): string =>
    check === null || !check.interval.nonEmpty
      ? '-'
      : check.lengthRatio !== null
        ? `${check.lengthRatio.toFixed(2)}x`
        : check.length === 0
          ? 'point I_k'
          : 'both unbounded';
  const inside = (check: GuaranteeCheck | null): string => (check === null ? '-' : check.contained ? 'yes' : 'NO');
  const rows = report.ranks.map((rank) => {
    const primary = rank.theorem4 ?? rank.theorem3;
    return [
      String(rank.k),
      cell(rank.theorem4),
      ...(withTheorem3 ? [cell(rank.theorem3)] : []),
      rank.measured.length === 0 ? 'none' : rank.measured.map((w) => interval(w.start, w.end)).join(' '),
      rank.theorem4 !== null && rank.theorem3 !== null ? `${ratio(rank.theorem4)} / ${ratio(rank.theorem3)}` : ratio(primary),
      rank.theorem4 !== null && rank.theorem3 !== null ? `${inside(rank.theorem4)} / ${inside(rank.theorem3)}` : inside(primary),
    ];
  });
  lines.push(...table(header, rows));
  lines.push(
    `  (closest approach min_t ||W(t) - Y_hat_k||: ${report.measured.perRank.map((rank) => `k=${rank.k} ${num(rank.closestApproach)}`).join(', ')}; ` +
      `search grid step ${num(report.measured.resolution)} up to t = ${num(report.measured.horizon)})`,
  );
  return lines.join('\n');
}
