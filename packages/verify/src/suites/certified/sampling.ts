/**
 * The independent check of a certificate: sample ||W(t) - Y_hat_k||_2 densely inside each certified
 * window (W(t) from the floating-point closed form of Proposition 1, eq. (5); Y_hat_k the best rank-k
 * approximation of eq. (17) in Min & Vidal 2025), and most densely near the window's ends, where
 * the distance crosses epsilon and an over-long certificate would first show.
 */
import type { Matrix } from 'ml-matrix';

import { type TimeWindow, bestRankK, closedFormTrajectory, spectralNorm } from '@factorflow/core';

/** Evenly spaced samples across a finite window (ends included). */
const UNIFORM = 48;
/** Samples at end +- length 2^-j, j = 1..END_LEVELS: down to 1e-12 of the window's length from each end. */
const END_LEVELS = 40;
/** An unbounded window is sampled at start + 2^j / sigma_K, j = -END_LEVELS..TAIL_LEVELS: far into the saturated flow. */
const TAIL_LEVELS = 24;

/**
 * How far above epsilon a sample may lie before it counts as a violation, as a multiple of ||Y||_2:
 * the accuracy of the sampled closed form itself (within 1e-10 ||Y|| of a 400-19,400-digit mpmath
 * evaluation for sigma_1 t up to 1e4, packages/core/scripts/closed_form_reference.py). A sample
 * cannot tell apart values closer than that to epsilon; the worst ratio is reported in full.
 */
export const SAMPLING_ACCURACY = 1e-10;

/**
 * The sample times of a window: uniform across it and geometrically dense towards both ends; for
 * an unbounded window, geometric steps of scale 1 / sigmaK away from its start.
 */
export function sampleTimes(window: TimeWindow, sigmaK: number): number[] {
  const { start, end } = window;
  const times = new Set<number>([start]);
  if (!Number.isFinite(end)) {
    for (let j = -END_LEVELS; j <= TAIL_LEVELS; j++) times.add(start + 2 ** j / sigmaK);
    return [...times].sort((a, b) => a - b);
  }
  const length = end - start;
  for (let i = 0; i <= UNIFORM; i++) times.add(start + (length * i) / UNIFORM);
  for (let j = 1; j <= END_LEVELS; j++) {
    times.add(start + length * 2 ** -j);
    times.add(end - length * 2 ** -j);
  }
  times.add(end);
  return [...times].filter((t) => t >= start && t <= end).sort((a, b) => a - b);
}

/** The worst sample of one rank's certified windows. */
export interface SampledRank {
  readonly k: number;
  /** Samples taken over the rank's certified windows. */
  readonly samples: number;
  /** Largest sampled ||W(t) - Y_hat_k||_2 / epsilon (0 when the rank has no certified window). */
  readonly worstRatio: number;
  /** Time of that sample (NaN when none). */
  readonly worstAt: number;
}

/**
 * Samples every certified window of every rank; W(t) for all the times of one rank in one call of
 * the closed form, so the eigendecomposition of Y is shared.
 */
export function sampleCertified(
  Y: Matrix,
  U0: Matrix,
  epsilon: number,
  perRank: readonly { readonly k: number; readonly certified: readonly TimeWindow[] }[],
  sigmaK: number,
): SampledRank[] {
  return perRank.map(({ k, certified }) => {
    const times = certified.flatMap((window) => sampleTimes(window, sigmaK));
    if (times.length === 0) return { k, samples: 0, worstRatio: 0, worstAt: Number.NaN };
    const target = bestRankK(Y, k);
    const { W } = closedFormTrajectory(Y, { U0 }, times, { spectrum: false });
    let worstRatio = 0;
    let worstAt = Number.NaN;
    W.forEach((Wt, index) => {
      const ratio = spectralNorm(Wt.clone().sub(target)) / epsilon;
      if (ratio > worstRatio || Number.isNaN(worstAt)) {
        worstRatio = ratio;
        worstAt = times[index];
      }
    });
    return { k, samples: times.length, worstRatio, worstAt };
  });
}
