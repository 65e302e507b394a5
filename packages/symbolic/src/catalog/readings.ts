/**
 * Item 2 of issue 17: the definitions of Min & Vidal (2025) whose range or symbol is not stated,
 * one entry per natural reading, saying whether the theorem survives it. A reading that breaks the
 * theorem gets an exact witness inside every hypothesis of the theorem under that reading.
 *
 * Witnesses avoid transcendental values: a time t enters through u = e^{2 sigma t} (a rational u
 * states t = ln(u) / (2 sigma)), or, where (13) needs t itself, through the exact lower bound
 * e^x >= 1 + x, which is enough to place a rational t inside an interval I_k = [ln(.)/(2 sigma), ...).
 */
import { add, div, mul, num, pow, sym } from '../expr.js';
import type { CatalogEntry } from '../entry.js';
import type { Condition } from '../witness.js';
import { spectralNorm, splitBlocks, inverse as numericInverse, type Matrix } from './numeric.js';
import { numericSearch, randomPositiveDefinite, randomSplit } from './random.js';
import { checkOf } from './lookup.js';

const category = 'reading' as const;
const [alpha, eps, s1, a1, a2, t] = ['alpha', 'eps', 's1', 'a1', 'a2', 't'].map(sym);

const positive = (expr: ReturnType<typeof sym>, text: string): Condition => ({ lhs: expr, comparison: '>', rhs: num(0), text });

/** Theorem 3 with n = 2, K = 1 (sigma_{2,Y} = 0): c_eps under the reading max over i <= K only. */
const theorem3K1 = {
  cEps: div(eps, a1),
  CEps: div(mul(s1, s1), mul(eps, a1)),
};

/** Frobenius norm: the reading of ||.|| that the notation paragraph rules out but a reader may take. */
function frobenius(A: Matrix): number {
  return Math.sqrt(A.to1DArray().reduce((sum, value) => sum + value * value, 0));
}

