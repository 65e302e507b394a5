/**
 * Remark III-C1 of Min & Vidal (2025), random initialization: U(0) = alpha^{1/2} U0bar with U0bar
 * an n x r matrix of iid N(0, 1) entries (r >= n). Theorem 4 applies once
 * P(max(||W0bar||, ||W0bar^{-1}||) <= M_delta) >= 1 - delta is known, with c_eps, C_eps defined by
 * M_delta; incremental learning (eq. (23)) then happens with probability >= 1 - delta.
 *
 * This suite estimates the distribution of M_hat = max(||W0bar||, ||W0bar^{-1}||) by sampling
 * (quantiles 50/90/99% per shape (n, r)), sets M_delta to the empirical 90% quantile (delta = 0.1),
 * takes Theorem 4's alpha_max for M = M_delta, and checks the conclusion (23) on fresh Gaussian
 * shapes. Draws with M_hat <= M_delta are covered by Theorem 4 and must all succeed; the others
 * are reported, not judged.
 */
import fc from 'fast-check';
import { Matrix } from 'ml-matrix';

import {
  bestRankK,
  closedFormTrajectory,
  createRandom,
  gaussianInit,
  initializationM,
  singularSpectrum,
  spectralNorm,
  theorem4Plan,
} from '@factorflow/core';
import { type GaussianShapeCase, gaussianShapeCase, probeTimes, separatedSpectrum } from '@factorflow/core/testing';
import { randomOrthogonal, symmetricWithSpectrum } from '@factorflow/core';

import { generate, shrink } from '../property.js';
import { type InstanceOutcome, type Suite, cyclingSuite, median, metricSum, metricValues, percent } from '../suite.js';

/**
 * The shapes (n, r) of U0bar the suite samples (Remark III-C1 needs r >= n so that
 * W0bar = U0bar U0bar^T is invertible): n = 3..8 and r = n, n + 2, 2n. Instance i uses shape
 * i mod 18.
 */
export const RANDOM_INIT_SHAPES: readonly { readonly n: number; readonly r: number }[] = [3, 4, 5, 6, 7, 8].flatMap((n) =>
  [n, n + 2, 2 * n].map((r) => ({ n, r })),
);

/** Gaussian shapes drawn per instance to estimate the quantiles of M_hat (Remark III-C1's M_delta). */
const ESTIMATION_DRAWS = 4000;
/** Fresh Gaussian shapes per instance on which Theorem 4's conclusion (23) is checked at M = M_delta. */
const CHECK_DRAWS = 64;
/** delta of Remark III-C1: M_delta is the empirical (1 - delta) quantile of M_hat. */
const DELTA = 0.1;

/**
 * M_hat = max(||W0bar||, ||W0bar^{-1}||) for W0bar = U0bar U0bar^T (Remark III-C1; equal to Theorem 4's
 * M = max(||V||, ||V^{-1}||) since Phi is orthogonal): max(s_1^2, 1 / s_n^2) from the singular values
 * of U0bar (n x r, r >= n), without forming W0bar. Infinity when s_n = 0.
 */
export function mHat(U0bar: Matrix): number {
  const singular = singularSpectrum(Float64Array.from(U0bar.to1DArray()), U0bar.rows, U0bar.columns);
  return initializationM(singular[0], U0bar.columns >= U0bar.rows ? singular[U0bar.rows - 1] : 0);
}

/** The empirical p-quantile of a sorted sample, the ceil(p S)-th smallest value: M_delta of Remark III-C1 for p = 1 - delta. */
export function empiricalQuantile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

/**
 * One fresh draw of the Remark III-C1 check of Theorem 4 (Min & Vidal 2025): a target Y = Q diag(sigma_Y) Q^T with distinct singular values
 * (consecutive ratios in [0.2, 0.7], at most one zero), eps = fraction * min(sigma_K, 1) (Theorem 4's
 * range), and the Gaussian shape U0bar = gaussianInit(n, r, 1, shapeSeed).
 */
export function checkDrawArbitrary(n: number, r: number): fc.Arbitrary<GaussianShapeCase> {
  return gaussianShapeCase(n, r, separatedSpectrum(n, { maxRatio: 0.7, zeros: 'at-most-one' }), 1);
}

/** What one draw of the Remark III-C1 check found about Theorem 4's conclusion (23). */
interface DrawResult {
  /** M_hat of the draw's shape. */
  readonly mHat: number;
  /** M_hat <= M: Theorem 4 (with M in place of its own M, an upper bound) covers the draw. */
  readonly covered: boolean;
  /** log10 of the alpha used (Theorem 4's alpha_max at M); NaN when it is outside double range. */
  readonly log10Alpha: number;
  /** Worst ||W(t) - Y_hat_k||_2 / eps over probe times in every I_k (ends included); NaN when skipped. */
  readonly slack: number;
}

