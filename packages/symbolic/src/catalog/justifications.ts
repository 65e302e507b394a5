/**
 * Item 1 of issue 17: the stated reasons of Min & Vidal (2025), Sections II-III, checked apart from
 * their steps. Each entry takes the reason as its only hypotheses (with the standing ones of the
 * section) and asks whether the step follows. A reason that does not suffice gets an exact witness
 * that satisfies the reason but not the step, and a correction naming the hypothesis that does.
 * Symbols are theorem3.ts's: sl = sigma_{l,Y}, s0 = sigma_{l,0}, u = e^{2 sigma_l t}.
 */
import { add, div, mul, num, sub, substitute, sym, type Expr } from '../expr.js';
import type { CatalogEntry } from '../entry.js';
import { determinant, identity, matMul, matScale, matSub, transpose, type ExprMatrix } from '../matrix.js';
import { trajectory12 } from './corollary2.js';
import { Matrix, spectralNorm } from './numeric.js';
import { gaussianMatrix, numericSearch, randomInteger, randomPositiveDefinite } from './random.js';
import { inequalityOf, scalarRightSide } from './lookup.js';

const [alpha, sl, s0, eps, w, g] = ['alpha', 'sl', 's0', 'eps', 'w', 'g'].map(sym);
const category = 'justification' as const;

/** A lower triangular 2 x 2 matrix of symbols: with its transpose, every PSD 2 x 2 matrix. */
function lowerTriangular(prefix: string): ExprMatrix {
  return [
    [sym(`${prefix}11`), num(0)],
    [sym(`${prefix}21`), sym(`${prefix}22`)],
  ];
}

/** The coefficients of the characteristic polynomial lambda^2 - tr(A) lambda + det(A) of a 2 x 2 matrix. */
function invariants(A: ExprMatrix): Expr[] {
  return [add(A[0][0], A[1][1]), determinant(A)];
}

function propositionOne(): CatalogEntry[] {
  const H = lowerTriangular('h');
  const L = lowerTriangular('l');
  const W0 = matMul(L, transpose(L));
  return [
    {
      id: 'just.prop1.eigenvalues',
      section: 'II-A',
      equation: 'Prop. 1, proof',
      category,
      title: '"all eigenvalues of G(t) W0 are real and non-negative since both are PSD": the reason suffices',
      statement: String.raw`\text{all eigenvalues of } G(t)W_0 \text{ are real and non-negative since both } G(t) \text{ and } W_0 \text{ are positive semi-definite}`,
      hypotheses: [String.raw`G = HH^\top \succeq 0`, String.raw`W_0 = LL^\top \succeq 0`],
      scope: String.raw`$n = 2$, every PSD $G = HH^\top$ and $W_0 = LL^\top$ ($H$, $L$ lower triangular); the step: $GW_0$ and $H^\top W_0H$, a Gram matrix, have one characteristic polynomial (equal trace and determinant)`,
      check: { kind: 'identity', lhs: [invariants(matMul(H, transpose(H), W0))], rhs: [invariants(matMul(transpose(H), W0, H))] },
      notes:
        String.raw`$GW_0 = H(H^\top W_0)$ has the spectrum of $H^\top W_0H = (H^\top L)(H^\top L)^\top$, which is symmetric PSD: its eigenvalues are real and $\ge 0$. Only $G \succeq 0$ and $W_0 \succeq 0$ are used, as the sentence says; $G(t)$ is diagonal in (6), which the check does not need.`,
    },
    {
      id: 'just.prop1.X1',
      section: 'II-A',
      equation: 'Prop. 1, proof',
      category,
      title: '"then X1(t) is invertible": eigenvalues of G W0 >= 0 give det X1 > 0',
      statement: String.raw`\text{[eigenvalues of } G(t)W_0 \ge 0\text{], then } X_1(t) = S^{-1}(t)(I_n + G(t)W_0) \text{ is invertible } \forall t`,
      hypotheses: [String.raw`\lambda_1, \lambda_2 \ge 0 \text{ the eigenvalues of } G(t)W_0`, String.raw`q = \det S^{-1}(t) = e^{-\operatorname{tr}(\Sigma_Y)t} > 0`],
      scope: String.raw`$n = 2$: $\det X_1 = \det S^{-1}\,(1 + \lambda_1)(1 + \lambda_2)$; for any $n$ the product has one factor $1 + \lambda_i > 0$ per eigenvalue`,
      check: {
        kind: 'inequality',
        lhs: mul(sym('q'), add(1, sym('l1')), add(1, sym('l2'))),
        relation: '>',
        rhs: num(0),
        domains: { q: 'positive', l1: 'nonnegative', l2: 'nonnegative' },
      },
    },
  ];
}

