/**
 * Issue 17, what the prose of Sections II-III leaves to outside sources or to asymptotics: the
 * external citations [23, 24], [24, Cor. 1] and [25] (what each is used for, and whether that is
 * the statement needed, checked without the cited works), the quantifier "for all t" of
 * Proposition 1's proof, the citation of (23) in Remark III-C1 and the monotonicity in M it
 * relies on, the Theta(log(1/alpha)/sigma) wording after (15) and the coupling of (22).
 */
import { add, div, mul, num, pow, sub, sym } from '../../expr.js';
import type { CatalogEntry } from '../../entry.js';
import { matAdd, matMul, matScale, matSub, symmetricSymbols, diagonal } from '../../matrix.js';
import type { ReferenceCheck } from '../../reference.js';
import { justificationEntries } from '../justifications.js';
import { checkOf, resolvedLabel } from '../lookup.js';

const category = 'text' as const;
const [s, q, sigma, u, w0, x, lc, lC] = ['s', 'q', 'sigma', 'u', 'w0', 'x', 'lc', 'lC'].map(sym);

function justificationCheck(id: string): CatalogEntry['check'] {
  const entry = justificationEntries.find((candidate) => candidate.id === id);
  if (!entry) throw new Error(`citations.ts: no justification entry '${id}'`);
  return entry.check;
}

