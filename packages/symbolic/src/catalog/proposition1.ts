/**
 * Section II-A: Proposition 1 (the closed form (5)-(6)), the proof's route (7)-(9), and the
 * facts that extend it to indefinite Y (the limit and the sign of G).
 *
 * Exponentials are symbols: v_i = e^{sigma_i t} with dv_i/dt = sigma_i v_i, so
 * S = diag(v_i) and G = diag((v_i^2 - 1)/sigma_i); a zero eigenvalue contributes S = 1, G = 2t.
 */
import { add, div, dt, mul, num, sub, substitute, sym, type Expr, type Rates } from '../expr.js';
import type { CatalogEntry } from '../entry.js';
import { gram, witness } from './domains.js';
import { adjugate, determinant, diagonal, generalSymbols, identity, inverse, matAdd, matrix, matDt, matMul, matNeg, matScale, matSub, symmetricSymbols, transpose, type ExprMatrix } from '../matrix.js';

/** One eigenvalue of Y: a symbol sigma_i, or 0 (a zero eigenvalue). */
type Eigenvalue = Expr | 0;

interface ClosedForm {
  readonly Sigma: ExprMatrix;
  readonly S: ExprMatrix;
  readonly SInverse: ExprMatrix;
  readonly G: ExprMatrix;
  readonly rates: Rates;
}

/** S(t), G(t) of eq. (6) in Y's eigenbasis, with exponentials as chain-rule symbols. */
function closedForm(eigenvalues: readonly Eigenvalue[]): ClosedForm {
  const rates: Record<string, Expr> = {};
  const s: Expr[] = [];
  const sInverse: Expr[] = [];
  const g: Expr[] = [];
  eigenvalues.forEach((sigma, i) => {
    if (sigma === 0) {
      rates.t = num(1);
      s.push(num(1));
      sInverse.push(num(1));
      g.push(mul(2, sym('t')));
    } else {
      const v = sym(`v${i + 1}`);
      rates[`v${i + 1}`] = mul(sigma, v);
      s.push(v);
      sInverse.push(div(1, v));
      g.push(div(sub(mul(v, v), 1), sigma));
    }
  });
  return {
    Sigma: diagonal(eigenvalues.map((sigma) => (sigma === 0 ? num(0) : sigma))),
    S: diagonal(s),
    SInverse: diagonal(sInverse),
    G: diagonal(g),
    rates,
  };
}

function riccatiRightHandSide(W: ExprMatrix, Y: ExprMatrix): ExprMatrix {
  return matSub(matAdd(matMul(W, Y), matMul(Y, W)), matScale(2, matMul(W, W)));
}

const [sigma1, sigma2] = [sym('sigma1'), sym('sigma2')];

function closedFormSolves(eigenvalues: readonly Eigenvalue[], W0: ExprMatrix, id: string, scope: string): CatalogEntry {
  const { Sigma, S, G, rates } = closedForm(eigenvalues);
  const n = eigenvalues.length;
  // W = P / d with P = S W0 adj(M) S, d = det M, M = I + G W0. Multiplying (4) by d^2 (nonzero
  // by hypothesis) gives the polynomial identity d P' - P d' = d (P Sigma + Sigma P) - 2 P^2,
  // which avoids the quotient rule on 3 x 3 adjugates and so runs several times faster.
  const M = matAdd(identity(n), matMul(G, W0));
  const d = determinant(M);
  const P = matMul(S, W0, adjugate(M), S);
  const dd = dt(d);
  return {
    id,
    category: 'identity',
    section: 'II-A',
    equation: 'Prop. 1, (5)-(6)',
    title: `the closed form (5) solves the Riccati equation (4) entrywise (${scope})`,
    statement: String.raw`W(t) = \Phi S(t)\tilde W_0 (I_n + G(t)\tilde W_0)^{-1} S^\top(t)\Phi^\top \text{ solves } \dot W = WY + YW - 2W^2`,
    hypotheses: [String.raw`Y = \Phi\,\mathrm{diag}(\Sigma_Y, 0)\,\Phi^\top`, String.raw`I_n + G(t)\tilde W_0 \text{ invertible}`],
    scope: `${scope}; in $Y$'s eigenbasis ($\\Phi = I$, see prop1.basis); eigenvalues of any sign`,
    check: {
      kind: 'identity',
      lhs: matSub(matScale(d, matDt(P)), matScale(dd, P)),
      rhs: matSub(matScale(d, matAdd(matMul(P, Sigma), matMul(Sigma, P))), matScale(2, matMul(P, P))),
      rates,
      symmetric: true,
    },
    notes:
      String.raw`Checked as (4) multiplied by $\det(I + GW_0)^2$, writing $W = SW_0\,\mathrm{adj}(I + GW_0)S/\det(I + GW_0)$; the two are equivalent wherever $I + GW_0$ is invertible. A rational-function identity in the $\sigma_i$, so it also holds for negative eigenvalues: the closed form extends to indefinite $Y$ wherever $I + GW_0$ is invertible (see prop1.G.sign).`,
  };
}

