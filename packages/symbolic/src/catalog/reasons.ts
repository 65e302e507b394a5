/**
 * Item 1 of issue 17 for the stated reasons of Theorem 4's proof that justifications.ts leaves to
 * the steps' own entries: the reasons given for (b) and (c), the "from [25]" of the H11 bound and
 * the label (W0~^{-1} = V) on the second equality of (24). The steps are checked by thm4.b,
 * thm4.c, thm4.H11.perturbation and thm4.24; here each REASON is the hypothesis, and the question
 * is whether it implies its step (Min & Vidal 2025, Sec. III-B).
 */
import type { InequalityCheck } from '../check.js';
import { add, div, mul, num, pow, sym, type Expr } from '../expr.js';
import type { CatalogEntry } from '../entry.js';
import { identityOf, inverted, product, scaled, sum } from '../exactMatrix.js';
import { constant, letter, ncAdd, ncMul, ncNeg, ncSub, scalar, type NCPoly, type Rule } from '../noncommutative.js';
import type { NCInstance, NoncommutativeCheck } from '../noncommutativeCheck.js';
import { Rational } from '../rational.js';
import type { Domain } from '../sign.js';
import { diagonalOf, inversePairs, positiveDefinite, small } from './blockAlgebra.js';

const category = 'justification' as const;
const common = { section: 'III-B', category } as const;
const [alpha, C, m, d, d1, d2, d3, s1] = ['alpha', 'C', 'm', 'd', 'd1', 'd2', 'd3', 's1'].map(sym);
const M = sym('M');
const I = constant(1);
const word = (...names: string[]): NCPoly => ncMul(...names.map(letter));
const ncAlpha = scalar('alpha');

/** A size from 2 to 5 for the exact instances of a noncommutative check. */
const size = (uniform: () => number): number => 2 + Math.floor(uniform() * 4);
const positives = (n: number, uniform: () => number): Rational[] => Array.from({ length: n }, () => small(uniform, true));

function reasonB(): CatalogEntry[] {
  return [
    {
      ...common,
      id: 'just.thm4.b',
      equation: '(b)',
      title: '(b) "we have sigma_K^{-1} alpha <= sigma_K^{-1} eps <= 1 <= M": the stated chain implies (M + alpha/sigma_K)/C_eps <= 2M/C_eps',
      statement: String.raw`\frac{M + \sigma_{K,Y}^{-1}\alpha}{C_\varepsilon} \overset{(\textsf b)}{\le} \frac{2M}{C_\varepsilon}, \text{ because } \sigma_{K,Y}^{-1}\alpha \le \sigma_{K,Y}^{-1}\varepsilon \le 1 \le M`,
      hypotheses: [String.raw`\varepsilon = \alpha + d_1 \ (\alpha \le \varepsilon)`, String.raw`\sigma_{K,Y} = \varepsilon + d_2 \ (\varepsilon \le \sigma_{K,Y})`, String.raw`M = 1 + m`, String.raw`C_\varepsilon > 0`],
      check: {
        kind: 'inequality',
        lhs: div(add(M, div(alpha, sym('sK'))), C),
        relation: '<=',
        rhs: div(mul(2, M), C),
        domains: { alpha: 'positive', C: 'positive', d1: 'nonnegative', d2: 'nonnegative', m: 'nonnegative' },
        substitutions: { sK: add(alpha, d1, d2), M: add(1, m) },
      },
      notes: String.raw`The reason suffices: it gives $\sigma_{K,Y}^{-1}\alpha \le M$, and $M + M = 2M$. Each link holds under Theorem 4's hypotheses: $\varepsilon \le \sigma_{K,Y}$ is assumed, $M \ge 1$ is thm4.M-at-least-1, and the first link $\alpha \le \varepsilon$, which the text does not argue, is just.thm4.b.first-link. thm4.b checks the whole chain from $\alpha \le c_\varepsilon/M$.`,
    },
    {
      ...common,
      id: 'just.thm4.b.first-link',
      equation: '(b)',
      title: '(b) the first link sigma_K^{-1} alpha <= sigma_K^{-1} eps (alpha <= eps) is not argued: it follows from alpha <= c_eps/M = eps/(16 M^3) and M >= 1',
      statement: String.raw`\sigma_{K,Y}^{-1}\alpha \le \sigma_{K,Y}^{-1}\varepsilon, \text{ i.e. } \alpha \le \varepsilon`,
      hypotheses: [String.raw`\alpha \le c_\varepsilon/M = \varepsilon/(16M^3):\ \varepsilon = 16M^3(\alpha + d)`, String.raw`M = 1 + m \ge 1`],
      check: {
        kind: 'inequality',
        lhs: alpha,
        relation: '<=',
        rhs: sym('eps'),
        domains: { alpha: 'positive', d: 'nonnegative', m: 'nonnegative' },
        substitutions: { eps: mul(16, pow(add(1, m), 3), add(alpha, d)) },
      },
      uses: ['alpha <= c_eps/M'],
      notes: String.raw`With a margin: $\alpha \le \varepsilon/16$. Theorem 4's $\varepsilon \le 1$ plays no part here either.`,
    },
  ];
}