/**
 * Theorem 4's alpha_max and intervals I_k (eq. (16)) for M = `M`, obtained from
 * {@link theorem4Plan} on the surrogate shape diag(sqrt(M), 1, ..., 1), whose
 * max(s_1^2, 1/s_n^2) is exactly M (M >= 1 always, since ||W|| ||W^{-1}|| >= 1): so
 * c_eps = eps / (16 M^2), C_eps = 16 sigma_1^2 M^2 / eps, alpha_max = min(c_eps / M,
 * c_eps (c_eps / C_eps)^{rho / (1 - rho)}) are core's formulas, not a re-implementation. Then
 * checks ||W(t) - Y_hat_k|| <= eps (eq. (23)) at probe times of every I_k for the draw's own shape
 * scaled by `alphaFactor` * alpha_max (1 in the suite; larger values violate the theorem's alpha bound).
 *
 * Using M >= M_hat in the formulas is legitimate: Theorem 4's proof uses M only through the upper
 * bounds ||V_11||, ||V_12||, ||V_22^{-1}|| <= M and 1 <= M, which every larger M also satisfies.
 */
export function checkDraw(draw: GaussianShapeCase, M: number, alphaFactor = 1): DrawResult {
  const { n, r, sigmaY, epsilonFraction, basisSeed, shapeSeed } = draw;
  const K = sigmaY.filter((value) => value > 0).length;
  const Y = symmetricWithSpectrum(randomOrthogonal(n, basisSeed), sigmaY);
  const epsilon = epsilonFraction * Math.min(sigmaY[K - 1], 1);
  const U0bar = gaussianInit(n, r, 1, shapeSeed);
  const own = mHat(U0bar);
  const surrogate = Matrix.eye(n, n);
  surrogate.set(0, 0, Math.sqrt(M));
  const alphaMax = theorem4Plan({ Y, U0bar: surrogate, epsilon }).alphaMax;
  const alpha = alphaMax === null ? 0 : alphaMax * alphaFactor;
  if (!(alpha > 1e-250) || !Number.isFinite(alpha)) {
    return { mHat: own, covered: own <= M, log10Alpha: Number.NaN, slack: Number.NaN };
  }
  const plan = theorem4Plan({ Y, U0bar: surrogate, epsilon, alpha });
  const U0 = U0bar.clone().mul(Math.sqrt(alpha));
  let worst = 0;
  for (const { k, start, end } of plan.intervals) {
    // Only alpha above the bound can make I_k empty or put it at negative times (clipped to t >= 0).
    if (!(Math.max(start, 0) <= end)) continue;
    const target = bestRankK(Y, k);
    for (const W of closedFormTrajectory(Y, { U0 }, probeTimes(Math.max(start, 0), end), { spectrum: false }).W) {
      worst = Math.max(worst, spectralNorm(W.clone().sub(target)) / epsilon);
    }
  }
  return { mHat: own, covered: own <= M, log10Alpha: Math.log10(alpha), slack: worst };
}

/** Slack above 1 that counts as a failure of (23) (rounding of the closed form and the norms). */
const TOLERANCE = 1e-10;

function succeeded(result: DrawResult): boolean {
  return !(result.slack > 1 + TOLERANCE);
}

/**
 * The 50/90/99% empirical quantiles of M_hat = max(||W0bar||, ||W0bar^{-1}||) over `draws` Gaussian
 * n x r shapes seeded by `seed`: the estimate of P(M_hat <= M) behind M_delta (Remark III-C1).
 */
export function estimateQuantiles(n: number, r: number, seed: number, draws = ESTIMATION_DRAWS): { q50: number; q90: number; q99: number } {
  const random = createRandom(seed);
  const sample = Array.from({ length: draws }, () => mHat(gaussianInit(n, r, 1, Math.floor(random.uniform() * 2 ** 32))));
  sample.sort((a, b) => a - b);
  return {
    q50: empiricalQuantile(sample, 0.5),
    q90: empiricalQuantile(sample, 1 - DELTA),
    q99: empiricalQuantile(sample, 0.99),
  };
}

function format(value: number): string {
  return value >= 1e4 ? value.toExponential(1) : value.toPrecision(3);
}

/**
 * Remark III-C1 (Min & Vidal 2025), random initialization: per shape (n, r), the empirical
 * quantiles of M_hat = max(||W0bar||, ||W0bar^{-1}||) for Gaussian U0bar, and the success rate of
 * Theorem 4's conclusion (23) on fresh Gaussian shapes at the alpha_max that Theorem 4 gives for
 * M = M_delta (the 90% quantile). A failure on a draw with M_hat <= M_delta contradicts Theorem 4
 * and fails the instance; draws with M_hat > M_delta are outside the theorem and only reported.
 */
