/**
 * The outward-rounded interval arithmetic against exact arithmetic: BigInt rationals for the
 * four operations (every double is an exact rational) and a 1400-bit e^x, on thousands of seeded
 * random arguments over the whole double range. The exact result must lie in every enclosure.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { Matrix } from 'ml-matrix';
import { PROPERTY_SEED } from '../../testing/arbitraries.js';
import { add, divPositive, down, expInterval, expm1Interval, growthInterval, mul, up } from './rounding.js';
import { type IntervalMatrix, intervalProduct, nonnegativeSpectralBound, pointMatrix, symmetricNormBound, verifiedInverse } from './intervalMatrix.js';
import { singularValues } from '../spectral.js';

/** p / q with q > 0. */
interface Rational {
  readonly p: bigint;
  readonly q: bigint;
}

const view = new DataView(new ArrayBuffer(8));

/** The exact value of a finite double. */
function rational(x: number): Rational {
  if (!Number.isFinite(x)) throw new Error(`not finite: ${x}`);
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const sign = bits >> 63n === 1n ? -1n : 1n;
  const exponent = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const mantissa = exponent === 0 ? fraction : fraction | (1n << 52n);
  const power = (exponent === 0 ? 1 : exponent) - 1075;
  return power >= 0 ? { p: sign * (mantissa << BigInt(power)), q: 1n } : { p: sign * mantissa, q: 1n << BigInt(-power) };
}

const times = (a: Rational, b: Rational): Rational => ({ p: a.p * b.p, q: a.q * b.q });
const plus = (a: Rational, b: Rational): Rational => ({ p: a.p * b.q + b.p * a.q, q: a.q * b.q });
const minus = (a: Rational, b: Rational): Rational => ({ p: a.p * b.q - b.p * a.q, q: a.q * b.q });
const over = (a: Rational, b: Rational): Rational => (b.p > 0n ? { p: a.p * b.q, q: a.q * b.p } : { p: -a.p * b.q, q: -a.q * b.p });
/** a <= b. */
const atMost = (a: Rational, b: Rational): boolean => a.p * b.q <= b.p * a.q;

const BITS = 1400n;
const ONE = 1n << BITS;

/**
 * e^x - 1 (minus1) or e^x as a fixed-point integer (value * 2^1400), error below 2^-100 relative, for
 * 2^-40 <= |x| <= 745: the Taylor series of e^{x / 2^s} with |x / 2^s| < 2^-8, then s squarings.
 */
function expFixed(x: number, minus1: boolean): bigint {
  const { p, q } = rational(x);
  let s = 0;
  while (Math.abs(x) / 2 ** s >= 2 ** -8) s++;
  // y = x / 2^s in fixed point (q is a power of two, so this is exact while it fits in 600 bits).
  const y = (p * ONE) / (q << BigInt(s));
  let term = ONE;
  let sum = 0n;
  for (let j = 1n; j < 200n; j++) {
    term = (term * y) / (ONE * j);
    if (term === 0n) break;
    sum += term;
  }
  // e^{y} - 1 = sum; squaring: e^{2y} - 1 = (e^y - 1)(e^y - 1 + 2).
  for (let i = 0; i < s; i++) sum = (sum * (sum + 2n * ONE)) / ONE;
  return minus1 ? sum : sum + ONE;
}

/** Whether the fixed-point value v (times 2^1400) lies in [lo, hi], with an absolute margin of 2^-1350 (above the error of expFixed, far below the spacing of doubles near any e^x >= 2^-1075). */
function fixedInside(v: bigint, lo: number, hi: number): boolean {
  const margin = 1n << 50n;
  const a = rational(lo);
  const b = rational(hi);
  return a.p * ONE <= (v - margin) * a.q && (v + margin) * b.q <= b.p * ONE;
}

const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
const runs = { seed: PROPERTY_SEED, numRuns: 1000 };

/** exact in [lo, hi]; an infinite end bounds everything on its side. */
function contains(lo: number, hi: number, exact: Rational): void {
  expect(lo === Number.NEGATIVE_INFINITY || atMost(rational(lo), exact)).toBe(true);
  expect(hi === Number.POSITIVE_INFINITY || atMost(exact, rational(hi))).toBe(true);
}

