/**
 * Item 3 of issue 17, the sentences of Sections II-III that claim something mathematical, each
 * quoted and checked (the `text` category). Symbols follow corollary2.ts: alpha, sigma = sigma_{i,Y},
 * s0 = sigma_{i,0}, u = e^{2 sigma t}; w = e^{-2 sigma t} or 1/t where a limit t -> infinity becomes
 * a value at w = 0.
 */
import { add, div, mul, num, pow, sub, substitute, sym, type Expr } from '../../expr.js';
import type { CatalogEntry } from '../../entry.js';
import { determinant, diagonal, generalSymbols, identity, inverse, matAdd, matMul, matScale, matSub, matrix, symmetricSymbols, transpose, type ExprMatrix } from '../../matrix.js';
import { trajectory12 } from '../corollary2.js';
import { scalarRightSide } from '../lookup.js';

const category = 'text' as const;
const [alpha, sigma, s0, w, c, C, g, d] = ['alpha', 'sigma', 's0', 'w', 'c', 'C', 'g', 'd'].map(sym);

/** The right-hand side W Y + Y W - 2 W^2 of (3), (4), (10), (11). */
function riccati(W: ExprMatrix, Y: ExprMatrix): ExprMatrix {
  return matSub(matAdd(matMul(W, Y), matMul(Y, W)), matScale(2, matMul(W, W)));
}

/** det(U U^T) for a general n x r U: zero whenever r < n (Cauchy-Binet), the rank argument of Section II-B and Remark III-C2. */
export function gramDeterminant(n: number, r: number): Expr {
  const U = generalSymbols('p', n, r);
  return determinant(matMul(U, transpose(U)));
}

/**
 * A fixed rotation with rational entries (a Pythagorean triple): a symbolic rotation took nerdamer
 * 24 s at n = 2 and a fixed orthogonal 3 x 3 matrix 12 s, over the catalog's time budget.
 */
const ORTHOGONAL = matScale(num(1, 5), matrix([
  [3, -4],
  [4, 3],
]));

function sectionTwo(): CatalogEntry[] {
  const W = symmetricSymbols('w', 2);
  const Y = symmetricSymbols('y', 2);
  const L = [
    [sym('l11'), num(0)],
    [sym('l21'), sym('l22')],
  ];
  const U = [
    [sym('l11'), num(0), num(0)],
    [sym('l21'), sym('l22'), num(0)],
  ];
  return [
    {
      id: 'text.sec2.riccati',
      section: 'II',
      equation: '(3)',
      category,
      title: '"(3) is a special form of matrix Riccati differential equations": (7) with A = Y, R = 2I, Q = 0',
      statement: String.raw`\text{(3) is a special form of matrix Riccati differential equations}`,
      hypotheses: [String.raw`A = Y = Y^\top,\ R = 2I_n,\ Q = 0 \text{ in (7)}`],
      scope: String.raw`$n = 2$, general symmetric $W$ and $Y$`,
      check: { kind: 'identity', lhs: matSub(matAdd(matMul(Y, W), matMul(W, transpose(Y))), matMul(W, matScale(2, identity(2)), W)), rhs: riccati(W, Y), symmetric: true },
      notes: String.raw`$R = 2I$, not the $R = I_n$ the proof of Proposition 1 uses (erratum prop1.9.X1).`,
    },
    {
      id: 'text.sec2B.overparametrized',
      section: 'II-B',
      equation: 'Sec. II-B',
      category,
      title: '"W0 invertible necessarily requires r >= n": det(U U^T) = 0 for r < n',
      statement: String.raw`\text{we assume } W_0 = \alpha\bar U_0\bar U_0^\top \text{ is invertible. This necessarily requires that the problem (1) is overparametrized, i.e. } r \ge n`,
      hypotheses: [String.raw`\bar U_0 \in \mathbb R^{n\times r},\ r < n`],
      scope: String.raw`$n = 3$, $r = 2$, general $\bar U_0$`,
      check: { kind: 'identity', lhs: gramDeterminant(3, 2), rhs: num(0) },
    },
    {
      id: 'text.sec2B.zero-loss',
      section: 'II-B',
      equation: 'Sec. II-B',
      category,
      title: '"the optimal value of (1) is always zero regardless of Y" when r >= n: U = [L, 0] with Y = L L^T',
      statement: String.raw`r \ge n \text{ imply that the optimal value of (1) is always zero (target is exactly factorized) regardless of the target } Y`,
      hypotheses: [String.raw`Y = LL^\top \succeq 0`, String.raw`U = [L,\ 0] \in \mathbb R^{n\times r}`],
      scope: String.raw`$n = 2$, $r = 3$, every PSD $Y = LL^\top$ ($L$ lower triangular)`,
      check: { kind: 'identity', lhs: matMul(U, transpose(U)), rhs: matMul(L, transpose(L)), symmetric: true },
      notes: String.raw`"Regardless of $Y$" within $Y \succeq 0$, the standing assumption of (1): for an indefinite $Y$ the optimum is positive, since $UU^\top \succeq 0$.`,
    },
  ];
}

