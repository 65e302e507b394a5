/**
 * gamma(lambda, t) = integral_0^t 2 e^{-2|lambda| u} du = (1 - e^{-2|lambda| t}) / |lambda|
 * (= 2t at lambda = 0): the bounded part of G(t) in Min & Vidal (2025), eq. (6), after the
 * growing exponential e^{2 lambda t} is factored out (lambda > 0) or absorbed (lambda < 0).
 *
 * Always in [0, min(2t, 1/|lambda|)], computed with expm1 so that it is accurate to a few ulps
 * for every finite lambda and every t up to the largest supported time (`LARGEST_TIME`, where 2t is
 * still finite).
 */
export function growthIntegral(lambda: number, t: number): number {
  const rate = Math.abs(lambda);
  // 2 (rate t), not (2 rate) t: for rate near the largest double, 2 rate overflows, and Infinity * 0 is NaN at t = 0.
  const x = 2 * (rate * t);
  if (x < 1e-8) return 2 * t * (1 - x / 2 + (x * x) / 6);
  return -Math.expm1(-x) / rate;
}
