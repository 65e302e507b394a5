/**
 * Remark III-C2 of Min & Vidal (2025), rank-deficient initialization: U(0) = alpha^{1/2} U0bar with
 * U0bar n x r, r < n, so W~0 = Phi^T U0bar U0bar^T Phi is singular and Theorem 4 does not apply.
 * The paper states that an analysis of U~^T G(t_k) U~ in the Woodbury form "leads to similar
 * results as Theorem 4, which is left to future work". This suite measures, on the closed form
 * (Proposition 1, eq. (5)), what actually happens: an empirical finding, not a theorem.
 *
 * - For which k a window with ||W(t) - Y_hat_k||_2 <= eps exists (measuredWindows). Since
 *   rank W(t) = r for every t, Weyl's inequality gives ||W(t) - Y_hat_k|| >= sigma_{r+1} > eps for
 *   k > r (eps < sigma_K here): a window for k > r is a bug in the numerics.
 * - How small alpha must be: the largest alpha for which windows exist for every k <= r, by
 *   bisection on log alpha, compared with two Theorem-4-style alphas (c_eps / M and the separation
 *   condition restricted to k <= r) where M is taken from (a) the restriction of W0bar to range(U0bar),
 *   M_range = max(s_1^2, 1 / s_r^2), or (b) the top-r block of U~ = Phi^T U0bar,
 *   M_top = max(||U~||^2, 1 / s_min(U~_{1:r})^2).
 */
import fc from 'fast-check';
import type { Matrix } from 'ml-matrix';

import {
  type MeasuredWindows,
  alphaBounds,
  gaussianInit,
  initializationM,
  measuredWindows,
  separationRatio,
  singularSpectrum,
  theorem4Constants,
} from '@factorflow/core';
import { type GaussianShapeCase, gaussianShapeCase } from '@factorflow/core/testing';
import { randomOrthogonal, symmetricWithSpectrum } from '@factorflow/core';

import { generate, shrink } from '../property.js';
import { type InstanceOutcome, type Suite, cyclingSuite, median, metricSum, metricValues, percent } from '../suite.js';

/** The shapes (n, r) with r < n the suite samples (Remark III-C2): n = 3..6, r = 1..n-1; instance i uses shape i mod 14. */
export const RANK_DEFICIENT_SHAPES: readonly { readonly n: number; readonly r: number }[] = [3, 4, 5, 6].flatMap((n) =>
  Array.from({ length: n - 1 }, (_, index) => ({ n, r: index + 1 })),
);

/** Largest alpha searched (W(0) ~ 1e2 r n >> ||Y||): windows that survive it are reported as unconstrained. */
const LOG_ALPHA_CAP = Math.log(1e2);
/** Smallest alpha searched (the closed form is exact there, but this is far below any alpha of interest). */
const LOG_ALPHA_FLOOR = Math.log(1e-280);
/** Bisection steps on log alpha (the bracket is at most ~650 nats: 0.6 nat resolution after 10 steps, typically 0.1). */
const BISECTION_STEPS = 10;
/** Grid of measuredWindows (windows narrower than horizon / GRID can be missed, see core's measuredWindows). */
const GRID = 128;

/** K = n distinct singular values decreasing from [1, 10], consecutive ratios in [0.2, 0.8]. */
function distinctSpectrum(n: number): fc.Arbitrary<number[]> {
  return fc
    .tuple(
      fc.double({ min: 1, max: 10, noNaN: true }),
      fc.array(fc.double({ min: 0.2, max: 0.8, noNaN: true }), { minLength: n - 1, maxLength: n - 1 }),
    )
    .map(([top, ratios]) => ratios.reduce((values, ratio) => [...values, values[values.length - 1] * ratio], [top]));
}

/**
 * An instance of the Remark III-C2 (Min & Vidal 2025) experiment for shape (n, r): Y = Q diag(sigma_Y) Q^T (K = n
 * distinct singular values), eps = fraction * min(sigma_n, 1) with fraction <= 0.9 (so eps < sigma_{r+1}),
 * U0bar = gaussianInit(n, r, 1, shapeSeed).
 */
export function rankDeficientArbitrary(n: number, r: number): fc.Arbitrary<GaussianShapeCase> {
  return gaussianShapeCase(n, r, distinctSpectrum(n), 0.9);
}

/** The setting of an instance: Y, its eigenbasis Q, eps and the shape U0bar. */
interface Setting {
  readonly Y: Matrix;
  readonly Q: Matrix;
  readonly sigmaY: readonly number[];
  readonly epsilon: number;
  readonly U0bar: Matrix;
  readonly r: number;
}