function initialValue(): CatalogEntry {
  const W0 = symmetricSymbols('w', 2);
  const { S, G } = closedForm([sigma1, sigma2]);
  const atZero = (m: ExprMatrix) => m.map((row) => row.map((entry) => substitute(entry, { v1: num(1), v2: num(1) })));
  const W = matMul(S, W0, inverse(matAdd(identity(2), matMul(G, W0))), S);
  return {
    id: 'prop1.initial',
    category: 'identity',
    section: 'II-A',
    equation: 'Prop. 1, (5)',
    title: 'the closed form satisfies W(0) = W0',
    statement: String.raw`W(0) = W_0`,
    hypotheses: [],
    scope: String.raw`$n = 2$, general symmetric $W_0$ ($t = 0$ means $v_i = e^{\sigma_i\cdot 0} = 1$)`,
    check: { kind: 'identity', lhs: atZero(W), rhs: W0, symmetric: true },
  };
}

/** Phi^T (W Y + Y W - 2 W^2) Phi = W~ Sigma + Sigma W~ - 2 W~^2 for a rational rotation Phi. */
function basisChange(): CatalogEntry {
  const tangent = sym('tau');
  const denominator = add(1, mul(tangent, tangent));
  const cos = div(sub(1, mul(tangent, tangent)), denominator);
  const sin = div(mul(2, tangent), denominator);
  const Phi: ExprMatrix = [
    [cos, mul(-1, sin)],
    [sin, cos],
  ];
  const Sigma = diagonal([sigma1, sigma2]);
  const Wtilde = symmetricSymbols('w', 2);
  const W = matMul(Phi, Wtilde, transpose(Phi));
  const Y = matMul(Phi, Sigma, transpose(Phi));
  return {
    id: 'prop1.basis',
    category: 'identity',
    section: 'II-A',
    equation: 'Prop. 1, (9)',
    title: 'the change of basis P = Phi^T W Phi turns (4) into the same equation with Sigma_Y',
    statement: String.raw`P = \Phi^\top W \Phi:\ \Phi^\top (WY + YW - 2W^2)\Phi = P\Sigma + \Sigma P - 2P^2`,
    hypotheses: [String.raw`\Phi^\top\Phi = I`],
    scope: String.raw`$n = 2$, every rotation (rational parametrization $\cos = (1 - \tau^2)/(1 + \tau^2)$, $\sin = 2\tau/(1 + \tau^2)$), general symmetric $P$`,
    check: {
      kind: 'identity',
      lhs: matMul(transpose(Phi), riccatiRightHandSide(W, Y), Phi),
      rhs: riccatiRightHandSide(Wtilde, Sigma),
      symmetric: true,
    },
  };
}