/**
 * (c) as an inequality: ||Sigma_k|| ||Delta|| <= 1/2 for ||Sigma_k|| = sigma_1/(1 + d1) and
 * ||Delta|| = (2M/C_eps)/(1 + d2) = eps / (8 sigma_1^2 M (1 + d2)), with eps as given.
 */
export function reasonCCheck(eps: Expr, epsDomains: Readonly<Record<string, Domain>>): InequalityCheck {
  return {
    kind: 'inequality',
    lhs: mul(sym('nS'), sym('nD')),
    relation: '<=',
    rhs: num(1, 2),
    domains: { s1: 'positive', d1: 'nonnegative', d2: 'nonnegative', m: 'nonnegative', ...epsDomains },
    substitutions: { nS: div(s1, add(1, d1)), nD: div(eps, mul(8, pow(s1, 2), add(1, m), add(1, d2))) },
  };
}

function reasonC(): CatalogEntry {
  return {
    ...common,
    id: 'just.thm4.c',
    equation: '(c)',
    title: '(c) "with ||Delta|| <= 2M/C_eps, it is easy to verify": the reason suffices only with eps <= sigma_1 and M >= 1, which it does not name (margin: 1/8 <= 1/2)',
    statement: String.raw`\text{with } \|\Delta\| \le \tfrac{2M}{C_\varepsilon}, \text{ it is easy to verify that } \|\Sigma_k\|\|\Delta\| \le \sigma_{1,Y}\|\Delta\| \le \tfrac12`,
    hypotheses: [
      String.raw`\|\Delta\| \le 2M/C_\varepsilon = \varepsilon/(8\sigma_{1,Y}^2M) \text{ (the reason)}`,
      String.raw`\|\Sigma_k\| \le \sigma_{1,Y}`,
      String.raw`\varepsilon \le \sigma_{1,Y} \ (\varepsilon \le \sigma_{K,Y})`,
      String.raw`M = 1 + m \ge 1`,
    ],
    scope: String.raw`$\|\Sigma_k\| = \sigma_{1,Y}/(1 + d_1)$, $\varepsilon = \sigma_{1,Y}/(1 + d_3)$, $\|\Delta\| = (2M/C_\varepsilon)/(1 + d_2)$: every admissible value`,
    check: reasonCCheck(div(s1, add(1, d3)), { d3: 'nonnegative' }),
    uses: ['eps <= sigma_K'],
    notes: String.raw`The reason alone gives $\sigma_{1,Y}\|\Delta\| \le \varepsilon/(8\sigma_{1,Y}M)$, which is $\le \frac12$ exactly when $\varepsilon \le 4\sigma_{1,Y}M$: the verification uses Theorem 4's $\varepsilon \le \sigma_{K,Y} \le \sigma_{1,Y}$ and $M \ge 1$ (thm4.M-at-least-1), so the step holds, with the bound $\frac18$. thm4.c checks the step itself.`,
  };
}

/**
 * "from [25]": (Delta + Sigma^{-1})^{-1} - Sigma = -(I + Sigma Delta)^{-1} Sigma Delta Sigma for
 * blocks of any size; N = (Delta + Sigma^{-1})^{-1} and R = (I + Sigma Delta)^{-1} are letters.
 * Both sides are multiplied on the right by Delta + Sigma^{-1}, invertible.
 */
