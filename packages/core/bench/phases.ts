/**
 * Where the time of bench/kernels.ts goes: each phase of the eigendecomposition and of the closed
 * form of Proposition 1 (Min & Vidal 2025, eq. (5)) timed by calling its own function on the same
 * inputs, in CPU seconds (bench/kernels_numpy.py times numpy's and LAPACK's matching calls). Not a
 * sampling profile: `--profile` in kernels.ts writes one of those.
 */
import type { Matrix } from 'ml-matrix';

import { type Initialization, riccatiModel } from '../src/flow/riccatiModel.js';
import { assembleW, createWorkspace, solveFactorInto, stackedQrInto } from '../src/flow/riccati.js';
import { tridiagonalEigenvectors } from '../src/linalg/divideConquer.js';
import { applyReflectors, tridiagonalize } from '../src/linalg/householder.js';
import { factorSpectrum, prepareTarget } from '../src/linalg/spectral.js';

/** The phase names, shared with kernels_numpy.py (its results are keyed by them). */
export const EIGEN_PHASES = ['tridiagonalization', 'divide and conquer', 'applying Q'] as const;
export const ONCE_PHASES = ['eigendecomposition', 'factor'] as const;
export const PER_TIME_PHASES = ['structured QR', 'triangular solve', 'assemble W', 'singular values'] as const;

/** Seconds per phase name. */
export type PhaseSeconds = Record<string, number>;

/** CPU seconds of this process (user + system), as kernels.ts times whole cases. */
export function cpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

/**
 * Runs `pass` (which adds each phase's seconds into the record it is given) at least once and
 * again until `budget` seconds have passed, and keeps each phase's smallest total over the passes.
 */
export function bestPhases(pass: (into: PhaseSeconds) => void, budget: number): PhaseSeconds {
  const best: PhaseSeconds = {};
  let spent = 0;
  do {
    const into: PhaseSeconds = {};
    const start = cpuSeconds();
    pass(into);
    spent += cpuSeconds() - start;
    for (const [name, seconds] of Object.entries(into)) best[name] = Math.min(best[name] ?? Infinity, seconds);
  } while (spent < budget);
  return best;
}

/** Times `run` into `into[name]` (added, so that per-time phases sum over the times) and returns its result. */
function timed<T>(into: PhaseSeconds, name: string, run: () => T): T {
  const start = cpuSeconds();
  const result = run();
  into[name] = (into[name] ?? 0) + cpuSeconds() - start;
  return result;
}

/**
 * The three phases of symmetricEigenpairs (linalg/eigenpairs.ts) on the row-major symmetric n x n
 * `a`: tridiagonalization, T's eigenvectors by divide and conquer, and Q applied to them from its reflectors.
 */
export function eigenPhases(a: Float64Array, n: number, budget: number): PhaseSeconds {
  return bestPhases((into) => {
    const work = a.slice();
    const tridiagonal = timed(into, 'tridiagonalization', () => tridiagonalize(work, n, true));
    const vectors = timed(into, 'divide and conquer', () => tridiagonalEigenvectors(tridiagonal.diagonal.slice(), tridiagonal.offDiagonal.slice()));
    timed(into, 'applying Q', () => applyReflectors(tridiagonal, n, vectors));
  }, budget);
}

/**
 * The phases of closedFormTrajectory (`spectrum` true) or riccatiClosedForm (false) from the raw Y:
 * the eigendecomposition and the pivoted factor once, then per time the structured QR, F = B R^{-1},
 * W = (Phi F)(Phi F)^T and, for the trajectory, the singular values of F, summed over the times.
 */
export function closedFormPhases(Y: Matrix, init: Initialization, times: readonly number[], spectrum: boolean, budget: number): PhaseSeconds {
  return bestPhases((into) => {
    const target = timed(into, 'eigendecomposition', () => prepareTarget(Y));
    const model = timed(into, 'factor', () => riccatiModel(target, init));
    const work = createWorkspace(model);
    for (const t of times) {
      timed(into, 'structured QR', () => stackedQrInto(model, t, work));
      const F = timed(into, 'triangular solve', () => solveFactorInto(work, model.n, model.rank));
      timed(into, 'assemble W', () => assembleW(model, F, work));
      if (spectrum) timed(into, 'singular values', () => factorSpectrum(F, model.n, model.rank));
    }
  }, budget);
}
