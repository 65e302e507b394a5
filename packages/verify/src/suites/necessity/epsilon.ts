/** The range of the error tolerance: 0 < eps <= sigma_K (Theorem 3), 0 < eps <= min(sigma_K, 1) (Theorem 4, in two halves). */
import { type HypothesisSearch, buildCase, epsilonAbove, rawArbitrary } from './cases.js';

/** Theorem 3: eps <= sigma_K, violated up to 4 sigma_1. */
export const theorem3EpsilonSearch: HypothesisSearch = {
  id: 't3-epsilon-le-sigma-K',
  theorem: 3,
  violates: ['epsilon-le-sigma-K'],
  statement: '0 < eps <= sigma_K',
  violation: 'sigma_K < eps <= 4 sigma_1 (log-uniform)',
  arbitrary: rawArbitrary({ K: (n) => [1, n] }),
  build: (raw) => buildCase(3, raw, { epsilon: (sigmaY) => epsilonAbove(sigmaY[raw.K - 1], 4 * sigmaY[0], raw.epsilonPosition) }),
};

/** Theorem 4: the sigma_K half, violated with sigma_K < eps <= 1. */
export const theorem4EpsilonSigmaKSearch: HypothesisSearch = {
  id: 't4-epsilon-le-sigma-K',
  theorem: 4,
  violates: ['epsilon-le-sigma-K'],
  statement: '0 < eps <= sigma_K (the sigma_K half of eps <= min(sigma_K, 1))',
  violation: 'sigma_K < eps <= 1 (sigma_K in [0.05, 0.9])',
  arbitrary: rawArbitrary({ K: (n) => [1, n], scale: [0.05, 0.9] }),
  build: (raw) => buildCase(4, raw, { bottom: true, epsilon: (sigmaY) => epsilonAbove(sigmaY[raw.K - 1], 1, raw.epsilonPosition) }),
};

/** Theorem 4: the 1 half, violated with 1 < eps <= sigma_K. */
export const theorem4EpsilonOneSearch: HypothesisSearch = {
  id: 't4-epsilon-le-1',
  theorem: 4,
  violates: ['epsilon-le-1'],
  statement: 'eps <= 1 (the 1 half of eps <= min(sigma_K, 1))',
  violation: '1 < eps <= sigma_K (sigma_K in [1.1, 5])',
  arbitrary: rawArbitrary({ K: (n) => [1, n], scale: [1.1, 5] }),
  build: (raw) => buildCase(4, raw, { bottom: true, epsilon: (sigmaY) => epsilonAbove(1, sigmaY[raw.K - 1], raw.epsilonPosition) }),
};
