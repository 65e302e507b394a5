/**
 * Outward rounding for interval arithmetic in JavaScript, which has no directed rounding modes:
 * every operation is done in round-to-nearest and its result is widened by at least one ulp.
 *
 * Why one ulp suffices: round-to-nearest returns the double nearest the exact result, so the exact
 * result lies within half a spacing of it on either side, and the next double up (down) bounds it.
 * `up(x) = x + (|x| 2^-52 + 2^-1074)` is at least the next double up: |x| 2^-52 is at least the
 * spacing of the doubles at x (and exact, or rounded to the subnormal grid on which that spacing
 * lies), 2^-1074 covers the subnormal range, and rounding the sum to nearest cannot fall below a
 * double it reaches or passes. `down` is symmetric. Both are monotone, so the bound of a minimum
 * of rounded products is the minimum of the bounds.
 *
 * Math.exp and Math.expm1 are not correctly rounded; V8 implements them with fdlibm, whose error
 * is below 1 ulp, so the exact value lies within one spacing of the result: widening by two
 * `up`/`down` steps (at least two ulps) encloses it with a margin.
 */

const ULP_FACTOR = 2 ** -52;

/** A double >= the exact result of one round-to-nearest operation that returned x. */
export function up(x: number): number {
  return x + (Math.abs(x) * ULP_FACTOR + Number.MIN_VALUE);
}

/** A double <= the exact result of one round-to-nearest operation that returned x. */
export function down(x: number): number {
  return x - (Math.abs(x) * ULP_FACTOR + Number.MIN_VALUE);
}

/** A closed interval [lo, hi] of reals. */
export type Interval = readonly [lo: number, hi: number];

/** Encloses the product of two intervals; 0 times an unbounded end is 0 (the ends stand for finite reals). */
export function mul(alo: number, ahi: number, blo: number, bhi: number): Interval {
  const p1 = product(alo, blo);
  const p2 = product(alo, bhi);
  const p3 = product(ahi, blo);
  const p4 = product(ahi, bhi);
  return [down(Math.min(p1, p2, p3, p4)), up(Math.max(p1, p2, p3, p4))];
}

function product(a: number, b: number): number {
  return a === 0 || b === 0 ? 0 : a * b;
}

/** Encloses a + b. */
export function add(alo: number, ahi: number, blo: number, bhi: number): Interval {
  return [down(alo + blo), up(ahi + bhi)];
}

/** Encloses [lo, hi] / d for a point d > 0. */
export function divPositive(lo: number, hi: number, d: number): Interval {
  return [down(lo / d), up(hi / d)];
}

/** Encloses e^x for x in [lo, hi] (exp is increasing; fdlibm error < 1 ulp, widened by two). */
export function expInterval(lo: number, hi: number): Interval {
  return [Math.max(0, down(down(Math.exp(lo)))), up(up(Math.exp(hi)))];
}

/** Encloses e^x - 1 for x in [lo, hi] (increasing; fdlibm expm1 error < 1 ulp, widened by two). */
export function expm1Interval(lo: number, hi: number): Interval {
  return [Math.max(-1, down(down(Math.expm1(lo)))), up(up(Math.expm1(hi)))];
}

/**
 * Encloses (1 - e^{-2 lambda t}) / lambda (= 2t at lambda = 0) for t in [tlo, thi] and a point
 * lambda: the bounded growth integral gamma of the stable closed form (flow/growth.ts), here for
 * any sign of lambda. It increases with t for every lambda, so the ends of t give the ends.
 */
export function growthInterval(lambda: number, tlo: number, thi: number): Interval {
  if (lambda === 0) return [down(2 * tlo), up(2 * thi)];
  const at = (t: number, upper: boolean): number => {
    if (t === Number.POSITIVE_INFINITY) return lambda > 0 ? (upper ? up(1 / lambda) : down(1 / lambda)) : upper ? Number.POSITIVE_INFINITY : Number.MAX_VALUE;
    // x = 2 lambda t enclosed; -expm1(-x) is increasing in x, then divided by lambda (sign-aware).
    const [xlo, xhi] = mul(2 * lambda, 2 * lambda, t, t);
    const x = upper === lambda > 0 ? xhi : xlo;
    const m = -Math.expm1(-x);
    const mBound = upper === lambda > 0 ? up(up(m)) : down(down(m));
    const value = mBound / lambda;
    return upper ? up(value) : down(value);
  };
  return [Math.max(0, at(tlo, false)), at(thi, true)];
}
