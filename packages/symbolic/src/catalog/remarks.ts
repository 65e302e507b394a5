/** Section III-C2: the Woodbury rewrite of the closed form for a rank-deficient initialization. */
import { sym } from '../expr.js';
import type { CatalogEntry } from '../entry.js';
import { exponentials, witness } from './domains.js';
import { Matrix, gaussian, gaussianMatrix, inverse as numericInverse, numericSearch, randomNonnegativeDiagonal, randomSplit, spectralNorm } from './numeric.js';
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

export const remarkEntries: CatalogEntry[] = [
  {
    id: 'rem2.woodbury',
    category: 'identity',
    section: 'III-C2',
    equation: 'Remark III-C2',
    title: 'the Woodbury rewrite of the rank-deficient closed form',
    statement: String.raw`S\alpha\tilde W_0\big(I + \alpha G\tilde W_0\big)^{-1}S = \alpha S\tilde U\big(I - \tilde U^\top G\tilde U(I + \alpha\tilde U^\top G\tilde U)^{-1}\big)\tilde U^\top S,\ \tilde W_0 = \tilde U\tilde U^\top`,
    hypotheses: [String.raw`\tilde U = \Phi^\top\bar U_0 \in \mathbb R^{n\times r},\ r < n`],
    scope: 'n = 2, r = 1, general U~, general diagonal S and G',
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
    notes:
      'A factor alpha is missing in front of U~^T G U~: (I + alpha K)^{-1} = I - alpha K (I + alpha K)^{-1}. The push-through identity W0 (I + alpha G W0)^{-1} = U~ (I + alpha U~^T G U~)^{-1} U~^T gives the corrected form directly; only the r x r matrix I + alpha U~^T G U~ is inverted.',
  },
  {
    id: 'rem2.woodbury.general',
    category: 'inequality',
    section: 'III-C2',
    equation: 'Remark III-C2',
    title: 'the corrected Woodbury rewrite for any n and r < n (numeric search)',
    statement: String.raw`S\alpha\tilde W_0\big(I + \alpha G\tilde W_0\big)^{-1}S = \alpha S\tilde U\big(I - \alpha\tilde U^\top G\tilde U(I + \alpha\tilde U^\top G\tilde U)^{-1}\big)\tilde U^\top S`,
    hypotheses: [String.raw`\tilde U \in \mathbb R^{n\times r},\ r < n`, String.raw`G \succeq 0`],
    scope: 'random n from 2 to 7, r from 1 to n - 1, G >= 0 and S > 0 diagonal, alpha in [1e-3, 1e3]; relative agreement 1e-9. The symbolic n = 3, r = 2 case takes nerdamer about 45 s, over the catalog budget',
    check: numericSearch(200, (uniform) => {
      const { n, k: r } = randomSplit(uniform);
      const a = 10 ** (6 * uniform() - 3);
      const U = gaussianMatrix(n, r, uniform);
      const S = Matrix.diag(Array.from({ length: n }, () => Math.exp(gaussian(uniform))));
      const G = randomNonnegativeDiagonal(n, uniform);
      const W0 = U.mmul(U.transpose());
      const left = S.mmul(W0).mmul(numericInverse(Matrix.eye(n).add(G.mmul(W0).mul(a)))).mmul(S).mul(a);
      const K = U.transpose().mmul(G).mmul(U);
      const inner = Matrix.eye(r).sub(K.clone().mul(a).mmul(numericInverse(Matrix.eye(r).add(K.clone().mul(a)))));
      const right = S.mmul(U).mmul(inner).mmul(U.transpose()).mmul(S).mul(a);
      const gap = spectralNorm(left.clone().sub(right)) / Math.max(spectralNorm(left), Number.MIN_VALUE);
      return gap > 1e-9 ? `relative gap ${gap} (n = ${n}, r = ${r})` : undefined;
    }),
  },
];
