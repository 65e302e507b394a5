import { FactorflowInputError } from '../errors.js';
import { growthIntegral } from './growth.js';
import { requireOptions, requirePositive, requireTime } from '../validate.js';

/** One decoupled mode of the flow under spectral initialization (Min & Vidal 2025, Corollary 2). */
export interface ScalarMode {
  /** sigma_{i,Y}: the eigenvalue of Y this mode learns (any real; the paper has sigma >= 0). */
  readonly sigmaY: number;
  /** sigma_{i,0} = [Sigma_{U0}^2]_ii >= 0: the initialization shape of this mode. */
  readonly sigma0: number;
  /** alpha > 0: the initialization scale, sigma_{i,W}(0) = alpha sigma_{i,0}. */
  readonly alpha: number;
}

/** Below it a product alpha sigma_0 has lost digits (subnormal) or vanished; above it, overflowed. */
const SMALLEST_NORMAL = 2.2250738585072014e-308;

/** log(e^p + e^q) without overflow; -Infinity stands for a zero term. */
function logSum(p: number, q: number): number {
  const larger = Math.max(p, q);
  if (larger === Number.NEGATIVE_INFINITY) return larger;
  return larger + Math.log1p(Math.exp(Math.min(p, q) - larger));
}

/**
 * sigma_{i,W}(t) under spectral initialization (Min & Vidal 2025, Corollary 2, eqs. (12)-(13)):
 *
 *   sigma_W(t) = alpha sigma_Y sigma_0 e^{2 sigma_Y t} / (sigma_Y + alpha sigma_0 (e^{2 sigma_Y t} - 1)),  sigma_Y != 0,
 *   sigma_W(t) = alpha sigma_0 / (1 + 2 alpha sigma_0 t),                                              sigma_Y = 0.
 *
 * Evaluated in the reciprocal form, with a = alpha sigma_0, x = 2 sigma_Y t and
 * gamma = (1 - e^{-2|sigma_Y| t}) / |sigma_Y| (= 2t at sigma_Y = 0, computed with expm1):
 *
 *   sigma_W = 1 / (e^{-x} / a + gamma)     for sigma_Y >= 0,
 *   sigma_W = e^{x} / (1 / a + gamma)      for sigma_Y < 0.
 *
 * Both denominators are sums of non-negative terms that cannot overflow (e^{-x} <= 1 resp.
 * e^{x} <= 1), so there is no cancellation and no Infinity for any finite input, and (13) is
 * the continuous limit sigma_Y -> 0 of (12) rather than a special case.
 *
 * When the product a = alpha sigma_0 itself leaves the normal doubles (alpha = sigma_0 = 1e-200
 * gives a = 1e-400, alpha = sigma_0 = 1e300 gives 1e600) while sigma_W(t) need not, the same form
 * is evaluated with ln a = ln alpha + ln sigma_0: sigma_W = e^p / (e^q + gamma) with (p, q) = (0, -x - ln a)
 * for sigma_Y >= 0 and (x, -ln a) for sigma_Y < 0, directly while e^q + gamma is a normal double,
 * else as ln sigma_W = p - logsumexp(q, ln gamma). The relative error is then a few ulps of
 * |x| + |ln a| where e^q matters, the size of the value's own sensitivity to the last bit of t or
 * alpha there (d ln sigma_W / d ln t is about x during a transition), and a few ulps where gamma
 * dominates. A value below the smallest double underflows to 0, as any double computation does.
 *
 * @param mode - sigmaY (real), sigma0 >= 0, alpha > 0.
 * @param t - time in [0, 1e300 / |sigmaY|] (1e300 time scales; see `MAX_TIME`).
 * @returns sigma_W(t), finite and >= 0.
 * @throws FactorflowInputError when sigma0 < 0, alpha <= 0, t < 0 or beyond the time limit, an input
 *   is not finite, or sigma_W(t) itself exceeds the largest double (`out-of-range` on `alpha`: at
 *   t = 0 that is alpha sigma0 > 1.8e308).
 * @example
 * ```ts
 * scalarTrajectory({ sigmaY: 1, sigma0: 1, alpha: 1e-6 }, 0.5 * Math.log(1e6)); // ~0.5: mid-transition
 * scalarTrajectory({ sigmaY: 1, sigma0: 1e-200, alpha: 1e-200 }, 1000); // 1: learned, although alpha sigma0 underflows
 * ```
 */
export function scalarTrajectory(mode: ScalarMode, t: number): number {
  requireOptions(mode, 'mode', '{ sigmaY, sigma0, alpha }');
  const { sigmaY, sigma0, alpha } = mode;
  if (typeof sigmaY !== 'number' || !Number.isFinite(sigmaY)) {
    throw new FactorflowInputError('not-finite', 'sigmaY', `must be a finite number, got ${String(sigmaY)}.`);
  }
  if (typeof sigma0 !== 'number' || !Number.isFinite(sigma0) || sigma0 < 0) {
    throw new FactorflowInputError(
      'out-of-range',
      'sigma0',
      `must be a finite number >= 0 (it is the squared singular value [Sigma_U0^2]_ii), got ${String(sigma0)}.`,
    );
  }
  requirePositive(alpha, 'alpha', 'alpha is the initialization scale, U(0) = alpha^{1/2} U0bar.');
  requireTime(t, 't', Math.abs(sigmaY));
  // 0 is a fixed point of sigma' = 2 sigma_Y sigma - 2 sigma^2; the quotient below would be 0/0 once e^{-x} underflows.
  if (sigma0 === 0) return 0;
  const initial = alpha * sigma0;
  const x = 2 * sigmaY * t;
  const gamma = growthIntegral(sigmaY, t);
  if (initial >= SMALLEST_NORMAL && initial <= Number.MAX_VALUE) {
    return sigmaY >= 0 ? 1 / (Math.exp(-x) / initial + gamma) : Math.exp(x) / (1 / initial + gamma);
  }
  // sigma_W = e^p / (e^q + gamma), p <= 0: the plain form as soon as e^q and the sum are normal doubles.
  const logInitial = Math.log(alpha) + Math.log(sigma0);
  const [p, q] = sigmaY >= 0 ? [0, -x - logInitial] : [x, -logInitial];
  const denominator = Math.exp(q) + gamma;
  if (denominator >= SMALLEST_NORMAL && denominator <= Number.MAX_VALUE) return Math.exp(p) / denominator;
  const logValue = p - logSum(q, Math.log(gamma));
  const value = Math.exp(logValue);
  if (!Number.isFinite(value)) {
    throw new FactorflowInputError(
      'out-of-range',
      'alpha',
      `sigma_W(t) = e^${logValue.toFixed(2)} at t = ${t} exceeds the largest double (alpha sigma0 = e^${logInitial.toFixed(2)}): ` +
        'the answer itself is not representable; use a smaller alpha or sigma0, or a later t.',
    );
  }
  return value;
}
