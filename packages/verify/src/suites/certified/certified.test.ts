import { Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';

import { gaussianInit, measuredWindows } from '@factorflow/core';

import { generate } from '../../property.js';
import { certifiedInstance, certifiedSetting } from './instances.js';
import { certifiedSuite } from './index.js';
import { sampleCertified, sampleTimes } from './sampling.js';

describe('the sample times of a certified window', () => {
  it('cover a finite window from end to end, down to 1e-12 of its length from each end', () => {
    const times = sampleTimes({ start: 2, end: 5 }, 1);
    expect(times[0]).toBe(2);
    expect(times.at(-1)).toBe(5);
    expect(times.every((t, i) => i === 0 || t > times[i - 1])).toBe(true);
    expect(times[1] - 2).toBeLessThan(3e-12);
    expect(5 - times.at(-2)!).toBeLessThan(3e-12);
    // The interior is sampled too, not only the ends: some sample within 1/48 of the middle.
    expect(times.some((t) => Math.abs(t - 3.5) <= 3 / 48)).toBe(true);
  });

  it('reach far into the saturated flow for an unbounded window', () => {
    const times = sampleTimes({ start: 3, end: Infinity }, 0.5);
    expect(times[0]).toBe(3);
    expect(times.every(Number.isFinite)).toBe(true);
    expect(times.at(-1)).toBeGreaterThan(3 + 2 ** 24);
  });
});

describe('the sampling check', () => {
  // Y = diag(10, 4, 1), a generic small start: the measured window of k = 1 is finite.
  const Y = Matrix.diag([10, 4, 1]);
  const U0 = gaussianInit(3, 3, 1e-4, 7);
  const epsilon = 0.4;
  const measured = measuredWindows(Y, { U0 }, epsilon, { gridSize: 512, relativeTolerance: 1e-12 });
  const window = measured.perRank[0].windows[0];

  it('finds no sample above epsilon inside a measured window (slightly shrunk)', () => {
    const inner = { start: window.start + 1e-9 * window.start, end: window.end - 1e-9 * window.end };
    const [sampled] = sampleCertified(Y, U0, epsilon, [{ k: 1, certified: [inner] }], 1);
    expect(Number.isFinite(window.end)).toBe(true);
    expect(sampled.samples).toBeGreaterThan(100);
    expect(sampled.worstRatio).toBeLessThanOrEqual(1);
    // The ends of a maximal window are where the distance reaches epsilon: the worst sample is near 1.
    expect(sampled.worstRatio).toBeGreaterThan(0.999);
  });

  it('fails a window certified 10% past the true end', () => {
    const widened = { start: window.start, end: window.end + 0.1 * (window.end - window.start) };
    const [sampled] = sampleCertified(Y, U0, epsilon, [{ k: 1, certified: [widened] }], 1);
    expect(sampled.worstRatio).toBeGreaterThan(1.001);
    expect(sampled.worstAt).toBeGreaterThan(window.end);
  });
});

describe('the certified suite', () => {
  it('draws diagonal and rotated targets, spectral and Gaussian shapes, n up to 10', () => {
    const values = Array.from({ length: 60 }, (_, seed) => generate(certifiedInstance, seed));
    expect(values.some((value) => value.rotated)).toBe(true);
    expect(values.some((value) => !value.rotated)).toBe(true);
    expect(values.some((value) => value.spectral)).toBe(true);
    expect(values.some((value) => value.sigmaY.length >= 8)).toBe(true);
    const diagonal = values.find((value) => !value.rotated)!;
    const { Y } = certifiedSetting(diagonal);
    expect(Y.to2DArray().every((row, i) => row.every((entry, j) => i === j || entry === 0))).toBe(true);
  });

  it('replays instances: certificates hold under sampling, with coverage in [0, 1]', () => {
    let sampled = 0;
    let sampledRotated = 0;
    for (let index = 0; index < 8; index++) {
      const outcome = certifiedSuite.runInstance(20251124, index);
      if (outcome.skipped) continue;
      expect(outcome.passed, outcome.detail).toBe(true);
      if ('worstRatio' in outcome.metrics) {
        sampled++;
        expect(outcome.metrics.worstRatio).toBeLessThanOrEqual(1 + 1e-9);
        expect(outcome.metrics.samples).toBeGreaterThan(0);
      }
      if ('coverage' in outcome.metrics) {
        // Every instance counts in the headline coverage, and in exactly one basis's.
        const basis = outcome.metrics.rotated === 1 ? 'rotatedCoverage' : 'diagonalCoverage';
        const other = outcome.metrics.rotated === 1 ? 'diagonalCoverage' : 'rotatedCoverage';
        expect(outcome.metrics[basis]).toBe(outcome.metrics.coverage);
        expect(other in outcome.metrics).toBe(false);
        if (outcome.metrics.rotated === 1 && 'worstRatio' in outcome.metrics) sampledRotated++;
        expect(outcome.metrics.coverage).toBeGreaterThanOrEqual(0);
        expect(outcome.metrics.coverage).toBeLessThanOrEqual(1);
        expect(outcome.metrics.worstCoverage).toBeLessThanOrEqual(outcome.metrics.coverage);
      }
    }
    // Not vacuous: some of these instances have certified windows that were sampled, on a rotated Y too.
    expect(sampled).toBeGreaterThan(0);
    expect(sampledRotated).toBeGreaterThan(0);
    // Instance 0 runs certifiedAlphaMax: the certified alpha cannot exceed the measured one.
    const first = certifiedSuite.runInstance(20251124, 0);
    if ('alphaVsMeasured' in first.metrics) expect(first.metrics.alphaVsMeasured).toBeLessThanOrEqual(1 + 1e-9);
  });
});
