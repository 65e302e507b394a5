/**
 * Item 3 of issue 17 for Remarks III-C1, III-C2 and Section IV: the sentences that claim
 * something mathematical, quoted and checked (the `text` category).
 */
import { mul, num, sym } from '../../expr.js';
import type { CatalogEntry } from '../../entry.js';
import { blocks, generalSymbols, matAdd, matDt, matMul, matNeg, matScale, matSub, transpose, zeros, type ExprMatrix } from '../../matrix.js';
import { QrDecomposition, inverse as numericInverse, spectralNorm, theorem4M } from '../numeric.js';
import { gaussianMatrix, numericSearch, randomInteger } from '../random.js';
import { gramDeterminant } from './claims.js';

const category = 'text' as const;

function remarkC1(): CatalogEntry {
  return {
    id: 'text.C1.M-delta',
    section: 'III-C1',
    equation: 'Remark III-C1',
    category,
    title: '"one can define c_eps, C_eps by M_delta": Theorem 4\'s M is max(||W0bar||, ||W0bar^{-1}||) (numeric search)',
    statement: String.raw`\text{If } \mathbb P\big(\max\{\|\bar W_0\|, \|\bar W_0^{-1}\|\} \le M_\delta\big) \ge 1 - \delta, \text{ then one can define } c_\varepsilon, C_\varepsilon \text{ by } M_\delta`,
    hypotheses: [String.raw`V = (\Phi^\top\bar W_0\Phi)^{-1},\ \Phi \text{ orthogonal}`, String.raw`\bar W_0 = \bar U_0\bar U_0^\top,\ \bar U_0 \in \mathbb R^{n\times r},\ r \ge n`],
    scope: String.raw`Gaussian $\bar U_0$ with $n$ from 1 to 6 and $r$ from $n$ to $n + 3$, random orthogonal $\Phi$ (QR); relative agreement $10^{-9}$ (numeric search)`,
    check: numericSearch(200, (uniform) => {
      const n = randomInteger(uniform, 1, 6);
      const r = n + randomInteger(uniform, 0, 3);
      const U = gaussianMatrix(n, r, uniform);
      const W0 = U.mmul(U.transpose());
      const Phi = new QrDecomposition(gaussianMatrix(n, n, uniform)).orthogonalMatrix;
      const M = theorem4M(numericInverse(Phi.transpose().mmul(W0).mmul(Phi)));
      const direct = Math.max(spectralNorm(W0), spectralNorm(numericInverse(W0)));
      return Math.abs(M - direct) > 1e-9 * direct ? `M = ${M} but max(||W0||, ||W0^{-1}||) = ${direct} (n = ${n}, r = ${r})` : undefined;
    }),
    notes:
      String.raw`The spectral norm is invariant under $\Phi$, and $\|V\| = \|\bar W_0^{-1}\|$, $\|V^{-1}\| = \|\bar W_0\|$. Theorem 4 then holds with any $M_\delta \ge M$ in place of $M$, since the proof uses $M$ only as an upper bound (reading.thm4.M.frobenius), so on the event of probability $\ge 1 - \delta$ its conclusion holds.`,
  };
}

function remarkC2(): CatalogEntry {
  const p11 = sym('p11');
  return {
    id: 'text.C2.satisfied',
    section: 'III-C2',
    equation: 'Remark III-C2',
    category,
    title: '"This is satisfied if r < n when W0~ is always rank-deficient": for r < n W0~ is never invertible',
    statement: String.raw`\text{Our proof assumes } \tilde W_0 = \Phi^\top\bar U_0\bar U_0^\top\Phi \text{ is invertible. This is satisfied if } r < n \text{ when } \tilde W_0 \text{ is always rank-deficient.}`,
    hypotheses: [String.raw`n = 2,\ r = 1:\ \tilde U = (p_{11}, p_{21})^\top \ne 0`],
    scope: String.raw`$n = 2$, $r = 1$, $\tilde U = (1, 2)^\top$`,
    check: {
      kind: 'witness',
      point: { p11: '1', p21: '2' },
      hypotheses: [{ lhs: p11, comparison: '!=', rhs: num(0), text: String.raw`\tilde U \ne 0 \ (\text{rank } r = 1)` }],
      claim: { lhs: gramDeterminant(2, 1), comparison: '!=', rhs: num(0), text: String.raw`\det(\tilde U\tilde U^\top) \ne 0 \ (\tilde W_0 \text{ invertible})` },
    },
    correction: {
      statement: String.raw`\text{This is violated if } r < n, \text{ when } \tilde W_0 \text{ is always rank-deficient: } \det(\tilde U\tilde U^\top) = 0`,
      check: { kind: 'identity', lhs: gramDeterminant(2, 1), rhs: num(0) },
    },
    notes: 'The sentence says the opposite of what it means ("satisfied" for "violated", or "unless" for "if"); the next sentence ("This requires significant changes in the proof") confirms the intended reading. Section II-B states it correctly (text.sec2B.overparametrized).',
  };
}