function theoremThreeIndexReadings(): CatalogEntry[] {
  const common = {
    section: 'III-A',
    equation: 'Thm. 3',
    category,
  };
  const statement = String.raw`\Sigma_{U_0}^2 = \mathrm{diag}\{\sigma_{i,0}\}_{i=1}^{d},\quad c_\varepsilon = \frac{\varepsilon}{\max_i\sigma_{i,0}},\quad C_\varepsilon = \frac{\sigma_{1,Y}^2}{\varepsilon\min_{1\le i\le K}\sigma_{i,0}}`;
  return [
    {
      ...common,
      id: 'reading.thm3.d.n',
      title: 'd = n (one sigma_{i,0} per eigenvalue of Y, max_i over 1..n): Theorem 3 holds; @factorflow/core implements this reading',
      statement,
      hypotheses: [String.raw`d = n`, String.raw`\alpha \le \varepsilon/\max_{1\le i\le n}\sigma_{i,0}`, String.raw`\sigma_{l,0} \le \max_{1\le i\le n}\sigma_{i,0},\ l > K`],
      check: {
        kind: 'inequality',
        lhs: mul(alpha, sym('s0')),
        relation: '<=',
        rhs: eps,
        domains: { alpha: 'positive', s0: 'nonnegative', dM: 'nonnegative', de: 'nonnegative' },
        substitutions: { eps: add(mul(alpha, add(sym('s0'), sym('dM'))), sym('de')) },
      },
      uses: ['alpha <= c_eps'],
      notes:
        String.raw`$d$ is never defined. With $d = n$ the max covers the modes $l > K$, so $\alpha\sigma_{l,0} \le \varepsilon$, the bound (21) needs; every other step of the proof is in the thm3 entries. Corollary 2 defines $\sigma_{i,0}$ for $i = 1, \dots, n$, which supports this reading. @factorflow/core implements it: theorem3Plan (packages/core/src/theorems/theorem3.ts) takes sigma0 with one entry per eigenvalue of $Y$ and passes Math.max over all of them, and the min over the first $K$, to theorem3Constants; it is the one reading under which (21) follows from $\alpha \le c_\varepsilon$.`,
    },
    {
      ...common,
      id: 'reading.thm3.d.r',
      title: 'd = r >= n (Sigma_{U0}^2 read as the r x r Sigma_{U0}^T Sigma_{U0}): the extra sigma_{i,0} are 0, c_eps is unchanged, Theorem 3 holds',
      statement,
      hypotheses: [String.raw`d = r \ge n`, String.raw`\sigma_{i,0} = 0,\ n < i \le r`, String.raw`\max_{1\le i\le n}\sigma_{i,0} = m_0 > 0`],
      check: { kind: 'inequality', lhs: num(0), relation: '<=', rhs: sym('m0'), domains: { m0: 'positive' } },
      notes: String.raw`$\Sigma_{U_0}$ is $n \times r$ in the SVD $U_0 = \alpha^{1/2}\Phi\Sigma_{U_0}V^\top$, so $\Sigma_{U_0}^2$ has no meaning until read as $\Sigma\Sigma^\top$ ($n \times n$, $d = n$) or $\Sigma^\top\Sigma$ ($r \times r$, $d = r$). Padding with zeros cannot raise the max (the check: $0 \le$ the max), so $c_\varepsilon$, $C_\varepsilon$ and the theorem are those of $d = n$.`,
    },
    {
      ...common,
      id: 'reading.thm3.d.K',
      title: 'd = K (max_i over 1..K, like the min in C_eps): Theorem 3 fails, exact counterexample',
      statement,
      hypotheses: [
        String.raw`n = 2,\ K = 1:\ \sigma_{1,Y} = 5/4,\ \sigma_{2,Y} = 0`,
        String.raw`c_\varepsilon = \varepsilon/\max_{1\le i\le K}\sigma_{i,0}`,
        String.raw`t \in \mathcal I_1 = [\tfrac{1}{2\sigma_{1,Y}}\log\tfrac{C_\varepsilon}{\alpha}, \infty) \Leftarrow 1 + 2\sigma_{1,Y}t \ge C_\varepsilon/\alpha \ (e^x \ge 1 + x)`,
      ],
      scope: String.raw`$n = 2$, $K = 1$: $\sigma_{1,Y} = 5/4$, $\varepsilon = 1$, $\sigma_{1,0} = 1$, $\sigma_{2,0} = 100$, $\alpha = 9/10$, $t = 3/10$; $\sigma_{2,W}(t)$ = (13)`,
      check: {
        kind: 'witness',
        point: { s1: '5/4', eps: '1', a1: '1', a2: '100', alpha: '9/10', t: '3/10' },
        hypotheses: [
          positive(eps, String.raw`\varepsilon > 0`),
          { lhs: eps, comparison: '<=', rhs: s1, text: String.raw`\varepsilon \le \sigma_{K,Y}` },
          positive(a1, String.raw`\sigma_{1,0} > 0`),
          { lhs: a2, comparison: '>=', rhs: num(0), text: String.raw`\sigma_{2,0} \ge 0` },
          positive(alpha, String.raw`\alpha > 0`),
          { lhs: alpha, comparison: '<=', rhs: theorem3K1.cEps, text: String.raw`\alpha \le c_\varepsilon = \varepsilon/\sigma_{1,0}` },
          { lhs: t, comparison: '>=', rhs: num(0), text: String.raw`t \ge 0` },
          { lhs: add(1, mul(2, s1, t)), comparison: '>=', rhs: div(theorem3K1.CEps, alpha), text: String.raw`1 + 2\sigma_{1,Y}t \ge C_\varepsilon/\alpha` },
        ],
        claim: {
          lhs: div(mul(alpha, a2), add(1, mul(2, alpha, a2, t))),
          comparison: '<=',
          rhs: eps,
          text: String.raw`\sigma_{2,W}(t) = \frac{\alpha\sigma_{2,0}}{1 + 2\alpha\sigma_{2,0}t} \le \varepsilon \ (\text{needed by (18), since } \|W(t) - \hat Y_1\| \ge |\sigma_{2,W}(t)|)`,
        },
      },
      notes:
        String.raw`$\sigma_{2,W}(3/10) = 90/55 = 18/11 > \varepsilon = 1$, so $\|W(t) - \hat Y_1\| > \varepsilon$ at a $t \in \mathcal I_1$. The logarithmic condition holds under either reading of its empty max ($K = 1$): $\alpha = 9/10 < c_\varepsilon = 1$, so $\log(c_\varepsilon/\alpha) > 0$ and $\mathcal I_1 = [\ln(125/72)/(5/2), \infty)$. Under $d = n$, $c_\varepsilon = 1/100$ and $\alpha = 9/10$ is not admissible.`,
    },
  ];
}

