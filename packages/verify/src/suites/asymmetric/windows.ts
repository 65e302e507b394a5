/**
 * Incremental learning of singular values for the asymmetric flow from a small balanced start
 * (issue 19; our extension of Theorems 3 and 4 of Min & Vidal 2025 through the symmetric lift):
 * the measured windows where ||X(t) - Y_hat_k||_2 <= eps, with Y_hat_k the best rank-k
 * approximation of the m x n target.
 */
import type { MeasuredWindows } from '@factorflow/core';

/** What the measured windows of one instance show. */
export interface WindowFindings {
  /** The ranks k <= min(r, K) with no window: incremental learning missed a singular value. */
  readonly missing: number[];
  /** The ranks k > r with a window: impossible, since rank X(t) <= r (a bug in the numerics). */
  readonly impossible: number[];
  /** The ranks k >= 2 whose first window starts before the first window of k - 1 has ended. */
  readonly unordered: number[];
  /** For each k >= 2 with both windows: start of k's first window / start of (k-1)'s (the ratio of the learning times). */
  readonly startRatios: number[];
}

/**
 * Reads a result of core's `asymmetricWindows` for a factor width r and eps below half of every
 * gap sigma_k - sigma_{k+1} (sigma_{K+1} = 0).
 *
 * - k > r: X(t) has rank at most r, so ||X - Y_hat_k||_2 >= sigma_{r+1}(Y) > eps (Weyl's
 *   inequality): such a window is impossible.
 * - Windows of k - 1 and k cannot overlap: at a common t, sigma_k = ||Y_hat_k - Y_hat_{k-1}||_2 <= 2 eps.
 *   So "k is learned after k - 1" is that k's first window starts at or after the end of k - 1's
 *   first window; a reversed order would be a failure of incremental learning (largest first).
 * - k <= min(r, K): a window is expected at small alpha (the claim under test).
 */
export function readWindows(measured: MeasuredWindows, r: number): WindowFindings {
  const ranks = measured.perRank;
  const learnable = Math.min(r, measured.K);
  const missing = ranks.filter((rank) => rank.k <= learnable && rank.windows.length === 0).map((rank) => rank.k);
  const impossible = ranks.filter((rank) => rank.k > r && rank.windows.length > 0).map((rank) => rank.k);
  const unordered: number[] = [];
  const startRatios: number[] = [];
  for (let i = 1; i < ranks.length; i++) {
    const previous = ranks[i - 1].windows[0];
    const current = ranks[i].windows[0];
    if (previous === undefined || current === undefined) continue;
    if (current.start < previous.end) unordered.push(ranks[i].k);
    if (previous.start > 0) startRatios.push(current.start / previous.start);
  }
  return { missing, impossible, unordered, startRatios };
}

/** eps = fraction x half the smallest gap between consecutive singular values of Y (sigma_{K+1} = 0). */
export function windowEpsilon(sigmaY: readonly number[], fraction: number): number {
  const gaps = sigmaY.map((value, k) => value - (sigmaY[k + 1] ?? 0));
  return (fraction * Math.min(...gaps)) / 2;
}
