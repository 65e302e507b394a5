/**
 * Random instances of the asymmetric factorization Y ~ U V^T (issue 19: our extension of the future
 * work of Min & Vidal 2025, Section IV): a rectangular m x n target with chosen singular values and
 * a balanced small start U0 = alpha^{1/2} P A, V0 = alpha^{1/2} Q A of width r.
 */
import fc from 'fast-check';
import type { Matrix } from 'ml-matrix';

import { balancedInit } from '@factorflow/core';
import { rectangularTarget } from '@factorflow/core/testing';

/** The shape of an instance: Y is m x n of rank `rankY`, U0 is m x r and V0 n x r. */
export interface AsymmetricShape {
  readonly m: number;
  readonly n: number;
  readonly r: number;
  readonly rankY: number;
}

/**
 * The shapes the route comparison cycles through: m != n in both orientations, r below min(m, n)
 * and above max(m, n), Y of full rank min(m, n) and rank-deficient.
 */
export const ROUTE_SHAPES: readonly AsymmetricShape[] = [
  { m: 3, n: 5, r: 2, rankY: 3 },
  { m: 6, n: 4, r: 3, rankY: 2 },
  { m: 2, n: 4, r: 5, rankY: 2 },
  { m: 5, n: 3, r: 6, rankY: 2 },
];

/** Seeds for rectangularTarget, which also uses seed + 1: kept below 2^32 - 1 so both are valid seeds. */
export const TARGET_SEED = fc.integer({ min: 0, max: 0xfffffffe });

/** One drawn instance: the shape, Y's non-zero singular values (decreasing), alpha, and the seeds. */
export interface AsymmetricInstance extends AsymmetricShape {
  readonly sigmaY: number[];
  readonly log10Alpha: number;
  /** Seed of Y's singular vectors (core/testing's rectangularTarget uses it and the next integer). */
  readonly targetSeed: number;
  readonly startSeed: number;
}

/**
 * `count` distinct singular values decreasing from a top value in [1, 10], consecutive ratios in
 * [minRatio, 0.8]: separated enough for incremental learning, and the smallest no less than
 * minRatio^(count-1) of the largest, which bounds the horizon (the last transition is at about
 * log(1/alpha) / (2 sigma_K)) and so the cost of the ODE and descent routes.
 */
export function distinctSingularValues(count: number, minRatio: number): fc.Arbitrary<number[]> {
  return fc
    .tuple(
      fc.double({ min: 1, max: 10, noNaN: true }),
      fc.array(fc.double({ min: minRatio, max: 0.8, noNaN: true }), { minLength: count - 1, maxLength: count - 1 }),
    )
    .map(([top, ratios]) => ratios.reduce((values, ratio) => [...values, values[values.length - 1] * ratio], [top]));
}

/** Instances of one shape with alpha = 10^log10Alpha, log10Alpha an integer in [minLog10Alpha, maxLog10Alpha]. */
export function asymmetricInstance(shape: AsymmetricShape, minLog10Alpha: number, maxLog10Alpha: number): fc.Arbitrary<AsymmetricInstance> {
  return fc.record({
    m: fc.constant(shape.m),
    n: fc.constant(shape.n),
    r: fc.constant(shape.r),
    rankY: fc.constant(shape.rankY),
    sigmaY: distinctSingularValues(shape.rankY, 0.4),
    log10Alpha: fc.integer({ min: minLog10Alpha, max: maxLog10Alpha }),
    targetSeed: TARGET_SEED,
    startSeed: TARGET_SEED,
  });
}

/** The target and the balanced start of an instance (core's balancedInit at alpha = 10^log10Alpha). */
export function instanceProblem(value: AsymmetricInstance): { Y: Matrix; U0: Matrix; V0: Matrix; alpha: number } {
  const Y = rectangularTarget(value.m, value.n, value.sigmaY, value.targetSeed);
  const alpha = 10 ** value.log10Alpha;
  const { U0, V0 } = balancedInit(value.m, value.n, value.r, alpha, value.startSeed);
  return { Y, U0, V0, alpha };
}

/**
 * A time by which every non-zero singular value of Y has been learned: mode i reaches sigma_i near
 * log(sigma_i / (alpha a_i)) / (2 sigma_i) (Corollary 2 of Min & Vidal 2025 applied to the
 * symmetric lift, whose growing modes have rates sigma_i(Y)), so (log(1/alpha) / 2 + 8) / sigma_K
 * covers the last transition with the start's O(1) spread to spare.
 */
export function learningHorizon(sigmaY: readonly number[], alpha: number): number {
  return (Math.log(1 / alpha) / 2 + 8) / sigmaY[sigmaY.length - 1];
}
