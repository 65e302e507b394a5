import { describe, expect, it } from 'vitest';

import { gaussianInit, measuredWindows, theorem4Plan } from '@factorflow/core';
import { PROPERTY_SEED } from '@factorflow/core/testing';
import { randomOrthogonal, symmetricWithSpectrum } from '@factorflow/core';

import { generate } from '../property.js';
import type { InstanceOutcome } from '../suite.js';
import { RANK_DEFICIENT_SHAPES, classifyWindows, measureInstance, rankDeficientArbitrary, rankDeficientSuite, substituteM, theorem4StyleLogAlpha, windowsAt } from './rankDeficient.js';

describe('the Theorem-4-style alpha for r < n (Remark III-C2, heuristic)', () => {
  it("reduces to core's Theorem 4 alpha_max when every k is asked for and M is Theorem 4's", () => {
    const value = generate(rankDeficientArbitrary(4, 3), 11);
    const Y = symmetricWithSpectrum(randomOrthogonal(4, value.basisSeed), value.sigmaY);
    const U0bar = gaussianInit(4, 4, 1, value.shapeSeed);
    const epsilon = 0.5 * Math.min(value.sigmaY[3], 1);
    const plan = theorem4Plan({ Y, U0bar, epsilon });
    // r = n - 1 = K - 1 asks for every separation ratio sigma_{k+1}/sigma_k, k = 1..K-1.
    expect(theorem4StyleLogAlpha(value.sigmaY, 3, epsilon, plan.M!)).toBeCloseTo(plan.logAlphaMax!, 10);
  });

  it('has M_top >= M_range (a square block of rows has a smaller s_min)', () => {
    for (let seed = 0; seed < 10; seed++) {
      const Q = randomOrthogonal(5, seed);
      const M = substituteM(gaussianInit(5, 2, 1, seed + 100), Q);
      expect(M.top).toBeGreaterThanOrEqual(M.range * (1 - 1e-12));
      expect(M.range).toBeGreaterThanOrEqual(1);
    }
  });
});

describe('the window measurements', () => {
  it('flags windows for k > r: a full-rank shape classified as rank 1 has them', () => {
    const value = generate(rankDeficientArbitrary(3, 3), 5);
    const Y = symmetricWithSpectrum(randomOrthogonal(3, value.basisSeed), value.sigmaY);
    const U0 = gaussianInit(3, 3, 1e-10, value.shapeSeed);
    const measured = measuredWindows(Y, { U0 }, 0.5 * Math.min(value.sigmaY[2], 1), { gridSize: 128 });
    const asRankOne = classifyWindows(measured, 1);
    expect(asRankOne.allUpToR).toBe(true);
    expect(asRankOne.aboveR).toEqual([2, 3]);
  });

  it('finds windows for every k <= r and none above r on a rank-deficient shape, with a bisected threshold alpha', () => {
    const value = generate(rankDeficientArbitrary(4, 2), 3);
    const result = measureInstance(value);
    expect(result.aboveR).toEqual([]);
    expect(result.allUpToRAtRange).toBe(true);
    expect(result.unconstrained).toBe(false);
    expect(Number.isFinite(result.logAlphaNeeded)).toBe(true);
    // The Theorem-4-style alpha is below the threshold; just above the bracket, a k <= r has no window.
    expect(result.logAlphaRange).toBeLessThan(result.logAlphaNeeded);
    expect(windowsAt(value, result.logAlphaNeeded).allUpToR).toBe(true);
    expect(windowsAt(value, result.logAlphaNeeded + 2).allUpToR).toBe(false);
  });

  it('needs no small alpha for r = 1 (W(t) -> Y_hat_1 from a generic start)', () => {
    const result = measureInstance(generate(rankDeficientArbitrary(3, 1), 8));
    expect(result.unconstrained).toBe(true);
    expect(result.aboveR).toEqual([]);
  });
});

describe('rankDeficientSuite', () => {
  it('covers every shape with r < n at the default instance count', () => {
    expect(rankDeficientSuite.instanceCount(40) % RANK_DEFICIENT_SHAPES.length).toBe(0);
    expect(RANK_DEFICIENT_SHAPES.every(({ n, r }) => r >= 1 && r < n)).toBe(true);
  });

  it('is deterministic and passes (no window above r)', () => {
    const indices = [1, 3];
    const first = indices.map((index) => rankDeficientSuite.runInstance(PROPERTY_SEED, index));
    expect(indices.map((index) => rankDeficientSuite.runInstance(PROPERTY_SEED, index))).toEqual(first);
    expect(first.every((outcome) => outcome.passed)).toBe(true);
    const summary = rankDeficientSuite.summarize(first);
    expect(summary.metric).toBe(1);
    expect(summary.findings.join('\n')).toContain('windows for some k > r: 0 of 2');
  });

  it('reports an instance with a window above r', () => {
    const bad: InstanceOutcome = {
      passed: false,
      metrics: { n: 3, r: 1, shape: 0, allUpToR: 1, aboveR: 1, unconstrained: 1, log10AlphaRange: -5, log10AlphaTop: -6, gapR: 0.5, log10AlphaNeeded: 2 },
    };
    expect(rankDeficientSuite.summarize([bad]).findings.join('\n')).toContain('windows for some k > r: 1 of 1');
  });
});
