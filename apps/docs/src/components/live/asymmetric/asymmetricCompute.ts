/**
 * The computations behind AsymmetricExplorer: X(t) = U(t) V(t)^T of the asymmetric flow from a
 * small balanced start, on an m x n target with chosen singular values, by the balanced closed
 * form of `@factorflow/core` (Proposition 1 of Min & Vidal 2025 on Ysym = [[0, Y], [Y^T, 0]]; our
 * extension, beyond the paper), and the measured windows. Pure; runs in asymmetric.worker.ts.
 */
import type { Matrix } from 'ml-matrix';

import { asymmetricWindows, balancedInit, balancedTrajectory, randomOrthogonal, rectangularWithSpectrum } from '@factorflow/core';

import { derivedSeed, quadraticTimes } from '../shared/problems';

export interface AsymmetricRequest {
  /** Y is m x n, 2..6 each. */
  readonly m: number;
  readonly n: number;
  /** Width of U0 (m x r) and V0 (n x r), 1..6. */
  readonly r: number;
  /** The non-zero singular values of Y, decreasing, at most min(m, n) of them. */
  readonly sigma: readonly number[];
  /** Tolerance of the windows ||X(t) - Y_hat_k||_2 <= epsilon. */
  readonly epsilon: number;
  readonly seed: number;
  readonly log10Alpha: number;
}

/** One measured window of rank k, [start, end] (end Infinity when it never closes). */
export interface AsymmetricWindow {
  readonly k: number;
  readonly start: number;
  readonly end: number;
}

export interface AsymmetricResult {
  /** min(m, n): how many singular values X(t) has. */
  readonly count: number;
  readonly times: Float64Array;
  /** Singular values of X(t) at [i * times.length + j]. */
  readonly singularValues: Float64Array;
  /** sigma of the request, as drawn. */
  readonly sigma: Float64Array;
  readonly windows: AsymmetricWindow[];
  /** Ranks k <= min(r, K) that have no window. */
  readonly missing: number[];
}

/** Points of the time grid. */
const POINTS = 160;

/**
 * What is wrong with typed singular values, or null: positive, finite, at most min(m, n) of them.
 * Parsed from "3, 2, 1" (commas or spaces).
 */
export function parseSingularValues(text: string, m: number, n: number): { values: number[] } | { error: string } {
  const parts = text.split(/[\s,]+/).filter((part) => part !== '');
  const values = parts.map(Number);
  const limit = Math.min(m, n);
  if (values.length === 0 || values.some((value) => !(value > 0) || !Number.isFinite(value))) {
    return { error: 'singular values of Y: enter positive numbers separated by commas, e.g. 3, 2, 1' };
  }
  if (values.length > limit) return { error: `singular values of Y: a ${m} × ${n} matrix has at most ${limit}; remove ${values.length - limit}` };
  return { values: [...values].sort((a, b) => b - a) };
}

/**
 * Where the plot ends: a quarter past the last time any of the `learned` largest singular values of
 * X(t) is more than 1% from its final value, on a grid up to `horizon` (the windows' search horizon,
 * where every growing mode has saturated). A random start can have a small component along a
 * singular pair, which delays its transition past the estimate of a spectral start; and the
 * horizon itself would leave the plot mostly flat.
 */
function settlingTime(Y: number[][], start: { U0: Matrix; V0: Matrix }, horizon: number, learned: number): number {
  const probe = balancedTrajectory(Y, start, quadraticTimes(horizon, POINTS), { matrices: false });
  const values = probe.singularValuesX;
  const last = values[values.length - 1];
  let settled = 0;
  values.forEach((current, j) => {
    for (let i = 0; i < learned; i++) if (Math.abs(current[i] - last[i]) > 0.01 * last[i]) settled = probe.times[j];
  });
  return settled > 0 ? Math.min(horizon, 1.25 * settled) : horizon;
}

/**
 * The singular values of X(t) on a grid up to the settling of the smallest learned value, and
 * the windows where ||X(t) - Y_hat_k||_2 <= epsilon (core's asymmetricWindows), from the balanced
 * start U0 = alpha^{1/2} P A, V0 = alpha^{1/2} Q A (core's balancedInit).
 */
export function computeAsymmetric(request: AsymmetricRequest): AsymmetricResult {
  const { m, n, r, sigma, epsilon, seed } = request;
  const alpha = 10 ** request.log10Alpha;
  // P and Q are seeded random orthogonal matrices, so Y's non-zero singular values are exactly sigma.
  const Y = rectangularWithSpectrum(randomOrthogonal(m, seed), randomOrthogonal(n, derivedSeed(seed, 1)), sigma).to2DArray();
  const start = balancedInit(m, n, r, alpha, derivedSeed(seed, 2));
  const measured = asymmetricWindows(Y, start, epsilon);
  const learned = Math.min(r, sigma.length);
  const times = quadraticTimes(settlingTime(Y, start, measured.horizon, learned), POINTS);
  const trajectory = balancedTrajectory(Y, start, times, { matrices: false });
  const count = Math.min(m, n);
  const singularValues = new Float64Array(count * POINTS);
  for (let j = 0; j < POINTS; j++) for (let i = 0; i < count; i++) singularValues[i * POINTS + j] = trajectory.singularValuesX[j][i];
  const windows = measured.perRank.flatMap((rank) => rank.windows.map((window) => ({ k: rank.k, start: window.start, end: window.end })));
  const missing = measured.perRank.filter((rank) => rank.k <= learned && rank.windows.length === 0).map((rank) => rank.k);
  return { count, times, singularValues, sigma: Float64Array.from(sigma), windows, missing };
}
