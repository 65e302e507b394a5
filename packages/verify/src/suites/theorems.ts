import fc from 'fast-check';
import type { Matrix } from 'ml-matrix';

import {
  type TheoremPlan,
  bestRankK,
  closedFormTrajectory,
  gaussianInit,
  measuredWindows,
  spectralInit,
  spectralNorm,
  theorem3Plan,
  theorem4Plan,
} from '@factorflow/core';
import { probeTimes, seed32, separatedSpectrum } from '@factorflow/core/testing';
import { randomOrthogonal, symmetricWithSpectrum } from '@factorflow/core';

import { generate, shrink } from '../property.js';
import { type InstanceOutcome, type Suite, instanceSeed, median, metricValues } from '../suite.js';

const instance = fc.integer({ min: 2, max: 6 }).chain((n) =>
  fc.record({
    sigmaY: separatedSpectrum(n),
    sigma0: fc.array(fc.double({ min: 0.2, max: 2.2, noNaN: true }), { minLength: n, maxLength: n }),
    extraColumns: fc.integer({ min: 0, max: 2 }),
    epsilonFraction: fc.double({ min: 0.05, max: 1, noNaN: true }),
    // alpha = alpha_max (the boundary, 30% of instances) or alpha_max * 10^-u, u in [0, 6].
    alphaDecades: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 7, arbitrary: fc.double({ min: 0, max: 6, noNaN: true }) }),
    basisSeed: seed32,
    shapeSeed: seed32,
  }),
);

type Instance = typeof instance extends fc.Arbitrary<infer T> ? T : never;

interface Setting {
  readonly Y: Matrix;
  readonly U0bar: Matrix;
  readonly epsilon: number;
  /** The plan at the instance's alpha; null when alpha_max is outside double range. */
  readonly plan: TheoremPlan | null;
}

function setting(theorem: 3 | 4, value: Instance): Setting {
  const { sigmaY, sigma0, extraColumns, epsilonFraction, alphaDecades, basisSeed, shapeSeed } = value;
  const n = sigmaY.length;
  const K = sigmaY.filter((s) => s > 0).length;
  const Y = symmetricWithSpectrum(randomOrthogonal(n, basisSeed), sigmaY);
  const epsilon = epsilonFraction * (theorem === 3 ? sigmaY[K - 1] : Math.min(sigmaY[K - 1], 1));
  if (theorem === 3) {
    const alphaMax = theorem3Plan({ sigmaY, sigma0, epsilon }).alphaMax;
    const plan = alphaMax === null ? null : theorem3Plan({ sigmaY, sigma0, epsilon, alpha: alphaMax * 10 ** -alphaDecades });
    return { Y, U0bar: spectralInit(Y, sigma0, 1), epsilon, plan };
  }
  const U0bar = gaussianInit(n, n + extraColumns, 1, shapeSeed);
  const alphaMax = theorem4Plan({ Y, U0bar, epsilon }).alphaMax;
  const usable = alphaMax !== null && alphaMax * 10 ** -alphaDecades > 1e-250;
  return { Y, U0bar, epsilon, plan: usable ? theorem4Plan({ Y, U0bar, epsilon, alpha: alphaMax * 10 ** -alphaDecades }) : null };
}

/** Worst ||W(t) - Y_hat_k||_2 / eps over probe times in every I_k (ends included). */
function slack({ Y, U0bar, epsilon, plan }: Setting): number {
  if (plan === null || plan.alpha === null) return Number.NaN;
  const U0 = U0bar.clone().mul(Math.sqrt(plan.alpha));
  let worst = 0;
  for (const { k, start, end } of plan.intervals) {
    const target = bestRankK(Y, k);
    for (const W of closedFormTrajectory(Y, { U0 }, probeTimes(start, end), { spectrum: false }).W) {
      worst = Math.max(worst, spectralNorm(W.clone().sub(target)) / epsilon);
    }
  }
  return worst;
}

/**
 * The largest alpha (capped at 1) for which the measured windows exist for every k, by doubling
 * then bisection on log alpha over the closed form, as a multiple of the theorem's alpha_max:
 * how conservative the alpha bound is. NaN if the windows are missing already at alpha_max.
 */
