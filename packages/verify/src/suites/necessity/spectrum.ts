/** The spectrum hypothesis of Theorems 3 and 4: distinct non-zero singular values. */
import { type HypothesisSearch, buildCase, rawArbitrary } from './cases.js';

/** sigma_1 > ... > sigma_K > 0, violated by one repeated value sigma_j = sigma_{j+1}. */
export function distinctValuesSearch(theorem: 3 | 4): HypothesisSearch {
  return {
    id: `t${theorem}-distinct-singular-values`,
    theorem,
    violates: ['distinct-singular-values'],
    statement: 'sigma_1 > sigma_2 > ... > sigma_K > 0',
    violation: 'sigma_j = sigma_{j+1} for one j (separation over the distinct levels; best-case Y_hat_j over the tie)',
    arbitrary: rawArbitrary({ K: (n) => [2, n], special: (_, K) => [1, K - 1] }),
    build: (raw) => buildCase(theorem, raw, { tie: raw.special }),
  };
}
