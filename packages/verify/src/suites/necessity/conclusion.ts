/**
 * The conclusion (17)/(23) of Theorems 3 and 4 evaluated on a case, with the I_k of eq. (16) from
 * the theorem's own formulas on the (possibly violating) instance. The conclusion breaks when, for
 * some k,
 * - I_k is non-empty (after clipping to t >= 0) and some probe t in I_k (both ends and seven
 *   interior points, or a geometric tail for I_K) has ||W(t) - Y_hat_k||_2 > eps (1 + 1e-6); or
 * - I_k is empty (the violation can empty it) and no t >= 0 at all has ||W(t) - Y_hat_k||_2 <= eps
 *   (core's measuredWindows, confirmed by a local grid + golden-section search; margin 1e-6), i.e.
 *   rank-k incremental learning does not happen, whatever the interval.
 * When Y has a repeated singular value sigma_j = sigma_{j+1}, Y_hat_j is not unique: the distance is
 * the best case, the minimum of ||W(t) - Y_hat_j|| over every best rank-j approximation (a rotation
 * angle in the repeated eigenspace), so a break is a break for every choice.
 */
import {
  eigenbasisFactorEvaluator,
  goldenSectionMinimum,
  learningIntervals,
  measuredWindows,
  riccatiModel,
  spectralNorm,
} from '@factorflow/core';

import type { Case } from './cases.js';

/** Relative slack above eps that counts as a break (rounding of the closed form and the norms). */
const TOLERANCE = 1e-6;
/**
 * Relative margin above eps for a break by "no window at all" (an empty I_k): the searches for the
 * closest approach are accurate far beyond it, so such a break is not a grid artifact.
 */
const WINDOW_MARGIN = TOLERANCE;
/** Grid of measuredWindows for the ranks whose I_k is empty. */
const GRID = 256;

/** What evaluating the conclusion (17)/(23) on a case found. */
export interface Verdict {
  readonly breaks: boolean;
  /** Where: the rank k, and the time or 'no window'. */
  readonly reason: string;
  /** Largest ||W(t) - Y_hat_k|| / eps over the probes of the non-empty I_k that were checked. */
  readonly worstRatio: number;
  /** Number of k whose I_k was empty. */
  readonly emptyIntervals: number;
}

/** ||W(t) - Y_hat_k||_2 at time t for rank k; `thorough` also refines the best case over a tie. */
type Distance = (t: number, k: number, thorough?: boolean) => number;

/**
 * Evaluates the conclusion (17)/(23) on a case, with the break rule of the module comment.
 * Distances are computed in Y's eigenbasis from the stable closed form of Proposition 1 (core's
 * eigenbasisFactorEvaluator), where Y_hat_k = diag(sigma_1..sigma_k, 0..0).
 */
export function evaluate(value: Case): Verdict {
  const { sigmaY, K, tie, Y, U0bar, epsilon, logAlpha, quantities } = value;
  const U0 = U0bar.clone().mul(Math.exp(logAlpha / 2));
  const distance = distanceOf(value, U0);
  let worstRatio = 0;
  let emptyIntervals = 0;
  let measured: ReturnType<typeof measuredWindows> | null = null;
  const intervals = learningIntervals(Float64Array.from(sigmaY.slice(0, K)), quantities.logC, quantities.logc, logAlpha);
  for (const { k, start, end, nonEmpty } of intervals) {
    const low = Math.max(start, 0);
    if (nonEmpty && end >= 0) {
      for (const t of probes(low, Math.max(end, low), sigmaY[K - 1])) {
        const ratio = distance(t, k) / epsilon;
        worstRatio = Math.max(worstRatio, ratio);
        if (ratio > 1 + TOLERANCE) {
          return {
            breaks: true,
            reason: `k=${k}: ||W(t) - Y_hat_k|| = ${ratio.toPrecision(7)} eps at t=${t.toPrecision(4)} in I_k = [${start.toPrecision(4)}, ${end.toPrecision(4)}]`,
            worstRatio,
            emptyIntervals,
          };
        }
      }
      continue;
    }
    emptyIntervals++;
    // An empty I_k breaks the conclusion only if no t >= 0 at all has ||W(t) - Y_hat_k|| <= eps. Both
    // searches below return upper bounds on the true closest approach (values actually attained), so
    // a break needs them to stay above eps by WINDOW_MARGIN: a resolution artifact cannot fake one.
    let closest = Number.POSITIVE_INFINITY;
    if (!(tie > 0 && k === tie)) {
      measured ??= measuredWindows(Y, { U0 }, epsilon, { gridSize: GRID });
      const rankWindows = measured.perRank[k - 1];
      closest = rankWindows.windows.length > 0 ? 0 : rankWindows.closestApproach;
    }
    if (closest > epsilon) closest = Math.min(closest, closestApproach(distance, k, logAlpha, sigmaY, K, epsilon));
    if (closest > epsilon * (1 + WINDOW_MARGIN)) {
      return {
        breaks: true,
        reason: `k=${k}: I_k is empty and no t >= 0 has ||W(t) - Y_hat_k|| <= eps (closest approach ${(closest / epsilon).toPrecision(7)} eps${tie === k ? ', best case over the repeated eigenspace' : ''})`,
        worstRatio,
        emptyIntervals,
      };
    }
  }
  return { breaks: false, reason: 'conclusion holds', worstRatio, emptyIntervals };
}

