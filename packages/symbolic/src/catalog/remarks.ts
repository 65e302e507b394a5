/** Section III-C2: the Woodbury rewrite of the closed form for a rank-deficient initialization. */
import { sym } from '../expr.js';
import type { CatalogEntry } from '../entry.js';
import { exponentials, witness } from './domains.js';
import { woodburyCheck } from './blockAlgebra.js';
import { diagonal, generalSymbols, identity, inverse, matAdd, matMul, matScale, matSub, transpose, type ExprMatrix } from '../matrix.js';

const alpha = sym('alpha');

function woodbury(n: number, r: number, withAlpha: boolean): { lhs: ExprMatrix; rhs: ExprMatrix } {
  const U = generalSymbols('p', n, r);
  const S = diagonal(Array.from({ length: n }, (_, i) => sym(`s${i + 1}`)));
  const G = diagonal(Array.from({ length: n }, (_, i) => sym(`g${i + 1}`)));
  const W0 = matMul(U, transpose(U));
  const K = matMul(transpose(U), G, U);
  const inner = matSub(identity(r), matMul(withAlpha ? matScale(alpha, K) : K, inverse(matAdd(identity(r), matScale(alpha, K)))));
  return {
    lhs: matMul(S, matScale(alpha, W0), inverse(matAdd(identity(n), matMul(matScale(alpha, G), W0))), S),
    rhs: matScale(alpha, matMul(S, U, inner, transpose(U), S)),
  };
}

const paper = woodbury(2, 1, false);
const corrected = woodbury(2, 1, true);
const correctedN3 = woodbury(3, 2, true);

export const remarkEntries: CatalogEntry[] = [
  {
    id: 'rem2.woodbury',
    category: 'identity',
    section: 'III-C2',
    equation: 'Remark III-C2',
    title: 'the Woodbury rewrite of the rank-deficient closed form',
    statement: String.raw`S\alpha\tilde W_0\big(I + \alpha G\tilde W_0\big)^{-1}S = \alpha S\tilde U\big(I - \tilde U^\top G\tilde U(I + \alpha\tilde U^\top G\tilde U)^{-1}\big)\tilde U^\top S,\ \tilde W_0 = \tilde U\tilde U^\top`,
    hypotheses: [String.raw`\tilde U = \Phi^\top\bar U_0 \in \mathbb R^{n\times r},\ r < n`],
    scope: String.raw`$n = 2$, $r = 1$, general $\tilde U$, general diagonal $S$ and $G$`,
    check: {
      kind: 'identity',
      lhs: paper.lhs,
      rhs: paper.rhs,
      symmetric: true,
      domains: { alpha: 'positive' },
      // S = e^{Sigma t} with Sigma = diag(2 sigma, sigma) at t = ln(b)/sigma > 0, G = Sigma^{-1}(S^2 - I) >= 0, alpha > 0, any U~.
      witness: witness(exponentials([['sigma1', 's1', 2, 'g1'], ['sigma2', 's2', 1, 'g2']]), { values: {}, domains: { alpha: 'positive' } }),
    },
    correction: {
      statement: String.raw`= \alpha S\tilde U\big(I - \alpha\tilde U^\top G\tilde U(I + \alpha\tilde U^\top G\tilde U)^{-1}\big)\tilde U^\top S = \alpha S\tilde U\big(I + \alpha\tilde U^\top G\tilde U\big)^{-1}\tilde U^\top S`,
      check: { kind: 'identity', lhs: corrected.lhs, rhs: corrected.rhs, symmetric: true },
    },
    notes: String.raw`A factor $\alpha$ is missing in front of $\tilde U^\top G\tilde U$: $(I + \alpha K)^{-1} = I - \alpha K(I + \alpha K)^{-1}$. The push-through identity $\tilde W_0(I + \alpha G\tilde W_0)^{-1} = \tilde U(I + \alpha\tilde U^\top G\tilde U)^{-1}\tilde U^\top$ gives the corrected form directly; only the $r\times r$ matrix $I + \alpha\tilde U^\top G\tilde U$ is inverted. For any $n$ and $r$: rem2.woodbury.general.`,
  },
  {
    id: 'rem2.woodbury.n3r2',
    category: 'identity',
    section: 'III-C2',
    equation: 'Remark III-C2',
    title: 'the corrected Woodbury rewrite for n = 3, r = 2',
    statement: String.raw`S\alpha\tilde W_0\big(I + \alpha G\tilde W_0\big)^{-1}S = \alpha S\tilde U\big(I - \alpha\tilde U^\top G\tilde U(I + \alpha\tilde U^\top G\tilde U)^{-1}\big)\tilde U^\top S`,
    hypotheses: [String.raw`\tilde U \in \mathbb R^{3\times 2}`],
    scope: 'n = 3, r = 2, general U~, general diagonal S and G, by nerdamer and exact rationals (the commutative engine, a second opinion beside rem2.woodbury.general at this size)',
    check: { kind: 'identity', lhs: correctedN3.lhs, rhs: correctedN3.rhs, symmetric: true },
  },
  {
    id: 'rem2.woodbury.general',
    category: 'identity',
    section: 'III-C2',
    equation: 'Remark III-C2',
    title: 'the corrected Woodbury rewrite for any n and r (noncommutative rewriting)',
    statement: String.raw`S\alpha\tilde W_0\big(I + \alpha G\tilde W_0\big)^{-1}S = \alpha S\tilde U\big(I - \alpha\tilde U^\top G\tilde U(I + \alpha\tilde U^\top G\tilde U)^{-1}\big)\tilde U^\top S`,
    hypotheses: [String.raw`\tilde U \in \mathbb R^{n\times r}`, String.raw`I + \alpha G\tilde U\tilde U^\top,\ I + \alpha\tilde U^\top G\tilde U,\ S \text{ invertible}`],
    scope:
      String.raw`any $n$ and $r$: $\tilde U$, $G$, $S$ and the two inverses as non-commuting letters; both sides times $S^{-1}(I + \alpha G\tilde U\tilde U^\top)$ rewrite to the same normal form; exact rational instances with $n = 2$ to 5, $r < n$`,
    check: woodburyCheck(12, true),
    notes:
      String.raw`The paper's form (without the factor $\alpha$) leaves the normal form $(\alpha - \alpha^2)\,S\tilde U\tilde U^\top G\tilde U\tilde U^\top$ (after the right factor), non-zero whenever $\alpha \ne 1$ and $\tilde U^\top G\tilde U \ne 0$.`,
  },
];