function setting(value: GaussianShapeCase): Setting {
  const { n, r, sigmaY, epsilonFraction, basisSeed, shapeSeed } = value;
  const Q = randomOrthogonal(n, basisSeed);
  return {
    Y: symmetricWithSpectrum(Q, sigmaY),
    Q,
    sigmaY,
    epsilon: epsilonFraction * Math.min(sigmaY[n - 1], 1),
    U0bar: gaussianInit(n, r, 1, shapeSeed),
    r,
  };
}

function singularValues(A: Matrix): number[] {
  return Array.from(singularSpectrum(Float64Array.from(A.to1DArray()), A.rows, A.columns));
}

/**
 * The two substitutes for Theorem 4's M when W~0 is singular (Remark III-C2), for U0bar n x r, r < n:
 * M_range = max(s_1(U0bar)^2, 1 / s_r(U0bar)^2) (W0bar restricted to its range) and
 * M_top = max(s_1(U~)^2, 1 / s_r(U~_{1:r})^2) with U~ = Q^T U0bar and U~_{1:r} its rows along the top-r
 * eigenvectors of Y (which also sees how range(U0bar) is aligned with them).
 */
export function substituteM(U0bar: Matrix, Q: Matrix): { range: number; top: number } {
  const r = U0bar.columns;
  const own = singularValues(U0bar);
  const rotated = Q.transpose().mmul(U0bar);
  const block = singularValues(rotated.subMatrix(0, r - 1, 0, r - 1));
  return { range: initializationM(own[0], own[r - 1]), top: initializationM(own[0], block[r - 1]) };
}

/**
 * log of a Theorem-4-style alpha for rank-deficient shapes (heuristic, not a theorem): core's
 * Theorem 4 alpha_max for the substitute M, with rho = max_{k <= r} sigma_{k+1} / sigma_k because
 * only the I_k with k <= r (eq. (16)) are asked for.
 */
export function theorem4StyleLogAlpha(sigmaY: readonly number[], r: number, epsilon: number, M: number): number {
  const rho = separationRatio(Float64Array.from(sigmaY.slice(0, r + 1)));
  return alphaBounds(theorem4Constants(sigmaY[0], M, epsilon), rho).logAlphaMax;
}

/** What the measured windows (conclusion (23) of Theorem 4, tested for r < n as in Remark III-C2) say at one alpha. */
interface WindowCheck {
  /** A window with ||W(t) - Y_hat_k|| <= eps exists for every k <= r. */
  readonly allUpToR: boolean;
  /** The ranks k > r with a window (must be empty: rank W(t) = r). */
  readonly aboveR: number[];
}

/**
 * Splits measured windows (Min & Vidal 2025, eq. (23); Remark III-C2) at rank r: whether every k <= r has a window, and which k > r have one
 * (impossible when rank W(t) = r: ||W(t) - Y_hat_k|| >= sigma_{r+1}(Y) > eps by Weyl's inequality).
 */
export function classifyWindows(measured: MeasuredWindows, r: number): WindowCheck {
  return {
    allUpToR: measured.perRank.slice(0, r).every((rank) => rank.windows.length > 0),
    aboveR: measured.perRank.slice(r).filter((rank) => rank.windows.length > 0).map((rank) => rank.k),
  };
}

/** measuredWindows (core; the closed form of Proposition 1) at U(0) = exp(logAlpha / 2) U0bar, split at rank r. */
export function windowsAt(value: GaussianShapeCase, logAlpha: number): WindowCheck {
  const { Y, epsilon, U0bar, r } = setting(value);
  const measured = measuredWindows(Y, { U0: U0bar.clone().mul(Math.exp(logAlpha / 2)) }, epsilon, {
    gridSize: GRID,
    relativeTolerance: 1e-6,
  });
  return classifyWindows(measured, r);
}

/** Result of {@link measureInstance} (Remark III-C2, empirical). */
interface RankDeficientResult {
  readonly logAlphaRange: number;
  readonly logAlphaTop: number;
  /** Windows for every k <= r at the M_range Theorem-4-style alpha. */
  readonly allUpToRAtRange: boolean;
  /** log of the largest alpha with windows for every k <= r (NaN: none found even at 1e-280). */
  readonly logAlphaNeeded: number;
  /** Windows for every k <= r survive even at the cap alpha = 1e2 (logAlphaNeeded is then the cap). */
  readonly unconstrained: boolean;
  /** Every (log alpha, k) with a window for k > r. */
  readonly aboveR: { logAlpha: number; k: number }[];
}