/** ||W(t) - Y_hat_k||_2 for U(0) = U0, in Y's eigenbasis, with the best case over a tie. */
function distanceOf({ sigmaY, tie, Y }: Case, U0: Case['U0bar']): Distance {
  const n = sigmaY.length;
  const model = riccatiModel(Y, { U0 });
  const factorAt = eigenbasisFactorEvaluator(model);
  const rank = model.rank;
  /** Phi^T W(t) Phi - diag(target), with target = sigma_1..sigma_k (without the tie's j-th when tied). */
  const difference = (t: number, k: number): number[][] => {
    const F = factorAt(t);
    return Array.from({ length: n }, (_, a) =>
      Array.from({ length: n }, (_, b) => {
        let sum = 0;
        for (let j = 0; j < rank; j++) sum += F[a * rank + j] * F[b * rank + j];
        const targeted = a < k && !(tie > 0 && k === tie && a === tie - 1);
        return a === b && targeted ? sum - sigmaY[a] : sum;
      }),
    );
  };
  /** Best case over the tie: min over v = (cos theta, sin theta) in the plane of (j, j+1) of ||D - sigma_j v v^T||. */
  const tieNorm = (base: number[][], thorough: boolean): number => {
    const p = tie - 1;
    const sigma = sigmaY[p];
    const at = (theta: number) => {
      const c = Math.cos(theta);
      const s = Math.sin(theta);
      const matrix = base.map((row) => [...row]);
      matrix[p][p] -= sigma * c * c;
      matrix[p + 1][p + 1] -= sigma * s * s;
      matrix[p][p + 1] -= sigma * c * s;
      matrix[p + 1][p] -= sigma * c * s;
      return spectralNorm(matrix);
    };
    // The top eigenvector of the tie block of W: the natural choice.
    const guess = 0.5 * Math.atan2(2 * base[p][p + 1], base[p][p] - base[p + 1][p + 1]);
    let best = at(guess);
    if (!thorough) return best;
    let bestTheta = guess;
    for (let i = 0; i < 24; i++) {
      const theta = (i * Math.PI) / 24;
      const trial = at(theta);
      if (trial < best) {
        best = trial;
        bestTheta = theta;
      }
    }
    return Math.min(best, goldenSectionMinimum(at, bestTheta - Math.PI / 24, bestTheta + Math.PI / 24, { iterations: 30, relativeTolerance: 0 }).value);
  };
  return (t, k, thorough = true) => {
    const base = difference(t, k);
    return tie > 0 && k === tie ? tieNorm(base, thorough) : spectralNorm(base);
  };
}

/** Probe times in [start, end]: both ends and seven interior points, or a geometric tail when end = Infinity. */
function probes(start: number, end: number, sigmaK: number): number[] {
  if (!Number.isFinite(end)) {
    const unit = 1 / sigmaK;
    return [start, 1.5 * start + 0.5 * unit, 4 * start + 2 * unit, 100 * start + 50 * unit];
  }
  return Array.from({ length: 9 }, (_, i) => start + ((end - start) * i) / 8);
}

/**
 * min over t >= 0 of ||W(t) - Y_hat_k|| (for a repeated value, also over the repeated eigenspace):
 * a 400-point grid up to past the last transition (for the repeated value with the natural choice
 * of Y_hat_k, an upper bound), then golden-section refinement in t of the best-case distance around
 * the three best grid minima. Every value returned is attained: an upper bound on the minimum.
 */
function closestApproach(distance: Distance, k: number, logAlpha: number, sigmaY: readonly number[], K: number, epsilon: number): number {
  const horizon = 1.25 * Math.max(1 / sigmaY[K - 1], (Math.abs(logAlpha) + 2 * Math.abs(Math.log(sigmaY[0] / epsilon)) + 30) / (2 * sigmaY[K - 1]));
  const points = 400;
  const grid = Array.from({ length: points + 1 }, (_, i) => (i * horizon) / points);
  const values = grid.map((t) => distance(t, k, false));
  let closest = Math.min(...values);
  if (closest <= epsilon) return closest;
  const minima = grid
    .map((_, i) => i)
    .filter((i) => (i === 0 || values[i] <= values[i - 1]) && (i === points || values[i] <= values[i + 1]))
    .sort((a, b) => values[a] - values[b])
    .slice(0, 3);
  for (const i of minima) {
    const refined = goldenSectionMinimum((t) => distance(t, k, true), grid[Math.max(i - 1, 0)], grid[Math.min(i + 1, points)], {
      iterations: 40,
      relativeTolerance: 0,
    });
    closest = Math.min(closest, refined.value, distance(grid[i], k, true));
    if (closest <= epsilon) return closest;
  }
  return closest;
}
