import { Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';

import type { MeasuredWindows } from '@factorflow/core';
import { balancedTrajectory } from '@factorflow/core';
import { rectangularTarget } from '@factorflow/core/testing';

import { generate } from '../../property.js';
import { deviationAt, logLogSlope } from './imbalance.js';
import { ROUTE_SHAPES, asymmetricInstance, instanceProblem, learningHorizon } from './instances.js';
import { asymmetricSuite, windowsOutcome } from './index.js';
import { descentGlobalErrors, descentRatios, routeGaps, routesAgree } from './routes.js';
import { readWindows, windowEpsilon } from './windows.js';

/** A seeded 3 x 5 instance with r = 2 < min(m, n) (shape 0). */
const known = generate(asymmetricInstance(ROUTE_SHAPES[0], -6, -1), 1000);

describe('the route comparison of the asymmetric suite', () => {
  it('finds the closed form, the ODE and first-order gradient descent in agreement on a known instance', () => {
    const { Y, U0, V0, alpha } = instanceProblem(known);
    const gaps = routeGaps(Y, U0, V0, known.sigmaY, learningHorizon(known.sigmaY, alpha));
    expect(gaps.ode).toBeLessThan(1e-10);
    for (const ratio of descentRatios(gaps.gd)) {
      expect(ratio).toBeGreaterThan(1.9);
      expect(ratio).toBeLessThan(2.1);
    }
    expect(routesAgree(gaps, known.sigmaY[0])).toBe(true);
  });

  it('fails when the reference path is off by an O(1) amount: descent then does not converge to it', () => {
    const { Y, U0, V0 } = instanceProblem(known);
    const eta0 = 0.04 / known.sigmaY[0];
    const stride = 40;
    const times = Array.from({ length: 6 }, (_, i) => (i + 1) * stride * eta0);
    const offset = Matrix.ones(Y.rows, Y.columns).mul(0.5);
    const wrong = balancedTrajectory(Y, { U0, V0 }, times).X.map((X) => X.clone().add(offset));
    const gd = descentGlobalErrors(Y, U0, V0, eta0, stride, wrong);
    for (const ratio of descentRatios(gd)) expect(ratio).toBeLessThan(1.6);
    expect(routesAgree({ ode: 0, gd }, known.sigmaY[0])).toBe(false);
    expect(routesAgree({ ode: 1e-6, gd: [4e-3, 2e-3, 1e-3] }, known.sigmaY[0])).toBe(false);
  });
});

/** A MeasuredWindows with the given windows per rank (K = their number). */
function measured(perRank: readonly (readonly [number, number])[][]): MeasuredWindows {
  return {
    epsilon: 0.1,
    K: perRank.length,
    horizon: 10,
    resolution: 0.01,
    perRank: perRank.map((windows, i) => ({ k: i + 1, windows: windows.map(([start, end]) => ({ start, end })), closestApproach: 0 })),
    conditioning: { exactBasis: false, droppedDirections: [], uncertainDirections: [], reliableUntil: null, warning: null },
  };
}

describe('readWindows', () => {
  it('accepts ordered windows for every k <= r and reports the ratios of their starts', () => {
    const findings = readWindows(measured([[[1, 2]], [[3, 5]], [[6, Infinity]]]), 3);
    expect(findings).toEqual({ missing: [], impossible: [], unordered: [], startRatios: [3, 2] });
  });

  it('reports a missing k <= r, a window for k > r, and a k learned before k - 1 has ended', () => {
    expect(readWindows(measured([[[1, 2]], []]), 2).missing).toEqual([2]);
    expect(readWindows(measured([[[1, 2]], [[3, 4]]]), 1).impossible).toEqual([2]);
    expect(readWindows(measured([[[1, 4]], [[3, 5]]]), 2).unordered).toEqual([2]);
    // k > r without a window is what rank X(t) <= r demands, not a miss.
    expect(readWindows(measured([[[1, 2]], []]), 1)).toEqual({ missing: [], impossible: [], unordered: [], startRatios: [] });
  });

  it('takes eps as a fraction of half the smallest gap, sigma_{K+1} = 0 included', () => {
    expect(windowEpsilon([3, 2, 1.5], 0.5)).toBeCloseTo(0.125, 15);
    expect(windowEpsilon([3, 0.4], 1)).toBeCloseTo(0.2, 15);
  });
});

describe('the imbalance study', () => {
  const sigmaY = [3, 1.5, 0.8];
  const Y = rectangularTarget(4, 3, sigmaY, 11);

  it('fits the exponent of an exact power law, and refuses a single x', () => {
    const x = [1e-4, 1e-3, 1e-2, 1e-1];
    expect(logLogSlope(x, x.map((value) => 3 * value ** 1.5))).toBeCloseTo(1.5, 12);
    expect(logLogSlope(x, x.map(() => 2))).toBeCloseTo(0, 12);
    expect(() => logLogSlope([1, 1], [1, 2])).toThrowError(/two distinct x/);
  });

  it('measures no deviation from a balanced start (delta = 0), and one that grows with alpha from an imbalanced one', () => {
    const balanced = deviationAt(Y, sigmaY, 3, 1e-4, 0, [5, 6, 7]);
    expect(balanced.relativeImbalance).toBeLessThan(1e-14);
    expect(balanced.deviation).toBeLessThan(1e-9);
    const small = deviationAt(Y, sigmaY, 3, 1e-4, 1e-2, [5, 6, 7]);
    const large = deviationAt(Y, sigmaY, 3, 1e-2, 1e-2, [5, 6, 7]);
    // The same noise direction at both scales: the same relative imbalance.
    expect(small.relativeImbalance).toBeGreaterThan(1e-3);
    expect(large.relativeImbalance).toBeCloseTo(small.relativeImbalance, 10);
    expect(small.deviation).toBeGreaterThan(1e-8);
    expect(large.deviation).toBeGreaterThan(10 * small.deviation);
  });
});

describe('the window check of the asymmetric suite', () => {
  it('passes an instance where alpha = 1e-10 is too large for its eps, and reports the missing k', () => {
    // Found by a deep run (--instances 1000 --seed 7): sigma_2 / sigma_1 = 0.74 and eps a tenth of
    // half the smallest gap, so sigma_2 starts to grow before X(t) is within eps of Y_hat_1.
    const outcome = windowsOutcome(120257149);
    expect(outcome.passed).toBe(true);
    expect(outcome.metrics.everyWindow).toBe(0);
    expect(outcome.detail).toMatch(/no window for k in \[1\]/);
  });
});

describe('the asymmetric suite', () => {
  it('runs every kind of instance, with the metrics its summary reads', () => {
    const count = asymmetricSuite.instanceCount(1);
    expect(count).toBe(6);
    const outcomes = Array.from({ length: count }, (_, index) => asymmetricSuite.runInstance(20251124, index));
    for (const outcome of outcomes) expect(outcome.passed, outcome.detail).toBe(true);
    expect(Object.keys(outcomes[0].metrics)).toEqual(['odeError', 'gdRatio']);
    expect(outcomes[4].metrics.windowRanks).toBeGreaterThan(0);
    expect(Object.keys(outcomes[5].metrics)).toEqual(['alphaExponent', 'imbalanceExponent', 'deviationAtFixed', 'imbalanceAtFixed']);
    const summary = asymmetricSuite.summarize(outcomes);
    expect(summary.metric).toBe(Math.max(...outcomes.slice(0, 4).map((outcome) => outcome.metrics.odeError)));
    expect(summary.findings.join('\n')).toMatch(/alpha\^p with p median/);
    // A run too short to reach every kind reports what ran, and no NaN.
    const short = asymmetricSuite.summarize(outcomes.slice(0, 2));
    expect(short.findings).toHaveLength(2);
    expect(short.findings.join('\n')).not.toMatch(/NaN|Infinity/);
  });
});
