import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { PROPERTY_SEED } from '../../testing/index.js';
import { type Rational, enclose, exactCombination, over, rationalOf } from './rational.js';

const atMost = (a: Rational, b: Rational): boolean => a.p * b.q <= b.p * a.q;

describe('rational', () => {
  it('rationalOf is exact on normals and subnormals, in lowest terms', () => {
    expect(rationalOf(0.5)).toEqual({ p: 1n, q: 2n });
    expect(rationalOf(-3)).toEqual({ p: -3n, q: 1n });
    // 0.1 is 3602879701896397 / 2^55 exactly (IEEE 754 binary64).
    expect(rationalOf(0.1)).toEqual({ p: 3602879701896397n, q: 2n ** 55n });
    expect(rationalOf(2 ** -1074)).toEqual({ p: 1n, q: 2n ** 1074n });
    expect(rationalOf(2 ** 60 + 2 ** 8)).toEqual({ p: 2n ** 60n + 2n ** 8n, q: 1n });
  });

  it('enclose brackets exact quotients of random doubles within a few ulps', () => {
    const third = enclose({ p: 1n, q: 3n });
    expect(atMost(rationalOf(third[0]), { p: 1n, q: 3n }) && atMost({ p: 1n, q: 3n }, rationalOf(third[1]))).toBe(true);
    expect(third[1] - third[0]).toBeLessThan(4 * Number.EPSILON);
    fc.assert(
      fc.property(fc.double({ min: -1e50, max: 1e50, noNaN: true }), fc.double({ min: 1e-50, max: 1e50, noNaN: true }), (a, b) => {
        const exact = over(rationalOf(a), rationalOf(b));
        const [lo, hi] = enclose(exact);
        expect(atMost(rationalOf(lo), exact)).toBe(true);
        expect(atMost(exact, rationalOf(hi))).toBe(true);
        expect(hi - lo).toBeLessThanOrEqual(8 * Number.EPSILON * Math.abs(a / b) + 1e-300);
      }),
      { seed: PROPERTY_SEED, numRuns: 500 },
    );
  });

  it('exactCombination finds X with B = X A exactly, and refuses rows off the span by one ulp', () => {
    const A = Float64Array.from([3, 1, -2, 1, 2, 1].map((x) => x * 2 ** -12));
    // Rows A_1 + A_2 and A_1 - 2 A_2, exact in doubles.
    const B = Float64Array.from([4, 3, -1, 1, -3, -4].map((x) => x * 2 ** -12));
    const X = exactCombination(A, 2, B, 2, 3);
    expect(X?.map((row) => row.map(({ p, q }) => Number(p) / Number(q)))).toEqual([
      [1, 1],
      [1, -2],
    ]);
    const off = B.slice();
    off[5] = off[5] * (1 + Number.EPSILON);
    expect(exactCombination(A, 2, off, 2, 3)).toBeNull();
    // Exactly dependent rows of A are refused.
    expect(exactCombination(Float64Array.from([1, 2, 2, 4]), 2, Float64Array.from([1, 2]), 1, 2)).toBeNull();
  });
});
