import { FactorflowInputError } from '../errors.js';
import { describe, given, requireFinite, requireFunction, requireInteger, requireNonNegative, requireOptions } from '../validate.js';

/** Options of {@link goldenSectionMinimum}. */
export interface GoldenSectionOptions {
  /** Maximum number of interval reductions (default 60; each shrinks the bracket by 0.618). */
  readonly iterations?: number;
  /** Stop once the bracket is narrower than this fraction of |b| (default 1e-12; 0 runs every iteration). */
  readonly relativeTolerance?: number;
  /** Stop as soon as a value <= this is seen (default -Infinity: never); used to detect a dip below a threshold. */
  readonly stopAtOrBelow?: number;
}

/**
 * Golden-section search for a minimum of a function on [a, b]: the local minimum for a
 * unimodal f, some local minimum otherwise. One evaluation per iteration. Used to find
 * windows of ||W(t) - Y_hat_k|| <= eps narrower than a search grid (measuredWindows) and by the
 * verification suites.
 *
 * @param f - function to minimize; it must return a finite number at every point of [a, b].
 * @param a - left end of the bracket, finite.
 * @param b - right end, finite, b > a (and b - a finite).
 * @param options - iteration cap, relative tolerance, early stop.
 * @returns the best point seen, `x`, and its value.
 * @throws FactorflowInputError on a bracket that is not finite or not ordered, bad options, or an
 *   f that returns something other than a finite number.
 * @example
 * ```ts
 * goldenSectionMinimum((x) => (x - 1) ** 2, 0, 3).x; // ~1
 * ```
 */
export function goldenSectionMinimum(
  f: (x: number) => number,
  a: number,
  b: number,
  options: GoldenSectionOptions = {},
): { x: number; value: number } {
  requireFunction(f, 'f', '(x: number) => number');
  requireFinite(a, 'a', 'the left end of the bracket');
  requireFinite(b, 'b', 'the right end of the bracket');
  if (!(b > a) || !Number.isFinite(b - a)) {
    throw new FactorflowInputError('out-of-range', 'b', `the bracket [${a}, ${b}] must have a < b and a finite width b - a; pass the ends in increasing order.`);
  }
  requireOptions(options, 'options', '{ iterations?, relativeTolerance?, stopAtOrBelow? }');
  const iterations = requireInteger(given(options.iterations, 60), 'iterations', 0, Number.MAX_SAFE_INTEGER);
  const relativeTolerance = requireNonNegative(given(options.relativeTolerance, 1e-12), 'relativeTolerance', 'a fraction of |b|');
  const stopAtOrBelow = given(options.stopAtOrBelow, Number.NEGATIVE_INFINITY);
  if (typeof stopAtOrBelow !== 'number' || Number.isNaN(stopAtOrBelow)) {
    throw new FactorflowInputError('out-of-range', 'stopAtOrBelow', `must be a number (-Infinity never stops early), got ${describe(stopAtOrBelow)}.`);
  }
  const valueAt = (x: number): number => {
    const value: unknown = f(x);
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new FactorflowInputError('not-finite', 'f', `returned ${describe(value)} at x = ${x}; f must return a finite number at every point of [a, b].`);
    }
    return value;
  };
  const ratio = (Math.sqrt(5) - 1) / 2;
  let low = a;
  let high = b;
  let left = high - ratio * (high - low);
  let right = low + ratio * (high - low);
  let leftValue = valueAt(left);
  let rightValue = valueAt(right);
  for (let iteration = 0; iteration < iterations && high - low > relativeTolerance * Math.abs(high); iteration++) {
    if (leftValue <= stopAtOrBelow || rightValue <= stopAtOrBelow) break;
    if (leftValue < rightValue) {
      high = right;
      right = left;
      rightValue = leftValue;
      left = high - ratio * (high - low);
      leftValue = valueAt(left);
    } else {
      low = left;
      left = right;
      leftValue = rightValue;
      right = low + ratio * (high - low);
      rightValue = valueAt(right);
    }
  }
  return leftValue < rightValue ? { x: left, value: leftValue } : { x: right, value: rightValue };
}