/** alpha sigma_{l,0} <= sigma_{l,Y} (thm3.star-premise, from Theorem 3's hypotheses) and t >= 0, as slacks. */
const belowTarget = { sigma: add(mul(alpha, s0), g), u: add(1, w) };
const spectralText = [
  String.raw`\alpha \le c_\varepsilon = \varepsilon/\max_i\sigma_{i,0}`,
  String.raw`\varepsilon \le \sigma_{K,Y} \le \sigma_{l,Y},\ l \le K`,
  String.raw`u = e^{2\sigma_{l,Y}t} \ge 1`,
];

function theoremThree(): CatalogEntry[] {
  const rate = scalarRightSide('cor2.derivative');
  const sigmaW = (u: ReturnType<typeof sym>) => trajectory12(alpha, sl, s0, u);
  const u = sym('u');
  return [
    {
      id: 'just.thm3.monotone',
      section: 'III-A',
      equation: '(19)-(20), (*)',
      category,
      title: '(*) "uses the monotonicity of sigma_{i,W}(t)": Theorem 3\'s hypotheses make sigma_{l,W} non-decreasing for l <= K',
      statement: String.raw`(*) \text{ uses the monotonicity of } \sigma_{i,W}(t)`,
      hypotheses: [String.raw`\sigma_{l,Y} - \alpha\sigma_{l,0} = g \ge 0 \ (\text{thm3.star-premise: from } \alpha \le c_\varepsilon,\ \varepsilon \le \sigma_{K,Y})`, String.raw`u = e^{2\sigma_{l,Y}t} \ge 1`],
      scope: 'the derivative of (12) in closed form (cor2.derivative) at every admissible point',
      check: {
        kind: 'inequality',
        lhs: substitute(rate, belowTarget),
        relation: '>=',
        rhs: num(0),
        domains: { alpha: 'positive', s0: 'positive', g: 'nonnegative', w: 'nonnegative' },
      },
      uses: ['alpha <= c_eps', 'eps <= sigma_K'],
      notes:
        String.raw`The paper makes monotonicity an assumption of its discussion ("we assume $\alpha$ is sufficiently small so that $\sigma_{i,W}(t)$ is monotonically increasing"), not of Theorem 3; $\alpha \le c_\varepsilon$ supplies it: $\alpha\sigma_{l,0} \le \varepsilon \le \sigma_{l,Y}$. Only non-decreasing: at $\alpha\sigma_{l,0} = \sigma_{l,Y}$ the trajectory is constant (just.thm3.19.upper). It covers the second $(*)$ of (19) and of (20), with $t \in \mathcal I_k$ (thm3.19.time, thm3.20.time).`,
    },
    {
      id: 'just.thm3.19.upper',
      section: 'III-A',
      equation: '(19), first (*)',
      category,
      title: '(*) monotonicity does not give the strict sigma_{l,Y} > sigma_{l,W}(t)',
      statement: String.raw`\sigma_{l,Y} \overset{(*)}{>} \sigma_{l,W}(t),\ (*) \text{ uses the monotonicity of } \sigma_{i,W}(t)`,
      hypotheses: [...spectralText, String.raw`\dot\sigma_{l,W} \ge 0 \text{ (the reason)}`],
      scope: String.raw`$n = K = 1$, $t = \ln 2/(2\sigma_{1,Y})$ ($u = 2$)`,
      check: {
        kind: 'witness',
        point: { alpha: '1', s0: '1', m0: '1', eps: '1', sl: '1', u: '2' },
        hypotheses: [
          { lhs: alpha, comparison: '>', rhs: num(0), text: String.raw`\alpha > 0` },
          { lhs: s0, comparison: '>', rhs: num(0), text: String.raw`\sigma_{l,0} > 0` },
          { lhs: s0, comparison: '<=', rhs: sym('m0'), text: String.raw`\sigma_{l,0} \le \max_i\sigma_{i,0}` },
          { lhs: alpha, comparison: '<=', rhs: div(eps, sym('m0')), text: String.raw`\alpha \le c_\varepsilon` },
          { lhs: eps, comparison: '>', rhs: num(0), text: String.raw`\varepsilon > 0` },
          { lhs: eps, comparison: '<=', rhs: sl, text: String.raw`\varepsilon \le \sigma_{K,Y} = \sigma_{l,Y}` },
          { lhs: u, comparison: '>=', rhs: num(1), text: String.raw`u = e^{2\sigma_{l,Y}t} \ge 1` },
          { lhs: substitute(rate, { sigma: sl }), comparison: '>=', rhs: num(0), text: String.raw`\dot\sigma_{l,W}(t) \ge 0` },
        ],
        claim: { lhs: sl, comparison: '>', rhs: sigmaW(u), text: String.raw`\sigma_{l,Y} > \sigma_{l,W}(t)` },
      },
      correction: {
        statement: String.raw`\text{step holds as } \sigma_{l,Y} \ge \sigma_{l,W}(t)\text{; the strict } > \text{ follows from } \alpha\sigma_{l,0} < \sigma_{l,Y} \text{ (strict monotonicity), e.g. } \alpha < c_\varepsilon`,
        check: {
          kind: 'inequality',
          lhs: sl,
          relation: '>',
          rhs: sigmaW(add(1, w)),
          domains: { alpha: 'positive', s0: 'positive', g: 'positive', w: 'nonnegative' },
          substitutions: { sl: add(mul(alpha, s0), g) },
        },
      },
      uses: ['alpha <= c_eps', 'eps <= sigma_K'],
      notes: String.raw`A non-decreasing trajectory with limit $\sigma_{l,Y}$ stays $\le \sigma_{l,Y}$; strictness needs strict increase. At $\alpha = c_\varepsilon$, $\varepsilon = \sigma_{K,Y} = \sigma_{l,Y}$, $\sigma_{l,0} = \max_i\sigma_{i,0}$ the trajectory is the constant $\sigma_{l,Y}$ (same point as the erratum thm3.19.upper).`,
    },
    {
      id: 'just.thm3.20.positive',
      section: 'III-A',
      equation: '(20), first (*)',
      category,
      title: '(*) monotonicity gives 0 < sigma_{l,W}(t): sigma_{l,W}(t) >= sigma_{l,W}(0) = alpha sigma_{l,0} > 0',
      statement: String.raw`0 \overset{(*)}{<} \sigma_{l,W}(t),\ (*) \text{ uses the monotonicity of } \sigma_{i,W}(t)`,
      hypotheses: [String.raw`\sigma_{l,W}(t) = \sigma_{l,W}(0) + w,\ w \ge 0 \text{ (the reason, } t \ge 0)`, String.raw`\sigma_{l,W}(0) = \alpha\sigma_{l,0} \text{ (cor2.12.initial)}`, String.raw`\sigma_{l,0} > 0,\ l \le K`],
      check: { kind: 'inequality', lhs: num(0), relation: '<', rhs: add(mul(alpha, s0), w), domains: { alpha: 'positive', s0: 'positive', w: 'nonnegative' } },
      uses: ['sigma_{i,0} > 0 (i <= K)'],
    },
    {
      id: 'just.thm3.19.star',
      section: 'III-A',
      equation: '(19), (star)',
      category,
      title: '(star) of (19) "uses sigma_{l,Y} - alpha sigma_{l,0} >= 0": the reason suffices (with sigma_l <= sigma_1)',
      statement: String.raw`(\star) \text{ uses the fact that } \sigma_{l,Y} - \alpha\sigma_{l,0} \ge 0,\ \forall l \le K`,
      hypotheses: [String.raw`\sigma_{l,Y} - \alpha\sigma_{l,0} = g \ge 0 \text{ (the reason)}`, String.raw`\sigma_{1,Y} \ge \sigma_{l,Y} \text{ (standing: decreasing order)}`],
      check: inequalityOf('thm3.19.star'),
      notes: String.raw`The reason is needed: with $\sigma_{l,Y} - \alpha\sigma_{l,0} < 0$ the denominator $(\sigma_{l,Y} - \alpha\sigma_{l,0}) + C_\varepsilon\sigma_{l,0}$ drops below $C_\varepsilon\sigma_{l,0}$.`,
    },
    {
      id: 'just.thm3.20.star',
      section: 'III-A',
      equation: '(20), (star)',
      category,
      title: '(star) of (20) "uses sigma_{l,Y} - alpha sigma_{l,0} >= 0": that fact alone does not imply the step',
      statement: String.raw`\frac{c_\varepsilon\sigma_{l,Y}\sigma_{l,0}}{(\sigma_{l,Y} - \alpha\sigma_{l,0}) + c_\varepsilon\sigma_{l,0}} \overset{(\star)}{\le} c_\varepsilon\sigma_{l,0},\ (\star) \text{ uses } \sigma_{l,Y} - \alpha\sigma_{l,0} \ge 0`,
      hypotheses: [String.raw`\sigma_{l,Y} - \alpha\sigma_{l,0} \ge 0 \text{ (the reason)}`, String.raw`\alpha, \sigma_{l,0}, \sigma_{l,Y}, c_\varepsilon > 0`],
      check: {
        kind: 'witness',
        point: { sl: '3', alpha: '2', s0: '1', cE: '1' },
        hypotheses: [
          { lhs: sub(sl, mul(alpha, s0)), comparison: '>=', rhs: num(0), text: String.raw`\sigma_{l,Y} - \alpha\sigma_{l,0} \ge 0` },
          { lhs: alpha, comparison: '>', rhs: num(0), text: String.raw`\alpha > 0` },
          { lhs: s0, comparison: '>', rhs: num(0), text: String.raw`\sigma_{l,0} > 0` },
          { lhs: sym('cE'), comparison: '>', rhs: num(0), text: String.raw`c_\varepsilon > 0` },
        ],
        claim: {
          lhs: div(mul(sym('cE'), sl, s0), add(sub(sl, mul(alpha, s0)), mul(sym('cE'), s0))),
          comparison: '<=',
          rhs: mul(sym('cE'), s0),
          text: String.raw`\frac{c_\varepsilon\sigma_{l,Y}\sigma_{l,0}}{(\sigma_{l,Y} - \alpha\sigma_{l,0}) + c_\varepsilon\sigma_{l,0}} \le c_\varepsilon\sigma_{l,0}`,
        },
      },
      correction: {
        statement: String.raw`\text{step holds; stated reason insufficient; the step follows from } \alpha \le c_\varepsilon \text{ itself (the gap is } \tfrac{c_\varepsilon\sigma_{l,0}^2(c_\varepsilon - \alpha)}{(\sigma_{l,Y} - \alpha\sigma_{l,0}) + c_\varepsilon\sigma_{l,0}}\text{), with } \sigma_{l,Y} - \alpha\sigma_{l,0} \ge 0 \text{ keeping the denominator positive}`,
        check: inequalityOf('thm3.20.star'),
      },
      uses: ['alpha <= c_eps'],
      notes: String.raw`The sentence adds that the fact is "derived from $\alpha \le c_\varepsilon$"; the step needs $\alpha \le c_\varepsilon$ directly, not only through $\sigma_{l,Y} - \alpha\sigma_{l,0} \ge 0$ (the witness has $\alpha = 2 > c_\varepsilon = 1$).`,
    },
    {
      id: 'just.thm3.21',
      section: 'III-A',
      equation: '(21)',
      category,
      title: '"since we have assumed alpha <= c_eps": it gives alpha sigma_{l,0} <= eps for l > K when max_i runs over all i',
      statement: String.raw`\text{since we have assumed } \alpha \le c_\varepsilon, \text{ we have } \forall l > K,\ \frac{\alpha\sigma_{l,0}}{1 + 2\alpha\sigma_{l,0}t} \le \alpha\sigma_{l,0} \le \varepsilon`,
      hypotheses: [String.raw`\alpha \le c_\varepsilon = \varepsilon/\max_{1\le i\le n}\sigma_{i,0}`, String.raw`t \ge 0`],
      check: inequalityOf('thm3.21.bound'),
      uses: ['alpha <= c_eps'],
      notes: String.raw`The reason suffices only when the max in $c_\varepsilon$ includes the indices $l > K$; with the max over $i \le K$ it does not (reading.thm3.d.K has an exact counterexample to Theorem 3 under that reading).`,
    },
  ];
}

