/**
 * The computations behind RankKDistance: how far the flow is from each best rank-k
 * approximation of Y over time, and where it is within epsilon. Pure; runs in rankDistance.worker.ts.
 */
import { type MeasuredWindows, bestRankK, closedFormTrajectory, gaussianInit, measuredWindows, randomOrthogonal, spectralNorm, symmetricWithSpectrum } from '@factorflow/core';

import { derivedSeed } from '../shared/problems';

/** The seeded problem: Y = Q diag(2n, 2n - 2, ..., 2) Q^T with a random Q, U0 = gaussianInit(n, n, alpha, seed'). */
export interface RankProblem {
  readonly n: number;
  readonly seed: number;
  readonly epsilon: number;
  readonly log10Alpha: number;
}

export type RankRequest =
  | ({ readonly kind: 'distances'; readonly times: Float64Array } & RankProblem)
  | ({ readonly kind: 'windows' } & RankProblem);

export type RankResult =
  | { readonly kind: 'distances'; readonly n: number; readonly times: Float64Array; readonly distances: Float64Array; readonly spectrum: Float64Array }
  | { readonly kind: 'windows'; readonly windows: MeasuredWindows };

/** The eigenvalues 2n, 2n - 2, ..., 2: distinct and evenly spaced, (10, 8, 6, 4, 2) at n = 5. */
export function rankSpectrum(n: number): number[] {
  return Array.from({ length: n }, (_, i) => 2 * (n - i));
}

function problemMatrices(problem: RankProblem): { Y: number[][]; U0: ReturnType<typeof gaussianInit> } {
  const Y = symmetricWithSpectrum(randomOrthogonal(problem.n, problem.seed), rankSpectrum(problem.n)).to2DArray();
  const U0 = gaussianInit(problem.n, problem.n, 10 ** problem.log10Alpha, derivedSeed(problem.seed, 1));
  return { Y, U0 };
}

/**
 * ||W(t) - Y_hat_k||_2 for k = 1..n on `times`, with W(t) from the closed form (Proposition 1,
 * eq. (5)) and Y_hat_k = bestRankK(Y, k) (eq. (17)); stored at [(k - 1) * times.length + j].
 */
export function computeDistances(problem: RankProblem, times: Float64Array): RankResult {
  const { n } = problem;
  const { Y, U0 } = problemMatrices(problem);
  const approximations = Array.from({ length: n }, (_, k) => bestRankK(Y, k + 1).to2DArray());
  const { W } = closedFormTrajectory(Y, { U0 }, times, { spectrum: false });
  const count = times.length;
  const distances = new Float64Array(n * count);
  for (let j = 0; j < count; j++) {
    const Wj = W[j].to2DArray();
    for (let k = 0; k < n; k++) {
      const target = approximations[k];
      distances[k * count + j] = spectralNorm(Wj.map((row, a) => row.map((value, b) => value - target[a][b])));
    }
  }
  return { kind: 'distances', n, times, distances, spectrum: Float64Array.from(rankSpectrum(n)) };
}

/** The measured windows ||W(t) - Y_hat_k||_2 <= epsilon (measuredWindows) for the same problem. */
export function computeRankWindows(problem: RankProblem): RankResult {
  const { Y, U0 } = problemMatrices(problem);
  return { kind: 'windows', windows: measuredWindows(Y, { U0 }, problem.epsilon, { gridSize: 256, relativeTolerance: 1e-7 }) };
}
