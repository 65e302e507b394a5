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
 * Encloses gamma(lambda, t) = (1 - e^{-2 lambda t}) / lambda (= 2t at lambda = 0) for every t in
 * [tlo, thi] and every lambda in [lambdaLo, lambdaHi] (any signs, 0 inside allowed): the bounded
 * growth integral of the stable closed form (flow/growth.ts). gamma(lambda, t) = int_0^{2t} e^{-lambda s} ds,
 * whose integrand is positive, decreasing in lambda and integrated over a longer range as t grows:
 * gamma increases with t and decreases with lambda, so its extremes over the box are at
 * (lambdaHi, tlo) and (lambdaLo, thi).
 */
export function growthInterval(lambdaLo: number, lambdaHi: number, tlo: number, thi: number): Interval {
  return [Math.max(0, growthAt(lambdaHi, tlo, false)), growthAt(lambdaLo, thi, true)];
}

/** A bound of gamma(lambda, t) for a point lambda and t: from above when `upper`, else from below. */
function growthAt(lambda: number, t: number, upper: boolean): number {
  if (lambda === 0) return upper ? up(2 * t) : down(2 * t);
  if (t === Number.POSITIVE_INFINITY) return lambda > 0 ? (upper ? up(1 / lambda) : down(1 / lambda)) : upper ? Number.POSITIVE_INFINITY : Number.MAX_VALUE;
  // x = 2 lambda t enclosed; -expm1(-x) is increasing in x, then divided by lambda (sign-aware).
  const [xlo, xhi] = mul(2 * lambda, 2 * lambda, t, t);
  const x = upper === lambda > 0 ? xhi : xlo;
  const m = -Math.expm1(-x);
  const mBound = upper === lambda > 0 ? up(up(m)) : down(down(m));
  const value = mBound / lambda;
  return upper ? up(value) : down(value);
}
