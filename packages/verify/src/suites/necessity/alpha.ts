/**
 * The alpha conditions of Theorems 3 and 4: alpha <= c_eps (Theorem 3) or c_eps / M (Theorem 4),
 * and the separation condition (-log alpha + log c_eps) / (-log alpha + log C_eps) > rho. They are
 * searched jointly and one at a time. alpha <= c_eps cannot fail alone for K >= 2 below C_eps: for
 * c_eps < alpha < C_eps the separation ratio is negative. Above C_eps both logarithms are negative,
 * the ratio exceeds 1 and the separation condition formally holds again, but then every I_k with
 * k < K is empty and I_K contains t = 0, where W(0) is far from Y: a trivial break, so every alpha
 * search stops below C_eps.
 */
import { type HypothesisSearch, between, buildCase, rawArbitrary } from './cases.js';

const SEPARATION = '(-log alpha + log c_eps) / (-log alpha + log C_eps) > max sigma_{k+1}/sigma_k';

function bound(theorem: 3 | 4): string {
  return theorem === 3 ? 'c_eps' : 'c_eps / M';
}

/** Both conditions at once: alpha_max < alpha <= C_eps. */
export function alphaBoundsSearch(theorem: 3 | 4): HypothesisSearch {
  return {
    id: `t${theorem}-alpha-bounds`,
    theorem,
    violates: ['alpha-small', 'alpha-separation'],
    statement: `alpha <= ${bound(theorem)} and ${SEPARATION}`,
    violation: 'alpha_max < alpha <= C_eps, log-uniform (either or both alpha conditions fail)',
    arbitrary: rawArbitrary({ K: (n) => [1, n] }),
    build: (raw) => buildCase(theorem, raw, { logAlpha: (q) => between(q.logAlphaMax, q.logC, raw.alphaPosition) }),
  };
}

/** The bound alone for K = 1, where the separation condition is vacuous: bound < alpha < C_eps. */
function aboveBoundSearch(theorem: 3 | 4, id: string, statement: string, violation: string): HypothesisSearch {
  return {
    id,
    theorem,
    violates: ['alpha-small'],
    statement,
    violation,
    arbitrary: rawArbitrary({ n: [1, 4], K: () => [1, 1] }),
    build: (raw) => buildCase(theorem, raw, { logAlpha: (q) => between(q.logBound, q.logC, raw.alphaPosition) }),
  };
}

export const theorem3AlphaSmallSearch = aboveBoundSearch(
  3,
  't3-alpha-small',
  'alpha <= c_eps',
  'c_eps < alpha <= C_eps with K = 1 (for K >= 2, c_eps < alpha < C_eps makes the separation ratio negative, so alpha <= c_eps cannot fail alone there)',
);

export const theorem4AlphaSmallK1Search = aboveBoundSearch(
  4,
  't4-alpha-small-K1',
  'alpha <= c_eps / M (K = 1: the separation condition is vacuous)',
  'c_eps / M < alpha < C_eps, K = 1',
);

/** Theorem 4's bound alone for K >= 2: c_eps / M < alpha < alpha_sep, which well separated spectra make non-empty. */
export const theorem4AlphaSmallSearch: HypothesisSearch = {
  id: 't4-alpha-small',
  theorem: 4,
  violates: ['alpha-small'],
  statement: 'alpha <= c_eps / M',
  violation: 'c_eps / M < alpha < alpha_sep, K >= 2 (well separated spectra, ratios in [0.005, 0.2], so that this range is not empty)',
  arbitrary: rawArbitrary({ K: (n) => [2, n], ratios: [0.005, 0.2] }),
  build: (raw) =>
    buildCase(4, raw, {
      logAlpha: (q) => (q.logSeparation > q.logBound ? between(q.logBound, q.logSeparation, raw.alphaPosition) : null),
    }),
};

/** The separation condition alone: alpha_sep < alpha <= bound (K >= 2). */
export function alphaSeparationSearch(theorem: 3 | 4): HypothesisSearch {
  return {
    id: `t${theorem}-alpha-separation`,
    theorem,
    violates: ['alpha-separation'],
    statement: SEPARATION,
    violation: `alpha_sep < alpha <= ${bound(theorem)} (K >= 2)`,
    arbitrary: rawArbitrary({ K: (n) => [2, n] }),
    build: (raw) =>
      buildCase(theorem, raw, {
        logAlpha: (q) => (q.logSeparation < q.logBound ? between(q.logSeparation, q.logBound, raw.alphaPosition) : null),
      }),
  };
}