function lastIntervalReadings(): CatalogEntry[] {
  const common = {
    section: 'III-A',
    equation: '(16)',
    category,
    statement: String.raw`\mathcal I_K = \Big[\frac{1}{2\sigma_{K,Y}}\log\frac{C_\varepsilon}{\alpha}, \frac{1}{2\sigma_{K+1,Y}}\log\frac{c_\varepsilon}{\alpha}\Big],\ \frac10 := \infty`,
  };
  const xa = sym('xa');
  return [
    {
      ...common,
      id: 'reading.16.IK.infinity',
      title: 'sigma_{K+1,Y} = 0 and (1/0) log(c_eps/alpha) = infinity even when log(c_eps/alpha) = 0: I_K = [t_K, infinity) is non-empty; @factorflow/core implements this reading',
      hypotheses: [String.raw`\mathcal I_K = [t_K, \infty),\ t_K = \tfrac{1}{2\sigma_{K,Y}}\log\tfrac{C_\varepsilon}{\alpha}`, String.raw`\alpha \le c_\varepsilon \le C_\varepsilon \ (\text{thm3.C-ge-c})`],
      scope: String.raw`$t_K \ge 0$ is finite: $C_\varepsilon/\alpha \ge 1$`,
      check: { kind: 'inequality', lhs: num(1), relation: '<=', rhs: div(add(alpha, sym('dC')), alpha), domains: { alpha: 'positive', dC: 'nonnegative' } },
      notes:
        String.raw`$\sigma_{K+1,Y}$ is the $(K+1)$-th eigenvalue of $Y$, 0 (or absent when $K = n$, where the convention is the same). With this reading (17) for $k = K$ says $W(t)$ stays within $\varepsilon$ of $Y$ for all $t \ge t_K$, which the proofs give (they use only $t \ge t_K$ for the modes $l \le K$). @factorflow/core implements it: learningIntervals (packages/core/src/theorems/intervals.ts) sets the end of $\mathcal I_K$ to $+\infty$ whatever $\log(c_\varepsilon/\alpha)$ is, and alphaHypotheses treats the logarithmic condition as vacuous for $K = 1$, so $\alpha = c_\varepsilon$ is admissible there.`,
    },
    {
      ...common,
      id: 'reading.16.IK.zero-times-infinity',
      title: '(1/0) * 0 read as 0 (at alpha = c_eps, allowed when K = 1): I_K = [t_K, 0] is empty, Theorem 3\'s "all non-empty" fails',
      hypotheses: [String.raw`K = 1:\ \text{the logarithmic condition is vacuous}`, String.raw`\alpha = c_\varepsilon,\ \text{so } \log(c_\varepsilon/\alpha) = 0 \text{ and } \tfrac10\cdot 0 := 0`],
      scope: String.raw`$n = K = 1$: $\sigma_{1,Y} = 1$, $\varepsilon = 1/2$, $\sigma_{1,0} = 1$, $\alpha = c_\varepsilon = 1/2$, $C_\varepsilon = 2$; $\mathcal I_1 = [\ln(4)/2, 0]$`,
      check: {
        kind: 'witness',
        point: { s1: '1', eps: '1/2', a1: '1', alpha: '1/2' },
        hypotheses: [
          positive(eps, String.raw`\varepsilon > 0`),
          { lhs: eps, comparison: '<=', rhs: s1, text: String.raw`\varepsilon \le \sigma_{K,Y}` },
          positive(a1, String.raw`\sigma_{1,0} > 0`),
          positive(alpha, String.raw`\alpha > 0`),
          { lhs: alpha, comparison: '=', rhs: theorem3K1.cEps, text: String.raw`\alpha = c_\varepsilon` },
        ],
        claim: {
          lhs: div(theorem3K1.CEps, alpha),
          comparison: '<=',
          rhs: num(1),
          text: String.raw`\mathcal I_1 \ne \emptyset \iff \tfrac{1}{2\sigma_{1,Y}}\log\tfrac{C_\varepsilon}{\alpha} \le 0 \iff C_\varepsilon/\alpha \le 1`,
        },
      },
      notes: String.raw`With $K \ge 2$ the logarithmic condition excludes $\alpha = c_\varepsilon$ (its left side is then 0), so the ambiguity only matters for $K = 1$, where it decides whether $\alpha = c_\varepsilon$ is allowed at all.`,
    },
    {
      ...common,
      id: 'reading.16.K1.max-empty',
      title: 'K = 1, max over the empty set read as 0: the condition forces alpha < c_eps and I_1 = [t_1, infinity) is unambiguous',
      hypotheses: [String.raw`\max_{1\le k\le 0}\tfrac{\sigma_{k+1}}{\sigma_k} := 0`, String.raw`x_a = \log(c_\varepsilon/\alpha),\ x_b = \log(C_\varepsilon/\alpha) > 0`, String.raw`x_a/x_b = \rho > 0 \text{ (the condition)}`],
      check: { kind: 'inequality', lhs: xa, relation: '>', rhs: num(0), domains: { rho: 'positive', xb: 'positive' }, substitutions: { xa: mul(sym('rho'), sym('xb')) } },
      notes: String.raw`Then $\log(c_\varepsilon/\alpha) > 0$ and $\frac10\log(c_\varepsilon/\alpha) = \infty$ with no $0\cdot\infty$. @factorflow/core uses this bound for $\alpha_{\max}$ (alphaBounds: $\rho = 0$ gives $\log\alpha_{\max} = \log c_\varepsilon$) but accepts $\alpha = c_\varepsilon$ itself (reading.16.IK.infinity).`,
    },
  ];
}

