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
 * @param mode - sigmaY (real), sigma0 >= 0, alpha > 0.
 * @param t - time >= 0.
 * @throws FactorflowInputError when sigma0 < 0, alpha <= 0, t < 0 or an input is not finite.
 * @example
 * ```ts
 * scalarTrajectory({ sigmaY: 1, sigma0: 1, alpha: 1e-6 }, 0.5 * Math.log(1e6)); // ~0.5: mid-transition
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
  requireTime(t, 't');
  const initial = alpha * sigma0;
  // 0 is a fixed point of sigma' = 2 sigma_Y sigma - 2 sigma^2; the quotient below would be 0/0 once e^{-x} underflows.
  if (initial === 0) return 0;
  const x = 2 * sigmaY * t;
  const gamma = growthIntegral(sigmaY, t);
  return sigmaY >= 0 ? 1 / (Math.exp(-x) / initial + gamma) : Math.exp(x) / (1 / initial + gamma);
}
