import { describe, expect, it } from 'vitest';

import { imbalanceDeviation } from './imbalance.js';
import { spectralNorm } from '../../linalg/spectral.js';
import { balancedInit } from './initialization.js';
import { PROPERTY_SEED, rectangularTarget } from '../../testing/index.js';

describe('imbalanceDeviation', () => {
  const seed = PROPERTY_SEED + 7;
  const Y = rectangularTarget(3, 4, [3, 2, 1], seed);
  const times = [0, 2, 5, 10, 20];

  it('is at the integrator level for a balanced start at scale 2^-1000 and 2^1000 too (the ODE rescales exactly)', () => {
    // Before the port, 2^-1000 gave a deviation of the whole learned X (the ODE never moved) and 2^1000 a diverged error.
    const start = balancedInit(3, 4, 2, 1e-6, seed);
    for (const s of [-1000, 1000]) {
      const scaled = { U0: start.U0.clone().mul(2 ** (s / 2)), V0: start.V0.clone().mul(2 ** (s / 2)) };
      const result = imbalanceDeviation(Y.clone().mul(2 ** s), scaled, times.map((t) => t * 2 ** -s));
      result.deviation.forEach((value, i) => expect(value * 2 ** -s / 3, `seed ${seed}, s = ${s}, t = ${times[i]}`).toBeLessThanOrEqual(1e-9));
    }
  });

  it('is at the integrator level for a balanced start', () => {
    const result = imbalanceDeviation(Y, balancedInit(3, 4, 2, 1e-6, seed), times);
    expect(result.relativeImbalance).toBeLessThanOrEqual(1e-14);
    result.deviation.forEach((value, i) => expect(value / 3, `seed ${seed}, t = ${times[i]}`).toBeLessThanOrEqual(1e-9));
  });

  it('grows linearly with the imbalance of the start, and vanishes with it at t = 0', () => {
    // alpha = 1e-4 keeps the deviation (~1e-7..1e-5) far above the integrator's error (~1e-10).
    const { U0, V0 } = balancedInit(3, 4, 2, 1e-4, seed);
    const deviations = [1e-3, 1e-2, 1e-1].map((tilt) => imbalanceDeviation(Y, { U0: U0.clone().mul(1 + tilt), V0 }, times));
    // At t = 0 the deviation is the rounding of evaluating X0 through Ysym's eigenbasis: two basis
    // changes, each within about 2 (m + n) eps ||W0|| with ||W0||_2 ~ ||X0||_2 for a start this close to balanced.
    // Measured 5..11 eps ||X0||_2 with the Float64Array eigensolver and 3..6 with ml-matrix's: a different rounding,
    // not a worse basis (this Phi is the more orthogonal and has the smaller residual on this Ysym).
    deviations.forEach((result, i) => {
      const X0 = U0.clone().mul(1 + [1e-3, 1e-2, 1e-1][i]).mmul(V0.transpose());
      expect(result.deviation[0]).toBeLessThanOrEqual(4 * 7 * Number.EPSILON * spectralNorm(X0));
    });
    const peaks = deviations.map((result) => Math.max(...result.deviation));
    // Measured: the largest deviation is 0.3..0.5 ||U0^T U0 - V0^T V0||_F, for every tilt and alpha tried.
    deviations.forEach((result, i) => {
      expect(peaks[i] / result.imbalance, `seed ${seed}, tilt ${i}`).toBeGreaterThan(0.1);
      expect(peaks[i] / result.imbalance, `seed ${seed}, tilt ${i}`).toBeLessThan(1);
    });
    expect(peaks[2] / peaks[0]).toBeGreaterThan(50);
    expect(deviations[2].relativeImbalance).toBeGreaterThan(deviations[0].relativeImbalance);
  });
});