describe('outward rounding', () => {
  it('up and down bound the exact sum, product and quotient of any two doubles, subnormals included', () => {
    fc.assert(
      fc.property(finite, finite, (a, b) => {
        const ra = rational(a);
        const rb = rational(b);
        for (const [value, exact] of [
          [a + b, plus(ra, rb)],
          [a * b, times(ra, rb)],
          [a - b, minus(ra, rb)],
        ] as const) {
          if (Number.isFinite(value)) contains(down(value), up(value), exact);
        }
        if (b !== 0 && Number.isFinite(a / b)) contains(down(a / b), up(a / b), over(ra, rb));
      }),
      runs,
    );
  });

  it('mul, add and divPositive enclose every product, sum and quotient of members of their intervals', () => {
    const ends = fc.tuple(finite, finite).map(([x, y]) => [Math.min(x, y), Math.max(x, y)] as const);
    fc.assert(
      fc.property(ends, ends, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), ([alo, ahi], [blo, bhi], u, v) => {
        // Members of the intervals: the ends, and a point between them.
        const x = Math.min(ahi, Math.max(alo, alo + u * (ahi - alo)));
        const y = Math.min(bhi, Math.max(blo, blo + v * (bhi - blo)));
        const product = mul(alo, ahi, blo, bhi);
        const sum = add(alo, ahi, blo, bhi);
        for (const [p, q] of [[alo, blo], [ahi, bhi], [x, y]]) {
          if (Number.isFinite(product[0]) && Number.isFinite(product[1])) contains(product[0], product[1], times(rational(p), rational(q)));
          if (Number.isFinite(sum[0]) && Number.isFinite(sum[1])) contains(sum[0], sum[1], plus(rational(p), rational(q)));
        }
        if (blo > 0) {
          const quotient = divPositive(alo, ahi, blo);
          if (Number.isFinite(quotient[0]) && Number.isFinite(quotient[1])) contains(quotient[0], quotient[1], over(rational(x), rational(blo)));
        }
      }),
      runs,
    );
  }, 300_000);

  it('expInterval and expm1Interval enclose e^x and e^x - 1 computed to 1400 bits', () => {
    const exponent = fc.double({ min: -700, max: 700, noNaN: true }).filter((x) => Math.abs(x) >= 2 ** -40);
    fc.assert(
      fc.property(exponent, (x) => {
        const [lo, hi] = expInterval(x, x);
        expect(fixedInside(expFixed(x, false), lo, hi)).toBe(true);
        const [lo1, hi1] = expm1Interval(x, x);
        expect(fixedInside(expFixed(x, true), lo1, hi1)).toBe(true);
      }),
      { seed: PROPERTY_SEED, numRuns: 400 },
    );
  });

  it('growthInterval encloses (1 - e^{-2 lambda t}) / lambda at both ends of [t, t], for either sign of lambda', () => {
    const rate = fc.double({ min: -20, max: 20, noNaN: true }).filter((x) => Math.abs(x) >= 2 ** -20);
    const time = fc.double({ min: 2 ** -10, max: 15, noNaN: true });
    fc.assert(
      fc.property(rate, time, (lambda, t) => {
        const [lo, hi] = growthInterval(lambda, lambda, t, t);
        const x = rational(-2 * lambda);
        // -2 lambda t is exact in the rationals; its double may not be, so evaluate at the exact product.
        const exponent = times(x, rational(t));
        const value = Number(exponent.p) / Number(exponent.q);
        if (rational(value).p * exponent.q !== exponent.p * rational(value).q) return; // needs an exact double exponent
        const numerator = -expFixed(value, true); // (1 - e^{-2 lambda t}) * 2^1400
        const gamma = { p: numerator, q: ONE };
        contains(lo, hi, over(gamma, rational(lambda)));
      }),
      { seed: PROPERTY_SEED, numRuns: 300 },
    );
  });

  it('growthInterval over a box of lambda and t holds gamma at every point of it, 0 inside the lambda range included', () => {
    // The point enclosures are checked against exact rationals above; the box must hold each of them.
    // Ends on a grid of 1/64: near the subnormals the point bounds' own 2^-1074 widening is not
    // monotone in (lambda, t), which would fail the comparison without the box being wrong.
    const end = fc.integer({ min: -320, max: 320 }).map((i) => i / 64);
    const time = fc.integer({ min: 0, max: 512 }).map((i) => i / 64);
    const unit = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(end, end, time, time, unit, unit, (a, b, s, u, x, y) => {
        const [lambdaLo, lambdaHi] = a <= b ? [a, b] : [b, a];
        const [tlo, thi] = s <= u ? [s, u] : [u, s];
        const [lo, hi] = growthInterval(lambdaLo, lambdaHi, tlo, thi);
        const lambda = Math.min(lambdaHi, lambdaLo + x * (lambdaHi - lambdaLo));
        const t = Math.min(thi, tlo + y * (thi - tlo));
        const [plo, phi] = growthInterval(lambda, lambda, t, t);
        expect(lo).toBeLessThanOrEqual(plo);
        expect(hi).toBeGreaterThanOrEqual(phi);
        if (lambdaLo <= 0 && 0 <= lambdaHi) {
          expect(lo).toBeLessThanOrEqual(2 * t);
          expect(hi).toBeGreaterThanOrEqual(2 * t);
        }
      }),
      { seed: PROPERTY_SEED, numRuns: 400 },
    );
  });
});