function externalCitations(): CatalogEntry[] {
  const common = { category, hypotheses: [] } as const;
  return [
    {
      ...common,
      id: 'text.cite.23-24.lti',
      section: 'II-A',
      equation: '(7)-(8)',
      title: '[23, 24] cited for "the solution to (7) is P = X2 X1^{-1} with (X1, X2) solving (8)": the statement as used is the one prop1.7-8.lemma proves (n = 2), without the cited works',
      statement: String.raw`\text{From [23, 24], one knows that the solution to general matrix Riccati equation (7) is given by } P(t) = X_2(t)X_1^{-1}(t) \text{, where } \{X_1, X_2\} \text{ solve the LTI system (8)}`,
      check: {
        kind: 'reference',
        about: 'the statement taken from [23, 24]: P = X2 X1^{-1} solves (7) when (X1, X2) solves (8)',
        cited: '(7)',
        actual: resolvedLabel('(7)', 'prop1.7-8.lemma'),
        source: 'the equation labels of prop1.7-8.lemma, which proves that statement (n = 2)',
      },
      notes: String.raw`What is cited: Kucera's review (1973) and Sasagawa (1982) for the linearization of the Riccati equation, neither consulted here. What is used is the forward half, "$P = X_2X_1^{-1}$ solves (7) wherever $X_1$ is invertible", and that is the statement needed; it is an identity in $X_1, X_2$, proved at $n = 2$ by prop1.7-8.lemma (this entry only matches the citation to it, so its verdict is a reading). The block matrix of (8) as printed, $\begin{bmatrix}-A^\top & R\\ Q & A\end{bmatrix}$, is the one that gives (7); the instance $R = I_n$ chosen for (4) is the erratum prop1.9.X1.`,
    },
    {
      ...common,
      id: 'text.cite.24.cor1',
      section: 'II-A',
      equation: 'Prop. 1, proof',
      title: '[24, Corollary 1] cited for "(9) is the unique solution": as used (no finite escape while X1 stays invertible) it is the statement needed; uniqueness is Picard-Lindelof, not checked; the corollary was not consulted',
      statement: String.raw`X_1(t) \text{ is invertible } \forall t, \text{ ensuring (9) is the unique solution [24, Corollary 1]}`,
      hypotheses: [String.raw`X_1(t) \text{ invertible for } t \ge 0 \text{ (prop1.invertible, just.prop1.X1)}`],
      check: {
        kind: 'reference',
        about: 'the solution that [24, Cor. 1] makes the unique one',
        cited: '(9)',
        actual: resolvedLabel('(9)', 'prop1.9.product'),
        source: 'the equation labels of prop1.9.product, which proves that X2 X1^{-1} of (9) is the closed form (5)',
      },
      notes: String.raw`What is cited: a corollary of Sasagawa's paper on finite escape times, which as used says that the solution of (7) exists on $[0, \infty)$ when $X_1(t)$ stays invertible. That is the statement needed, and it can be checked without the paper: existence is prop1.7-8.lemma with $X_1$ invertible for $t \ge 0$ (prop1.invertible, just.prop1.X1), and (9) is the closed form (5) (prop1.9.product, whose label this entry matches); uniqueness does not need [24] at all, since the right side of (4) is a polynomial in $W$, hence locally Lipschitz, and Picard-Lindelof gives at most one solution through $W_0$. That last step is standard ODE theory outside the engine, so the verdict is a reading, not a proof of uniqueness. The "$\forall t$" must be $t \ge 0$: text.prop1.forall-t.`,
    },
    {
      ...common,
      id: 'text.cite.25.interlacing',
      section: 'III-B',
      equation: '(a)',
      title: '[25] (Horn and Johnson, no theorem named) cited for interlacing: Cauchy interlacing for a principal submatrix is the statement needed, and V is symmetric as it requires (n = 2 case checked)',
      statement: String.raw`\|V_{22}^{-1}\| \le M \text{ is due to the interlacing theorem [25] for principal submatrix}`,
      scope: String.raw`$n = 2$, $k = 1$, the check of just.thm4.a.interlacing`,
      check: justificationCheck('just.thm4.a.interlacing'),
      notes: String.raw`What is cited: the textbook, without a theorem number; the theorem meant is Cauchy's interlacing for a principal submatrix of a Hermitian matrix, $\lambda_{\min}(V) \le \lambda_{\min}(V_{22})$. It is the one needed: $V = \tilde W_0^{-1}$ is symmetric positive definite, so $\|V_{22}^{-1}\| = 1/\lambda_{\min}(V_{22}) \le 1/\lambda_{\min}(V) = \|V^{-1}\| \le M$. The book was not consulted; the inequality is checked for $n = 2$ here and searched for every split up to $n = 6$ in thm4.a.`,
    },
    {
      ...common,
      id: 'text.cite.25.perturbation',
      section: 'III-B',
      equation: 'H11 bound, [25]',
      title: '[25] (no theorem named) cited for the inverse perturbation bound: the Neumann-series bound is the one needed under (c); its 1 x 1 case is proved',
      statement: String.raw`\|(\Delta + \Sigma_k^{-1})^{-1} - \Sigma_k\| \le \frac{\|\Sigma_k\|^2\|\Delta\|}{1 - \|\Sigma_k\|\|\Delta\|} \text{ (from [25])}`,
      hypotheses: [String.raw`\sigma = \|\Sigma_k\| > 0`, String.raw`\delta = \|\Delta\| \ge 0,\ \sigma\delta = h = \tfrac{1}{2(1 + q)} \le \tfrac12 \ \text{((c))}`],
      scope: String.raw`$k = 1$ ($\Sigma_k = \sigma$, $\Delta = \delta \ge 0$ as in the proof, where $\Delta \succ 0$); every size: the identity in just.thm4.from25 and the search in thm4.H11.perturbation`,
      check: {
        kind: 'inequality',
        lhs: sub(s, div(1, add(sym('delta'), div(1, s)))),
        relation: '<=',
        rhs: div(mul(pow(s, 2), sym('delta')), sub(1, mul(s, sym('delta')))),
        domains: { s: 'positive', q: 'nonnegative' },
        substitutions: { delta: div(div(1, mul(2, add(1, q))), s) },
      },
      notes: String.raw`What is cited: the textbook, without a theorem number; the statement used is the standard bound for the inverse of a perturbed matrix, $\|(A + E)^{-1} - A^{-1}\| \le \|A^{-1}\|^2\|E\|/(1 - \|A^{-1}E\|)$ with $A = \Sigma_k^{-1}$, $E = \Delta$, which holds when $\|A^{-1}E\| < 1$. That is the bound needed, and (c) provides its premise with room ($\le \frac12$). The left side here is $|(\delta + 1/\sigma)^{-1} - \sigma| = \sigma^2\delta/(1 + \sigma\delta)$. The book was not consulted.`,
    },
  ];
}