/** Gradient flow on 1/2 ||Y - A B^T||_F^2: A' = (Y - A B^T) B, B' = (Y - A B^T)^T A, with n = m = r = 2. */
function asymmetricFlow(): { A: ExprMatrix; B: ExprMatrix; Y: ExprMatrix; dA: ExprMatrix; dB: ExprMatrix } {
  const A = generalSymbols('a', 2, 2);
  const B = generalSymbols('b', 2, 2);
  const Y = generalSymbols('y', 2, 2);
  const residual = matSub(Y, matMul(A, transpose(B)));
  return { A, B, Y, dA: matMul(residual, B), dB: matMul(transpose(residual), A) };
}

function rates(symbols: ExprMatrix, values: ExprMatrix): Record<string, ReturnType<typeof sym>> {
  return Object.fromEntries(symbols.flatMap((row, i) => row.map((entry, j) => [(entry as { name: string }).name, values[i][j]])));
}

function sectionFour(): CatalogEntry[] {
  const { A, B, Y, dA, dB } = asymmetricFlow();
  const imbalance = (P: ExprMatrix, Q: ExprMatrix) => matSub(matMul(transpose(P), P), matMul(transpose(Q), Q));
  const D = imbalance(B, A);
  const Z = blocks([[A], [B]]);
  const Ybar = blocks([
    [zeros(2, 2), Y],
    [transpose(Y), zeros(2, 2)],
  ]);
  const s = sym('s');
  const common = { section: 'IV', equation: 'Sec. IV', category, scope: String.raw`$n = m = r = 2$, general $Y$, $A$, $B$` } as const;
  return [
    {
      ...common,
      id: 'text.sec4.balance-conserved',
      title: 'balancedness is conserved: d/dt (A^T A - B^T B) = 0 under gradient flow on the asymmetric factorization',
      statement: String.raw`\text{[15] shows that if the factors are initialized to satisfy some balancedness conditions, then the learning dynamics can be related to GF on a symmetric factorization problem}`,
      hypotheses: [String.raw`\dot A = (Y - AB^\top)B,\ \dot B = (Y - AB^\top)^\top A`],
      check: { kind: 'identity', lhs: matDt(imbalance(A, B)), rhs: zeros(2, 2), rates: { ...rates(A, dA), ...rates(B, dB) }, symmetric: true },
    },
    {
      ...common,
      id: 'text.sec4.symmetric-form',
      title: 'with Z = [A; B], Z\' = (Ybar - Z Z^T / 2) Z + [-A D; B D] / 2, D = B^T B - A^T A: balanced, Z / sqrt(2) follows (2) with the indefinite target Ybar',
      statement: String.raw`\text{the learning dynamics can be related to GF on a symmetric factorization problem: } \dot Z = \big(\bar Y - \tfrac12ZZ^\top\big)Z \text{ when } A^\top A = B^\top B,\ \bar Y = \begin{bmatrix}0 & Y\\ Y^\top & 0\end{bmatrix}`,
      hypotheses: [String.raw`Z = \begin{bmatrix}A\\ B\end{bmatrix}`, String.raw`D = B^\top B - A^\top A`],
      check: {
        kind: 'identity',
        lhs: blocks([[dA], [dB]]),
        rhs: matAdd(matMul(matSub(Ybar, matScale(num(1, 2), matMul(Z, transpose(Z)))), Z), matScale(num(1, 2), blocks([[matNeg(matMul(A, D))], [matMul(B, D)]]))),
      },
      notes:
        String.raw`So the claim holds, with $U = Z/\sqrt2$ solving (2) for the target $\bar Y$, whose eigenvalues are $\pm\sigma_i(Y)$: $\bar Y$ is indefinite, outside Proposition 1's $Y \succeq 0$ and Theorems 3-4. The closed form still applies (prop1.G.sign, prop1.invertible); the theorems do not as stated.`,
    },
    {
      ...common,
      id: 'text.sec4.small-scale',
      title: '"under a small scale, any initialization is close to one that satisfies such balancedness conditions": the imbalance scales as alpha',
      statement: String.raw`\text{under a small scale, any initialization is close to one that satisfies such balancedness conditions}`,
      hypotheses: [String.raw`A(0) = \sqrt\alpha\bar A,\ B(0) = \sqrt\alpha\bar B,\ s = \sqrt\alpha`],
      check: { kind: 'identity', lhs: imbalance(matScale(s, A), matScale(s, B)), rhs: matScale(mul(s, s), imbalance(A, B)), symmetric: true },
      notes:
        String.raw`True in absolute terms: the imbalance is $\alpha(\bar A^\top\bar A - \bar B^\top\bar B)$, and the distance to the balanced set (a cone) is $\sqrt\alpha$ times that of $(\bar A, \bar B)$. Relative to the size of the initialization, also $O(\sqrt\alpha)$, it does not shrink: a small scale makes an initialization small, not relatively balanced.`,
    },
  ];
}

export const remarkProseEntries: CatalogEntry[] = [remarkC1(), remarkC2(), ...sectionFour()];