/** The linearization lemma (7)-(8) cited from [23, 24], for n = 2 with general A, Q, R. */
function linearization(): CatalogEntry {
  const A = generalSymbols('a', 2, 2);
  const Q = symmetricSymbols('q', 2);
  const R = symmetricSymbols('r', 2);
  const X1 = generalSymbols('x', 2, 2);
  const X2 = generalSymbols('z', 2, 2);
  const X1Rate = matAdd(matMul(matNeg(transpose(A)), X1), matMul(R, X2));
  const X2Rate = matAdd(matMul(Q, X1), matMul(A, X2));
  const rates: Record<string, Expr> = {};
  X1.forEach((row, i) => row.forEach((entry, j) => (rates[(entry as { name: string }).name] = X1Rate[i][j])));
  X2.forEach((row, i) => row.forEach((entry, j) => (rates[(entry as { name: string }).name] = X2Rate[i][j])));
  const P = matMul(X2, inverse(X1));
  return {
    id: 'prop1.7-8.lemma',
    category: 'identity',
    section: 'II-A',
    equation: '(7)-(8)',
    title: 'P = X2 X1^{-1} solves the general Riccati equation (7) when (X1, X2) solves the LTI system (8)',
    statement: String.raw`\dot P = AP + PA^\top - PRP + Q \text{ is solved by } P = X_2X_1^{-1},\ \begin{bmatrix}\dot X_1\\ \dot X_2\end{bmatrix} = \begin{bmatrix}-A^\top & R\\ Q & A\end{bmatrix}\begin{bmatrix}X_1\\ X_2\end{bmatrix}`,
    hypotheses: [String.raw`X_1(t) \text{ invertible}`],
    scope: 'n = 2, general A, symmetric Q and R, general X1 and X2',
    check: {
      kind: 'identity',
      lhs: matDt(P),
      rhs: matAdd(matSub(matAdd(matMul(A, P), matMul(P, transpose(A))), matMul(P, R, P)), Q),
      rates,
    },
  };
}

/** Do X1, X2 of (9) solve (8) with A = Sigma_Y, Q = 0 and R = r I? */
function routeX1(r: number): { lhs: ExprMatrix; rhs: ExprMatrix; rates: Rates } {
  const eigenvalues: Eigenvalue[] = [sigma1, sigma2, 0];
  const { Sigma, S, SInverse, G, rates } = closedForm(eigenvalues);
  const W0 = symmetricSymbols('w', 3);
  const X1 = matMul(SInverse, matAdd(identity(3), matMul(G, W0)));
  const X2 = matMul(S, W0);
  return { lhs: matDt(X1), rhs: matAdd(matMul(matNeg(Sigma), X1), matScale(r, X2)), rates };
}