function changeOfVariables(): CatalogEntry {
  const Phi = ORTHOGONAL;
  const Wt = symmetricSymbols('w', 2);
  const Sigma = diagonal([sym('sigma1'), sym('sigma2')]);
  const W = matMul(Phi, Wt, transpose(Phi));
  const Y = matMul(Phi, Sigma, transpose(Phi));
  return {
    id: 'text.sec3A.change-of-variables',
    section: 'III-A',
    equation: '(11)',
    category,
    title: '"Through a change of variables W~ = Phi^T W Phi, the dynamics on W~ is given by (11)"',
    statement: String.raw`\text{Through a change of variables } \tilde W = \Phi^\top W\Phi, \text{ the dynamics on } \tilde W \text{ is } \dot{\tilde W} = \tilde W\Sigma_Y + \Sigma_Y\tilde W - 2\tilde W^2`,
    hypotheses: [String.raw`Y = \Phi\Sigma_Y\Phi^\top,\ \Phi^\top\Phi = I`],
    scope: String.raw`$n = 2$, $\Phi = \frac15\begin{bmatrix}3 & -4\\ 4 & 3\end{bmatrix}$ (a rotation), general symmetric $\tilde W$ and diagonal $\Sigma_Y$`,
    check: { kind: 'identity', lhs: matMul(transpose(Phi), riccati(W, Y), Phi), rhs: riccati(Wt, Sigma), symmetric: true },
  };
}