/** Whether the exact symmetric rational matrix is positive definite (LDL^T pivots all > 0). */
function positiveDefinite(a: Rational[][]): boolean {
  const m = a.map((row) => row.slice());
  const n = m.length;
  for (let j = 0; j < n; j++) {
    if (!(m[j][j].p > 0n)) return false;
    for (let i = j + 1; i < n; i++) {
      const factor = over(m[i][j], m[j][j]);
      for (let l = j; l < n; l++) m[i][l] = reduce(minus(m[i][l], times(factor, m[j][l])));
    }
  }
  return true;
}

function gcd(a: bigint, b: bigint): bigint {
  let [x, y] = [a < 0n ? -a : a, b];
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

function reduce(r: Rational): Rational {
  const g = gcd(r.p, r.q);
  return g > 1n ? { p: r.p / g, q: r.q / g } : r;
}

/** A seeded symmetric matrix with entries spread over several orders of magnitude. */
const symmetric = fc.integer({ min: 1, max: 5 }).chain((n) =>
  fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: n * n, maxLength: n * n }).map((values) => {
    const data = Float64Array.from(values);
    for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) data[j * n + i] = data[i * n + j];
    return { n, data };
  }),
);

describe('verified linear algebra', () => {
  it('symmetricNormBound(A) bounds ||A||_2 exactly (bound I -+ A positive definite in rationals) and is tight', () => {
    fc.assert(
      fc.property(symmetric, fc.double({ min: 0, max: 1e-3, noNaN: true }), ({ n, data }, width) => {
        // An interval matrix around `data`, and its two extreme members as well as the midpoint.
        const a: IntervalMatrix = { rows: n, columns: n, lo: data.map((v) => v - width * Math.abs(v)), hi: data.map((v) => v + width * Math.abs(v)) };
        const bound = symmetricNormBound(a);
        const exactBound = rational(bound);
        for (const member of [a.lo, a.hi, data]) {
          for (const sign of [1n, -1n]) {
            const shifted = Array.from({ length: n }, (_, i) =>
              Array.from({ length: n }, (_, j) => {
                const entry = rational(member[Math.max(i, j) * n + Math.min(i, j)]);
                const scaled = { p: sign * entry.p, q: entry.q };
                return i === j ? minus(exactBound, scaled) : { p: -scaled.p, q: scaled.q };
              }),
            );
            if (bound > 0) expect(positiveDefinite(shifted)).toBe(true);
          }
        }
        const norm = singularValues(new Matrix(Array.from({ length: n }, (_, i) => Array.from(data.subarray(i * n, (i + 1) * n)))))[0];
        const spread = data.reduce((s, v) => s + Math.abs(v), 0) * width;
        expect(bound).toBeLessThanOrEqual(norm * (1 + 1e-12) + spread + 1e-300);
      }),
      { seed: PROPERTY_SEED, numRuns: 150 },
    );
  }, 300_000);

  it('nonnegativeSpectralBound bounds the Perron root (checked as a norm bound of the symmetric majorant)', () => {
    fc.assert(
      fc.property(symmetric, ({ n, data }) => {
        const entries = data.map(Math.abs);
        const bound = nonnegativeSpectralBound(entries, n);
        const norm = singularValues(new Matrix(Array.from({ length: n }, (_, i) => Array.from(entries.subarray(i * n, (i + 1) * n)))))[0];
        expect(bound).toBeGreaterThanOrEqual(norm);
        expect(bound).toBeLessThanOrEqual(norm * 1.05 + 1e-300);
      }),
      { seed: PROPERTY_SEED, numRuns: 300 },
    );
  });

  it('intervalProduct and verifiedInverse enclose the exact product and inverse of point matrices', () => {
    fc.assert(
      fc.property(symmetric, symmetric, ({ n, data }, other) => {
        const b = other.data.length === n * n ? other.data : data.map((v, i) => v + i);
        const product = intervalProduct(pointMatrix(data, n, n), pointMatrix(b, n, n));
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < n; j++) {
            let exact: Rational = { p: 0n, q: 1n };
            for (let l = 0; l < n; l++) exact = plus(exact, times(rational(data[i * n + l]), rational(b[l * n + j])));
            contains(product.lo[i * n + j], product.hi[i * n + j], exact);
          }
        }
        // A diagonally dominated matrix, so that the inverse exists and is verifiable.
        const dominant = data.map((v, i) => (i % (n + 1) === 0 ? v + 1e4 : v));
        const inverse = verifiedInverse(pointMatrix(dominant, n, n));
        expect(inverse).not.toBeNull();
        // Exact check: A X = I for X the exact inverse <=> X = A^{-1}; test membership through A (X_lo..X_hi) containing I is
        // weaker, so solve exactly by Gauss-Jordan in rationals.
        const exactInverse = rationalInverse(Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => rational(dominant[i * n + j]))));
        for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) contains(inverse!.lo[i * n + j], inverse!.hi[i * n + j], exactInverse[i][j]);
      }),
      { seed: PROPERTY_SEED, numRuns: 200 },
    );
  }, 300_000);

  it('verifiedInverse of a graded interval matrix holds the inverse of every corner, with widths of first order', () => {
    // A = [[1, 0.5], [0.25, 1e-6]] +- 1e-12 |A|: A^{-1} ~ [[-8e-6, 4], [2, -8]]. One radius ~ ||A^{-1}||^2 rad(A)
    // on every entry would swamp the small entry; the sensitivity |A^{-1}| rad(A) |A^{-1}| entrywise does not.
    const mid = [1, 0.5, 0.25, 1e-6];
    const a: IntervalMatrix = { rows: 2, columns: 2, lo: Float64Array.from(mid, (v) => v - 1e-12 * v), hi: Float64Array.from(mid, (v) => v + 1e-12 * v) };
    const inverse = verifiedInverse(a);
    if (inverse === null) throw new Error('A is far from singular: the inverse must be verified');
    for (let corner = 0; corner < 16; corner++) {
      const [p, q, r, t] = mid.map((_, i) => rational((corner >> i) & 1 ? a.hi[i] : a.lo[i]));
      const det = minus(times(p, t), times(q, r));
      const exact = [over(t, det), over({ p: -q.p, q: q.q }, det), over({ p: -r.p, q: r.q }, det), over(p, det)];
      exact.forEach((value, i) => contains(inverse.lo[i], inverse.hi[i], value));
    }
    const m = Float64Array.from(inverse.lo, (lo, i) => Math.abs(0.5 * lo + 0.5 * inverse.hi[i]));
    const radius = Float64Array.from(mid, (v) => 1e-12 * v);
    for (let i = 0; i < 2; i++) {
      for (let j = 0; j < 2; j++) {
        let firstOrder = 0;
        for (let k = 0; k < 2; k++) for (let l = 0; l < 2; l++) firstOrder += m[i * 2 + k] * radius[k * 2 + l] * m[l * 2 + j];
        expect(inverse.hi[i * 2 + j] - inverse.lo[i * 2 + j]).toBeLessThan(4 * firstOrder);
      }
    }
  });
});

function rationalInverse(a: Rational[][]): Rational[][] {
  const n = a.length;
  const m = a.map((row, i) => [...row, ...Array.from({ length: n }, (_, j) => ({ p: i === j ? 1n : 0n, q: 1n }))]);
  for (let c = 0; c < n; c++) {
    const pivot = m.findIndex((row, i) => i >= c && row[c].p !== 0n);
    [m[c], m[pivot]] = [m[pivot], m[c]];
    const value = m[c][c];
    m[c] = m[c].map((entry) => reduce(over(entry, value)));
    for (let i = 0; i < n; i++) {
      if (i === c || m[i][c].p === 0n) continue;
      const factor = m[i][c];
      m[i] = m[i].map((entry, l) => reduce(minus(entry, times(factor, m[c][l]))));
    }
  }
  return m.map((row) => row.slice(n));
}