/**
 * Measures one Remark III-C2 (Min & Vidal 2025) instance: windows at the Theorem-4-style alphas, then the largest
 * alpha with windows for every k <= r by bisection on log alpha between a working alpha and
 * 1e2 (assuming, as observed, that the set of working alphas is an interval (0, alpha_needed]).
 */
export function measureInstance(value: GaussianShapeCase): RankDeficientResult {
  const { Q, sigmaY, epsilon, U0bar, r } = setting(value);
  const M = substituteM(U0bar, Q);
  const logAlphaRange = theorem4StyleLogAlpha(sigmaY, r, epsilon, M.range);
  const logAlphaTop = theorem4StyleLogAlpha(sigmaY, r, epsilon, M.top);
  const aboveR: { logAlpha: number; k: number }[] = [];
  const check = (logAlpha: number): boolean => {
    const result = windowsAt(value, logAlpha);
    for (const k of result.aboveR) aboveR.push({ logAlpha, k });
    return result.allUpToR;
  };
  const startRange = Math.max(logAlphaRange, LOG_ALPHA_FLOOR);
  const allUpToRAtRange = check(startRange);
  let low = Number.NaN;
  if (allUpToRAtRange) low = startRange;
  else {
    const lower = Math.max(Math.min(logAlphaTop, startRange) - 46, LOG_ALPHA_FLOOR);
    if (check(lower)) low = lower;
  }
  let logAlphaNeeded = Number.NaN;
  let unconstrained = false;
  if (!Number.isNaN(low)) {
    if (check(LOG_ALPHA_CAP)) {
      unconstrained = true;
      logAlphaNeeded = LOG_ALPHA_CAP;
    } else {
      let high = LOG_ALPHA_CAP;
      for (let step = 0; step < BISECTION_STEPS; step++) {
        const middle = 0.5 * (low + high);
        if (check(middle)) low = middle;
        else high = middle;
      }
      logAlphaNeeded = low;
    }
  }
  return { logAlphaRange, logAlphaTop, allUpToRAtRange, logAlphaNeeded, unconstrained, aboveR };
}

/**
 * Remark III-C2 (Min & Vidal 2025), rank-deficient initialization r < n, left open by the paper:
 * the measured windows of ||W(t) - Y_hat_k||_2 <= eps (closed form, Proposition 1) for Gaussian
 * U0bar, per (n, r): how often every k <= r has a window at a Theorem-4-style alpha, the largest
 * alpha that still gives windows for every k <= r (bisection), and the check that no k > r ever has
 * one (rank W(t) = r; a violation is a numerical bug and fails the instance). Empirical findings.
 */
