import { Matrix, inverse } from 'ml-matrix';
import { describe, expect, it } from 'vitest';

import { gaussianInit, spectralNorm, theorem4Plan } from '@factorflow/core';
import { PROPERTY_SEED } from '@factorflow/core/testing';
import { randomOrthogonal, symmetricWithSpectrum } from '@factorflow/core';

import { generate } from '../property.js';
import type { InstanceOutcome } from '../suite.js';
import { RANDOM_INIT_SHAPES, checkDraw, checkDrawArbitrary, empiricalQuantile, estimateQuantiles, mHat, randomInitSuite } from './randomInit.js';

describe('M_hat = max(||W0bar||, ||W0bar^{-1}||) (Remark III-C1)', () => {
  it('is max(s_1^2, 1/s_n^2) on shapes with known singular values', () => {
    expect(mHat(new Matrix([[3, 0], [0, 1]]))).toBeCloseTo(9, 12);
    expect(mHat(new Matrix([[2, 0, 0], [0, 0.25, 0]]))).toBeCloseTo(16, 10);
    expect(mHat(new Matrix([[1, 0], [0, 0]]))).toBe(Number.POSITIVE_INFINITY);
  });

  it('equals the norms of W0bar and its inverse for Gaussian shapes', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const U = gaussianInit(4, 6, 1, seed);
      const W = U.mmul(U.transpose());
      expect(mHat(U) / Math.max(spectralNorm(W), spectralNorm(inverse(W)))).toBeCloseTo(1, 9);
    }
  });

  it('takes order statistics as empirical quantiles', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(empiricalQuantile(sorted, 0.5)).toBe(50);
    expect(empiricalQuantile(sorted, 0.9)).toBe(90);
    expect(empiricalQuantile(sorted, 0.99)).toBe(99);
  });

  it("has the square case's 90% quantile near Edelman's 99 n (seeded sample)", () => {
    const { q50, q90, q99 } = estimateQuantiles(6, 6, PROPERTY_SEED, 2000);
    expect(q50).toBeLessThan(q90);
    expect(q90).toBeLessThan(q99);
    expect(q90).toBeGreaterThan(40 * 6);
    expect(q90).toBeLessThan(250 * 6);
    // r = 2n concentrates: the 99% quantile is within a small factor of the median.
    const wide = estimateQuantiles(6, 12, PROPERTY_SEED, 2000);
    expect(wide.q99 / wide.q50).toBeLessThan(3);
  });
});

describe('the Theorem 4 check at M = M_delta', () => {
  const draw = generate(checkDrawArbitrary(4, 4), 7);

  it('uses a surrogate whose Theorem 4 M is exactly M_delta', () => {
    const surrogate = Matrix.eye(3, 3);
    surrogate.set(0, 0, Math.sqrt(250));
    const plan = theorem4Plan({ Y: [[3, 0, 0], [0, 2, 0], [0, 0, 1]], U0bar: surrogate, epsilon: 0.1 });
    expect(plan.M! / 250).toBeCloseTo(1, 12);
  });

  it('holds on a covered draw and marks coverage by M_hat <= M', () => {
    const own = mHat(gaussianInit(4, 4, 1, draw.shapeSeed));
    const covered = checkDraw(draw, own * 1.5);
    expect(covered.covered).toBe(true);
    expect(covered.slack).toBeLessThanOrEqual(1);
    expect(checkDraw(draw, own / 2).covered).toBe(false);
  });

  it('detects a violation of (23) when alpha is far above alpha_max', () => {
    // A target with a zero eigenvalue at alpha = C_eps / 2: I_K starts at t = log 2 / (2 sigma_K), where
    // the zero mode of W(t) ~ 1 / (2t) = sigma_K / log 2 > eps.
    const arbitrary = checkDrawArbitrary(4, 6);
    const singular = [...Array(200).keys()].map((seed) => generate(arbitrary, seed)).find((value) => value.sigmaY[3] === 0)!;
    const { n, sigmaY, epsilonFraction, basisSeed, shapeSeed } = singular;
    const M = mHat(gaussianInit(n, 6, 1, shapeSeed));
    const surrogate = Matrix.eye(n, n);
    surrogate.set(0, 0, Math.sqrt(M));
    const Y = symmetricWithSpectrum(randomOrthogonal(n, basisSeed), sigmaY);
    const plan = theorem4Plan({ Y, U0bar: surrogate, epsilon: epsilonFraction * Math.min(sigmaY[2], 1) });
    const violated = checkDraw(singular, M, plan.CEpsilon! / 2 / plan.alphaMax!);
    expect(violated.covered).toBe(true);
    expect(violated.slack).toBeGreaterThan(1);
    expect(checkDraw(singular, M).slack).toBeLessThanOrEqual(1);
  });
});

describe('randomInitSuite', () => {
  it('covers every shape once at the default instance count, r >= n', () => {
    expect(randomInitSuite.instanceCount(40)).toBe(RANDOM_INIT_SHAPES.length);
    expect(RANDOM_INIT_SHAPES.every(({ n, r }) => r >= n)).toBe(true);
  });

  it('is deterministic and finds every covered draw successful', () => {
    const first = [0, 4].map((index) => randomInitSuite.runInstance(PROPERTY_SEED, index));
    const again = [0, 4].map((index) => randomInitSuite.runInstance(PROPERTY_SEED, index));
    expect(again).toEqual(first);
    for (const outcome of first) {
      expect(outcome.passed).toBe(true);
      expect(outcome.metrics.coveredSuccesses).toBe(outcome.metrics.covered);
      expect(outcome.metrics.q50).toBeLessThanOrEqual(outcome.metrics.q90);
    }
    const summary = randomInitSuite.summarize(first);
    expect(summary.metric).toBe(1);
    expect(summary.findings.join('\n')).toContain('n=3: r=3');
  });

  it('reports a covered failure in its headline metric', () => {
    const failing: InstanceOutcome = {
      passed: false,
      metrics: { n: 3, r: 3, shape: 0, q50: 10, q90: 200, q99: 2e4, checked: 10, successes: 9, covered: 9, coveredSuccesses: 8, worstCoveredSlack: 1.5, worstUncoveredSlack: 0, largestUncoveredRatio: 2 },
    };
    const summary = randomInitSuite.summarize([failing]);
    expect(summary.metric).toBeCloseTo(8 / 9, 12);
    expect(summary.findings.join('\n')).toContain('8/9 succeeded');
  });
});
