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
 * @param f - function to minimize.
 * @param a - left end of the bracket.
 * @param b - right end, b > a.
 * @param options - iteration cap, relative tolerance, early stop.
 * @returns the best point seen, `x`, and its value.
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
  const iterations = options.iterations ?? 60;
  const relativeTolerance = options.relativeTolerance ?? 1e-12;
  const stopAtOrBelow = options.stopAtOrBelow ?? Number.NEGATIVE_INFINITY;
  const ratio = (Math.sqrt(5) - 1) / 2;
  let low = a;
  let high = b;
  let left = high - ratio * (high - low);
  let right = low + ratio * (high - low);
  let leftValue = f(left);
  let rightValue = f(right);
  for (let iteration = 0; iteration < iterations && high - low > relativeTolerance * Math.abs(high); iteration++) {
    if (leftValue <= stopAtOrBelow || rightValue <= stopAtOrBelow) break;
    if (leftValue < rightValue) {
      high = right;
      right = left;
      rightValue = leftValue;
      left = high - ratio * (high - low);
      leftValue = f(left);
    } else {
      low = left;
      left = right;
      leftValue = rightValue;
      right = low + ratio * (high - low);
      rightValue = f(right);
    }
  }
  return leftValue < rightValue ? { x: left, value: leftValue } : { x: right, value: rightValue };
}
