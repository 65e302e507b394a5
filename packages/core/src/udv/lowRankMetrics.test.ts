import { describe, expect, it } from 'vitest';

import {
  DEFAULT_RANK_TOLERANCE,
  effectiveRank,
  exactZeros,
  numericalRank,
  singularSpectrum,
  spectrumReport,
} from './lowRankMetrics.js';
import { multiplyTransposed } from './products.js';
import { createRandom } from '../random.js';
import { expectInputErrors } from '../testing/errors.js';

describe('singularSpectrum', () => {
  it('throws out-of-range instead of returning Infinity when sigma_1 overflows', () => {
    // sigma = sqrt(2) 1.5e308 > 1.8e308.
    expect(() => singularSpectrum(Float64Array.of(1.5e308, 1.5e308, 1.5e308, -1.5e308), 2, 2)).toThrow(/exceeds double precision/);
    expect(Array.from(singularSpectrum(Float64Array.of(1e308, 0, 0, -1e307), 2, 2))).toEqual([1e308, 1e307]);
  });

  it('returns the singular values in decreasing order', () => {
    expect(Array.from(singularSpectrum(Float64Array.of(3, 0, 0, -4), 2, 2))).toEqual([4, 3]);
    const wide = singularSpectrum(Float64Array.of(1, 0, 0, 0, 2, 0), 2, 3);
    expect(wide.length).toBe(2);
    expect(wide[0]).toBeCloseTo(2, 14);
    expect(wide[1]).toBeCloseTo(1, 14);
    expect(Array.from(singularSpectrum(new Float64Array(6), 3, 2))).toEqual([0, 0]);
  });

  it('leaves an exactly rank-3 100 x 100 product a tail far below the default tolerance', () => {
    // The justification of DEFAULT_RANK_TOLERANCE: rounding in assembling and decomposing an exactly
    // low-rank matrix stays below 1e-14 sigma_1, four orders under 1e-10.
    for (const seed of [1, 2]) {
      const random = createRandom(seed);
      const P = Float64Array.from({ length: 300 }, () => random.normal());
      const Q = Float64Array.from({ length: 300 }, () => random.normal());
      const sigma = singularSpectrum(multiplyTransposed(P, Q, 100, 100, 3), 100, 100);
      expect(sigma[3] / sigma[0], `seed ${seed}`).toBeLessThan(1e-14);
      expect(numericalRank(sigma), `seed ${seed}`).toBe(3);
    }
  });
});

describe('rank measures', () => {
  it('effective rank of k equal singular values is k, of rank one is 1, of zero is 0', () => {
    for (const k of [1, 2, 5, 17]) {
      const sigma = new Float64Array(20);
      sigma.fill(3.5, 0, k);
      expect(effectiveRank(sigma)).toBeCloseTo(k, 12);
    }
    expect(effectiveRank(new Float64Array(4))).toBe(0);
    // Between 1 and 2 for two unequal values: exp(H(0.75, 0.25)) = 4 / 3^(3/4).
    expect(effectiveRank(Float64Array.of(3, 1))).toBeCloseTo(4 / 3 ** 0.75, 14);
  });

  it('numerical rank counts sigma_i > tolerance sigma_1', () => {
    expect(DEFAULT_RANK_TOLERANCE).toBe(1e-10);
    const sigma = Float64Array.of(10, 1, 1e-3, 1e-8, 1e-12, 0);
    expect(numericalRank(sigma)).toBe(4);
    expect(numericalRank(sigma, 1e-6)).toBe(3);
    expect(numericalRank(sigma, 0.5)).toBe(1);
    expect(numericalRank(sigma, 0)).toBe(5);
    expect(numericalRank(new Float64Array(3))).toBe(0);
    // At exactly tolerance sigma_1 a value does not count.
    expect(numericalRank(Float64Array.of(1, 0.5), 0.5)).toBe(1);
  });

  it('exact zeros count d_j === 0 only (tiny positives are not zero; -0 is)', () => {
    expect(exactZeros(Float64Array.of(3, 0, 1e-300, -0, 5e-324))).toBe(2);
    expect(exactZeros(new Float64Array(0))).toBe(0);
  });

  it('spectrumReport gathers the spectrum, ranks, tail and zeros', () => {
    const X = Float64Array.of(2, 0, 0, 0, 1e-8, 0, 0, 0, 0);
    const report = spectrumReport(X, 3, 3, { truthRank: 1, d: Float64Array.of(2, 0, 0) });
    expect(Array.from(report.singularValues)).toEqual([2, 1e-8, 0]);
    expect(report.numericalRank).toBe(2);
    expect(report.ranks).toEqual([
      { tolerance: 1e-3, rank: 1 },
      { tolerance: 1e-6, rank: 1 },
      { tolerance: 1e-10, rank: 2 },
    ]);
    expect(report.tailRatio).toBeCloseTo(5e-9, 20);
    expect(report.exactZeros).toBe(2);
    expect(report.effectiveRank).toBeGreaterThan(1);
    expect(spectrumReport(X, 3, 3).exactZeros).toBeNull();
  });

  it('rejects bad input with typed errors', () => {
    expectInputErrors([
      [() => singularSpectrum(new Float64Array(5), 2, 3), 'shape'],
      [() => singularSpectrum(Float64Array.of(1, NaN), 1, 2), 'not-finite'],
      [() => singularSpectrum(new Float64Array(0), 0, 0), 'out-of-range'],
      [() => numericalRank(Float64Array.of(1, -1)), 'out-of-range'],
      [() => numericalRank(Float64Array.of(1), 1), 'out-of-range'],
      [() => effectiveRank(Float64Array.of(Infinity)), 'not-finite'],
      [() => exactZeros([0, 1] as unknown as Float64Array), 'not-a-matrix'],
      [() => spectrumReport(new Float64Array(4), 2, 2, { truthRank: 3 }), 'out-of-range'],
    ]);
  });
});
