/**
 * The computations behind RankKDistance: how far the flow is from each best rank-k
 * approximation of Y over time, where it is within epsilon, and what Theorem 3 or 4 guarantees.
 * Pure; runs in rankDistance.worker.ts.
 */
import {
  type CertifiedWindows,
  type MeasuredWindows,
  type TheoremPlan,
  bestRankK,
  certifiedWindows,
  closedFormTrajectory,
  gaussianInit,
  measuredWindows,
  randomOrthogonal,
  spectralInit,
  spectralNorm,
  symmetricWithSpectrum,
  theorem3Plan,
  theorem4Plan,
} from '@factorflow/core';

import { derivedSeed, errorMessage } from '../shared/problems';

/**
 * "spectral": U0 = alpha^{1/2} Phi (sigma_{i,0} = 1), Theorem 3's setting; "gaussian": U0 =
 * alpha^{1/2} U0bar with iid N(0, 1) entries, Theorem 4's.
 */
export type RankInit = 'spectral' | 'gaussian';

/** The seeded problem: Y = Q diag(2n, 2n - 2, ..., 2) Q^T with a random Q, U0 of the chosen shape (seed + 1). */
export interface RankProblem {
  readonly n: number;
  readonly init: RankInit;
  readonly seed: number;
  readonly epsilon: number;
  readonly log10Alpha: number;
}

export type RankRequest =
  | ({ readonly kind: 'distances'; readonly times: Float64Array } & RankProblem)
  | ({ readonly kind: 'windows' } & RankProblem)
  | ({ readonly kind: 'certified' } & RankProblem);

export type RankResult =
  | {
      readonly kind: 'distances';
      readonly n: number;
      readonly times: Float64Array;
      readonly distances: Float64Array;
      readonly spectrum: Float64Array;
      /** Theorem 3's plan (spectral shape) or Theorem 4's (Gaussian) at this alpha, or why there is none. */
      readonly plan: TheoremPlan | null;
      readonly planError: string | null;
    }
  | { readonly kind: 'windows'; readonly windows: MeasuredWindows }
  | { readonly kind: 'certified'; readonly certified: CertifiedWindows };

/** The eigenvalues 2n, 2n - 2, ..., 2: distinct and evenly spaced, (10, 8, 6, 4, 2) at n = 5. */
export function rankSpectrum(n: number): number[] {
  return Array.from({ length: n }, (_, i) => 2 * (n - i));
}

function problemMatrices(problem: RankProblem): { Y: number[][]; U0: ReturnType<typeof gaussianInit> } {
  const { n } = problem;
  const Y = symmetricWithSpectrum(randomOrthogonal(n, problem.seed), rankSpectrum(n)).to2DArray();
  const alpha = 10 ** problem.log10Alpha;
  const U0 = problem.init === 'spectral' ? spectralInit(Y, Array(n).fill(1), alpha) : gaussianInit(n, n, alpha, derivedSeed(problem.seed, 1));
  return { Y, U0 };
}

/** The plan of the theorem that covers the shape, at the problem's alpha. */
function planFor(problem: RankProblem, Y: number[][]): TheoremPlan {
  const { n, epsilon } = problem;
  const alpha = 10 ** problem.log10Alpha;
  if (problem.init === 'spectral') return theorem3Plan({ sigmaY: rankSpectrum(n), sigma0: Array(n).fill(1), epsilon, alpha });
  return theorem4Plan({ Y, U0bar: gaussianInit(n, n, 1, derivedSeed(problem.seed, 1)), epsilon, alpha });
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
  let plan: TheoremPlan | null = null;
  let planError: string | null = null;
  try {
    plan = planFor(problem, Y);
  } catch (error) {
    planError = errorMessage(error);
  }
  return { kind: 'distances', n, times, distances, spectrum: Float64Array.from(rankSpectrum(n)), plan, planError };
}

/** The measured windows ||W(t) - Y_hat_k||_2 <= epsilon (measuredWindows) for the same problem. */
export function computeRankWindows(problem: RankProblem): RankResult {
  const { Y, U0 } = problemMatrices(problem);
  return { kind: 'windows', windows: measuredWindows(Y, { U0 }, problem.epsilon, { gridSize: 256, relativeTolerance: 1e-7 }) };
}

/**
 * The certified windows (certifiedWindows, issue 20): where ||W(t) - Y_hat_k||_2 <= epsilon is
 * proved for every t (Min & Vidal 2025, conclusion (17)/(23) of Theorems 3 and 4), inside the
 * measured windows of the same problem. The slowest pass, so it runs last and a newer slider
 * position supersedes it before it starts.
 */
export function computeCertifiedWindows(problem: RankProblem): RankResult {
  const { Y, U0 } = problemMatrices(problem);
  return { kind: 'certified', certified: certifiedWindows(Y, { U0 }, problem.epsilon) };
}