function corollaryTwo(): CatalogEntry[] {
  const [w1, w2, w3] = ['w1', 'w2', 'w3'].map(sym);
  const sigmas = ['sigma1', 'sigma2', 'sigma3'].map(sym);
  const diagonalW = diagonal([w1, w2, w3]);
  const decay13 = scalarRightSide('cor2.13.ode');
  const [a, b, v1, v2, sigma1, sigma2] = ['a', 'b', 'v1', 'v2', 'sigma1', 'sigma2'].map(sym);
  // A rank-one W0 = l l^T, l = (a, b): Phi_Y^T W0 Phi_Y singular with K = n = 2.
  const W0 = [
    [mul(a, a), mul(a, b)],
    [mul(a, b), mul(b, b)],
  ];
  const S = diagonal([v1, v2]);
  const G = diagonal([div(sub(mul(v1, v1), 1), sigma1), div(sub(mul(v2, v2), 1), sigma2)]);
  const closed = matMul(S, W0, inverse(matAdd(identity(2), matMul(G, W0))), S);
  const x = [div(b, v1), div(mul(-1, a), v2)];
  const quadratic = add(...[0, 1].flatMap((i) => [0, 1].map((j) => mul(x[i], closed[i][j], x[j]))));
  return [
    {
      id: 'text.cor2.decoupled',
      section: 'III-A',
      equation: '(11)',
      category,
      title: '"whose solution W~(t) is diagonal, and the dynamics of diagonal entries are decoupled"',
      statement: String.raw`\tilde W(t) \text{ is diagonal } \forall t, \text{ and the dynamics of diagonal entries are decoupled from each other}`,
      hypotheses: [String.raw`\tilde W(0) = \alpha\Sigma_{U_0}^2 \text{ diagonal}`],
      scope: String.raw`$n = 3$: on diagonal matrices the right-hand side of (11) is diagonal, entry $i$ depending on $w_i$ alone; by uniqueness the solution stays diagonal`,
      check: { kind: 'identity', lhs: riccati(diagonalW, diagonal(sigmas)), rhs: diagonal([w1, w2, w3].map((entry, i) => sub(mul(2, sigmas[i], entry), mul(2, entry, entry)))) },
    },
    {
      id: 'text.cor2.zero-limit',
      section: 'III-A',
      equation: '(13)',
      category,
      title: '"(13) ... we always have lim sigma_{i,W}(t) = 0": in w = 1/t, (13) is a rational function vanishing at w = 0',
      statement: String.raw`\text{(13) is the learning trajectory for a zero singular mode, and we always have } \lim_{t\to\infty}\sigma_{i,W}(t) = 0`,
      hypotheses: [String.raw`w = 1/t`, String.raw`\alpha\sigma_{i,0} > 0 \ (\text{for } \sigma_{i,0} = 0 \text{ the trajectory is } 0)`],
      check: { kind: 'identity', lhs: substitute(div(mul(alpha, s0, w), add(w, mul(2, alpha, s0))), { w: num(0) }), rhs: num(0) },
    },
    {
      id: 'text.cor2.learns-Y',
      section: 'III-A',
      equation: '(12)-(13)',
      category,
      title: '"if sigma_{i,0} != 0 for all i with sigma_{i,Y} != 0, one has lim W(t) = Y"',
      statement: String.raw`\text{if } \sigma_{i,0} \ne 0,\ \forall i \text{ with } \sigma_{i,Y} \ne 0, \text{ one has } \lim_{t\to\infty}W(t) = Y`,
      hypotheses: [String.raw`n = 2,\ K = 1`, String.raw`w_1 = e^{-2\sigma_{1,Y}t} \to 0,\ w_2 = 1/t \to 0`],
      scope: String.raw`$n = 2$, $K = 1$: $\mathrm{diag}((12), (13))$ in the variables $w_1$, $w_2$ at $w_1 = w_2 = 0$`,
      check: {
        kind: 'identity',
        lhs: diagonal([
          substitute(div(mul(alpha, sigma, s0), add(mul(sigma, w), mul(alpha, s0, sub(1, w)))), { w: num(0) }),
          substitute(div(mul(alpha, sym('a2'), w), add(w, mul(2, alpha, sym('a2')))), { w: num(0) }),
        ]),
        rhs: diagonal([sigma, num(0)]),
        domains: { alpha: 'positive', s0: 'positive', a2: 'positive', sigma: 'positive' },
      },
    },
    {
      id: 'text.cor2.full-rank-necessary',
      section: 'III-A',
      equation: 'Cor. 2',
      category,
      title: '"learning the exact Y requires Phi_Y^T W(0) Phi_Y to have full rank": a null direction of W0 stays null',
      statement: String.raw`\text{learning the exact } Y \text{ requires } \Phi_Y^\top W(0)\Phi_Y \text{ to have full rank}`,
      hypotheses: [String.raw`K = n = 2`, String.raw`\tilde W_0 = \ell\ell^\top,\ \ell = (a, b) \text{ (singular)}`, String.raw`x(t) = S(t)^{-1}(b, -a)^\top`],
      scope: String.raw`$n = K = 2$, $\tilde W_0$ of rank one: $x(t)^\top\tilde W(t)x(t) = 0$ for every $t$, so $\tilde W(t)$ keeps a unit vector with Rayleigh quotient 0 while $Y$ has $\sigma_{2,Y} > 0$`,
      check: { kind: 'identity', lhs: quadratic, rhs: num(0) },
      notes: String.raw`The general argument is the same: $\tilde W_0v = 0$ gives $v^\top(I + \tilde W_0G)^{-1}\tilde W_0v = 0$ with $v = Sx$. The claim holds.`,
    },
    {
      id: 'text.cor2.monotone-every-i',
      section: 'III-A',
      equation: '(13)',
      category,
      title: '"assume alpha is sufficiently small so that sigma_{i,W}(t) is monotonically increasing": no alpha does it for a zero mode',
      statement: String.raw`\text{Our following discussions assume } \alpha \text{ is sufficiently small so that } \sigma_{i,W}(t) \text{ is monotonically increasing}`,
      hypotheses: [String.raw`\sigma_{i,Y} = 0,\ \sigma_{i,0} > 0`, String.raw`\dot\sigma_{i,W} = -2\sigma_{i,W}^2 \ (\text{cor2.13.ode})`],
      check: { kind: 'inequality', lhs: decay13, relation: '>=', rhs: num(0), domains: { alpha: 'positive', s0: 'positive', t: 'nonnegative' } },
      correction: {
        statement: String.raw`\text{\dots so that } \sigma_{i,W}(t) \text{ is monotonically increasing for every } i \le K\ (\alpha\sigma_{i,0} < \sigma_{i,Y},\ \text{cor2.monotone}); \text{ for } i > K,\ \sigma_{i,W}(t) \text{ of (13) is non-increasing}`,
        check: { kind: 'inequality', lhs: decay13, relation: '<=', rhs: num(0), domains: { alpha: 'positive', s0: 'positive', t: 'nonnegative' } },
      },
      notes: String.raw`Harmless for the proofs, which use monotonicity only for $l \le K$.`,
    },
  ];
}

