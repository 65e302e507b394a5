/**
 * Random instances of the `certified` suite (issue 20): a target Y that is diagonal (the paper's
 * setting, where Y's eigenbasis is exact) or rotated by a random orthogonal matrix (where the
 * certificate must also bound the computed eigenvectors), a spectral (Theorem 3) or Gaussian
 * (Theorem 4) initialization shape, and alpha at or below the theorem's alpha_max (Min & Vidal 2025,
 * eq. (16)-(17) and (23)).
 */
import fc from 'fast-check';
import { Matrix } from 'ml-matrix';

import { gaussianInit, randomOrthogonal, spectralInit, symmetricWithSpectrum, theorem3Plan, theorem4Plan } from '@factorflow/core';
import { seed32, separatedSpectrum } from '@factorflow/core/testing';

/** Largest n drawn; one instance in four has n >= 8. */
export const MAX_N = 10;

/** The drawn values of one instance. */
export const certifiedInstance = fc
  .oneof({ weight: 3, arbitrary: fc.integer({ min: 2, max: 7 }) }, { weight: 1, arbitrary: fc.integer({ min: 8, max: MAX_N }) })
  .chain((n) =>
    fc.record({
      sigmaY: separatedSpectrum(n, { zeros: 'at-most-one' }),
      rotated: fc.boolean(),
      spectral: fc.boolean(),
      sigma0: fc.array(fc.double({ min: 0.2, max: 2.2, noNaN: true }), { minLength: n, maxLength: n }),
      epsilonFraction: fc.double({ min: 0.05, max: 0.9, noNaN: true }),
      // alpha = alpha_max (30% of instances) or alpha_max * 10^-u, u in [0, 4].
      alphaDecades: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 7, arbitrary: fc.double({ min: 0, max: 4, noNaN: true }) }),
      basisSeed: seed32,
      shapeSeed: seed32,
    }),
  );

export type CertifiedInstance = typeof certifiedInstance extends fc.Arbitrary<infer T> ? T : never;

/** The problem an instance describes; `alpha` is null when the theorem's alpha_max is outside double range. */
export interface CertifiedSetting {
  readonly n: number;
  readonly Y: Matrix;
  /** U0bar (U(0) = alpha^{1/2} U0bar). */
  readonly U0bar: Matrix;
  readonly epsilon: number;
  readonly alpha: number | null;
  /** 3 for a spectral shape, 4 for a Gaussian one: whose alpha_max the instance starts from. */
  readonly theorem: 3 | 4;
}

/**
 * The problem of an instance: eps = epsilonFraction sigma_K for a spectral shape (Theorem 3's range)
 * and epsilonFraction min(sigma_K, 1) for a Gaussian one (Theorem 4's), alpha from the theorem's plan.
 */
export function certifiedSetting(value: CertifiedInstance): CertifiedSetting {
  const { sigmaY, rotated, spectral, sigma0, epsilonFraction, alphaDecades, basisSeed, shapeSeed } = value;
  const n = sigmaY.length;
  const K = sigmaY.filter((s) => s > 0).length;
  const Y = rotated ? symmetricWithSpectrum(randomOrthogonal(n, basisSeed), sigmaY) : Matrix.diag(sigmaY);
  if (spectral) {
    const epsilon = epsilonFraction * sigmaY[K - 1];
    const alphaMax = theorem3Plan({ sigmaY, sigma0, epsilon }).alphaMax;
    return { n, Y, U0bar: spectralInit(Y, sigma0, 1), epsilon, alpha: usable(alphaMax, alphaDecades), theorem: 3 };
  }
  const epsilon = epsilonFraction * Math.min(sigmaY[K - 1], 1);
  const U0bar = gaussianInit(n, n, 1, shapeSeed);
  return { n, Y, U0bar, epsilon, alpha: usable(theorem4Plan({ Y, U0bar, epsilon }).alphaMax, alphaDecades), theorem: 4 };
}

/** alpha_max 10^-decades, or null when it is no normal double worth starting a flow from. */
function usable(alphaMax: number | null, decades: number): number | null {
  if (alphaMax === null) return null;
  const alpha = alphaMax * 10 ** -decades;
  return alpha > 1e-250 ? alpha : null;
}