function forAllTime(): CatalogEntry {
  // n = 1, Y = sigma > 0 (K = 1), W0 = w0 >= 0, u = e^{2 sigma t}: X1 = e^{-sigma t}(1 + sigma^{-1}(u - 1) w0).
  const bracket = add(1, mul(div(sub(u, 1), sigma), w0));
  return {
    id: 'text.prop1.forall-t',
    section: 'II-A',
    equation: 'Prop. 1, proof',
    category,
    title: '"for all t, all eigenvalues of G(t) W0 are real and non-negative ... X1(t) is invertible for all t": false for t < 0, where G(t) <= 0; true for t >= 0',
    statement: String.raw`\text{Notice that } \forall t, \text{ all eigenvalues of } G(t)W_0 \text{ are real and non-negative since both } G(t) \text{ and } W_0 \text{ are positive semi-definite, then } X_1(t) \text{ is invertible } \forall t`,
    hypotheses: [String.raw`n = K = 1:\ Y = \sigma > 0,\ W_0 = w_0 \ge 0`, String.raw`u = e^{2\sigma t} > 0 \ (t \in \mathbb R)`],
    scope: String.raw`$n = 1$: $X_1(t) = e^{-\sigma t}\big(1 + \sigma^{-1}(e^{2\sigma t} - 1)w_0\big)$; the witness $\sigma = 1$, $w_0 = 2$, $u = \frac12$, i.e. $t = -\ln(2)/2$`,
    check: {
      kind: 'witness',
      point: { sigma: '1', w0: '2', u: '1/2' },
      hypotheses: [
        { lhs: sigma, comparison: '>', rhs: num(0), text: String.raw`\sigma > 0` },
        { lhs: w0, comparison: '>=', rhs: num(0), text: String.raw`W_0 = w_0 \ge 0` },
        { lhs: u, comparison: '>', rhs: num(0), text: String.raw`u = e^{2\sigma t} > 0` },
      ],
      claim: { lhs: bracket, comparison: '!=', rhs: num(0), text: String.raw`e^{\sigma t}X_1(t) = 1 + G(t)W_0 \ne 0` },
    },
    correction: {
      statement: String.raw`\text{Notice that } \forall t \ge 0, \text{ all eigenvalues of } G(t)W_0 \text{ are real and non-negative since both } G(t) \text{ and } W_0 \text{ are positive semi-definite, then } X_1(t) \text{ is invertible } \forall t \ge 0`,
      check: checkOf('prop1.invertible', 'inequality'),
    },
    notes: String.raw`$G(t) = \Sigma_Y^{-1}(e^{2\Sigma_Yt} - I) \succeq 0$ only for $t \ge 0$ (and $2tI_{n-K} \succeq 0$ only for $t \ge 0$). At $t = -\ln(2)/2$ the closed form (5) has a pole: the solution of (4) with $Y = 1$, $W_0 = 2$ blows up backward in time. A zero eigenvalue does it for every $w_0 > 0$: $1 + 2tw_0 = 0$ at $t = -1/(2w_0)$. Gradient flow runs forward, so the statement needed is $t \ge 0$, which holds (prop1.invertible).`,
  };
}

