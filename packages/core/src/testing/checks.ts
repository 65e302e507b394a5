/** Checks shared by core's tests and the verification suites. */
import type { Matrix } from 'ml-matrix';

import { spectralInit } from '../flow/initialization.js';
import { closedFormTrajectory } from '../flow/riccati.js';
import { scalarTrajectory } from '../flow/scalar.js';
import { maxAbsDifference } from './arbitraries.js';
import { symmetricWithSpectrum } from '../linalg/orthogonal.js';

/** A spectral initialization U(0) = alpha^{1/2} Q diag(sigma_0)^{1/2} of Y = Q diag(sigma_Y) Q^T. */
export interface SpectralCase {
  readonly sigmaY: readonly number[];
  readonly sigma0: readonly number[];
  readonly alpha: number;
  /** The eigenbasis of Y. */
  readonly Q: Matrix;
}

/**
 * Largest |W(t) - Q diag(sigma_i,W(t)) Q^T| over `times`, with sigma_i,W(t) the scalar trajectories of
 * Corollary 2 (Min & Vidal 2025, eqs. (12)-(13)) and W(t) from the full closed form: zero up to
 * rounding when a spectral initialization keeps W(t) diagonal in Y's eigenbasis.
 */
export function corollary2Deviation({ sigmaY, sigma0, alpha, Q }: SpectralCase, times: readonly number[]): number {
  const Y = symmetricWithSpectrum(Q, sigmaY);
  const { W } = closedFormTrajectory(Y, { U0: spectralInit(Y, sigma0, alpha) }, times, { spectrum: false });
  return Math.max(
    ...times.map((t, index) => {
      const modes = sigmaY.map((s, i) => scalarTrajectory({ sigmaY: s, sigma0: sigma0[i], alpha }, t));
      return maxAbsDifference(W[index], symmetricWithSpectrum(Q, modes));
    }),
  );
}
