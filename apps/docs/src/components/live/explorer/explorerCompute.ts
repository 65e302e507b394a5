/**
 * The computations behind IncrementalExplorer, free of React and the DOM: they run in
 * explorer.worker.ts and windows.worker.ts, apart from the slicing of the full grid into passes
 * (curvePasses) and its reassembly (assembleChunk), which the page does.
 */
import {
  type CertifiedWindows,
  type MeasuredWindows,
  type TheoremPlan,
  certifiedWindows,
  closedFormTrajectory,
  gaussianInit,
  measuredWindows,
  scalarTrajectory,
  spectralInit,
  theorem3Plan,
  theorem4Plan,
} from '@factorflow/core';

import { errorMessage } from '../shared/problems';
import { diagonalMatrix } from './spectrum';

/** "spectral": U0bar = Phi diag(sqrt(sigma_0)), sigma_0 = 1 (Theorem 3); "gaussian": iid N(0, 1) U0bar (Theorem 4). */
export type InitShape = 'spectral' | 'gaussian';

/** One point of the explorer's controls. */
export interface ExplorerProblem {
  /** Eigenvalues of Y, decreasing, >= 0. */
  readonly values: readonly number[];
  readonly init: InitShape;
  readonly epsilon: number;
  readonly log10Alpha: number;
  /** Seed of the Gaussian shape U0bar = gaussianInit(n, n, 1, seed). */
  readonly seed: number;
}

/** A request for the curves sigma_i(W(t)) on a time grid. */
export interface CurvesRequest extends ExplorerProblem {
  readonly times: Float64Array;
  /** Whether to (re)compute the theorem's plan; the later passes of a submission reuse the first. */
  readonly withPlan: boolean;
  /** Set when `times` is the slice [offset, offset + times.length) of a grid of `total` times. */
  readonly chunk?: { readonly offset: number; readonly total: number };
}

/** The curves and, when requested, the plan of Theorem 3 or 4 at this alpha. */
export interface CurvesResult {
  readonly times: Float64Array;
  readonly n: number;
  /** sigma_i(W(t_j)) at [i * times.length + j]: one contiguous row per eigenvalue index i. */
  readonly eigenvalues: Float64Array;
  readonly plan: TheoremPlan | null;
  /** Why there is no plan (e.g. epsilon > sigma_K), when `withPlan` was set. */
  readonly planError: string | null;
}

/**
 * sigma_i(W(t)) on `times`. Spectral shape: W(t) stays diagonal in Y's eigenbasis and each
 * eigenvalue follows eq. (12) of Min & Vidal (2025) (Corollary 2) on its own, so this is n
 * scalar evaluations per time. Gaussian shape: the closed form of Proposition 1, eq. (5), whose
 * spectrum costs an r x r decomposition per time.
 */
export function computeCurves(request: CurvesRequest): CurvesResult {
  const { values, init, times } = request;
  const n = values.length;
  const alpha = 10 ** request.log10Alpha;
  const count = times.length;
  const eigenvalues = new Float64Array(n * count);
  if (init === 'spectral') {
    for (let i = 0; i < n; i++) {
      const mode = { sigmaY: values[i], sigma0: 1, alpha };
      for (let j = 0; j < count; j++) eigenvalues[i * count + j] = scalarTrajectory(mode, times[j]);
    }
  } else {
    const U0 = gaussianInit(n, n, alpha, request.seed);
    const { eigenvaluesW } = closedFormTrajectory(diagonalMatrix(values), { U0 }, times, { matrices: false });
    for (let j = 0; j < count; j++) {
      const spectrum = eigenvaluesW[j];
      for (let i = 0; i < n; i++) eigenvalues[i * count + j] = spectrum[i];
    }
  }
  let plan: TheoremPlan | null = null;
  let planError: string | null = null;
  if (request.withPlan) {
    try {
      plan = planFor(request, alpha);
    } catch (error) {
      planError = errorMessage(error);
    }
  }
  return { times, n, eigenvalues, plan, planError };
}

/** Theorem 3 (spectral shape, sigma_0 = 1) or Theorem 4 (Gaussian shape) at this alpha. */
function planFor(problem: ExplorerProblem, alpha: number): TheoremPlan {
  const { values, epsilon } = problem;
  if (problem.init === 'spectral') {
    return theorem3Plan({ sigmaY: values, sigma0: values.map(() => 1), epsilon, alpha });
  }
  return theorem4Plan({ Y: diagonalMatrix(values), U0bar: gaussianInit(values.length, values.length, 1, problem.seed), epsilon, alpha });
}

/** Above this n a Gaussian submission first draws a coarse grid: the full one costs ~n^3 per time. */
const COARSE_ABOVE_N = 12;
const COARSE_POINTS = 8;
/**
 * Target compute time of one refinement pass. The worker cannot be interrupted inside a pass, so
 * this is also how long a new slider position may wait behind an outdated refinement.
 */
