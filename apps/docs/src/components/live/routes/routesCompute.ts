/**
 * The computations behind RouteComparison: W(t) by three independent routes for one seeded
 * problem, and how far apart they are. Pure; runs in routes.worker.ts.
 */
import { compareRoutes, gaussianInit, prepareTarget } from '@factorflow/core';

import { derivedSeed, saturationTime } from '../shared/problems';

export interface RoutesRequest {
  /** Dimension of Y, 2..8. */
  readonly n: number;
  /** Columns of U0, 1..n (r < n: rank-deficient W0, Remark III-C2). */
  readonly r: number;
  /** Y = G G^T / n (PSD) or (G + G^T) / (2 sqrt(n)) (indefinite). */
  readonly psd: boolean;
  readonly seed: number;
  readonly log10Alpha: number;
  /** Gradient-descent step size. */
  readonly eta: number;
}

export interface RoutesResult {
  readonly n: number;
  readonly times: Float64Array;
  /** Eigenvalues of W(t) per route, at [i * times.length + j]. */
  readonly closed: Float64Array;
  readonly ode: Float64Array;
  readonly gd: Float64Array;
  /** ||W_route(t_j) - W_closed(t_j)||_2 / ||Y||_2 per time. */
  readonly odeErrors: Float64Array;
  readonly gdErrors: Float64Array;
  readonly eigenvaluesY: Float64Array;
  readonly gdSteps: number;
  readonly odeSteps: number;
}

/**
 * A seeded random symmetric Y: G G^T / n (PSD, eigenvalues O(1)) or (G + G^T) / (2 sqrt(n))
 * (indefinite, semicircle-like spectrum in about [-sqrt(2), sqrt(2)]), G with iid N(0, 1) entries.
 */
function randomSymmetric(n: number, psd: boolean, seed: number): number[][] {
  const G = gaussianInit(n, n, 1, seed).to2DArray();
  return G.map((row, i) =>
    row.map((_, j) => {
      if (!psd) return (G[i][j] + G[j][i]) / (2 * Math.sqrt(n));
      let sum = 0;
      for (let k = 0; k < n; k++) sum += G[i][k] * G[j][k];
      return sum / n;
    }),
  );
}

/** Snapshots of the comparison; gradient descent runs RECORDS blocks of equal length. */
const RECORDS = 100;
/** Most gradient-descent steps per request, so that a tiny eta cannot stall the worker. */
const MAX_GD_STEPS = 200_000;

/**
 * Closed form (Proposition 1, eq. (5)), Dormand-Prince on the flow U' = (Y - U U^T) U (eq. (2)),
 * and gradient descent with step eta, all from the same U0 (core's `compareRoutes`), compared at
 * the descent's snapshot times t = k eta.
 */
export function computeRoutes(request: RoutesRequest): RoutesResult {
  const { n, r, psd, seed, eta } = request;
  const alpha = 10 ** request.log10Alpha;
  const Y = prepareTarget(randomSymmetric(n, psd, seed));
  const U0 = gaussianInit(n, r, alpha, derivedSeed(seed, 1));
  const eigenvaluesY = Y.values;
  const normY = Math.max(Math.abs(eigenvaluesY[0]), Math.abs(eigenvaluesY[n - 1]));
  const largest = eigenvaluesY[0];
  // Only positive eigenvalues are learned; eigenvalues below 5% of the largest would stretch the axis.
  const horizon = largest > 0 ? saturationTime(Array.from(eigenvaluesY), alpha, 0.05) : 3 / normY;
  const block = Math.max(1, Math.ceil(horizon / (eta * RECORDS)));
  const gdSteps = block * RECORDS;
  if (gdSteps > MAX_GD_STEPS) {
    throw new Error(
      `eta = ${eta} needs ${gdSteps} gradient-descent steps to reach t = ${horizon.toPrecision(3)}; ` +
        `the limit here is ${MAX_GD_STEPS}: increase eta.`,
    );
  }
  const times = Float64Array.from({ length: RECORDS + 1 }, (_, k) => k * block * eta);
  const { closed, ode, gd } = compareRoutes(Y, U0, times, { eta });
  // Both numerical routes run by default; their absence would be a change in core's contract.
  if (ode === null || gd === null) throw new Error('compareRoutes returned without its default routes (an internal error)');
  const count = times.length;
  const spectra = (points: { readonly eigenvaluesW: Float64Array[] }): Float64Array => {
    const out = new Float64Array(n * count);
    for (let j = 0; j < count; j++) for (let i = 0; i < n; i++) out[i * count + j] = points.eigenvaluesW[j][i];
    return out;
  };
  return {
    n,
    times,
    closed: spectra(closed),
    ode: spectra(ode),
    gd: spectra(gd),
    odeErrors: ode.relativeDeviation,
    gdErrors: gd.relativeDeviation,
    eigenvaluesY,
    gdSteps: gd.iterations,
    odeSteps: ode.steps,
  };
}