export const rankDeficientSuite: Suite = cyclingSuite({
  name: 'rank-deficient',
  package: '@factorflow/core',
  claim:
    'Remark III-C2 (open; empirical): Gaussian U0bar with r < n; windows ||W(t) - Y_hat_k|| <= eps exist for k <= r at small alpha and never for k > r (rank W(t) = r); largest working alpha vs Theorem-4-style alpha with M from range(U0bar)',
  failureIsBug: false,
  kinds: RANK_DEFICIENT_SHAPES,
  share: 2,
  runKind({ n, r }, shape, own): InstanceOutcome {
    const arbitrary = rankDeficientArbitrary(n, r);
    const value = generate(arbitrary, own);
    const result = measureInstance(value);
    const { logAlphaRange, logAlphaTop, logAlphaNeeded } = result;
    // The binding separation for k <= r: 1 - max_{k <= r} sigma_{k+1} / sigma_k.
    const gap = 1 - Math.max(...value.sigmaY.slice(1, r + 1).map((sigma, k) => sigma / value.sigmaY[k]));
    const metrics: Record<string, number> = {
      n,
      r,
      shape,
      allUpToR: result.allUpToRAtRange ? 1 : 0,
      aboveR: result.aboveR.length > 0 ? 1 : 0,
      unconstrained: result.unconstrained ? 1 : 0,
      log10AlphaRange: logAlphaRange / Math.LN10,
      log10AlphaTop: logAlphaTop / Math.LN10,
      gapR: gap,
    };
    if (!Number.isNaN(logAlphaNeeded)) {
      metrics.log10AlphaNeeded = logAlphaNeeded / Math.LN10;
      if (!result.unconstrained) {
        metrics.log10MarginRange = (logAlphaNeeded - logAlphaRange) / Math.LN10;
        metrics.log10MarginTop = (logAlphaNeeded - logAlphaTop) / Math.LN10;
      }
    }
    const passed = result.aboveR.length === 0;
    let detail: string | undefined;
    if (!passed) {
      const first = result.aboveR[0];
      const holds = (candidate: GaussianShapeCase) => windowsAt(candidate, first.logAlpha).aboveR.length === 0;
      detail = `seed ${own} (n = ${n}, r = ${r}): a window for k = ${first.k} > r at alpha = ${Math.exp(first.logAlpha).toExponential(3)}, impossible for rank W(t) = r; shrunk: ${shrink(arbitrary, holds, own)}`;
    } else if (!result.allUpToRAtRange) {
      detail = `seed ${own} (n = ${n}, r = ${r}): no window for some k <= r at the Theorem-4-style alpha (M_range) 10^${(logAlphaRange / Math.LN10).toFixed(1)}`;
    }
    return { passed, metrics, detail };
  },
  summarize(outcomes) {
    const perN = new Map<number, string[]>();
    for (const [shape, { n, r }] of RANK_DEFICIENT_SHAPES.entries()) {
      const own = outcomes.filter((outcome) => outcome.metrics.shape === shape);
      if (own.length === 0) continue;
      const needed = metricValues(own, 'log10AlphaNeeded');
      const unconstrained = metricSum(own, 'unconstrained');
      const alpha =
        unconstrained === own.length
          ? '>= 1e2 (no constraint)'
          : `10^${median(needed).toFixed(1)}${unconstrained > 0 ? ` (${unconstrained} unconstrained)` : ''}`;
      const cell = `r=${r}: all k<=r ${percent(metricSum(own, 'allUpToR'), own.length, 0)}, k>r ${percent(metricSum(own, 'aboveR'), own.length, 0)}, median alpha_needed ${alpha}`;
      perN.set(n, [...(perN.get(n) ?? []), cell]);
    }
    const total = outcomes.length;
    const marginRange = metricValues(outcomes, 'log10MarginRange');
    const marginTop = metricValues(outcomes, 'log10MarginTop');
    const conservative = (margins: number[]) => margins.filter((margin) => margin >= 0).length;
    const spread = (margins: number[]) =>
      margins.length === 0 ? 'no constrained instance' : `median margin 10^${median(margins).toFixed(1)}, smallest 10^${Math.min(...margins).toFixed(1)}`;
    const constrained = outcomes.filter((outcome) => outcome.metrics.unconstrained === 0 && 'log10AlphaNeeded' in outcome.metrics);
    const gaps = metricValues(constrained, 'gapR');
    const needed = metricValues(constrained, 'log10AlphaNeeded');
    const rOne = outcomes.filter((outcome) => outcome.metrics.r === 1);
    return {
      metric: total === 0 ? Number.NaN : metricSum(outcomes, 'allUpToR') / total,
      metricName: 'fraction with windows for every k <= r at the Thm-4-style alpha (M_range)',
      findings: [
        ...[...perN.entries()].map(([n, cells]) => `n=${n}: ${cells.join('; ')}`),
        `windows for some k > r: ${metricSum(outcomes, 'aboveR')} of ${total} instances (any would contradict rank W(t) = r: ||W - Y_hat_k|| >= sigma_{r+1} > eps)`,
        `r = 1: windows for k = 1 at every alpha up to 1e2 in ${metricSum(rOne, 'unconstrained')}/${rOne.length} instances (W(t) -> Y_hat_1 from any generic start)`,
        `Theorem-4-style alpha with M_range = max(s_1^2, 1/s_r^2) of U0bar is <= the measured alpha_needed in ${conservative(marginRange)}/${marginRange.length} constrained instances (${spread(marginRange)})`,
        `with M_top = max(||U~||^2, 1/s_r(U~_{1:r})^2) (alignment with the top-r eigenvectors): <= alpha_needed in ${conservative(marginTop)}/${marginTop.length} (${spread(marginTop)})`,
        `alpha_needed vs the gap 1 - max_{k<=r} sigma_{k+1}/sigma_k: ${gapTrend(gaps, needed)}`,
      ],
    };
  },
});

/** Median log10 alpha_needed for gaps below and above the median gap: how the needed alpha depends on separation. */
function gapTrend(gaps: number[], needed: number[]): string {
  if (gaps.length < 2) return 'too few constrained instances';
  const middle = median(gaps);
  const small = needed.filter((_, i) => gaps[i] <= middle);
  const large = needed.filter((_, i) => gaps[i] > middle);
  return `median alpha_needed 10^${median(small).toFixed(1)} for gaps <= ${middle.toFixed(2)}, 10^${median(large).toFixed(1)} for larger gaps`;
}
