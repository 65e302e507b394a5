/**
 * Section III-B, Theorem 4: the Loewner-order chain on the Schur complement that bounds H11, and
 * side argument (a), the submatrix norm facts the proof cites from [25]. The chain is decided for
 * 1 x 1 blocks by the sign analysis; blocks of any size, and (a), by numeric search.
 */
import { add, div, mul, num, sub, sym } from '../../expr.js';
import type { CatalogEntry } from '../../entry.js';
import { Matrix, adversarialSearch, inverse as numericInverse, minEigenvalue, positiveDefiniteFrom, spectralNorm, splitBlocks, splits, theorem4M } from '../numeric.js';

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
    scope: String.raw`$1 \times 1$ blocks ($n = 2$), every positive definite $V$ (as $UU^\top$, $U$ upper triangular); larger blocks: thm4.loewner.general`,
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
      scope: String.raw`$V \succ 0$ ($BB^\top + \delta I$) and $\alpha G_2 \succeq 0$ (squares) for $n = 2$ to 6 and every split $k$, searched adversarially (Nelder-Mead minimizing the smallest eigenvalue of each difference over $\|V\|$)`,
      check: adversarialSearch(
        splits(6).map(({ n, k, label }) => ({
          label,
          dimension: n * n + n - k,
          gap: (parameters) => {
            const V = positiveDefiniteFrom(parameters, 0, n);
            const G2 = Matrix.diag(parameters.slice(n * n).map((value) => value * value));
            const [V11, V12, V22] = splitBlocks(V, k);
            const schur = V11.clone().sub(V12.mmul(numericInverse(V22)).mmul(V12.transpose()));
            const shifted = V11.clone().sub(V12.mmul(numericInverse(V22.clone().add(G2))).mmul(V12.transpose()));
            return Math.min(minEigenvalue(schur), minEigenvalue(shifted.clone().sub(schur)), minEigenvalue(V11.clone().sub(shifted))) / spectralNorm(V);
          },
        })),
      ),
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
    scope: String.raw`$V \succ 0$ and $G_2 \succeq 0$ for $n = 2$ to 6 and every split $k$, searched adversarially (Nelder-Mead minimizing the smallest relative gap of the four bounds); [25] proves these facts`,
    check: adversarialSearch(
      splits(6).map(({ n, k, label }) => ({
        label,
        dimension: n * n + n - k,
        gap: (parameters) => {
          const V = positiveDefiniteFrom(parameters, 0, n);
          const G2 = Matrix.diag(parameters.slice(n * n).map((value) => value * value));
          const bound = theorem4M(V);
          const [V11, V12, V22] = splitBlocks(V, k);
          const inverse22 = spectralNorm(numericInverse(V22));
          return Math.min(1 - spectralNorm(V11) / bound, 1 - spectralNorm(V12) / bound, 1 - inverse22 / bound, 1 - spectralNorm(numericInverse(V22.clone().add(G2))) / inverse22);
        },
      })),
    ),
    uses: ['W0 invertible'],
  };
}

/** The Loewner chain, then (a). */
export const loewnerEntries: CatalogEntry[] = [...schurChain(), sideArgumentA()];
