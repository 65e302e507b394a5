/**
 * The midpoint-radius product enclosure against exact arithmetic: every double is an exact rational,
 * so A B (and every product of members of A = C +- R with B) is computed exactly in BigInt rationals
 * and must lie in the enclosure, on seeded random matrices whose entries span the whole double range,
 * subnormals included (the underflow term), with cancellation (the relative term).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { PROPERTY_SEED } from '../../testing/arbitraries.js';
import { intervalProduct, pointMatrix } from './intervalMatrix.js';
import { midRadius, productEnclosure } from './productEnclosure.js';
import { type Rational, minus, plus, rationalOf, times } from './rational.js';

const ZERO: Rational = { p: 0n, q: 1n };
const atMost = (a: Rational, b: Rational) => minus(b, a).p >= 0n;

/** Doubles of every magnitude, signed: m 2^e with e from the subnormals to 2^300, or 0. */
const entry = fc.oneof(
  { weight: 1, arbitrary: fc.constant(0) },
  { weight: 6, arbitrary: fc.tuple(fc.double({ min: -1, max: 1, noNaN: true }), fc.integer({ min: -1074, max: 300 })).map(([m, e]) => m * 2 ** e) },
  { weight: 3, arbitrary: fc.double({ min: -4, max: 4, noNaN: true }) },
);

const shapes = fc.record({ m: fc.integer({ min: 1, max: 4 }), inner: fc.integer({ min: 1, max: 9 }), p: fc.integer({ min: 1, max: 4 }) });
const instance = shapes.chain(({ m, inner, p }) =>
  fc.record({
    m: fc.constant(m),
    inner: fc.constant(inner),
    p: fc.constant(p),
    a: fc.array(entry, { minLength: m * inner, maxLength: m * inner }),
    b: fc.array(entry, { minLength: inner * p, maxLength: inner * p }),
    radius: fc.option(fc.array(entry.map(Math.abs), { minLength: m * inner, maxLength: m * inner })),
    // Where in [C - R, C + R] the member of A lies: -1, 1 (the ends) or 0 (the middle).
    pick: fc.array(fc.constantFrom(-1, 0, 1), { minLength: m * inner, maxLength: m * inner }),
  }),
);

describe('productEnclosure', () => {
  it('contains the exact product of every member of A = C +- R with B', () => {
    fc.assert(
      fc.property(instance, ({ m, inner, p, a, b, radius, pick }) => {
        const mid = Float64Array.from(a);
        const rad = radius === null ? undefined : Float64Array.from(radius);
        const enclosure = productEnclosure(mid, Float64Array.from(b), m, inner, p, rad);
        const member = a.map((value, k) => {
          const r = rad === undefined ? ZERO : rationalOf(rad[k]);
          const c = rationalOf(value);
          return pick[k] === 0 ? c : pick[k] > 0 ? plus(c, r) : minus(c, r);
        });
        for (let i = 0; i < m; i++) {
          for (let j = 0; j < p; j++) {
            let exact = ZERO;
            for (let k = 0; k < inner; k++) exact = plus(exact, times(member[i * inner + k], rationalOf(b[k * p + j])));
            const [lo, hi] = [enclosure.lo[i * p + j], enclosure.hi[i * p + j]];
            if (Number.isFinite(lo)) expect(atMost(rationalOf(lo), exact), `lo (${i}, ${j})`).toBe(true);
            if (Number.isFinite(hi)) expect(atMost(exact, rationalOf(hi)), `hi (${i}, ${j})`).toBe(true);
          }
        }
      }),
      { seed: PROPERTY_SEED, numRuns: 500 },
    );
  });

  it('is tighter than the entry-by-entry outward rounding of intervalProduct, by about two', () => {
    const n = 40;
    const a = Float64Array.from({ length: n * n }, (_, k) => Math.sin(3 * k + 1));
    const b = Float64Array.from({ length: n * n }, (_, k) => Math.cos(5 * k + 2));
    const fast = productEnclosure(a, b, n, n, n);
    const slow = intervalProduct(pointMatrix(a, n, n), pointMatrix(b, n, n));
    const width = (x: { lo: Float64Array; hi: Float64Array }) => Math.max(...x.lo.map((lo, i) => x.hi[i] - lo));
    // Both bound the errors by the computed partial sums: u per operation here, 2^-52 per `up` there.
    expect(width(fast)).toBeLessThan(width(slow));
    expect(width(fast)).toBeGreaterThan(0.25 * width(slow));
  });

  it('covers products that underflow to 0 (the n eta / 2 term)', () => {
    // Each product is 0.49 * 2^-1074: rounded to 0, an error of almost half the smallest subnormal.
    const inner = 9;
    const enclosure = productEnclosure(new Float64Array(inner).fill(2 ** -537), new Float64Array(inner).fill(0.49 * 2 ** -537), 1, inner, 1);
    let exact = ZERO;
    for (let k = 0; k < inner; k++) exact = plus(exact, times(rationalOf(2 ** -537), rationalOf(0.49 * 2 ** -537)));
    expect(atMost(exact, rationalOf(enclosure.hi[0]))).toBe(true);
    expect(atMost(rationalOf(enclosure.lo[0]), ZERO)).toBe(true);
  });

  it('gives [-Infinity, Infinity] where the product overflows, and midRadius recovers A', () => {
    const big = Number.MAX_VALUE;
    const enclosure = productEnclosure(Float64Array.of(big, big), Float64Array.of(big, -big), 1, 2, 1);
    expect([enclosure.lo[0], enclosure.hi[0]]).toEqual([Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY]);
    const { mid, radius } = midRadius({ rows: 1, columns: 2, lo: Float64Array.of(1, -3), hi: Float64Array.of(2, -3) });
    expect(Array.from(mid)).toEqual([1.5, -3]);
    expect(radius[0]).toBeGreaterThanOrEqual(0.5);
    expect(radius[1]).toBeGreaterThanOrEqual(0);
  });
});