function transitionRangeReadings(): CatalogEntry[] {
  const c = sym('c');
  const common = {
    section: 'III-A',
    equation: '(14)-(15)',
    category,
    statement: String.raw`\text{For some } c, C > 0 \text{ such that } c\sigma_{i,0} \ll \sigma_{i,Y} \text{ and } C\sigma_{i,0} \gg \sigma_{i,Y},\ \forall i`,
  };
  return [
    {
      ...common,
      id: 'reading.14-15.all-i',
      title: '"for all i" read as 1 <= i <= n: for a zero eigenvalue c sigma_{i,0} << sigma_{i,Y} = 0 has no c > 0, and (14)-(15) divide by sigma_{i,Y}',
      hypotheses: [String.raw`i > K:\ \sigma_{i,Y} = 0`, String.raw`c > 0,\ \sigma_{i,0} > 0`],
      check: { kind: 'inequality', lhs: mul(c, sym('s0')), relation: '<', rhs: num(0), domains: { c: 'positive', s0: 'positive' } },
      notes: String.raw`The counterexample is any $c, \sigma_{i,0} > 0$: $c\sigma_{i,0} < 0 = \sigma_{i,Y}$ is false, let alone $\ll$. So the range is $1 \le i \le K$ (reading.14-15.i-le-K).`,
    },
    {
      ...common,
      id: 'reading.14-15.i-le-K',
      title: '"for all i" read as 1 <= i <= K (the non-zero modes): (14) holds as an identity (the check of thm3.14)',
      hypotheses: [String.raw`1 \le i \le K`],
      check: checkOf('thm3.14', 'identity'),
      notes: String.raw`(15) is the same identity with $C$ in place of $c$ (thm3.15).`,
    },
  ];
}