/** A random symmetric pair 0 <= A <= B of size k: B = A + P with P >= 0. */
function loewnerPair(k: number, uniform: () => number): [Matrix, Matrix] {
  const root = gaussianMatrix(k, k, uniform);
  const A = root.mmul(root.transpose());
  const P = randomPositiveDefinite(k, uniform).mul(10 ** (2 * uniform() - 1));
  return [A, A.clone().add(P)];
}

function theoremFour(): CatalogEntry[] {
  const [u11, u12, u22, g1, g2, v, m, d1, dK] = ['u11', 'u12', 'u22', 'g1', 'g2', 'v', 'm', 'd1', 'dK'].map(sym);
  // V = U U^T with U upper triangular: every 2 x 2 V > 0 (as in loewner.ts).
  const [V11, V12, V22] = [add(mul(u11, u11), mul(u12, u12)), mul(u12, u22), mul(u22, u22)];
  const M = add(1, m);
  return [
    {
      id: 'just.thm4.loewner-norm',
      section: 'III-B',
      equation: 'H11, Loewner chain',
      category,
      title: '"from which we know ||V1~|| <= ||V11||": 0 <= A <= B gives ||A|| <= ||B|| (numeric search)',
      statement: String.raw`0 \prec \dots \preceq \tilde V_1 \preceq V_{11}, \text{ from which we know } \|\tilde V_1\| \le \|V_{11}\|`,
      hypotheses: [String.raw`0 \preceq A \preceq B`],
      scope: String.raw`random $0 \preceq A \preceq B$ of size 1 to 6 (numeric search); the reason needs its lower end: $A = -2I \preceq B = I$ has $\|A\| > \|B\|$`,
      check: numericSearch(200, (uniform) => {
        const [A, B] = loewnerPair(randomInteger(uniform, 1, 6), uniform);
        return spectralNorm(A) > spectralNorm(B) * (1 + 1e-10) ? `||A|| = ${spectralNorm(A)} > ||B|| = ${spectralNorm(B)}` : undefined;
      }),
      notes: String.raw`For PSD matrices the norm is the largest eigenvalue, which $A \preceq B$ cannot increase (Courant-Fischer). The chain printed in the paper starts at $0 \prec$, so the reason as stated suffices.`,
    },
    {
      id: 'just.thm4.a.submatrix',
      section: 'III-B',
      equation: '(a)',
      category,
      title: '(a) "the norm of a submatrix is bounded by that of the full matrix": any rows and columns (numeric search)',
      statement: String.raw`\|V_{11}\| \le M,\ \|V_{12}\| \le M \text{ because the norm of submatrix is bounded by that of the full matrix}`,
      hypotheses: [String.raw`M \ge \|V\|`],
      scope: 'random general matrices of size 1 to 6 and random non-empty row and column subsets (numeric search)',
      check: numericSearch(200, (uniform) => {
        const rows = randomInteger(uniform, 1, 6);
        const columns = randomInteger(uniform, 1, 6);
        const A = gaussianMatrix(rows, columns, uniform);
        const pick = (size: number) => {
          const chosen = Array.from({ length: size }, (_, i) => i).filter(() => uniform() < 0.5);
          return chosen.length > 0 ? chosen : [randomInteger(uniform, 0, size - 1)];
        };
        const part = A.selection(pick(rows), pick(columns));
        return spectralNorm(part) > spectralNorm(A) * (1 + 1e-10) ? `a ${part.rows} x ${part.columns} submatrix has the larger norm` : undefined;
      }),
      notes: String.raw`The reason covers $V_{11}$ and the off-diagonal block $V_{12}$ alike (it is not limited to principal submatrices): a submatrix is $E_1^\top VE_2$ with $E_i$ made of identity columns, of norm 1.`,
    },
    {
      id: 'just.thm4.a.interlacing',
      section: 'III-B',
      equation: '(a)',
      category,
      title: '(a) "||V22^{-1}|| <= M is due to the interlacing theorem": lambda_min(V) <= lambda_min(V22), 1 x 1 blocks',
      statement: String.raw`\|V_{22}^{-1}\| \le M \text{ is due to the interlacing theorem [25] for principal submatrix}`,
      hypotheses: [String.raw`V = V^\top \succ 0 \ (2\times 2)`, String.raw`M \ge \|V^{-1}\| = 1/\lambda_{\min}(V)`],
      scope: String.raw`$n = 2$, $k = 1$: $\det(V - v_{22}I) = -v_{12}^2 \le 0$, so $V - v_{22}I$ is not positive definite and $\lambda_{\min}(V) \le v_{22}$; blocks of any size: numeric search in thm4.a`,
      check: {
        kind: 'inequality',
        lhs: determinant(matSub([[sym('v11'), sym('v12')], [sym('v12'), sym('v22')]], matScale(sym('v22'), identity(2)))),
        relation: '<=',
        rhs: num(0),
        domains: {},
      },
      notes: String.raw`Interlacing needs $V$ symmetric, which $V = \tilde W_0^{-1}$ is; with $\lambda_{\min}(V_{22}) \ge \lambda_{\min}(V) > 0$, $\|V_{22}^{-1}\| = 1/\lambda_{\min}(V_{22}) \le 1/\lambda_{\min}(V) = \|V^{-1}\| \le M$.`,
    },
    {
      id: 'just.thm4.H12.fact',
      section: 'III-B',
      equation: '(29)-(30)',
      category,
      title: '"we use the fact that ||(V22 + alpha G2)^{-1}|| <= ||V22^{-1}||": G2 >= 0 gives it, 1 x 1 blocks',
      statement: String.raw`\|(V_{22} + \alpha G_2)^{-1}\| \le \|V_{22}^{-1}\|`,
      hypotheses: [String.raw`V_{22} = v > 0`, String.raw`G_2 = g \ge 0`],
      scope: String.raw`$1 \times 1$ blocks; blocks of any size: numeric search in thm4.a`,
      check: { kind: 'inequality', lhs: div(1, add(v, mul(alpha, g))), relation: '<=', rhs: div(1, v), domains: { v: 'positive', alpha: 'positive', g: 'nonnegative' } },
      notes: String.raw`The paper states the fact without its reason; the reason is $G_2 \succeq 0$ ($G(t) \succeq 0$, prop1.G.sign) with $V_{22} \succ 0$.`,
    },
    {
      id: 'just.thm4.block-inverse',
      section: 'III-B',
      equation: '(25)',
      category,
      title: '"by the inverse formula for a block matrix": both pivots of (25) are invertible, 1 x 1 blocks',
      statement: String.raw`H_{11}, H_{12}, H_{22} \text{ (by the inverse formula for a block matrix)}`,
      hypotheses: [String.raw`V \succ 0 \text{ (as } UU^\top\text{)}`, String.raw`G_1, G_2 \succeq 0`],
      scope: String.raw`$n = 2$, $k = 1$: the Schur complement $V_{11} - V_{12}(V_{22} + \alpha G_2)^{-1}V_{12}^\top + \alpha G_1 > 0$ that $H_{11}$ inverts ($V_{22} + \alpha G_2 > 0$ is its denominator)`,
      check: {
        kind: 'inequality',
        lhs: num(0),
        relation: '<',
        rhs: add(sub(V11, div(mul(V12, V12), add(V22, mul(alpha, g2)))), mul(alpha, g1)),
        domains: { u11: 'positive', u22: 'positive', alpha: 'positive', g1: 'nonnegative', g2: 'nonnegative' },
      },
      uses: ['W0 invertible'],
      notes: String.raw`The formula needs the $(2,2)$ block and its Schur complement invertible; the paper leaves this implicit. Blocks of any size: thm4.loewner.general (the complement is $\succeq$ the positive Schur complement of $V$).`,
    },
    {
      id: 'just.thm4.eps-sigma1',
      section: 'III-B',
      equation: 'H11 bound',
      category,
      title: '"since we have assumed eps <= sigma_{1,Y}": what was assumed, eps <= min(sigma_K, 1), implies it',
      statement: String.raw`\text{Since we have assumed } \varepsilon \le \sigma_{1,Y}, \text{ this also suggests } \|H_{11}\| \le \|\Sigma_k\| + \varepsilon \le 2\sigma_{1,Y}`,
      hypotheses: [String.raw`\varepsilon \le \min\{\sigma_{K,Y}, 1\}`, String.raw`\sigma_{1,Y} \ge \sigma_{K,Y}`],
      check: {
        kind: 'inequality',
        lhs: eps,
        relation: '<=',
        rhs: sym('s1'),
        domains: { eps: 'positive', dK: 'nonnegative', d1: 'nonnegative' },
        substitutions: { s1: add(eps, dK, d1) },
      },
      uses: ['eps <= sigma_K'],
      notes: String.raw`Theorem 4 assumes $\varepsilon \le \min\{\sigma_{K,Y}, 1\}$, not $\varepsilon \le \sigma_{1,Y}$; the stated reason is a consequence of the hypothesis, so the step stands.`,
    },
    {
      id: 'just.thm4.nonempty',
      section: 'III-B',
      equation: 'Thm. 4',
      category,
      title: '"Similar to the proof of Theorem 3": Theorem 4\'s constants also have c_eps < C_eps, so log(C_eps/alpha) > 0',
      statement: String.raw`\text{Similar to the proof of Theorem 3, our assumption on } \alpha \text{ ensures every } \mathcal I_k \text{ is non-empty}`,
      hypotheses: [String.raw`c_\varepsilon = \frac{\varepsilon}{16M^2},\ C_\varepsilon = \frac{16\sigma_{1,Y}^2M^2}{\varepsilon}`, String.raw`\varepsilon \le \sigma_{1,Y}`, String.raw`M \ge 1`],
      check: {
        kind: 'inequality',
        lhs: div(eps, mul(16, M, M)),
        relation: '<',
        rhs: div(mul(16, sym('s1'), sym('s1'), M, M), eps),
        domains: { eps: 'positive', d1: 'nonnegative', m: 'nonnegative' },
        substitutions: { s1: add(eps, d1) },
      },
      uses: ['eps <= sigma_K', 'alpha <= c_eps/M'],
      notes: String.raw`Theorem 3's argument (thm3.16.nonempty) needs $x_b = \log(C_\varepsilon/\alpha) > 0$; here $\alpha \le c_\varepsilon/M \le c_\varepsilon < C_\varepsilon$. With that, the same logarithmic condition gives every $\mathcal I_k$ non-empty.`,
    },
  ];
}

export const justificationEntries: CatalogEntry[] = [...propositionOne(), ...theoremThree(), ...theoremFour()];