function perturbationIdentity(instances: number): NoncommutativeCheck {
  const rules: Rule[] = [
    // N (D + Si) = I and (D + Si) N = I.
    { lhs: ['N', 'Si'], rhs: ncSub(I, word('N', 'D')) },
    { lhs: ['Si', 'N'], rhs: ncSub(I, word('D', 'N')) },
    // R (I + S D) = I and (I + S D) R = I.
    { lhs: ['R', 'S', 'D'], rhs: ncSub(I, letter('R')) },
    { lhs: ['S', 'D', 'R'], rhs: ncSub(I, letter('R')) },
    ...inversePairs([['S', 'Si']]),
  ];
  const instance = (uniform: () => number): NCInstance => {
    const n = size(uniform);
    const s = positives(n, uniform);
    const S = diagonalOf(s);
    const Si = diagonalOf(s.map((value) => Rational.one.div(value)));
    // Delta is positive definite in the proof (a sum of congruences of V1~ > 0 and Sigma_k^{-1} > 0).
    const D = positiveDefinite(n, uniform);
    const letters = { S, Si, D, N: inverted(sum(D, Si)), R: inverted(sum(identityOf(n), product(S, D))) };
    return { sizes: [n], letters, scalars: {}, label: `k = ${n}` };
  };
  return {
    kind: 'noncommutative',
    lhs: [[ncSub(letter('N'), letter('S'))]],
    rhs: [[ncNeg(word('R', 'S', 'D', 'S'))]],
    rules,
    rightFactor: [[ncAdd(letter('D'), letter('Si'))]],
    instances,
    instance,
  };
}

/**
 * (24) with the reason W0~^{-1} = V as the only relation between W (= W0~) and V:
 * alpha S W (I + alpha G W)^{-1} S = alpha S (V + alpha G)^{-1} S, with Q = (I + alpha G W)^{-1} and
 * P = (V + alpha G)^{-1} as letters; both sides times S^{-1}(I + alpha G W) V, invertible.
 */
function labelIdentity(instances: number): NoncommutativeCheck {
  const inverseAlpha = scalar('alpha', -1);
  const rules: Rule[] = [
    { lhs: ['Q', 'G', 'W'], rhs: ncMul(inverseAlpha, ncSub(I, letter('Q'))) },
    { lhs: ['G', 'W', 'Q'], rhs: ncMul(inverseAlpha, ncSub(I, letter('Q'))) },
    // Q (I + alpha G W) V = V with W V = I: Q V + alpha Q G = V, the relation that uses the label.
    { lhs: ['Q', 'V'], rhs: ncSub(letter('V'), ncMul(ncAlpha, word('Q', 'G'))) },
    { lhs: ['P', 'V'], rhs: ncSub(I, ncMul(ncAlpha, word('P', 'G'))) },
    { lhs: ['V', 'P'], rhs: ncSub(I, ncMul(ncAlpha, word('G', 'P'))) },
    ...inversePairs([
      ['W', 'V'],
      ['S', 'Si'],
    ]),
  ];
  const instance = (uniform: () => number): NCInstance => {
    const n = size(uniform);
    const a = small(uniform, true);
    const s = positives(n, uniform);
    const V = positiveDefinite(n, uniform);
    const W = inverted(V);
    const G = diagonalOf(Array.from({ length: n }, () => small(uniform, true).mul(Rational.of(uniform() < 0.3 ? 0 : 1))));
    const letters = {
      S: diagonalOf(s),
      Si: diagonalOf(s.map((value) => Rational.one.div(value))),
      W,
      V,
      G,
      Q: inverted(sum(identityOf(n), scaled(product(G, W), a))),
      P: inverted(sum(V, scaled(G, a))),
    };
    return { sizes: [n], letters, scalars: { alpha: a }, label: `n = ${n}` };
  };
  return {
    kind: 'noncommutative',
    lhs: [[ncMul(ncAlpha, word('S', 'W', 'Q', 'S'))]],
    rhs: [[ncMul(ncAlpha, word('S', 'P', 'S'))]],
    rules,
    rightFactor: [[ncMul(letter('Si'), ncAdd(I, ncMul(ncAlpha, word('G', 'W'))), letter('V'))]],
    instances,
    instance,
  };
}