function routeEntries(): CatalogEntry[] {
  const paper = routeX1(1);
  const corrected = routeX1(2);
  const eigenvalues: Eigenvalue[] = [sigma1, sigma2, 0];
  const { Sigma, S, rates } = closedForm(eigenvalues);
  const W0 = symmetricSymbols('w', 3);
  const scope = String.raw`$n = 3$ with eigenvalues $\sigma_1, \sigma_2, 0$ ($K = 2$), general symmetric $W_0$`;
  return [
    {
      id: 'prop1.9.X1',
      category: 'identity',
      section: 'II-A',
      equation: '(8)-(9)',
      title: 'X1 = S^{-1}(I + G W0) solves the first row of (8) with the paper\'s R = I_n',
      statement: String.raw`A = \Sigma_Y,\ Q = 0,\ R = I_n:\ \dot X_1 = -A^\top X_1 + R X_2 \text{ for } X_1 = S^{-1}(I_n + G\Phi^\top W_0\Phi),\ X_2 = S\Phi^\top W_0\Phi`,
      hypotheses: [],
      scope,
      // Y >= 0 with eigenvalues 2 sigma > sigma > 0, W0 = L L^T, at t = 0 (S = I, G = 0): the only
      // time at which e^{sigma_i t} and t are both rational for rational sigma_i.
      check: {
        kind: 'identity',
        lhs: paper.lhs,
        rhs: paper.rhs,
        rates: paper.rates,
        witness: witness(gram('w', 'l', 3), { values: { sigma1: mul(2, sym('sigma')), sigma2: sym('sigma'), v1: num(1), v2: num(1), t: num(0) }, domains: { sigma: 'positive' } }),
      },
      correction: {
        statement: String.raw`R = 2I_n \text{ (and } A = \mathrm{diag}(\Sigma_Y, 0_{n-K})\text{, an } n\times n \text{ matrix)}: \dot X_1 = -A X_1 + 2X_2`,
        check: { kind: 'identity', lhs: corrected.lhs, rhs: corrected.rhs, rates: corrected.rates },
      },
      notes:
        String.raw`$\frac{d}{dt}S^{-1}(I + G\tilde W_0) = -AX_1 + S^{-1}\dot G\tilde W_0$ and $S^{-1}\dot G = 2S$, so the residual with $R = I$ is exactly $X_2$. Equation (4) has $-2W^2$, i.e. $R = 2I$ in (7); with $R = I$ the route of the proof describes $\dot P = AP + PA - P^2$ instead. The closed form (5) itself is right (the prop1.closed-form entries).`,
    },
    {
      id: 'prop1.9.X2',
      category: 'identity',
      section: 'II-A',
      equation: '(8)-(9)',
      title: 'X2 = S W0 solves the second row of (8) (Q = 0)',
      statement: String.raw`\dot X_2 = Q X_1 + A X_2 = \Sigma_Y X_2 \text{ for } X_2 = S\Phi^\top W_0\Phi`,
      hypotheses: [],
      scope,
      check: { kind: 'identity', lhs: matDt(matMul(S, W0)), rhs: matMul(Sigma, S, W0), rates },
    },
  ];
}

function routeProduct(): CatalogEntry {
  const { S, SInverse, G } = closedForm([sigma1, sigma2]);
  const W0 = symmetricSymbols('w', 2);
  const X1 = matMul(SInverse, matAdd(identity(2), matMul(G, W0)));
  return {
    id: 'prop1.9.product',
    category: 'identity',
    section: 'II-A',
    equation: '(9)',
    title: 'X2 X1^{-1} of (9) equals the closed form (5)',
    statement: String.raw`S\Phi^\top W_0\Phi\,\big(S^{-1}(I_n + G\Phi^\top W_0\Phi)\big)^{-1} = S\tilde W_0(I_n + G\tilde W_0)^{-1}S^\top`,
    hypotheses: [],
    scope: String.raw`$n = 2$, general symmetric $W_0$`,
    check: {
      kind: 'identity',
      lhs: matMul(S, W0, inverse(X1)),
      rhs: matMul(S, W0, inverse(matAdd(identity(2), matMul(G, W0))), S),
    },
  };
}

/** det(I + G W0) > 0 for G >= 0 diagonal and W0 = L L^T >= 0 (Cholesky parametrization). */
function invertibility(): CatalogEntry {
  const [l11, l21, l22, g1, g2] = ['l11', 'l21', 'l22', 'g1', 'g2'].map(sym);
  const W0: ExprMatrix = [
    [mul(l11, l11), mul(l11, l21)],
    [mul(l11, l21), add(mul(l21, l21), mul(l22, l22))],
  ];
  const M = matAdd(identity(2), matMul(diagonal([g1, g2]), W0));
  const det = sub(mul(M[0][0], M[1][1]), mul(M[0][1], M[1][0]));
  return {
    id: 'prop1.invertible',
    category: 'inequality',
    section: 'II-A',
    equation: 'Prop. 1, proof',
    title: 'I + G(t) W0 is invertible: det(I + G W0) > 0 for G >= 0 diagonal, W0 >= 0',
    statement: String.raw`\text{all eigenvalues of } G(t)W_0 \text{ are real and non-negative, so } X_1(t) \text{ is invertible } \forall t`,
    hypotheses: [String.raw`G(t) \succeq 0`, String.raw`W_0 = LL^\top \succeq 0`],
    scope: String.raw`$n = 2$, every PSD $W_0$ (as $LL^\top$ with $L$ lower triangular) and every diagonal $G \succeq 0$`,
    check: { kind: 'inequality', lhs: det, relation: '>', rhs: num(0), domains: { g1: 'nonnegative', g2: 'nonnegative' } },
    notes: String.raw`$G(t) \succeq 0$ holds for eigenvalues of either sign (prop1.G.sign), so invertibility, and the closed form, extend to indefinite $Y$.`,
  };
}

