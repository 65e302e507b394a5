/**
 * How far the asymmetric flow from an imbalanced small start strays from the balanced closed form
 * (issue 19; Min & Vidal 2025, Section IV, say that "any small initialization is close to a
 * balanced one"; this measures it). The start is a balanced one plus relative noise,
 * U0 = U0b + delta ||U0b||_F G_U / ||G_U||_F (V0 likewise). core's imbalanceDeviation integrates the
 * true flow from it and compares it with the nominal closed form from the same start with the
 * imbalance term dropped, so what it measures is the effect of the conserved imbalance alone. The
 * deviation is D = max_t ||X_ode(t) - X_nominal(t)||_2 / ||Y||_2 over a grid covering the learning.
 */
import type { Matrix } from 'ml-matrix';

import { balancedInit, gaussianInit, imbalanceDeviation } from '@factorflow/core';

import { learningHorizon } from './instances.js';

/**
 * The alphas of the alpha sweep (at {@link FIXED_DELTA}). Smaller ones put the deviation (about
 * alpha x the relative imbalance) near the integrator's own error, about 1e-10 of ||Y|| at rtol 1e-12.
 */
export const ALPHAS: readonly number[] = [1e-2, 1e-3, 1e-4, 1e-5, 1e-6];
/**
 * The noise levels delta of the imbalance sweep (at {@link FIXED_ALPHA}): small, where the imbalance
 * is first order in delta; at delta = 0.1 the second-order terms change its direction and the
 * deviation is no longer a power of its size.
 */
export const DELTAS: readonly number[] = [3e-2, 1e-2, 3e-3, 1e-3];
/** delta of the alpha sweep. */
export const FIXED_DELTA = 1e-2;
/** alpha of the imbalance sweep. */
export const FIXED_ALPHA = 1e-4;
/** Times on [0, horizon] at which the deviation is measured. */
const GRID = 64;

/** One imbalanced start and its measured deviation. */
export interface DeviationPoint {
  readonly alpha: number;
  readonly delta: number;
  /** ||U0^T U0 - V0^T V0||_F / (||U0||_F^2 + ||V0||_F^2), the relative imbalance core reports. */
  readonly relativeImbalance: number;
  /** max_t ||X_ode(t) - X_nominal(t)||_2 / ||Y||_2. */
  readonly deviation: number;
}

/** The two sweeps of one target and the scaling exponents fitted to them. */
export interface ImbalanceStudy {
  readonly alphaSweep: DeviationPoint[];
  readonly deltaSweep: DeviationPoint[];
  /** Least-squares slope of log D against log alpha (delta fixed). */
  readonly alphaExponent: number;
  /** Least-squares slope of log D against log(relative imbalance) (alpha fixed). */
  readonly imbalanceExponent: number;
}

/** A's Frobenius norm. */
function frobenius(A: Matrix): number {
  return A.norm('frobenius');
}

/** `balanced` + delta ||balanced||_F noise / ||noise||_F. */
function perturb(balanced: Matrix, noise: Matrix, delta: number): Matrix {
  return balanced.clone().add(noise.clone().mul((delta * frobenius(balanced)) / frobenius(noise)));
}

/**
 * The deviation of the flow from the start (U0b + noise, V0b + noise) at `delta` from the nominal
 * closed form (core's imbalanceDeviation, integrator at its default rtol 1e-12), for Y with non-zero
 * singular values `sigmaY`.
 */
export function deviationAt(Y: Matrix, sigmaY: readonly number[], r: number, alpha: number, delta: number, seeds: readonly [number, number, number]): DeviationPoint {
  const [startSeed, leftNoise, rightNoise] = seeds;
  const balanced = balancedInit(Y.rows, Y.columns, r, alpha, startSeed);
  const U0 = perturb(balanced.U0, gaussianInit(Y.rows, r, 1, leftNoise), delta);
  const V0 = perturb(balanced.V0, gaussianInit(Y.columns, r, 1, rightNoise), delta);
  const horizon = learningHorizon(sigmaY, alpha);
  const times = Array.from({ length: GRID + 1 }, (_, i) => (i * horizon) / GRID);
  const measured = imbalanceDeviation(Y, { U0, V0 }, times);
  return { alpha, delta, relativeImbalance: measured.relativeImbalance, deviation: Math.max(...measured.deviation) / sigmaY[0] };
}

/**
 * The least-squares slope of log y against log x: the exponent p of y ~ c x^p.
 *
 * @throws Error when fewer than two points or all x are equal (an internal misuse).
 */
export function logLogSlope(x: readonly number[], y: readonly number[]): number {
  const lx = x.map(Math.log);
  const ly = y.map(Math.log);
  const meanX = lx.reduce((a, b) => a + b, 0) / lx.length;
  const meanY = ly.reduce((a, b) => a + b, 0) / ly.length;
  let covariance = 0;
  let variance = 0;
  for (let i = 0; i < lx.length; i++) {
    covariance += (lx[i] - meanX) * (ly[i] - meanY);
    variance += (lx[i] - meanX) ** 2;
  }
  if (!(variance > 0)) throw new Error('logLogSlope: needs at least two distinct x values');
  return covariance / variance;
}

/** Both sweeps on one target and the fitted exponents. */
export function imbalanceStudy(Y: Matrix, sigmaY: readonly number[], r: number, seeds: readonly [number, number, number]): ImbalanceStudy {
  const alphaSweep = ALPHAS.map((alpha) => deviationAt(Y, sigmaY, r, alpha, FIXED_DELTA, seeds));
  const deltaSweep = DELTAS.map((delta) => deviationAt(Y, sigmaY, r, FIXED_ALPHA, delta, seeds));
  return {
    alphaSweep,
    deltaSweep,
    alphaExponent: logLogSlope(alphaSweep.map((point) => point.alpha), alphaSweep.map((point) => point.deviation)),
    imbalanceExponent: logLogSlope(deltaSweep.map((point) => point.relativeImbalance), deltaSweep.map((point) => point.deviation)),
  };
}