function remarkC1(): CatalogEntry[] {
  const citation: ReferenceCheck = {
    kind: 'reference',
    about: "Theorem 4's conclusion, the bound on ||W(t) - Yhat_k|| over I_k",
    cited: '(23)',
    actual: resolvedLabel('(23)', 'thm4.27'),
    source: 'the equation labels of thm4.27 (the step that closes the proof of (23))',
  };
  const [xa, xb] = [sym('xa'), sym('xb')];
  return [
    {
      id: 'text.ref.C1.23',
      section: 'III-C1',
      equation: 'Remark III-C1',
      category,
      title: 'cross-reference: "the incremental learning phenomenon as described by (23)"',
      statement: String.raw`\text{Theorem 4 suggests that the incremental learning phenomenon as described by (23) happens with probability at least } 1 - \delta`,
      hypotheses: [],
      check: citation,
    },
    {
      id: 'text.C1.monotone',
      section: 'III-C1',
      equation: 'Remark III-C1',
      category,
      title: '"define c_eps, C_eps by M_delta": with M_delta >= M the log-ratio condition of Theorem 4 still implies the one with M (and I_k shrinks), so (23) holds on the event',
      statement: String.raw`\text{one can define } c_\varepsilon, C_\varepsilon \text{ by } M_\delta \text{ and find initialization scale } \alpha \text{ accordingly}`,
      hypotheses: [
        String.raw`M \le M_\delta:\ x_a = \log\tfrac{c_\varepsilon(M)}{\alpha} = x_a' + d_1,\ x_b' = \log\tfrac{C_\varepsilon(M_\delta)}{\alpha} = x_b + d_2`,
        String.raw`x_a' = \log\tfrac{c_\varepsilon(M_\delta)}{\alpha} \ge 0,\ x_b > 0`,
      ],
      scope: String.raw`the ratio of the logarithmic condition, as a function of the two logarithms (each monotone in $M$)`,
      check: {
        kind: 'inequality',
        lhs: div(sym('xap'), sym('xbp')),
        relation: '<=',
        rhs: div(xa, xb),
        domains: { xap: 'nonnegative', xb: 'positive', d1: 'nonnegative', d2: 'nonnegative' },
        substitutions: { xa: add(sym('xap'), sym('d1')), xbp: add(xb, sym('d2')) },
      },
      notes: String.raw`$c_\varepsilon = \varepsilon/(16M^2)$ decreases and $C_\varepsilon = 16\sigma_1^2M^2/\varepsilon$ increases with $M$, so on the event $M \le M_\delta$: the condition with $M_\delta$ implies the one with $M$ (this check), $\alpha \le c_\varepsilon(M_\delta)/M_\delta \le c_\varepsilon(M)/M$, and $\mathcal I_k(M_\delta) \subseteq \mathcal I_k(M)$. So Theorem 4 applies with the true $M$, and (23) holds on every $\mathcal I_k(M_\delta)$ with probability at least $1 - \delta$; the remark's claim holds. text.C1.M-delta checks that the $M$ of Theorem 4 is $\max\{\|\bar W_0\|, \|\bar W_0^{-1}\|\}$.`,
    },
  ];
}