export const randomInitSuite: Suite = cyclingSuite({
  name: 'random-init',
  package: '@factorflow/core',
  claim:
    'Remark III-C1: Gaussian U0bar (r >= n); M_delta = empirical 90% quantile of max(||W0bar||, ||W0bar^-1||); at Thm 4 alpha_max(M_delta), eq. (23) holds on every fresh draw with M_hat <= M_delta (probability >= 1 - delta overall)',
  failureIsBug: false,
  kinds: RANDOM_INIT_SHAPES,
  share: 4,
  runKind({ n, r }, shapeIndex, own): InstanceOutcome {
    const { q50, q90, q99 } = estimateQuantiles(n, r, own);
    const arbitrary = checkDrawArbitrary(n, r);
    const random = createRandom((own ^ 0x5bd1e995) >>> 0);
    let covered = 0;
    let coveredSuccesses = 0;
    let successes = 0;
    let checked = 0;
    let worstCoveredSlack = 0;
    let worstUncoveredSlack = 0;
    let largestUncoveredRatio = 0;
    const failures: string[] = [];
    for (let draw = 0; draw < CHECK_DRAWS; draw++) {
      const drawSeed = Math.floor(random.uniform() * 2 ** 32);
      const value = generate(arbitrary, drawSeed);
      const result = checkDraw(value, q90);
      if (Number.isNaN(result.slack)) continue;
      checked++;
      const ok = succeeded(result);
      if (ok) successes++;
      if (result.covered) {
        covered++;
        worstCoveredSlack = Math.max(worstCoveredSlack, result.slack);
        if (ok) coveredSuccesses++;
        else {
          const holds = (candidate: GaussianShapeCase) => {
            const replay = checkDraw(candidate, q90);
            return !replay.covered || succeeded(replay);
          };
          failures.push(
            `draw seed ${drawSeed}: M_hat = ${format(result.mHat)} <= M_delta = ${format(q90)} but ||W - Y_hat_k|| / eps = ${result.slack.toFixed(6)}; shrunk: ${shrink(arbitrary, holds, drawSeed)}`,
          );
        }
      } else {
        worstUncoveredSlack = Math.max(worstUncoveredSlack, result.slack);
        largestUncoveredRatio = Math.max(largestUncoveredRatio, result.mHat / q90);
      }
    }
    return {
      passed: coveredSuccesses === covered,
      metrics: {
        n,
        r,
        shape: shapeIndex,
        q50,
        q90,
        q99,
        checked,
        successes,
        covered,
        coveredSuccesses,
        worstCoveredSlack,
        worstUncoveredSlack,
        largestUncoveredRatio,
      },
      detail:
        failures.length === 0
          ? undefined
          : `instance seed ${own} (n = ${n}, r = ${r}): ${failures.length} covered draw(s) violate (23): ${failures.join(' | ')}`,
    };
  },
  summarize(outcomes) {
    const checked = metricSum(outcomes, 'checked');
    const successes = metricSum(outcomes, 'successes');
    const covered = metricSum(outcomes, 'covered');
    const coveredSuccesses = metricSum(outcomes, 'coveredSuccesses');
    const uncovered = checked - covered;
    const uncoveredSuccesses = successes - coveredSuccesses;
    const perN = new Map<number, string[]>();
    for (const [shapeIndex, { n, r }] of RANDOM_INIT_SHAPES.entries()) {
      const own = outcomes.filter((outcome) => outcome.metrics.shape === shapeIndex);
      if (own.length === 0) continue;
      const pick = (name: string) => median(metricValues(own, name));
      const cell =
        `r=${r}: M_hat q50/q90/q99 ${format(pick('q50'))}/${format(pick('q90'))}/${format(pick('q99'))}, ` +
        `success ${percent(metricSum(own, 'successes'), metricSum(own, 'checked'))} (covered ${percent(metricSum(own, 'covered'), metricSum(own, 'checked'))} of draws)`;
      perN.set(n, [...(perN.get(n) ?? []), cell]);
    }
    const slacks = metricValues(outcomes, 'worstCoveredSlack');
    const uncoveredSlacks = metricValues(outcomes, 'worstUncoveredSlack');
    const ratios = metricValues(outcomes, 'largestUncoveredRatio');
    return {
      metric: covered === 0 ? Number.NaN : coveredSuccesses / covered,
      metricName: 'Thm 4 success rate on draws with M_hat <= M_0.9 (must be 1)',
      findings: [
        ...[...perN.entries()].map(([n, cells]) => `n=${n}: ${cells.join('; ')}`),
        `Edelman's large-n limit for r = n (P(n s_min^2 <= x) = 1 - exp(-x/2 - sqrt(x))) predicts q90 ~ 99 n and q99 ~ 1.0e4 n; r >= n + 2 concentrates M_hat near (sqrt(r) + sqrt(n))^2 or 1 / (sqrt(r) - sqrt(n))^2`,
        `Thm 4 at alpha_max(M_0.9): (23) held on ${successes}/${checked} fresh draws (${percent(successes, checked)}, theorem guarantees >= ${percent(1 - DELTA, 1)} in probability); ` +
          `${covered} draws had M_hat <= M_0.9 (${percent(covered, checked)}, expected ~90%): ${coveredSuccesses}/${covered} succeeded`,
        `draws outside the theorem (M_hat > M_0.9, up to ${format(Math.max(0, ...ratios))}x M_0.9): ${uncoveredSuccesses}/${uncovered} succeeded anyway (worst slack ${Math.max(0, ...uncoveredSlacks).toPrecision(3)})`,
        `worst ||W(t) - Y_hat_k|| / eps on covered draws: ${Math.max(0, ...slacks).toPrecision(3)} (Theorem 4 is conservative)`,
      ],
    };
  },
});