const PASS_BUDGET_MS = 8;

/**
 * The passes of one submission. Spectral shape, or Gaussian at small n: one pass on the full grid.
 * Gaussian at larger n: a coarse grid with the plan first (drawn at once), then the full grid in
 * slices of about PASS_BUDGET_MS each. The worker cannot be interrupted inside a pass, so slicing
 * bounds how long a newer slider position waits behind an outdated refinement.
 */
export function curvePasses(problem: ExplorerProblem, times: Float64Array, coarseTimes: (count: number) => Float64Array): CurvesRequest[] {
  const n = problem.values.length;
  if (problem.init === 'spectral' || n <= COARSE_ABOVE_N) return [{ ...problem, times, withPlan: true }];
  // About 1.1 ms per time at n = 50 in Node (1.03 ms of CPU by scripts/explorer-timing.ts: 0.3 ms
  // for the factor's structured QR and F = B R^{-1}, 0.7 ms for its singular values), scaling as n^3.
  const perTimeMs = 1.1 * (n / 50) ** 3;
  const size = Math.max(8, Math.min(times.length, Math.floor(PASS_BUDGET_MS / perTimeMs)));
  const passes: CurvesRequest[] = [{ ...problem, times: coarseTimes(COARSE_POINTS), withPlan: true }];
  for (let offset = 0; offset < times.length; offset += size) {
    passes.push({ ...problem, times: times.slice(offset, offset + size), withPlan: false, chunk: { offset, total: times.length } });
  }
  return passes;
}

/** The full grid of a chunked submission, filled pass by pass. */
export interface ChunkBuffer {
  readonly key: string;
  readonly times: Float64Array;
  readonly eigenvalues: Float64Array;
  filled: number;
}

/**
 * Copies one slice into the buffer for its problem (restarting it for a new problem) and returns
 * the full-grid result once every slice is in, else null.
 */
export function assembleChunk(
  buffer: { current: ChunkBuffer | null },
  key: string,
  request: CurvesRequest,
  slice: CurvesResult,
): CurvesResult | null {
  const chunk = request.chunk;
  if (chunk === undefined) return slice;
  const n = slice.n;
  if (buffer.current === null || buffer.current.key !== key || chunk.offset === 0) {
    buffer.current = { key, times: new Float64Array(chunk.total), eigenvalues: new Float64Array(n * chunk.total), filled: 0 };
  }
  const target = buffer.current;
  const count = slice.times.length;
  target.times.set(slice.times, chunk.offset);
  for (let i = 0; i < n; i++) target.eigenvalues.set(slice.eigenvalues.subarray(i * count, (i + 1) * count), i * chunk.total + chunk.offset);
  target.filled += count;
  if (target.filled < chunk.total) return null;
  buffer.current = null;
  return { times: target.times, n, eigenvalues: target.eigenvalues, plan: null, planError: null };
}

/** A request for the measured windows; `gridSize` trades accuracy against seconds at large n. */
export interface WindowsRequest extends ExplorerProblem {
  readonly gridSize: number;
  /** Certify the windows (certifiedWindows) instead of only measuring them: the later, slower pass. */
  readonly certify?: boolean;
}

/** The reply of the windows worker: the measured windows, or (second pass) the certified ones. */
export type WindowsReply = { readonly kind: 'measured'; readonly windows: MeasuredWindows } | { readonly kind: 'certified'; readonly certified: CertifiedWindows };

/**
 * The windows where ||W(t) - Y_hat_k||_2 <= epsilon actually holds (measuredWindows, the
 * conclusion (17)/(23) of Theorems 3 and 4), for the same W(0) as the curves.
 */
export function computeWindows(request: WindowsRequest): WindowsReply {
  const { values, epsilon, gridSize } = request;
  const n = values.length;
  const alpha = 10 ** request.log10Alpha;
  const Y = diagonalMatrix(values);
  const U0 = request.init === 'spectral' ? spectralInit(Y, values.map(() => 1), alpha) : gaussianInit(n, n, alpha, request.seed);
  // The certified windows (issue 20): where the conclusion is proved for every t, inside the measured ones.
  if (request.certify === true) return { kind: 'certified', certified: certifiedWindows(Y, { U0 }, epsilon) };
  return { kind: 'measured', windows: measuredWindows(Y, { U0 }, epsilon, { gridSize, relativeTolerance: 1e-7 }) };
}

/**
 * Grid of the window search: the default 512 up to n = 20; above, every grid point costs an n x n
 * eigenvalue computation for each of the K ranks, and 128 points (dips between grid points are
 * still found by golden-section search) keep the search under a second at n = 50.
 */
export function windowsGridSize(n: number): number {
  return n <= 20 ? 512 : 128;
}