function theta(): CatalogEntry[] {
  const common = { section: 'III-A', equation: '(14)-(15)', category } as const;
  const abbreviation = String.raw`\text{suggesting a sharp transition \dots\ at a time that scales as } \Theta\Big(\frac{1}{\sigma_{i,Y}}\log\frac1\alpha\Big)`;
  return [
    {
      ...common,
      id: 'text.theta.ends',
      title: '"a time that scales as Theta(log(1/alpha)/sigma)": both ends log(c/alpha)/(2 sigma), log(C/alpha)/(2 sigma) are log(1/alpha)/(2 sigma) + O(1); sigma t / log(1/alpha) -> 1/2 as alpha -> 0',
      statement: abbreviation,
      hypotheses: [String.raw`v = 1/\log(1/\alpha) \to 0^+ \ (\alpha \to 0)`, String.raw`t = \tfrac{1}{2\sigma}\log\tfrac c\alpha = \tfrac{1}{2\sigma}\big(\log c + \tfrac1v\big)`, String.raw`c, \sigma > 0 \text{ fixed}`],
      check: {
        kind: 'limit',
        expression: 'sigma*((log(c)+1/v)/(2*sigma))*v',
        variable: 'v',
        expected: '1/2',
        domains: { sigma: 'positive', c: 'positive' },
        evaluate: (v, p) => p.sigma * ((Math.log(p.c) + 1 / v) / (2 * p.sigma)) * v,
        evaluateExpected: () => 1 / 2,
      },
      notes: String.raw`The same limit holds with $C$ in place of $c$. So the claim holds as $\alpha \to 0$ with everything else fixed, and the exact statement it abbreviates is $t = \frac{1}{2\sigma_{i,Y}}\log\frac1\alpha + \frac{\log c}{2\sigma_{i,Y}}$ (or $\log C$). $\Theta$ hides the factor $\frac12$ and the additive $\frac{\log c}{2\sigma_{i,Y}}$, $\frac{\log C}{2\sigma_{i,Y}}$, where $c, C$ become $c_\varepsilon, C_\varepsilon$: they depend on $\varepsilon$, on $\sigma_{1,Y}$ and on the shape ($\sigma_{i,0}$ in Theorem 3, $M$ of $\bar U_0$ in Theorem 4), and they are not small: $\log(C_\varepsilon/c_\varepsilon)$ grows as $\varepsilon \to 0$ (text.theta.width). For moderate $\alpha$ the constants can dominate.`,
    },
    {
      ...common,
      id: 'text.theta.width',
      title: 'the transition window [log(c/alpha), log(C/alpha)] / (2 sigma) has width log(C/c) / (2 sigma), independent of alpha: the O(1) that Theta leaves out',
      statement: abbreviation,
      hypotheses: [String.raw`x = \log(1/\alpha),\ \log\tfrac c\alpha = l_c + x,\ \log\tfrac C\alpha = l_C + x`],
      check: {
        kind: 'identity',
        lhs: sub(div(add(lC, x), mul(2, sigma)), div(add(lc, x), mul(2, sigma))),
        rhs: div(sub(lC, lc), mul(2, sigma)),
        domains: { sigma: 'positive' },
      },
      notes: String.raw`So the transition of mode $i$ takes a time that does not shrink with $\alpha$, while its start grows like $\frac{1}{2\sigma_{i,Y}}\log\frac1\alpha$: relative to its start the window is sharp, which is the sense of "sharp transition". With Theorem 3's constants the width is $\frac{1}{2\sigma_{i,Y}}\log\frac{\sigma_{1,Y}^2\max_i\sigma_{i,0}}{\varepsilon^2\min_{i\le K}\sigma_{i,0}}$.`,
    },
    {
      ...common,
      id: 'text.theta.inverse-proportional',
      title: '"the transition time depends inverse-proportionally on sigma_{i,Y}": exactly, sigma_{i,Y} t_i = log(c/alpha)/2 is the same for every i when c, C do not depend on i',
      statement: String.raw`\text{Notably, the transition time depends inverse-proportionally on } \sigma_{i,Y}`,
      hypotheses: [String.raw`t_i = \tfrac{1}{2\sigma_{i,Y}}\log\tfrac c\alpha,\ l = \log\tfrac c\alpha`],
      check: { kind: 'identity', lhs: mul(sigma, div(lc, mul(2, sigma))), rhs: div(lc, 2), domains: { sigma: 'positive' } },
      notes: String.raw`Exact for both ends, because (14)-(15) use one $c$ and one $C$ for all $i$ (reading.14-15.i-le-K). In Theorems 3 and 4, $c_\varepsilon$ and $C_\varepsilon$ are also common to all modes, so the interval ends of (16) are exactly inversely proportional to $\sigma_{k,Y}$, $\sigma_{k+1,Y}$.`,
    },
  ];
}

function coupling(): CatalogEntry {
  const W = symmetricSymbols('w', 2);
  const Sigma = diagonal([sym('sigma1'), sym('sigma2')]);
  const field = matSub(matAdd(matMul(W, Sigma), matMul(Sigma, W)), matScale(num(2), matMul(W, W)));
  const [w11, w12] = [sym('w11'), sym('w12')];
  return {
    id: 'text.22.coupled',
    section: 'III-B',
    equation: '(22)',
    category,
    title: '"(22) can no longer be decomposed into scalar dynamics": the (1,1) entry of its right side is 2 sigma1 w11 - 2 w11^2 - 2 w12^2, which depends on the off-diagonal w12',
    statement: String.raw`\dot{\tilde W} = \tilde W\Sigma_Y + \Sigma_Y\tilde W - 2\tilde W^2,\ \tilde W(0) = \alpha\tilde W_0 \text{ can no longer be decomposed into scalar dynamics}`,
    hypotheses: [String.raw`n = 2,\ \tilde W \text{ symmetric}`],
    scope: String.raw`$n = 2$, general symmetric $\tilde W$`,
    check: { kind: 'identity', lhs: field[0][0], rhs: sub(mul(2, sym('sigma1'), w11), mul(2, add(pow(w11, 2), pow(w12, 2)))) },
    notes: String.raw`The claim holds: unless $\tilde W_0$ is diagonal (the spectral case (11)), $\tilde w_{12} \ne 0$ at $t = 0$ and the diagonal entries do not evolve alone. When $\tilde W_0$ is diagonal the off-diagonal entries stay 0 (text.cor2.decoupled) and (22) is (11).`,
  };
}

export const citationEntries: CatalogEntry[] = [...externalCitations(), forAllTime(), ...remarkC1(), ...theta(), coupling()];