function reasonsOfBlocks(): CatalogEntry[] {
  return [
    {
      ...common,
      id: 'just.thm4.from25',
      equation: 'H11 bound, [25]',
      title: '"we have, from [25]": the algebra behind the bound, (Delta + Sigma_k^{-1})^{-1} - Sigma_k = -(I + Sigma_k Delta)^{-1} Sigma_k Delta Sigma_k, for blocks of any size',
      statement: String.raw`\text{As long as } \|\Sigma_k\|\|\Delta\| \le \tfrac12, \text{ we have, from [25], } \|(\Delta + \Sigma_k^{-1})^{-1} - \Sigma_k\| \le \frac{\|\Sigma_k\|^2\|\Delta\|}{1 - \|\Sigma_k\|\|\Delta\|}`,
      hypotheses: [String.raw`\Sigma_k \succ 0 \text{ diagonal},\ \Delta + \Sigma_k^{-1},\ I + \Sigma_k\Delta \text{ invertible}`, String.raw`\|\Sigma_k\|\|\Delta\| \le \tfrac12 \ \text{((c))}`],
      scope: String.raw`the identity for every size $k$ (noncommutative rewriting; exact rational instances with $k = 2$ to 5, $\Delta \succ 0$); the norm step after it is the Neumann series, outside the engine`,
      check: perturbationIdentity(12),
      notes: String.raw`The reason suffices, with (c) as its premise: by the identity, $\|(\Delta + \Sigma_k^{-1})^{-1} - \Sigma_k\| \le \|(I + \Sigma_k\Delta)^{-1}\|\,\|\Sigma_k\|^2\|\Delta\|$, and the Neumann series gives $\|(I + E)^{-1}\| \le 1/(1 - \|E\|)$ for $\|E\| = \|\Sigma_k\Delta\| \le \|\Sigma_k\|\|\Delta\| \le \frac12 < 1$. That norm step (in [25], which names no theorem here) is standard and not checked by the engine; the bound as a whole is searched adversarially in thm4.H11.perturbation, and its $1 \times 1$ case is proved in text.cite.25.perturbation.`,
    },
    {
      ...common,
      id: 'just.thm4.24.label',
      equation: '(24)',
      title: 'the label (W0~^{-1} = V) on the second = of (24): that relation alone turns alpha S W0~ (I + alpha G W0~)^{-1} S into alpha S (V + alpha G)^{-1} S, for every size',
      statement: String.raw`S(t_k)\alpha\tilde W_0\big(I_n + \alpha G(t_k)\tilde W_0\big)^{-1}S^\top(t_k) \overset{(\tilde W_0^{-1} = V)}{=} \alpha S(t_k)\big(V + \alpha G(t_k)\big)^{-1}S^\top(t_k)`,
      hypotheses: [String.raw`\tilde W_0V = V\tilde W_0 = I \text{ (the label)}`, String.raw`I + \alpha G\tilde W_0,\ V + \alpha G,\ S \text{ invertible}`],
      scope: String.raw`any $n$: $\tilde W_0$, $V$, $G$, $S$ and the two inverses as non-commuting letters (no symmetry and no diagonal structure used); exact rational instances with $n = 2$ to 5`,
      check: labelIdentity(12),
      uses: ['W0 invertible'],
      notes: String.raw`The reason suffices: $\tilde W_0(I + \alpha G\tilde W_0)^{-1} = \big((I + \alpha G\tilde W_0)\tilde W_0^{-1}\big)^{-1} = (V + \alpha G)^{-1}$. The invertibility of $V + \alpha G$ is not an extra assumption: it equals $(I + \alpha G\tilde W_0)V$, a product of invertible matrices (prop1.invertible, $\alpha G \succeq 0$). thm4.24 checks the step at $n = 2$ by the commutative engine.`,
    },
  ];
}

export const theorem4ReasonEntries: CatalogEntry[] = [...reasonB(), reasonC(), ...reasonsOfBlocks()];