function transitions(): CatalogEntry[] {
  const at = (K: Expr) => trajectory12(alpha, sigma, s0, div(K, alpha));
  return [
    {
      id: 'text.14.approx',
      section: 'III-A',
      equation: '(14)',
      category,
      title: '(14) "~= c sigma_{i,0}": the relative error is at most c sigma_{i,0} / sigma_{i,Y}',
      statement: String.raw`\sigma_{i,W}\big(\tfrac{1}{2\sigma_{i,Y}}\log\tfrac{c}{\alpha}\big) = \frac{c\sigma_{i,Y}\sigma_{i,0}}{\sigma_{i,Y} + (c - \alpha)\sigma_{i,0}} \simeq c\sigma_{i,0} \text{ when } c\sigma_{i,0} \ll \sigma_{i,Y}`,
      hypotheses: [String.raw`c = \alpha + d,\ d \ge 0 \ (\alpha \le c)`],
      scope: String.raw`$c\sigma_{i,0} - (14) \le (c\sigma_{i,0})^2/\sigma_{i,Y}$; with $(14) \le c\sigma_{i,0}$ when $\alpha\sigma_{i,0} \le \sigma_{i,Y}$ (thm3.20.star)`,
      check: {
        kind: 'inequality',
        lhs: sub(mul(c, s0), at(c)),
        relation: '<=',
        rhs: div(mul(c, s0, c, s0), sigma),
        domains: { alpha: 'positive', sigma: 'positive', s0: 'positive', d: 'nonnegative' },
        substitutions: { c: add(alpha, d) },
      },
    },
    {
      id: 'text.15.approx',
      section: 'III-A',
      equation: '(15)',
      category,
      title: '(15) "~= sigma_{i,Y}": the relative error is at most sigma_{i,Y} / (C sigma_{i,0})',
      statement: String.raw`\sigma_{i,W}\big(\tfrac{1}{2\sigma_{i,Y}}\log\tfrac{C}{\alpha}\big) = \frac{C\sigma_{i,Y}\sigma_{i,0}}{\sigma_{i,Y} + (C - \alpha)\sigma_{i,0}} \simeq \sigma_{i,Y} \text{ when } C\sigma_{i,0} \gg \sigma_{i,Y}`,
      hypotheses: [String.raw`\sigma_{i,Y} = \alpha\sigma_{i,0} + g,\ g \ge 0`],
      check: {
        kind: 'inequality',
        lhs: sub(sigma, at(C)),
        relation: '<=',
        rhs: div(mul(sigma, sigma), mul(C, s0)),
        domains: { alpha: 'positive', s0: 'positive', g: 'nonnegative', C: 'positive' },
        substitutions: { sigma: add(mul(alpha, s0), g) },
      },
      notes: String.raw`And $\sigma_{i,Y} - (15) \ge 0$ under the same hypothesis, so $|(15) - \sigma_{i,Y}| \le \sigma_{i,Y}^2/(C\sigma_{i,0})$.`,
    },
  ];
}