function measuredAlphaRatio({ Y, U0bar, epsilon }: Setting, plan: TheoremPlan): number {
  const K = plan.sigmaY.length;
  const logAlphaMax = plan.logAlphaMax!;
  const allWindows = (logAlpha: number) => {
    const measured = measuredWindows(Y, { U0: U0bar.clone().mul(Math.exp(logAlpha / 2)) }, epsilon, { gridSize: 128 });
    return measured.perRank.slice(0, K).every((rank) => rank.windows.length > 0);
  };
  if (!allWindows(logAlphaMax)) return Number.NaN;
  let low = logAlphaMax;
  let high = low;
  for (;;) {
    high = Math.min(low + 2, 0);
    if (high === low) return Math.exp(low - logAlphaMax);
    if (!allWindows(high)) break;
    low = high;
  }
  for (let iteration = 0; iteration < 12; iteration++) {
    const middle = 0.5 * (low + high);
    if (allWindows(middle)) low = middle;
    else high = middle;
  }
  return Math.exp(low - logAlphaMax);
}

function theoremSuite(theorem: 3 | 4): Suite {
  const holds = (value: Instance) => {
    const result = slack(setting(theorem, value));
    return !(result > 1 + 1e-10);
  };
  return {
    name: `theorem-${theorem}`,
    package: '@factorflow/core',
    claim:
      theorem === 3
        ? 'Thm 3: spectral init, alpha <= alpha_max: ||W(t) - Y_hat_k|| <= eps for t in every I_k (eq. (17))'
        : 'Thm 4: general init (r >= n), alpha <= alpha_max: ||W(t) - Y_hat_k|| <= eps for t in every I_k (eq. (23))',
    failureIsBug: true,
    instanceCount: (requested) => requested,
    runInstance(seed, index): InstanceOutcome {
      const own = instanceSeed(seed, this.name, index);
      const value = generate(instance, own);
      const current = setting(theorem, value);
      const { plan } = current;
      if (plan === null) return { passed: true, skipped: true, metrics: {}, detail: `seed ${own}: alpha_max outside double range` };
      const worst = slack(current);
      const metrics: Record<string, number> = { slack: worst };
      const U0 = current.U0bar.clone().mul(Math.sqrt(plan.alpha!));
      const measured = measuredWindows(current.Y, { U0 }, current.epsilon, { gridSize: 256 });
      const lengths = plan.intervals.flatMap(({ k, start, end }) => {
        const window = measured.perRank[k - 1].windows.find((w) => w.start <= start * (1 + 1e-9) && end <= w.end * (1 + 1e-9));
        return window && Number.isFinite(end) && end > start ? [(window.end - window.start) / (end - start)] : [];
      });
      if (lengths.length > 0) metrics.windowRatio = median(lengths);
      // The measured alpha bound is the expensive part: every fourth instance.
      if (index % 4 === 0) metrics.alphaRatio = measuredAlphaRatio(current, plan);
      const passed = !(worst > 1 + 1e-10);
      return {
        passed,
        metrics,
        detail: passed
          ? undefined
          : `seed ${own}: ||W - Y_hat_k|| / eps = ${worst.toFixed(6)} > 1; shrunk: ${shrink(instance, holds, own)}`,
      };
    },
    summarize(outcomes) {
      const slacks = metricValues(outcomes, 'slack');
      const windows = metricValues(outcomes, 'windowRatio');
      const alphas = metricValues(outcomes, 'alphaRatio').filter(Number.isFinite);
      return {
        metric: Math.max(...slacks),
        metricName: `worst slack ||W - Y_hat_k|| / eps (median ${median(slacks).toFixed(3)})`,
        findings: [
          `measured windows are a median ${median(windows).toFixed(2)}x the length of the guaranteed I_k (median over ${windows.length} instances of each instance's median over its intervals)`,
          `the largest alpha at which every measured window still exists is a median ${median(alphas).toExponential(1)}x alpha_max (${alphas.length} instances, bisection on the closed form)`,
        ],
      };
    },
  };
}

/** Theorem 3 (Min & Vidal 2025): incremental learning under small spectral initialization. */
export const theorem3Suite = theoremSuite(3);
/** Theorem 4 (Min & Vidal 2025): incremental learning under general small initialization. */
export const theorem4Suite = theoremSuite(4);
