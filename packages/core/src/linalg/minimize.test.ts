import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { goldenSectionMinimum } from './minimize.js';
import { PROPERTY_SEED } from '../testing/arbitraries.js';

describe('goldenSectionMinimum', () => {
  it('finds the minimizer of a unimodal function to the requested tolerance', () => {
    fc.assert(
      fc.property(fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: 0.1, max: 10, noNaN: true }), (center, width) => {
        const a = center - width * 0.3;
        const b = center + width * 0.7;
        const { x, value } = goldenSectionMinimum((t) => Math.abs(t - center) ** 1.5, a, b);
        expect(Math.abs(x - center)).toBeLessThan(1e-9 * Math.max(1, Math.abs(b)));
        expect(value).toBeLessThan(1e-12);
      }),
      { seed: PROPERTY_SEED, numRuns: 200 },
    );
  });

  it('stops at the first value at or below the threshold, and honours the iteration cap', () => {
    let calls = 0;
    const counted = (t: number) => {
      calls++;
      return (t - 1) ** 2;
    };
    const early = goldenSectionMinimum(counted, 0, 3, { stopAtOrBelow: 0.5 });
    expect(early.value).toBeLessThanOrEqual(0.5);
    expect(calls).toBeLessThan(6);
    calls = 0;
    goldenSectionMinimum(counted, 0, 3, { iterations: 10, relativeTolerance: 0 });
    expect(calls).toBe(12);
  });
});