function gEntries(): CatalogEntry[] {
  const [p, d] = [sym('p'), sym('d')];
  return [
    {
      id: 'prop1.G.limit',
      category: 'identity',
      section: 'II-A',
      equation: '(6)',
      title: 'the K block of G(t) tends to the n - K block as sigma -> 0',
      statement: String.raw`\lim_{\sigma\to 0} \sigma^{-1}(e^{2\sigma t} - 1) = 2t`,
      hypotheses: [],
      check: {
        kind: 'limit',
        expression: '(exp(2*sigma*t)-1)/sigma',
        variable: 'sigma',
        expected: '2*t',
        domains: { t: 'positive' },
        evaluate: (sigma, point) => Math.expm1(2 * sigma * point.t) / sigma,
        evaluateExpected: (point) => 2 * point.t,
      },
      notes: 'So G(t) is continuous in the eigenvalues and (6) is one formula: a zero eigenvalue is the limit of small ones.',
    },
    {
      id: 'prop1.G.sign',
      category: 'inequality',
      section: 'II-A',
      equation: '(6)',
      title: 'G(t) >= 0 also for a negative eigenvalue (indefinite Y)',
      statement: String.raw`\sigma < 0,\ t \ge 0:\ \sigma^{-1}(e^{2\sigma t} - 1) \ge 0`,
      hypotheses: [String.raw`\sigma = -p < 0`, String.raw`u = e^{2\sigma t} = 1 - d \le 1 \ (t \ge 0)`],
      check: {
        kind: 'inequality',
        lhs: div(sub(sym('u'), 1), sym('sigma')),
        relation: '>=',
        rhs: num(0),
        domains: { p: 'positive', d: 'nonnegative' },
        substitutions: { sigma: mul(-1, p), u: sub(1, d) },
      },
      notes: String.raw`Not in the paper (Proposition 1 assumes $Y \succeq 0$); with prop1.invertible it extends Proposition 1 to indefinite $Y$.`,
    },
  ];
}

export const proposition1Entries: CatalogEntry[] = [
  closedFormSolves([sigma1, sigma2], symmetricSymbols('w', 2), 'prop1.closed-form.n2', String.raw`$n = 2$, general symmetric $W_0$`),
  closedFormSolves(
    [sigma1, 0, 0],
    // A fixed full PSD W0 = L L^T (L = [[1,0,0],[2,1,0],[-1,3,2]]): with symbolic entries the
    // 3 x 3 adjugate makes nerdamer run for minutes; general W0 is covered by prop1.9.* and prop1.7-8.lemma.
    matrix([
      [1, 2, -1],
      [2, 5, 1],
      [-1, 1, 14],
    ]),
    'prop1.closed-form.n3',
    String.raw`$n = 3$ with a double zero eigenvalue ($K = 1$), a fixed full PSD $W_0$ coupling both blocks; $t$ and $\sigma_1$ symbolic`,
  ),
  initialValue(),
  basisChange(),
  linearization(),
  ...routeEntries(),
  routeProduct(),
  invertibility(),
  ...gEntries(),
];
