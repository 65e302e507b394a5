/** The hypotheses on the initialization shape: sigma_{i,0} > 0 on the support (Theorem 3), W~0 invertible (Theorem 4). */
import { type HypothesisSearch, buildCase, rawArbitrary } from './cases.js';

/** Theorem 3: sigma_{i,0} > 0 for i <= K, violated by one zero. */
export const theorem3PositiveShapeSearch: HypothesisSearch = {
  id: 't3-init-positive-on-support',
  theorem: 3,
  violates: ['init-positive-on-support'],
  statement: 'sigma_{i,0} > 0 for 1 <= i <= K',
  violation: 'sigma_{j,0} = 0 for one j <= K (C_eps from the smallest positive sigma_{i,0})',
  arbitrary: rawArbitrary({ K: (n) => [1, n], special: (_, K) => [1, K] }),
  build: (raw) => {
    const sigma0 = raw.sigma0.map((value, i) => (i === raw.special - 1 ? 0 : value));
    if (sigma0.slice(0, raw.K).every((value) => value === 0)) return null;
    return buildCase(3, raw, { sigma0 });
  },
};

/** Theorem 4: W~0 invertible, violated by r < n or by removing U0bar's component along an eigenvector in the support. */
export const theorem4InvertibleSearch: HypothesisSearch = {
  id: 't4-init-invertible',
  theorem: 4,
  violates: ['init-invertible'],
  statement: 'W~0 = Phi^T U0bar U0bar^T Phi invertible',
  violation: 'r < n, or r >= n with the component of U0bar along an eigenvector j <= K of Y removed (M from the range of W0bar)',
  arbitrary: rawArbitrary({ K: (n) => [1, n], special: (_, K) => [1, K], r: (n) => [1, n + 1] }),
  build: (raw) => buildCase(4, raw, { drop: raw.r >= raw.n ? raw.special : 0 }),
};

/** Theorem 4: W~0 invertible, violated only along ker Y. */
export const theorem4InvertibleOnKernelSearch: HypothesisSearch = {
  id: 't4-init-invertible-on-ker-Y',
  theorem: 4,
  violates: ['init-invertible'],
  statement: 'W~0 invertible, violated only along ker Y',
  violation: 'K < n, r >= n, the component of U0bar along an eigenvector j > K of Y (sigma_j = 0) removed',
  arbitrary: rawArbitrary({ n: [2, 4], K: (n) => [1, n - 1], special: (n, K) => [K + 1, n], r: (n) => [n, n + 1] }),
  build: (raw) => buildCase(4, raw, { drop: raw.special }),
};
