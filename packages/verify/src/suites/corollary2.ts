import fc from 'fast-check';

import { corollary2Deviation, seed32, separatedSpectrum } from '@factorflow/core/testing';
import { randomOrthogonal } from '@factorflow/core';

import { generate, shrink } from '../property.js';
import { type InstanceOutcome, type Suite, instanceSeed, median, metricValues } from '../suite.js';

const instance = fc.integer({ min: 1, max: 6 }).chain((n) =>
  fc.record({
    sigmaY: separatedSpectrum(n, { zeros: 'at-most-one' }),
    sigma0: fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 3, noNaN: true })), { minLength: n, maxLength: n }),
    log10Alpha: fc.double({ min: -12, max: -1, noNaN: true }),
    basisSeed: seed32,
  }),
);

type Instance = typeof instance extends fc.Arbitrary<infer T> ? T : never;

/** Worst max |W(t) - Phi diag(sigma_i,W(t)) Phi^T| / sigma_1 over sigma_1 t in {0, 1, 3, 10, 100, 1e4}. */
function deviation({ sigmaY, sigma0, log10Alpha, basisSeed }: Instance): number {
  const times = [0, 1, 3, 10, 100, 1e4].map((sigmaT) => sigmaT / sigmaY[0]);
  const spectral = { sigmaY, sigma0, alpha: 10 ** log10Alpha, Q: randomOrthogonal(sigmaY.length, basisSeed) };
  return corollary2Deviation(spectral, times) / sigmaY[0];
}

const holds = (value: Instance) => deviation(value) <= 1e-10;

/**
 * Corollary 2 (Min & Vidal 2025, eqs. (12)-(13)): under a spectral initialization
 * U(0) = alpha^{1/2} Phi Sigma_{U0}, W(t) stays diagonal in Phi and each mode follows the scalar
 * trajectory; checked on the full closed form in a random basis up to sigma_1 t = 1e4, with
 * sigma_{i,0} = 0 modes included (they must stay exactly unlearned).
 */
export const corollary2Suite: Suite = {
  name: 'corollary-2',
  package: '@factorflow/core',
  claim: 'Cor. 2: spectral init keeps W(t) = Phi diag(sigma_i,W(t)) Phi^T with (12)/(13), to 1e-10 ||Y||, up to sigma_1 t = 1e4',
  failureIsBug: true,
  instanceCount: (requested) => requested,
  runInstance(seed, index): InstanceOutcome {
    const own = instanceSeed(seed, this.name, index);
    const value = generate(instance, own);
    const error = deviation(value);
    const passed = error <= 1e-10;
    return {
      passed,
      metrics: { error },
      detail: passed ? undefined : `seed ${own}: deviation ${error.toExponential(2)}; shrunk: ${shrink(instance, holds, own)}`,
    };
  },
  summarize(outcomes) {
    const errors = metricValues(outcomes, 'error');
    return {
      metric: Math.max(...errors),
      metricName: 'worst |W - Phi diag(sigma_W) Phi^T| / ||Y||',
      findings: [`median deviation ${median(errors).toExponential(1)} of ||Y||`],
    };
  },
};