function theoremFourReadings(): CatalogEntry[] {
  return [
    {
      id: 'reading.thm4.M.frobenius',
      section: 'III-B',
      equation: 'Thm. 4',
      category,
      title: 'M with the Frobenius norm in place of the spectral one: every use of M in the proof still holds (numeric search)',
      statement: String.raw`M := \max\{\|V\|, \|V^{-1}\|\}`,
      hypotheses: [String.raw`M_F = \max\{\|V\|_F, \|V^{-1}\|_F\}`],
      scope: String.raw`random $V \succ 0$ of size 2 to 7 and a split $k$: $\|V_{11}\|, \|V_{12}\|, \|V_{22}^{-1}\| \le M_F$ and $M_F \ge 1$ (numeric search)`,
      check: numericSearch(200, (uniform) => {
        const { n, k } = randomSplit(uniform);
        const V = randomPositiveDefinite(n, uniform).mul(10 ** (4 * uniform() - 2));
        const MF = Math.max(frobenius(V), frobenius(numericInverse(V)));
        const [V11, V12, V22] = splitBlocks(V, k);
        const uses = [spectralNorm(V11), spectralNorm(V12), spectralNorm(numericInverse(V22)), 1];
        const worst = Math.max(...uses);
        return worst > MF * (1 + 1e-10) ? `a bound the proof needs exceeds M_F = ${MF} (n = ${n}, k = ${k})` : undefined;
      }),
      notes:
        String.raw`The notation paragraph makes $\|\cdot\|$ the spectral norm; the Frobenius reading gives a larger $M$, smaller $c_\varepsilon$, larger $C_\varepsilon$ and shorter $\mathcal I_k$, and the proof goes through because it uses $M$ only as an upper bound on $\|V_{11}\|$, $\|V_{12}\|$, $\|V_{22}^{-1}\|$ and as $M \ge 1$. @factorflow/core implements the spectral reading: theorem4Plan takes $M$ from the extreme singular values of $\bar U_0$ (initializationM, packages/core/src/theorems/theorem4.ts).`,
    },
  ];
}

/** W0~ with or without alpha: Proposition 1's W0~ = Phi^T W0 Phi contains it, Theorem 4's does not. */
function scaledInitialization(): CatalogEntry {
  const [M, mu, delta, wn] = ['M', 'mu', 'delta', 'wn'].map(sym);
  return {
    id: 'reading.thm4.W0tilde-scaled',
    section: 'III-B',
    equation: 'Thm. 4',
    category,
    title: 'V = W0~^{-1} with W0~ = Phi^T W0 Phi as in (5) (alpha included): alpha <= c_eps/M then forces alpha^2 ||W0bar||^3 eps >= 16, so small alpha is excluded',
    statement: String.raw`\tilde W_0 = \Phi^\top W_0\Phi \text{ (Prop. 1)} \quad\text{vs}\quad \tilde W_0 = \Phi^\top\bar U_0\bar U_0^\top\Phi \text{ (Thm. 4)},\quad M := \max\{\|V\|, \|V^{-1}\|\},\ V = \tilde W_0^{-1}`,
    hypotheses: [String.raw`V = (\alpha\Phi^\top\bar W_0\Phi)^{-1}:\ M \ge \|V\| \ge \tfrac{1}{\alpha\|\bar W_0\|},\ M = \tfrac{1}{\alpha w} + \mu`, String.raw`\alpha \le c_\varepsilon/M = \tfrac{\varepsilon}{16M^3}:\ \varepsilon = 16M^3\alpha + \delta`],
    check: {
      kind: 'inequality',
      lhs: mul(alpha, alpha, wn, wn, wn, add(mul(16, pow(M, 3), alpha), delta)),
      relation: '>=',
      rhs: num(16),
      domains: { alpha: 'positive', wn: 'positive', mu: 'nonnegative', delta: 'nonnegative' },
      substitutions: { M: add(div(1, mul(alpha, wn)), mu) },
    },
    notes:
      String.raw`Under this reading $M$ grows like $1/\alpha$ and the hypotheses can only hold for $\alpha \ge 4/\sqrt{\varepsilon\|\bar W_0\|^3}$: the theorem is not false but says nothing in the small-$\alpha$ regime it is about. The proof writes $\alpha\tilde W_0$ in (24) and $V = \tilde W_0^{-1}$ with $\alpha$ outside, so the intended $\tilde W_0$ is $\alpha$-free (Theorem 4's own definition). @factorflow/core implements the $\alpha$-free reading: theorem4Plan computes $M$ from the singular values of $\bar U_0$ (initializationM in packages/core/src/theorems/theorem4.ts), never from $\alpha\bar U_0$.`,
  };
}

