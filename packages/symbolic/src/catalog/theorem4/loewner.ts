/**
 * Section III-B, Theorem 4: the Loewner-order chain on the Schur complement that bounds H11, and
 * side argument (a), the submatrix norm facts the proof cites from [25]. The chain is decided for
 * 1 x 1 blocks by the sign analysis; blocks of any size, and (a), by numeric search.
 */
import { add, div, mul, num, sub, sym } from '../../expr.js';
import type { CatalogEntry } from '../../entry.js';
import { inverse as numericInverse, minEigenvalue, numericSearch, randomNonnegativeDiagonal, randomSplitPositiveDefinite, spectralNorm, splitBlocks, theorem4M } from '../numeric.js';

const alpha = sym('alpha');

/** The Schur-complement chain 0 < V11 - V12 V22^{-1} V12^T <= V11 - V12 (V22 + alpha G2)^{-1} V12^T <= V11, 1x1 blocks. */
function schurChain(): CatalogEntry[] {
  // V = U U^T with U upper triangular: every 2x2 positive definite V.
  const [u11, u12, u22, g] = ['u11', 'u12', 'u22', 'g'].map(sym);
  const V11 = add(mul(u11, u11), mul(u12, u12));
  const V12 = mul(u12, u22);
  const V22 = mul(u22, u22);
  const schur = sub(V11, div(mul(V12, V12), V22));
  const shifted = sub(V11, div(mul(V12, V12), add(V22, mul(alpha, g))));
  const domains = { u11: 'positive', u22: 'positive', alpha: 'positive', g: 'nonnegative' } as const;
  const base = {
    section: 'III-B',
    equation: 'H11, Loewner chain',
    hypotheses: [String.raw`V = \tilde W_0^{-1} \succ 0`, String.raw`G_2 \succeq 0`],
    scope: '1 x 1 blocks (n = 2), every positive definite V (as U U^T, U upper triangular); larger blocks: thm4.loewner.general',
  };
  return [
    {
      ...base,
      id: 'thm4.loewner.schur',
      category: 'inequality',
      title: 'the Schur complement of V is positive',
      statement: String.raw`0 \prec V_{11} - V_{12}V_{22}^{-1}V_{12}^\top`,
      check: { kind: 'inequality', lhs: num(0), relation: '<', rhs: schur, domains },
      uses: ['W0 invertible'],
    },
    {
      ...base,
      id: 'thm4.loewner.middle',
      category: 'inequality',
      title: 'adding alpha G2 >= 0 to V22 can only increase the Schur complement',
      statement: String.raw`V_{11} - V_{12}V_{22}^{-1}V_{12}^\top \preceq V_{11} - V_{12}(V_{22} + \alpha G_2)^{-1}V_{12}^\top`,
      check: { kind: 'inequality', lhs: schur, relation: '<=', rhs: shifted, domains },
    },
    {
      ...base,
      id: 'thm4.loewner.upper',
      category: 'inequality',
      title: 'and it stays below V11',
      statement: String.raw`V_{11} - V_{12}(V_{22} + \alpha G_2)^{-1}V_{12}^\top \preceq V_{11}`,
      check: { kind: 'inequality', lhs: shifted, relation: '<=', rhs: V11, domains },
    },
    {
      id: 'thm4.loewner.general',
      category: 'inequality',
      section: 'III-B',
      equation: 'H11, Loewner chain',
      title: 'the same chain for blocks of any size (numeric search)',
      statement: String.raw`0 \prec V_{11} - V_{12}V_{22}^{-1}V_{12}^\top \preceq V_{11} - V_{12}(V_{22} + \alpha G_2)^{-1}V_{12}^\top \preceq V_{11}`,
      hypotheses: [String.raw`V \succ 0`, String.raw`G_2 \succeq 0 \text{ diagonal}`],
      scope: 'random V > 0 of size 2 to 7, random k, G2 >= 0, alpha in [1e-3, 1e3]',
      check: numericSearch(300, (uniform) => {
        const { n, k, V } = randomSplitPositiveDefinite(uniform);
        const scale = 10 ** (6 * uniform() - 3);
        const G2 = randomNonnegativeDiagonal(n - k, uniform);
        const [V11, V12, V22] = splitBlocks(V, k);
        const schur = V11.clone().sub(V12.mmul(numericInverse(V22)).mmul(V12.transpose()));
        const shifted = V11.clone().sub(V12.mmul(numericInverse(V22.clone().add(G2.mul(scale)))).mmul(V12.transpose()));
        const tolerance = 1e-9 * spectralNorm(V);
        if (minEigenvalue(schur) <= 0) return `Schur complement not positive definite (n = ${n}, k = ${k})`;
        if (minEigenvalue(shifted.clone().sub(schur)) < -tolerance) return `middle inequality fails (n = ${n}, k = ${k})`;
        if (minEigenvalue(V11.clone().sub(shifted)) < -tolerance) return `upper inequality fails (n = ${n}, k = ${k})`;
        return undefined;
      }),
    },
  ];
}

function sideArgumentA(): CatalogEntry {
  return {
    id: 'thm4.a',
    category: 'inequality',
    section: 'III-B',
    equation: '(a)',
    title: 'submatrix norms and interlacing: ||V11||, ||V12|| <= ||V|| and ||(V22 + alpha G2)^{-1}|| <= ||V22^{-1}|| <= ||V^{-1}||',
    statement: String.raw`\|V_{11}\| \le M,\ \|V_{12}\| \le M,\ \|(V_{22} + \alpha G_2)^{-1}\| \le \|V_{22}^{-1}\| \le M`,
    hypotheses: [String.raw`M = \max\{\|V\|, \|V^{-1}\|\}`, String.raw`G_2 \succeq 0`],
    scope: 'random V > 0 of size 2 to 7, random k, G2 >= 0 (numeric search; [25] proves these facts)',
    check: numericSearch(300, (uniform) => {
      const { n, k, V } = randomSplitPositiveDefinite(uniform);
      const bound = theorem4M(V);
      const slack = 1 + 1e-10;
      const [V11, V12, V22] = splitBlocks(V, k);
      const G2 = randomNonnegativeDiagonal(n - k, uniform);
      const checks: [string, number, number][] = [
        ['||V11|| <= M', spectralNorm(V11), bound],
        ['||V12|| <= M', spectralNorm(V12), bound],
        ['||V22^{-1}|| <= M', spectralNorm(numericInverse(V22)), bound],
        ['||(V22 + G2)^{-1}|| <= ||V22^{-1}||', spectralNorm(numericInverse(V22.clone().add(G2))), spectralNorm(numericInverse(V22))],
      ];
      const failed = checks.find(([, value, limit]) => value > limit * slack);
      return failed ? `${failed[0]} fails (n = ${n}, k = ${k})` : undefined;
    }),
    uses: ['W0 invertible'],
  };
}

/** The Loewner chain, then (a). */
export const loewnerEntries: CatalogEntry[] = [...schurChain(), sideArgumentA()];