/** The prose after Theorems 3 and 4: smaller alpha separates the phases more; Theorem 4 is Theorem 3 with wider constants. */
function afterTheorems(): CatalogEntry[] {
  const [sk1, dk, M, m, mu] = ['sk1', 'dk', 'M', 'm', 'mu'].map(sym);
  const eps = sym('eps');
  return [
    {
      id: 'text.separation-grows',
      section: 'III-A',
      equation: '(16)',
      category,
      title: '"By decreasing the initialization scale alpha, these time-scale separations become more prominent": |I_k| grows with -log alpha',
      statement: String.raw`\text{By decreasing the initialization scale } \alpha, \text{ these time-scale separations become more prominent (also Section IV)}`,
      hypotheses: [String.raw`|\mathcal I_k| = \tfrac{x + \log c_\varepsilon}{2\sigma_{k+1}} - \tfrac{x + \log C_\varepsilon}{2\sigma_k},\ x = -\log\alpha`, String.raw`\sigma_k = \sigma_{k+1} + d,\ d > 0`],
      scope: String.raw`$\frac{d|\mathcal I_k|}{dx} = \frac{1}{2\sigma_{k+1}} - \frac{1}{2\sigma_k} > 0$, $k < K$ ($\mathcal I_K$ is unbounded)`,
      check: { kind: 'inequality', lhs: sub(div(1, mul(2, sk1)), div(1, mul(2, sym('sk')))), relation: '>', rhs: num(0), domains: { sk1: 'positive', dk: 'positive' }, substitutions: { sk: add(sk1, dk) } },
      notes: String.raw`The gap between the end of one transition and the start of the next grows linearly in $\log(1/\alpha)$, at rate $\frac{1}{2\sigma_{k+1}} - \frac{1}{2\sigma_k}$.`,
    },
    {
      id: 'text.thm4.resembles.c',
      section: 'III-B',
      equation: 'Thm. 4',
      category,
      title: '"Theorem 4 resembles Theorem 3 except for c_eps, C_eps": on a spectral initialization its c_eps is the smaller (alpha <= c_eps/M as well)',
      statement: String.raw`\text{The incremental learning results in Theorem 4 resemble the one in Theorem 3 \dots except for some differences in the definitions of } c_\varepsilon, C_\varepsilon`,
      hypotheses: [String.raw`\text{spectral } \tilde W_0 = \mathrm{diag}(\sigma_{i,0}):\ M = \max\{\max_i\sigma_{i,0}, \max_i\sigma_{i,0}^{-1}\} \ge \max_i\sigma_{i,0} = m_0`, String.raw`M = 1 + m \ge 1,\ m_0 = M/(1 + \mu) \le M`],
      scope: String.raw`$c_\varepsilon$ of Theorem 4, divided by $M$ as its $\alpha$ bound is, against $c_\varepsilon$ of Theorem 3`,
      check: {
        kind: 'inequality',
        lhs: div(eps, mul(16, pow(add(1, m), 3))),
        relation: '<=',
        rhs: div(eps, div(add(1, m), add(1, mu))),
        domains: { eps: 'positive', m: 'nonnegative', mu: 'nonnegative' },
      },
      notes: String.raw`Together with text.thm4.resembles.C: applied to a spectral initialization, Theorem 4 admits fewer $\alpha$ and gives shorter $\mathcal I_k$ than Theorem 3, a weaker but consistent result.`,
    },
    {
      id: 'text.thm4.resembles.C',
      section: 'III-B',
      equation: 'Thm. 4',
      category,
      title: 'and its C_eps is the larger: sigma_1^2 / (eps min_{i<=K} sigma_{i,0}) <= 16 sigma_1^2 M^2 / eps',
      statement: String.raw`C_\varepsilon^{(3)} = \frac{\sigma_{1,Y}^2}{\varepsilon\min_{i\le K}\sigma_{i,0}} \le C_\varepsilon^{(4)} = \frac{16\sigma_{1,Y}^2M^2}{\varepsilon}`,
      hypotheses: [String.raw`M = 1 + m \ge 1`, String.raw`1/\min_{i\le K}\sigma_{i,0} \le \max_i\sigma_{i,0}^{-1} \le M:\ \min_{i\le K}\sigma_{i,0} = (1 + \mu)/M`],
      check: {
        kind: 'inequality',
        lhs: div(mul(sym('s1'), sym('s1')), mul(eps, sym('mK'))),
        relation: '<=',
        rhs: div(mul(16, sym('s1'), sym('s1'), M, M), eps),
        domains: { eps: 'positive', s1: 'positive', mu: 'nonnegative', m: 'nonnegative' },
        substitutions: { M: add(1, m), mK: div(add(1, mu), add(1, m)) },
      },
    },
  ];
}

export const claimEntries: CatalogEntry[] = [...sectionTwo(), changeOfVariables(), ...corollaryTwo(), ...transitions(), ...afterTheorems()];