function notationReadings(): CatalogEntry[] {
  const U = [
    [sym('p11'), sym('p12'), sym('p13')],
    [sym('p21'), sym('p22'), sym('p23')],
  ];
  const [x1, x2] = [sym('x1'), sym('x2')];
  // x^T U U^T x written out, against ||U^T x||^2.
  const Ux = [0, 1, 2].map((j) => add(mul(U[0][j], x1), mul(U[1][j], x2)));
  const quadratic = add(...[0, 1].flatMap((i) => [0, 1].map((k) => mul(i === 0 ? x1 : x2, k === 0 ? x1 : x2, add(...[0, 1, 2].map((j) => mul(U[i][j], U[k][j])))))));
  return [
    {
      id: 'reading.sec2B.U0bar-psd',
      section: 'II-B',
      equation: 'Sec. II-B',
      category,
      title: '"initialization shape U0bar >= 0" for an n x r matrix: read as W0bar = U0bar U0bar^T >= 0, which every U0bar satisfies',
      statement: String.raw`U(0) = U_0 = \alpha^{1/2}\bar U_0 \text{ for some initialization scale } \alpha > 0 \text{ and initialization shape } \bar U_0 \succeq 0`,
      hypotheses: [String.raw`\bar U_0 \in \mathbb R^{n\times r}`],
      scope: String.raw`$n = 2$, $r = 3$, general $\bar U_0$: $x^\top\bar U_0\bar U_0^\top x = \|\bar U_0^\top x\|^2$`,
      check: { kind: 'identity', lhs: quadratic, rhs: add(...Ux.map((entry) => mul(entry, entry))) },
      notes:
        String.raw`$\bar U_0 \succeq 0$ is defined only for a square symmetric $\bar U_0$ ($r = n$). Read literally it would restrict Theorem 4 to symmetric PSD shapes, a special case under which the theorem still holds; read as a condition on $\bar W_0 = \bar U_0\bar U_0^\top$ it holds for every $\bar U_0$ (the check), so it constrains nothing. No step of the proofs uses it.`,
    },
    {
      id: 'reading.cor2.SigmaY-size',
      section: 'III-A',
      equation: 'Cor. 2',
      category,
      title: 'Sigma_Y is K x K in Proposition 1 but diag{sigma_{i,Y}}_{i=1}^n in Corollary 2: read with zeros, (6) at a zero eigenvalue is the limit 2t',
      statement: String.raw`\text{Suppose } \Sigma_Y = \mathrm{diag}\{\sigma_{i,Y}\}_{i=1}^n`,
      hypotheses: [String.raw`\sigma_{i,Y} = 0,\ i > K`],
      scope: String.raw`the limit check of prop1.G.limit: $\sigma^{-1}(e^{2\sigma t} - 1) \to 2t$`,
      check: checkOf('prop1.G.limit', 'limit'),
      notes: String.raw`Proposition 1 defines $\Sigma_Y$ as the $K \times K$ block of non-zero singular values, and inverts it in $G(t)$; Corollary 2 reuses the name for the $n \times n$ diagonal with zeros. Under the $n \times n$ reading $G(t) = \Sigma_Y^{-1}(e^{2\Sigma_Y t} - I)$ is undefined at a zero eigenvalue unless read as its limit $2t$, which is the $I_{n-K}$ block of (6); (13) is then the limit of (12) (cor2.13.limit), and Corollary 2 holds.`,
    },
  ];
}

export const readingEntries: CatalogEntry[] = [
  ...notationReadings(),
  ...transitionRangeReadings(),
  ...theoremThreeIndexReadings(),
  ...lastIntervalReadings(),
  ...theoremFourReadings(),
  scaledInitialization(),
];
